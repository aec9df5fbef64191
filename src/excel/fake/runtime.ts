/**
 * The batching model of Office.js, in memory: proxies queue loads, property sets and method calls on
 * their request context; `context.sync()` runs the queue in order against the FakeDocument and only then
 * fills loaded properties. Reading a property that was not loaded and synced throws, as in Office.js.
 */
import { jsonBytes } from '../read';
import { FakeDocument, SyncRecord } from './document';

/** Shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export const errors = {
  notLoaded: (prop: string) =>
    new FakeOfficeError(
      'PropertyNotLoaded',
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    ),
  notFound: (what: string) =>
    new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (${what})`),
  invalidArgument: (what: string) =>
    new FakeOfficeError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format. (${what})`,
    ),
  accessDenied: (what: string) =>
    new FakeOfficeError('AccessDenied', `You cannot perform the requested operation. (${what})`),
  invalidOperation: (what: string) =>
    new FakeOfficeError(
      'InvalidOperation',
      `This operation is not permitted for the current object. (${what})`,
    ),
  exists: (what: string) =>
    new FakeOfficeError('ItemAlreadyExists', `The resource already exists. (${what})`),
  tooLarge: (bytes: number) =>
    new FakeOfficeError(
      'ResponsePayloadSizeLimitExceeded',
      `The response payload size (${bytes} bytes) has exceeded the limit.`,
    ),
};

/** A queued action; `bytes` is the JSON size of what a load returned. */
type Action = () => number | void;

export class FakeRequestContext {
  readonly doc: FakeDocument;
  /** Syncs made through this context. */
  syncCount = 0;
  private queue: Action[] = [];
  private afterSync: (() => void)[] = [];
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  /** True while a sync runs its actions: proxies made then (collection items) resolve at once. */
  running = false;
  // assigned by objects.ts (avoids an import cycle)
  workbook!: unknown;

  constructor(doc: FakeDocument) {
    this.doc = doc;
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  /** Run after the next sync's actions all succeeded (e.g. publish ClientResult values). */
  onSynced(fn: () => void): void {
    this.afterSync.push(fn);
  }

  get pending(): boolean {
    return this.queue.length > 0 || this.afterSync.length > 0;
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    const after = this.afterSync;
    this.queue = [];
    this.afterSync = [];
    this.syncCount++;
    const record: SyncRecord = { responseBytes: 0, actions: queue.length };
    this.doc.syncs.push(record);
    await Promise.resolve();
    let changed = false;
    this.running = true;
    try {
      for (const action of queue) {
        const bytes = action();
        if (typeof bytes === 'number') record.responseBytes += bytes;
        else changed = true;
      }
      if (record.responseBytes > this.doc.maxResponseBytes) throw errors.tooLarge(record.responseBytes);
      // results registered while the actions ran are published now, all at once
      const published = [...after, ...this.afterSync];
      this.afterSync = [];
      for (const fn of published) fn();
    } catch (e) {
      this.afterSync = [];
      record.failed = true;
      throw e;
    } finally {
      this.running = false;
      if (changed) this.doc.notify();
    }
  }
}

/** A primitive returned by a method (getCount(), getXml()): readable after sync. */
export class FakeClientResult<T> {
  private loaded = false;
  private v: T | undefined;
  constructor(ctx: FakeRequestContext, compute: () => T) {
    ctx.enqueue(() => {
      const value = compute();
      ctx.onSynced(() => {
        this.v = value;
        this.loaded = true;
      });
      return jsonBytes(value);
    });
  }
  get value(): T {
    if (!this.loaded) throw errors.notLoaded('value');
    return this.v as T;
  }
}

export type Resolver<T> = () => T | null;

/**
 * Base of every proxy. `resolve` finds the target in the document when an action runs (null = a null
 * object). Subclasses list their scalar properties (`scalars`), their navigation properties (`navs`) and
 * read them with `readScalar`.
 */
export abstract class FakeProxy<T> {
  protected readonly ctx: FakeRequestContext;
  protected readonly resolver: Resolver<T>;
  private readonly nullable: boolean;
  private loadedProps = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(ctx: FakeRequestContext, resolver: Resolver<T>, nullable = false) {
    this.ctx = ctx;
    this.resolver = resolver;
    this.nullable = nullable;
    if (nullable) {
      const check = () => {
        const t = this.tryResolve();
        ctx.onSynced(() => (this.nullState = t === null));
        return 0;
      };
      if (ctx.running) check();
      else ctx.enqueue(check);
    }
  }

  private navCache = new Map<string, unknown>();
  /** Navigation properties return the same proxy every time, as in Office.js. */
  protected memo<P>(name: string, make: () => P): P {
    let p = this.navCache.get(name) as P | undefined;
    if (p === undefined) {
      p = make();
      this.navCache.set(name, p);
    }
    return p;
  }

  get context(): FakeRequestContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined) throw errors.notLoaded('isNullObject');
    return this.nullState;
  }

  /** The target, null for a null object; throws for a missing non-nullable object. */
  tryResolve(): T | null {
    return this.resolver();
  }

  /** The target or an ItemNotFound error. */
  target(): T {
    const t = this.resolver();
    if (t === null) throw errors.notFound(this.constructor.name);
    return t;
  }

  protected abstract scalars(): string[];
  protected navs(): Record<string, () => FakeProxy<unknown>> {
    return {};
  }
  protected abstract readScalar(target: T, prop: string): unknown;

  /** Queue a load, like ClientObject.load. */
  load(arg?: string | string[] | { select?: string; expand?: string }): this {
    const paths = parseLoad(arg);
    this.ctx.enqueue(() => this.loadNow(paths));
    return this;
  }

  /** Load at sync time; returns the JSON size of what was read. */
  loadNow(paths: string[][]): number {
    const t = this.tryResolve();
    if (t === null) return 0; // a null object loads nothing
    let bytes = 0;
    const all = paths.length === 0;
    const scalarsWanted = all ? this.scalars() : [];
    const byNav = new Map<string, string[][]>();
    for (const p of paths) {
      if (p.length === 1 && this.scalars().includes(p[0])) scalarsWanted.push(p[0]);
      else {
        const nav = this.navs()[p[0]];
        if (!nav)
          throw errors.invalidArgument(`unknown property '${p.join('/')}' on ${this.constructor.name}`);
        const rest = byNav.get(p[0]) ?? [];
        if (p.length > 1) rest.push(p.slice(1));
        byNav.set(p[0], rest);
      }
    }
    const values = new Map<string, unknown>();
    for (const prop of scalarsWanted) {
      const v = this.readScalar(t, prop);
      values.set(prop, v);
      bytes += jsonBytes(v) + prop.length + 4;
    }
    const navs = this.navs();
    for (const [nav, rest] of byNav) bytes += navs[nav]().loadNow(rest.length ? rest : []);
    this.ctx.onSynced(() => {
      for (const [k, v] of values) this.loadedProps.set(k, v);
    });
    return bytes;
  }

  protected get<V>(prop: string): V {
    if (!this.loadedProps.has(prop)) throw errors.notLoaded(prop);
    return this.loadedProps.get(prop) as V;
  }

  /** Queue a change to the target. */
  protected mutate(fn: (target: T) => void): void {
    this.ctx.enqueue(() => {
      const t = this.tryResolve();
      if (t === null) return; // calls on a null object do nothing
      fn(t);
    });
  }

  /** Set a scalar locally too, so reading it back after a set works as in Office.js. */
  protected setLocal(prop: string, value: unknown): void {
    this.loadedProps.set(prop, value);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}

/** 'a, b/c' | ['a', 'b/c'] | { select: 'a,b' } → [['a'], ['b', 'c']] */
export function parseLoad(arg?: string | string[] | { select?: string; expand?: string }): string[][] {
  if (arg === undefined) return [];
  let list: string[];
  if (typeof arg === 'string') list = arg.split(',');
  else if (Array.isArray(arg)) list = arg.flatMap((a) => a.split(','));
  else list = [...(arg.select ?? '').split(','), ...(arg.expand ?? '').split(',')];
  return list
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split('/').map((x) => x.trim()));
}
