/**
 * The Office.js adapter against office-addin-mock: what it loads, what it maps into the core model, which
 * calls it queues to highlight and to clear. (The behaviour end to end runs on the fake in sync-count.test.ts.)
 *
 * office-addin-mock handles objects with scalar properties (ranges: load → sync → read); collections with
 * `items` and methods are plain objects here, since the mock cannot load `items/…` paths.
 */
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));

import { OfficeMockObject } from 'office-addin-mock';
import { Highlight } from '../../src/core/model/edits';
import { applyHighlights, clearHighlights, readSnapshot, readWorkbook } from '../../src/excel';
import { Features } from '../../src/excel/office';
import { recordFromXml, recordToXml, textHash } from '../../src/excel/record';

const ALL: Features = {
  notes: true,
  comments: true,
  mergedAreas: true,
  customXml: true,
  names: true,
  mergeUndoGroup: true,
  delayForCellEdit: true,
  api17: true,
};

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

/** A mock world: one context whose sync() syncs every office-addin-mock object made for it. */
class World {
  mocks: OfficeMockObject[] = [];
  syncs = 0;
  cfAdds: { address: string; type: string; cf: Any }[] = [];
  notesAdded: { row: number; col: number; text: string }[] = [];
  partsAdded: string[] = [];
  deleted: string[] = [];
  context: Any;

  constructor(sheets: Any[], parts: { id: string; xml: string }[] = []) {
    const world = this as World;
    this.context = {
      workbook: {
        worksheets: { load: () => world.context.workbook.worksheets, items: sheets },
        customXmlParts: {
          getByNamespace: () => ({
            load() {
              return this;
            },
            items: parts.map((p) => ({
              id: p.id,
              getXml: () => ({ value: p.xml }),
              delete: () => world.deleted.push(`part ${p.id}`),
            })),
          }),
          add: (xml: string) => world.partsAdded.push(xml),
        },
      },
      sync: async () => {
        world.syncs++;
        for (const m of world.mocks) await m.sync();
        await new Promise((r) => setImmediate(r));
      },
    };
  }

  /** An office-addin-mock range with scalar properties. */
  range(data: Record<string, unknown>): Any {
    const m = new OfficeMockObject(data) as Any;
    m.isNullObject = false;
    this.mocks.push(m);
    return m;
  }

  /** A plain cell range that records conditional formats added to it. */
  cellRange(address: string): Any {
    const cfAdds = this.cfAdds;
    return {
      address,
      conditionalFormats: {
        add(type: string) {
          const cf = { custom: { rule: { formula: '' }, format: { fill: { color: '' } } } };
          cfAdds.push({ address, type, cf });
          return cf;
        },
      },
    };
  }
}

interface SheetData {
  id: string;
  name: string;
  visibility?: string;
  protected?: boolean;
  used?: {
    row: number;
    col: number;
    values: unknown[][];
    formulas: unknown[][];
    numberFormat: string[][];
    valueTypes: string[][];
  };
  merges?: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[];
  cfs?: Any[];
  notes?: { content: string; row: number; col: number }[];
}

function sheet(world: World, d: SheetData): Any {
  const u = d.used;
  const usedMock = u
    ? world.range({
        rowIndex: u.row,
        columnIndex: u.col,
        rowCount: u.values.length,
        columnCount: u.values[0].length,
      })
    : (() => {
        const m = world.range({ rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 });
        m.isNullObject = true;
        return m;
      })();
  const data = u
    ? world.range({
        values: u.values,
        formulas: u.formulas,
        numberFormat: u.numberFormat,
        valueTypes: u.valueTypes,
      })
    : undefined;
  const merged = {
    isNullObject: !(d.merges && d.merges.length),
    areas: { items: d.merges ?? [] },
    load() {
      return this;
    },
  };
  const notes = (d.notes ?? []).map((n, i) => ({
    content: n.content,
    getLocation: () => {
      const loc = world.range({ rowIndex: n.row, columnIndex: n.col });
      loc.load = (
        (orig) => (p: string) =>
          orig.call(loc, p)
      )(loc.load);
      return loc;
    },
    delete: () => world.deleted.push(`note ${d.name}!${i}`),
  }));
  const self: Any = {
    id: d.id,
    name: d.name,
    visibility: d.visibility ?? 'Visible',
    protection: { protected: Boolean(d.protected) },
    getUsedRangeOrNullObject: () => usedMock,
    getUsedRange: () => ({ getMergedAreasOrNullObject: () => merged }),
    getRange: () => ({
      conditionalFormats: {
        load() {
          return this;
        },
        items: d.cfs ?? [],
      },
    }),
    getRangeByIndexes: (r: number, c: number, rows: number, cols: number) =>
      u && r === u.row && c === u.col && rows === u.values.length && cols === u.values[0].length
        ? data
        : world.cellRange(`${d.name}!R${r}C${c}:${rows}x${cols}`),
    names: { getItemOrNullObject: () => ({ isNullObject: true }) },
    notes: {
      load() {
        return this;
      },
      items: notes,
      add: (range: Any, text: string) => {
        const m = /R(\d+)C(\d+)/.exec(range.address)!;
        world.notesAdded.push({ row: +m[1], col: +m[2], text });
      },
    },
  };
  return self;
}

const SHEET: SheetData = {
  id: 's1',
  name: '收支总表',
  used: {
    row: 2,
    col: 1,
    values: [
      ['项目', 100.5, ''],
      ['#DIV/0!', true, '=文本'],
    ],
    formulas: [
      ['项目', 100.5, ''],
      ['=1/0', true, '=文本'],
    ],
    numberFormat: [
      ['General', '#,##0.00', 'General'],
      ['General', 'General', '@'],
    ],
    valueTypes: [
      ['String', 'Double', 'Empty'],
      ['Error', 'Boolean', 'String'],
    ],
  },
  merges: [{ rowIndex: 0, columnIndex: 1, rowCount: 1, columnCount: 3 }],
};

describe('readWorkbook', () => {
  it('maps values, formulas, number formats, errors, merges and sheet states into the core model', async () => {
    const world = new World([]);
    world.context.workbook.worksheets.items = [
      sheet(world, SHEET),
      sheet(world, { id: 's2', name: 'Hidden', visibility: 'Hidden', protected: true }),
    ];
    const wb = await readWorkbook(world.context, { features: ALL });
    expect(world.syncs).toBe(3);
    const [s1, s2] = wb.sheets;
    expect(s1.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 3 }]);
    expect(s1.rows[2]?.[1]).toEqual({ value: '项目', numFmt: 'General' });
    expect(s1.rows[2]?.[2]).toEqual({ value: 100.5, numFmt: '#,##0.00' });
    expect(s1.rows[2]?.[3]).toBeUndefined();
    expect(s1.rows[3]?.[1]).toEqual({ value: { error: '#DIV/0!' }, formula: '1/0', numFmt: 'General' });
    expect(s1.rows[3]?.[2]).toEqual({ value: true, numFmt: 'General' });
    // text that starts with '=' is text, not a formula
    expect(s1.rows[3]?.[3]).toEqual({ value: '=文本', numFmt: '@' });
    expect(s2).toEqual({ name: 'Hidden', hidden: true, protected: true, rows: [], merges: [] });
  });
});

describe('applyHighlights', () => {
  it('queues one =TRUE rule per run of same-level cells, a note per cell and the record — in one sync', async () => {
    const world = new World([]);
    world.context.workbook.worksheets.items = [sheet(world, SHEET)];
    const snapshot = await readSnapshot(world.context, { features: ALL, forHighlights: true });
    const syncsBefore = world.syncs;
    const highlights: Highlight[] = [
      { sheet: '收支总表', row: 5, col: 2, level: 'warning', note: 'Gouji:\n【警告】a' },
      { sheet: '收支总表', row: 5, col: 3, level: 'warning', note: 'Gouji:\n【警告】b' },
      { sheet: '收支总表', row: 7, col: 2, level: 'error', note: 'Gouji:\n【错误】c' },
      // inside the merged title B1:D1 → shown on B1
      { sheet: '收支总表', row: 0, col: 3, level: 'info', note: 'Gouji:\n【提示】d' },
      { sheet: 'Gone', row: 0, col: 0, level: 'error', note: 'x' },
    ];
    const r = await applyHighlights(world.context, highlights, {}, snapshot);
    expect(world.syncs - syncsBefore).toBe(1);
    expect(r).toMatchObject({ highlighted: 4, rules: 3, notes: 4, removed: 0 });
    expect(
      world.cfAdds.map((a) => [a.address, a.type, a.cf.custom.rule.formula, a.cf.custom.format.fill.color]),
    ).toEqual([
      ['收支总表!R0C1:1x1', 'Custom', '=TRUE', '#DDEBF7'],
      ['收支总表!R5C2:1x2', 'Custom', '=TRUE', '#FFEB9C'],
      ['收支总表!R7C2:1x1', 'Custom', '=TRUE', '#FFC7CE'],
    ]);
    expect(world.notesAdded.map((n) => [n.row, n.col])).toEqual([
      [5, 2],
      [5, 3],
      [7, 2],
      [0, 1],
    ]);
    expect(world.partsAdded).toHaveLength(1);
    const record = recordFromXml(world.partsAdded[0])!;
    expect(record.formats.map((f) => [f.range, f.level])).toEqual([
      ['B1', 'info'],
      ['C6:D6', 'warning'],
      ['C8', 'error'],
    ]);
    expect(record.notes.map((n) => n.cell)).toEqual(['C6', 'D6', 'C8', 'B1']);
    expect(record.notes[0].hash).toBe(textHash('Gouji:\n【警告】a'));
  });
});

describe('clearHighlights', () => {
  const g = globalThis as Any;
  let saved: unknown;
  beforeEach(() => {
    saved = g.Office;
    // feature detection goes through Office.context.requirements, mocked here
    g.Office = new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (set: string, v: string) => set === 'ExcelApi' && Number(v.split('.')[1]) <= 20,
        },
      },
    });
  });
  afterEach(() => {
    g.Office = saved;
  });

  it('deletes Gouji’s rules and untouched notes from the record, and nothing of the user’s', async () => {
    const customRule = (formula: string, color: string, tag: string, world: World) => ({
      type: 'Custom',
      custom: {
        rule: { formula, load: () => undefined },
        format: { fill: { color, load: () => undefined } },
      },
      delete: () => world.deleted.push(tag),
    });
    const record = {
      version: 1 as const,
      at: '2026-11-21T00:00:00Z',
      formats: [{ sheetId: 's1', sheet: '收支总表', range: 'C6:D6', level: 'warning' as const }],
      notes: [
        { sheetId: 's1', sheet: '收支总表', cell: 'C6', hash: textHash('Gouji:\n【警告】a') },
        { sheetId: 's1', sheet: '收支总表', cell: 'D6', hash: textHash('Gouji:\n【警告】b') },
      ],
      comments: [],
    };
    const world = new World([], [{ id: 'p1', xml: recordToXml(record) }]);
    world.context.workbook.worksheets.items = [
      sheet(world, {
        ...SHEET,
        cfs: [
          customRule('=TRUE', '#FFEB9C', 'gouji rule', world),
          customRule('=TRUE', '#00FF00', 'user rule (other fill)', world),
          customRule('=$A$1>0', '#FFEB9C', 'user rule (other formula)', world),
          {
            type: 'ColorScale',
            customOrNullObject: { isNullObject: true },
            delete: () => world.deleted.push('scale'),
          },
        ],
        notes: [
          { content: 'Gouji:\n【警告】a', row: 5, col: 2 },
          { content: 'Gouji:\n【警告】b — and my own words', row: 5, col: 3 },
          { content: 'a note of the user', row: 0, col: 0 },
        ],
      }),
    ];
    const r = await clearHighlights(world.context);
    expect(world.deleted).toEqual(['gouji rule', 'note 收支总表!0', 'part p1']);
    expect(r.removed).toBe(2);
    expect(r.cells).toBe(2);
    expect(world.partsAdded).toEqual([]);
  });
});
