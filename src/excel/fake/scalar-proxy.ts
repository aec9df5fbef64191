/**
 * Proxies generated from one description each (the conditional-format fill, font and rule, the range fill and
 * font, chart title and series, worksheet protection, settings, …): the scalar property names, how each is read
 * from the target and, for a writable one, how it is set; and the nested objects (navigation properties) it
 * leads to. The generated class behaves as the hand-written ones did: `load`/`toJSON` see `scalars()`, a getter
 * reads through `get` (so an unloaded property throws as in Office), a setter queues through `mutate` (and with
 * `local` also records the value so it reads back before a sync), a property without `write` has no setter, one
 * with `hidden` is loaded but has no accessor, and a nested object is the same proxy every time and loads through
 * `navs()`. Methods are added by extending the generated class.
 */
import { FakeProxy, FakeRequestContext, Resolver } from './runtime';

export type ScalarSpec<T, S> = {
  [K in keyof S]: {
    read(target: T, ctx: FakeRequestContext): S[K];
    write?(target: T, value: S[K], ctx: FakeRequestContext): void;
    /** Record the set value locally too (reads back before a sync). */
    local?: boolean;
    /** Loaded and serialised, but no accessor on the proxy. */
    hidden?: boolean;
  };
};

type ProxyCtor<T, P> = new (ctx: FakeRequestContext, resolver: Resolver<T>) => P;

/** Nested objects: a thunk (classes may be declared later) per navigation property, sharing the target. */
export type NestedSpec<T, N> = { [K in keyof N]: () => ProxyCtor<T, N[K]> };

/** The concrete base of every generated proxy (no scalars, no nested objects until described). */
export class GeneratedProxy<T> extends FakeProxy<T> {
  protected scalars(): string[] {
    return [];
  }
  protected readScalar(_target: T, _prop: string): unknown {
    return undefined;
  }
}

export type ScalarProxyClass<T, S, N = unknown> = new (
  ctx: FakeRequestContext,
  resolver: Resolver<T>,
  nullable?: boolean,
) => GeneratedProxy<T> & S & Readonly<N>;

export function scalarProxy<T, S extends object, N extends object = object>(
  name: string,
  spec: ScalarSpec<T, S>,
  nested?: NestedSpec<T, N>,
): ScalarProxyClass<T, S, N> {
  const props = Object.keys(spec) as (keyof S & string)[];
  const navNames = Object.keys(nested ?? {}) as (keyof N & string)[];
  type Internals = {
    get(p: string): unknown;
    mutate(fn: (t: T) => void): void;
    setLocal(p: string, v: unknown): void;
    memo<P>(name: string, make: () => P): P;
  };
  class ScalarProxy extends GeneratedProxy<T> {
    protected override scalars(): string[] {
      return [...props];
    }
    protected override navs(): Record<string, () => FakeProxy<unknown>> {
      return Object.fromEntries(
        navNames.map((n) => [n, () => (this as unknown as Record<string, FakeProxy<unknown>>)[n]]),
      );
    }
    protected override readScalar(target: T, prop: string): unknown {
      return Object.prototype.hasOwnProperty.call(spec, prop)
        ? spec[prop as keyof S].read(target, this.ctx)
        : undefined;
    }
  }
  Object.defineProperty(ScalarProxy, 'name', { value: name });
  for (const prop of props) {
    const { write, local, hidden } = spec[prop];
    if (hidden) continue;
    Object.defineProperty(ScalarProxy.prototype, prop, {
      configurable: true,
      get(this: ScalarProxy) {
        return (this as unknown as Internals).get(prop);
      },
      set: write
        ? function (this: ScalarProxy, v: S[typeof prop]) {
            const self = this as unknown as Internals;
            if (local) self.setLocal(prop, v);
            self.mutate((t) => write(t, v, this.context));
          }
        : undefined,
    });
  }
  for (const nav of navNames) {
    const make = (nested as NestedSpec<T, N>)[nav];
    Object.defineProperty(ScalarProxy.prototype, nav, {
      configurable: true,
      get(this: ScalarProxy) {
        const Cls = make();
        return (this as unknown as Internals).memo(nav, () => new Cls(this.context, () => this.tryResolve()));
      },
    });
  }
  return ScalarProxy as unknown as ScalarProxyClass<T, S, N>;
}
