/**
 * The Excel host beyond the review (fill scores, summary sheet, select), the ribbon commands, older hosts
 * (comments instead of notes, no notes at all), and the Office.js rules the fake enforces.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { planFill } from '../../src/core/performance/fill';
import { review } from '../helpers/review';
import { DEFAULT_SETTINGS, Settings } from '../../src/core/settings';
import { SUMMARY_SHEET_NAME } from '../../src/core/summary';
import { Workbook } from '../../src/core/model/workbook';
import { createExcelHost, features, OWNER_NAME, readWorkbook } from '../../src/excel';
import { FakeOffice, FakeOfficeError, loadFakeOffice } from '../../src/excel/fake';
import { registerCommands } from '../../src/commands/commands';
import { statusFromXml, STATUS_NAMESPACE } from '../../src/excel/status';
import { OWNER_NAME as XLSX_OWNER_NAME, readXlsx } from '../../src/xlsx';
import { countSyncs, documentExtras, noteCount, ruleCount, sampleWorkbook, userView } from './helpers';

const settings: Settings = DEFAULT_SETTINGS;
const fixture = (name: string): Workbook =>
  readXlsx(new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', name))), name);

let fake: FakeOffice | undefined;
afterEach(() => {
  fake?.uninstall();
  fake = undefined;
});

describe('fillScores', () => {
  it('writes the planned scores into empty cells only and reports what needs a person', async () => {
    const wb = fixture('national-self-evaluation-blank.xlsx');
    const plan = planFill(wb, settings);
    expect(plan.writes.length).toBeGreaterThan(0);
    fake = loadFakeOffice(wb);
    const before = await userView();
    const progress: string[] = [];
    const { syncs, result } = await countSyncs(fake, () =>
      createExcelHost().fillScores(settings, (step) => progress.push(step)),
    );
    expect(result.written).toBe(plan.writes.length);
    expect(result.findings).toEqual(plan.findings);
    // read (3) → write (2) → go to the first score written (1)
    expect(syncs).toBe(6);
    expect(progress[0]).toBe('正在读取工作簿…');
    const first = plan.writes[0];
    const shown = fake.document.sheetByName(first.sheet)!;
    expect(fake.document.activeSheetId).toBe(shown.id);
    expect(fake.document.selection).toEqual({
      sheetId: shown.id,
      range: { top: first.row, left: first.col, bottom: first.row, right: first.col },
    });
    const after = await userView();
    // every cell that had something still has exactly that
    for (const [sheet, cells] of Object.entries(before))
      for (const [key, cell] of Object.entries(cells))
        if (cell.value !== '' || cell.formula !== '') expect(after[sheet][key]).toEqual(cell);
    for (const w of plan.writes) {
      const v = after[w.sheet][`${w.row},${w.col}`];
      expect(v.value).toEqual(w.value);
      if (w.numFmt) expect(v.numberFormat).toBe(w.numFmt);
    }
  });

  it('fills nothing twice: a second run finds no empty score cells left', async () => {
    fake = loadFakeOffice(fixture('national-self-evaluation-blank.xlsx'));
    const host = createExcelHost();
    const first = await host.fillScores(settings);
    expect(first.written).toBeGreaterThan(0);
    const second = await host.fillScores(settings);
    expect(second.written).toBe(0);
  });
});

describe('buildSummary', () => {
  it('adds the 审核汇总 sheet with its owner mark, tables and chart; the review then ignores it', async () => {
    const wb = sampleWorkbook();
    fake = loadFakeOffice(wb);
    const host = createExcelHost();
    const { sheet } = await host.buildSummary(settings);
    expect(sheet).toBe(SUMMARY_SHEET_NAME.zh);
    const doc = fake.document;
    const made = doc.sheetByName(sheet)!;
    expect(made.names).toEqual([expect.objectContaining({ name: OWNER_NAME, visible: false })]);
    expect(OWNER_NAME).toBe(XLSX_OWNER_NAME);
    expect(made.cells.size).toBeGreaterThan(10);
    expect(doc.activeSheetId).toBe(made.id);
    // the view goes to the summary's top-left
    expect(doc.selection).toEqual({ sheetId: made.id, range: { top: 0, left: 0, bottom: 0, right: 0 } });
    // it prints A4 landscape, one page wide, title rows on every page (ExcelApi 1.9)
    expect(made.pageLayout).toEqual(
      expect.objectContaining({
        paperSize: 'A4',
        orientation: 'Landscape',
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printTitleRows: '$1:$2',
        centerFooter: '&P / &N',
      }),
    );
    // the sheet Gouji wrote is not reviewed as if it were the user's
    const outcome = await host.review(settings);
    expect(outcome.findings.filter((f) => !f.rule.startsWith('excel/'))).toEqual(
      review(wb, settings).findings,
    );
    expect(outcome.findings.some((f) => f.locations.some((l) => l.sheet === sheet))).toBe(false);
    const read = await Excel.run((context) => readWorkbook(context));
    expect(read.sheets.find((s) => s.name === sheet)?.generatedBy).toBe('gouji');
  });

  it('rewrites its own sheet in place on the next run and never touches a user sheet of that name', async () => {
    const wb = sampleWorkbook();
    wb.sheets.push({ name: SUMMARY_SHEET_NAME.zh, rows: [[{ value: 'my own notes' }]], merges: [] });
    fake = loadFakeOffice(wb);
    const host = createExcelHost();
    const first = await host.buildSummary(settings);
    expect(first.sheet).toBe(`${SUMMARY_SHEET_NAME.zh} (2)`);
    const count = fake.document.sheets.length;
    const made = fake.document.sheetByName(first.sheet)!;
    const cells = JSON.stringify([...made.cells.entries()]);
    const second = await host.buildSummary(settings);
    expect(second.sheet).toBe(first.sheet);
    expect(fake.document.sheets.length).toBe(count);
    expect(fake.document.sheetByName(first.sheet)).toBe(made);
    expect(JSON.stringify([...made.cells.entries()])).toBe(cells);
    expect(made.tables.length).toBeLessThanOrEqual(JSON.parse(JSON.stringify(made.tables)).length);
    const user = fake.document.sheetByName(SUMMARY_SHEET_NAME.zh)!;
    expect(user.cell(0, 0)?.value).toBe('my own notes');
    expect(user.names).toEqual([]);
  });
});

describe('select', () => {
  it('activates the sheet and selects the cell', async () => {
    fake = loadFakeOffice(sampleWorkbook());
    const name = fake.document.sheets[2].name;
    await createExcelHost().select({ sheet: name, cell: 'C5' });
    expect(fake.document.activeSheetId).toBe(fake.document.sheets[2].id);
    expect(fake.document.selection?.range).toEqual({ top: 4, left: 2, bottom: 4, right: 2 });
  });

  it('says why when the sheet is hidden or gone, in both languages', async () => {
    const wb = sampleWorkbook();
    wb.sheets[1].hidden = true;
    fake = loadFakeOffice(wb);
    const host = createExcelHost();
    await expect(host.select({ sheet: wb.sheets[1].name, cell: 'A1' })).rejects.toMatchObject({
      zh: expect.stringContaining('隐藏'),
      en: expect.stringContaining('hidden'),
    });
    await expect(host.select({ sheet: 'Nope', cell: 'A1' })).rejects.toMatchObject({
      en: expect.stringContaining('Nope'),
    });
  });
});

describe('ribbon commands', () => {
  it('review and summary run through the host, complete the event and record their outcome', async () => {
    fake = loadFakeOffice(sampleWorkbook());
    registerCommands();
    expect([...fake.actions.keys()]).toEqual(['review', 'summary']);
    await fake.invoke('review');
    expect(ruleCount(fake.document)).toBeGreaterThan(0);
    const part = fake.document.xmlParts.find((p) => p.namespaceUri === STATUS_NAMESPACE)!;
    expect(statusFromXml(part.xml)).toMatchObject({ command: 'review', ok: true });
    await fake.invoke('summary');
    const parts = fake.document.xmlParts.filter((p) => p.namespaceUri === STATUS_NAMESPACE);
    expect(parts).toHaveLength(1);
    expect(statusFromXml(parts[0].xml)).toMatchObject({ command: 'summary', ok: true });
    expect(fake.document.sheetByName(SUMMARY_SHEET_NAME.zh)).toBeDefined();
  });

  it('a failing command still completes, with the error recorded instead of a dialog', async () => {
    const wb = sampleWorkbook();
    wb.sheets.push({ name: SUMMARY_SHEET_NAME.zh, rows: [], merges: [] });
    fake = loadFakeOffice(wb);
    const errors: unknown[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((...a) => void errors.push(a));
    registerCommands({
      host: {
        ...createExcelHost(),
        buildSummary: async () => {
          throw Object.assign(new Error('boom'), { zh: '出错了', en: 'boom' });
        },
      },
    });
    await fake.invoke('summary');
    spy.mockRestore();
    const part = fake.document.xmlParts.find((p) => p.namespaceUri === STATUS_NAMESPACE)!;
    expect(statusFromXml(part.xml)).toMatchObject({
      command: 'summary',
      ok: false,
      message: { zh: '出错了', en: 'boom' },
    });
    expect(errors.length).toBe(1);
  });
});

describe('older hosts', () => {
  it('ExcelApi 1.10–1.17: explanations become threaded comments, and Clear removes them', async () => {
    fake = loadFakeOffice(sampleWorkbook(), { apiVersion: '1.12' });
    expect(features()).toMatchObject({
      notes: false,
      comments: true,
      mergedAreas: false,
      mergeUndoGroup: false,
    });
    const before = documentExtras(fake.document);
    const host = createExcelHost();
    const { syncs, result } = await countSyncs(fake, () => host.review(settings));
    expect(syncs).toBeLessThanOrEqual(4);
    expect(noteCount(fake.document)).toBe(0);
    expect(fake.document.comments.length).toBe(result.highlighted);
    expect(fake.document.runs[0].options).toEqual({ delayForCellEdit: true });
    await host.review(settings);
    expect(fake.document.comments.length).toBe(result.highlighted);
    await host.clear();
    expect(documentExtras(fake.document)).toEqual(before);
  });

  it('ExcelApi 1.7–1.9: colours only (no notes or comments API), still exact on Clear', async () => {
    fake = loadFakeOffice(sampleWorkbook(), { apiVersion: '1.9' });
    const before = await userView();
    const host = createExcelHost();
    const r = await host.review(settings);
    expect(r.highlighted).toBeGreaterThan(0);
    expect(ruleCount(fake.document)).toBeGreaterThan(0);
    expect(noteCount(fake.document) + fake.document.comments.length).toBe(0);
    await host.clear();
    expect(ruleCount(fake.document)).toBe(0);
    expect(await userView()).toEqual(before);
  });
});

describe('the Office.js fake keeps Office.js rules', () => {
  beforeEach(() => {
    fake = loadFakeOffice(sampleWorkbook());
  });

  it('reading a property before load + sync throws', async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(fake!.document.sheets[0].name).getRange('A1:B2');
      expect(() => range.values).toThrow(/is not available/);
      range.load('values');
      expect(() => range.values).toThrow(/is not available/);
      await context.sync();
      expect(range.values).toHaveLength(2);
      expect(() => range.formulas).toThrow(/is not available/);
    });
  });

  it('a missing item fails at sync, an OrNullObject gives a null object', async () => {
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItem('Nope');
      missing.load('name');
      await expect(context.sync()).rejects.toBeInstanceOf(FakeOfficeError);
      const maybe = context.workbook.worksheets.getItemOrNullObject('Nope');
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
    });
  });

  it('protected sheets refuse changes; loading custom on other rule types fails like Excel', async () => {
    const name = fake!.document.sheets[0].name;
    fake!.document.sheets[0].protected = true;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(name).getRange('A1').values = [['x']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    fake!.document.sheets[0].protected = false;
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      sheet.getRange('A1').conditionalFormats.add('ColorScale');
      await context.sync();
      const list = sheet.getRange().conditionalFormats.load('items/custom/rule/formula');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      const safe = sheet
        .getRange()
        .conditionalFormats.load('items/type,items/customOrNullObject/rule/formula');
      await context.sync();
      expect(safe.items[0].customOrNullObject.isNullObject).toBe(true);
      void list;
    });
  });

  it('responses over 5 MB fail, as on Excel on the web', async () => {
    const LONG = '勾稽'.repeat(10) + 'x'.repeat(80);
    const name = fake!.document.sheets[0].name;
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      sheet.getRange('A1:E20000').values = [[LONG]];
      await context.sync();
      sheet.getRange('A1:E20000').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    });
    // the adapter reads the same sheet in row blocks that Excel accepts
    const start = fake!.document.syncs.length;
    const wb = await Excel.run((context) => readWorkbook(context));
    expect(wb.sheets[0].rows.length).toBeGreaterThanOrEqual(20000);
    expect(wb.sheets[0].rows[19999]?.[4]?.value).toBe(LONG);
    const syncs = fake!.document.syncs.slice(start);
    for (const s of syncs.filter((x) => !x.failed))
      expect(s.responseBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(syncs.filter((x) => x.failed).length).toBeLessThanOrEqual(1);
  });
});

describe('new Excel.RequestContext()', () => {
  it('works like a context from Excel.run', async () => {
    fake = loadFakeOffice(sampleWorkbook());
    const context = new Excel.RequestContext();
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    expect(sheets.items.length).toBe(fake.document.sheets.length);
  });
});
