/**
 * `Office` and `Excel` globals over a FakeDocument, so code written for Office.js (the adapter, the pane,
 * the ribbon commands) runs in a plain browser page or in Jest.
 */
import { Workbook } from '../../core/model/workbook';
import { FakeDocument, FakeDocumentOptions } from './document';
import { createContext, FakeWorkbook, hostSupports } from './objects';
import { FakeOfficeError, FakeRequestContext } from './runtime';

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

export interface FakeExcelGlobal {
  run<T>(batchOrOptions: Batch<T> | Record<string, unknown>, maybeBatch?: Batch<T>): Promise<T>;
  RequestContext: new () => FakeRequestContext;
  ConditionalFormatType: Record<string, string>;
  ChartType: Record<string, string>;
  ClearApplyTo: Record<string, string>;
  SheetVisibility: Record<string, string>;
}

export interface FakeSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(options?: unknown, callback?: (r: { status: string }) => void): void;
  refreshAsync(callback?: (r: { status: string; value: FakeSettings }) => void): void;
}

export interface FakeOfficeGlobal {
  context: {
    requirements: { isSetSupported(name: string, version?: string): boolean };
    document: { settings: FakeSettings; url: string };
    displayLanguage: string;
    contentLanguage: string;
    diagnostics: { host: string; platform: string; version: string };
    officeTheme?: { bodyBackgroundColor: string };
  };
  onReady(
    callback?: (info: { host: string; platform: string }) => void,
  ): Promise<{ host: string; platform: string }>;
  actions: { associate(name: string, fn: (event: unknown) => unknown): void };
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
  AsyncResultStatus: Record<string, string>;
}

export interface FakeOffice {
  document: FakeDocument;
  Office: FakeOfficeGlobal;
  Excel: FakeExcelGlobal;
  /** Functions registered with Office.actions.associate (ribbon commands). */
  actions: Map<string, (event: unknown) => unknown>;
  /** Run a registered ribbon command and wait for it to call event.completed(). */
  invoke(name: string): Promise<void>;
  /** Syncs so far (all runs). */
  readonly syncCount: number;
  /** Put back whatever `Office`/`Excel` were before. */
  uninstall(): void;
}

export interface LoadFakeOfficeOptions extends FakeDocumentOptions {
  /** UI language reported by Office.context.displayLanguage (default 'zh-CN'). */
  displayLanguage?: string;
  /** Install as globals (default true). */
  install?: boolean;
}

export function createFakeOffice(doc: FakeDocument, options: LoadFakeOfficeOptions = {}): FakeOffice {
  const actions = new Map<string, (event: unknown) => unknown>();
  const settings: FakeSettings = {
    get: (name) => {
      const v = doc.settings.get(name);
      return v === undefined ? null : v;
    },
    set: (name, value) => void doc.settings.set(name, JSON.parse(JSON.stringify(value ?? null))),
    remove: (name) => void doc.settings.delete(name),
    saveAsync: (a, b) => {
      const cb = typeof a === 'function' ? (a as (r: { status: string }) => void) : b;
      queueMicrotask(() => cb?.({ status: 'succeeded' }));
    },
    refreshAsync: (cb) => queueMicrotask(() => cb?.({ status: 'succeeded', value: settings })),
  };
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const Office: FakeOfficeGlobal = {
    context: {
      requirements: {
        isSetSupported: (name, version = '1.1') => name === 'ExcelApi' && hostSupports(doc, version),
      },
      document: { settings, url: doc.name ?? 'Book1.xlsx' },
      displayLanguage: options.displayLanguage ?? 'zh-CN',
      contentLanguage: options.displayLanguage ?? 'zh-CN',
      diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: `fake ExcelApi ${doc.apiVersion}` },
    },
    onReady: (callback) => {
      const p = Promise.resolve(info);
      if (callback) void p.then(callback);
      return p;
    },
    actions: { associate: (name, fn) => void actions.set(name, fn) },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };

  async function run<T>(a: Batch<T> | Record<string, unknown>, b?: Batch<T>): Promise<T> {
    const batch = typeof a === 'function' ? a : b;
    const runOptions = typeof a === 'function' ? {} : a;
    if (!batch) throw new FakeOfficeError('InvalidArgument', 'Excel.run needs a batch function');
    const ctx = createContext(doc);
    const entry = { options: { ...runOptions }, syncs: 0 };
    doc.runs.push(entry);
    try {
      const result = await batch(ctx);
      // like Office.js, whatever is still queued runs when the batch returns
      if (ctx.pending) await ctx.sync();
      return result;
    } finally {
      entry.syncs = ctx.syncCount;
    }
  }

  const Excel: FakeExcelGlobal = {
    run,
    RequestContext: class extends FakeRequestContext {
      constructor() {
        super(doc);
        this.workbook = new FakeWorkbook(this);
      }
    } as unknown as new () => FakeRequestContext,
    ConditionalFormatType: {
      custom: 'Custom',
      dataBar: 'DataBar',
      colorScale: 'ColorScale',
      iconSet: 'IconSet',
      topBottom: 'TopBottom',
      presetCriteria: 'PresetCriteria',
      containsText: 'ContainsText',
      cellValue: 'CellValue',
    },
    ChartType: { barClustered: 'BarClustered', columnClustered: 'ColumnClustered', pie: 'Pie' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  };

  const g = globalThis as Record<string, unknown>;
  const previous = { Office: g.Office, Excel: g.Excel, OfficeExtension: g.OfficeExtension };
  const fake: FakeOffice = {
    document: doc,
    Office,
    Excel,
    actions,
    async invoke(name) {
      const fn = actions.get(name);
      if (!fn) throw new Error(`no action '${name}' is associated`);
      await new Promise<void>((resolve, reject) => {
        try {
          const r = fn({ completed: () => resolve(), source: { id: name } });
          if (r && typeof (r as Promise<unknown>).catch === 'function') (r as Promise<unknown>).catch(reject);
        } catch (e) {
          reject(e);
        }
      });
    },
    get syncCount() {
      return doc.syncs.length;
    },
    uninstall() {
      for (const [k, v] of Object.entries(previous)) {
        if (v === undefined) delete g[k];
        else g[k] = v;
      }
    },
  };
  if (options.install !== false) {
    g.Office = Office;
    g.Excel = Excel;
    g.OfficeExtension = { Error: FakeOfficeError };
  }
  return fake;
}

/**
 * Install `Office` and `Excel` globals backed by an in-memory copy of `workbook` (the browser preview and
 * tests). Returns the handle to inspect the document and count syncs.
 */
export function loadFakeOffice(workbook: Workbook, options: LoadFakeOfficeOptions = {}): FakeOffice {
  return createFakeOffice(FakeDocument.fromWorkbook(workbook, options), options);
}
