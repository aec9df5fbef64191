/**
 * The Excel adapter on the in-memory Office.js fake, with the bundled sample (济源 2021 budget):
 * a constant number of syncs, exact Clear, replacement on re-review, safe writes, protected sheets.
 */
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { planHighlights } from '../../src/core/highlights';
import { review } from '../helpers/review';
import { LEVEL_FILL } from '../../src/core/model/edits';
import { cellText } from '../../src/core/model/workbook';
import { applyWrites, createExcelHost, readWorkbook } from '../../src/excel';
import { argbToHex } from '../../src/excel/office';
import { FakeOffice, loadFakeOffice } from '../../src/excel/fake';
import {
  countSyncs,
  documentExtras,
  multiplied,
  noteCount,
  ruleCount,
  sampleWorkbook,
  userView,
} from './helpers';

const settings = DEFAULT_SETTINGS;
let fake: FakeOffice | undefined;

afterEach(() => {
  fake?.uninstall();
  fake = undefined;
});

describe('a full review = read + review + highlight', () => {
  it('takes at most 4 syncs on the sample, in one Excel.run merged into one undo step', async () => {
    fake = loadFakeOffice(sampleWorkbook());
    const host = createExcelHost();
    const { syncs, result } = await countSyncs(fake, () => host.review(settings));
    expect(syncs).toBeLessThanOrEqual(4);
    expect(result.highlighted).toBeGreaterThan(0);
    expect(fake.document.runs).toHaveLength(1);
    expect(fake.document.runs[0].options).toMatchObject({ mergeUndoGroup: true });
    // no response came near Excel on the web's 5 MB limit
    for (const s of fake.document.syncs) expect(s.responseBytes).toBeLessThan(4_000_000);
  });

  it('takes the same number of syncs with 10× the sheets', async () => {
    fake = loadFakeOffice(sampleWorkbook());
    const one = await countSyncs(fake, () => createExcelHost().review(settings));
    fake.uninstall();

    const big = multiplied(sampleWorkbook(), 10);
    fake = loadFakeOffice(big);
    const ten = await countSyncs(fake, () => createExcelHost().review(settings));
    expect(big.sheets.length).toBe(sampleWorkbook().sheets.length * 10);
    expect(ten.syncs).toBe(one.syncs);
    expect(ten.syncs).toBeLessThanOrEqual(4);
    expect(ten.result.highlighted).toBeGreaterThanOrEqual(one.result.highlighted);
  });

  it('reports the same findings as the core review of the same workbook', async () => {
    const wb = sampleWorkbook();
    fake = loadFakeOffice(wb);
    const outcome = await createExcelHost().review(settings);
    const direct = review(wb, settings);
    expect(outcome.findings.filter((f) => !f.rule.startsWith('excel/'))).toEqual(direct.findings);
    expect(outcome.tables).toEqual(direct.tables);
    // every highlighted cell is coloured by its level and explained
    const planned = planHighlights(direct.findings, 'zh');
    const doc = fake.document;
    for (const h of planned.slice(0, 20)) {
      const sheet = doc.sheetByName(h.sheet)!;
      const merged = sheet.merges.find(
        (m) => h.row >= m.top && h.row <= m.bottom && h.col >= m.left && h.col <= m.right,
      );
      const row = merged ? merged.top : h.row;
      const col = merged ? merged.left : h.col;
      expect(doc.displayFill(sheet, row, col)).toBeDefined();
      expect(
        sheet.notes.some((n) => n.row === row && n.col === col && n.content.includes(h.note.split('\n')[1])),
      ).toBe(true);
    }
  });
});

describe('reading', () => {
  it('reproduces every value, formula and number format of the workbook', async () => {
    const wb = sampleWorkbook();
    fake = loadFakeOffice(wb);
    const read = await Excel.run((context) => readWorkbook(context));
    expect(read.sheets.map((s) => s.name)).toEqual(wb.sheets.filter((s) => !s.kind).map((s) => s.name));
    wb.sheets
      .filter((s) => !s.kind)
      .forEach((s, i) => {
        const got = read.sheets[i];
        expect(got.merges).toEqual(expect.arrayContaining(s.merges));
        expect(got.merges.length).toBe(s.merges.length);
        s.rows.forEach((row, r) =>
          row?.forEach((cell, c) => {
            if (!cell || (cell.value === null && cell.formula === undefined)) return;
            const g = got.rows[r]?.[c];
            expect({ at: `${s.name}!${r},${c}`, text: cellText(g), formula: g?.formula }).toEqual({
              at: `${s.name}!${r},${c}`,
              text: cellText(cell),
              formula: cell.formula,
            });
            if (cell.numFmt && cell.numFmt !== 'General') expect(g?.numFmt).toBe(cell.numFmt);
          }),
        );
      });
  });

  it('reads a big sheet in row blocks when one response would be too large, same result', async () => {
    const wb = sampleWorkbook();
    fake = loadFakeOffice(wb);
    const whole = await countSyncs(fake, () => Excel.run((context) => readWorkbook(context)));
    const chunked = await countSyncs(fake, () =>
      Excel.run((context) => readWorkbook(context, { maxPayloadBytes: 20_000, bytesPerCell: 64 })),
    );
    expect(whole.syncs).toBe(3);
    expect(chunked.syncs).toBeGreaterThan(3);
    expect(chunked.result).toEqual(whole.result);
    // each block stayed under the budget the reader was given (+ JSON framing)
    const blockSyncs = fake.document.syncs.slice(-(chunked.syncs - 2));
    for (const s of blockSyncs) expect(s.responseBytes).toBeLessThan(60_000);
  });

  it('reads hidden sheets, marks protected ones and copes with empty sheets', async () => {
    const wb = sampleWorkbook();
    wb.sheets[1].hidden = true;
    wb.sheets[2].protected = true;
    wb.sheets.push({ name: 'Empty', rows: [], merges: [] });
    fake = loadFakeOffice(wb);
    const read = await Excel.run((context) => readWorkbook(context));
    expect(read.sheets[1].hidden).toBe(true);
    expect(read.sheets[1].rows.length).toBeGreaterThan(0);
    expect(read.sheets[2].protected).toBe(true);
    expect(read.sheets[read.sheets.length - 1]).toEqual({ name: 'Empty', rows: [], merges: [] });
  });
});

describe('Clear', () => {
  it('after a review leaves every cell exactly as before (values, formats, fills, yellow and No Fill)', async () => {
    const wb = sampleWorkbook();
    const planned = planHighlights(review(wb, settings).findings, 'zh');
    expect(planned.length).toBeGreaterThan(1);
    fake = loadFakeOffice(wb);
    const doc = fake.document;

    // the user filled one flagged cell yellow; another flagged cell has No Fill
    const yellow = planned.find(
      (h) => !doc.sheetByName(h.sheet)!.merges.some((m) => m.top === h.row && m.left === h.col),
    )!;
    const plain = planned.find((h) => h !== yellow && h.sheet === yellow.sheet)!;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(yellow.sheet).getCell(yellow.row, yellow.col).format.fill.color =
        'yellow';
      await context.sync();
    });
    const before = await userView();
    const extrasBefore = documentExtras(doc);
    expect(before[yellow.sheet][`${yellow.row},${yellow.col}`].fill).toBe('#FFFF00');
    expect(before[plain.sheet][`${plain.row},${plain.col}`].fill).toBe('#FFFFFF');

    const host = createExcelHost();
    await host.review(settings);
    const yellowSheet = doc.sheetByName(yellow.sheet)!;
    // on screen the level colour shows, but the cell's own fill is untouched
    expect(doc.displayFill(yellowSheet, yellow.row, yellow.col)).toBe(argbToHex(LEVEL_FILL[yellow.level]));
    expect((await userView())[yellow.sheet][`${yellow.row},${yellow.col}`].fill).toBe('#FFFF00');
    expect(ruleCount(doc)).toBeGreaterThan(0);
    expect(noteCount(doc)).toBeGreaterThan(0);

    const { removed } = await host.clear();
    expect(removed).toBeGreaterThan(0);
    expect(await userView()).toEqual(before);
    expect(documentExtras(doc)).toEqual(extrasBefore);
    expect(doc.displayFill(yellowSheet, yellow.row, yellow.col)).toBe('#FFFF00');
  });

  it('removes only what Gouji added: the user’s own rules and notes stay', async () => {
    const wb = sampleWorkbook();
    const planned = planHighlights(review(wb, settings).findings, 'zh');
    fake = loadFakeOffice(wb);
    const h = planned[0];
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(h.sheet);
      const cf = sheet.getRange('A1:C3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      cf.custom.format.fill.color = '#00FF00';
      sheet.getRange('D1').conditionalFormats.add('ColorScale');
      sheet.notes.add(sheet.getCell(h.row, h.col), 'my own note');
      await context.sync();
    });
    const extrasBefore = documentExtras(fake.document);
    const host = createExcelHost();
    const outcome = await host.review(settings);
    // the user's note is kept and not doubled; Gouji says so
    const sheet = fake.document.sheetByName(h.sheet)!;
    expect(sheet.notes.filter((n) => n.row === h.row && n.col === h.col).map((n) => n.content)).toEqual([
      'my own note',
    ]);
    expect(outcome.findings.some((f) => f.rule === 'excel/note-kept')).toBe(true);
    await host.clear();
    expect(documentExtras(fake.document)).toEqual(extrasBefore);
  });

  it('works after reopening: the record lives in the document, not in memory', async () => {
    fake = loadFakeOffice(sampleWorkbook());
    await createExcelHost().review(settings);
    expect(fake.document.xmlParts.map((p) => p.namespaceUri)).toEqual(['urn:gouji:highlights:1']);
    // a new pane (new host, new runtime) clears what the old one did
    const { removed } = await createExcelHost().clear();
    expect(removed).toBeGreaterThan(0);
    expect(ruleCount(fake.document)).toBe(0);
    expect(noteCount(fake.document)).toBe(0);
    expect(fake.document.xmlParts).toEqual([]);
  });
});

describe('re-running a review', () => {
  it('replaces the previous highlights (same number of rules, notes and records)', async () => {
    fake = loadFakeOffice(sampleWorkbook());
    const host = createExcelHost();
    const first = await host.review(settings);
    const rules = ruleCount(fake.document);
    const notes = noteCount(fake.document);
    const second = await host.review(settings);
    expect(second.highlighted).toBe(first.highlighted);
    expect(ruleCount(fake.document)).toBe(rules);
    expect(noteCount(fake.document)).toBe(notes);
    expect(fake.document.xmlParts).toHaveLength(1);
    const third = await countSyncs(fake, () => host.review(settings));
    expect(third.syncs).toBeLessThanOrEqual(4);
  });
});

describe('writes (fill scores)', () => {
  it('never touch a non-empty cell and re-check emptiness just before writing', async () => {
    const wb = sampleWorkbook();
    fake = loadFakeOffice(wb);
    const sheet = wb.sheets[0];
    const filled = sheet.rows.findIndex((r) => r && r.some((c) => c && c.value !== null));
    const col = sheet.rows[filled]!.findIndex((c) => c && c.value !== null);
    const emptyRow = sheet.rows.length + 2;
    const before = await userView();

    // the user types into a cell after the plan was made
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheet.name).getCell(emptyRow + 1, 0).values = [['typed']];
      await context.sync();
    });
    const { syncs, result } = await countSyncs(fake, () =>
      Excel.run((context) =>
        applyWrites(context, [
          { sheet: sheet.name, row: filled, col, value: 999 },
          { sheet: sheet.name, row: emptyRow, col: 0, value: 87.5, numFmt: '0.00' },
          { sheet: sheet.name, row: emptyRow + 1, col: 0, value: '优' },
          { sheet: 'No such sheet', row: 0, col: 0, value: 1 },
        ]),
      ),
    );
    expect(syncs).toBe(3);
    expect(result.written).toBe(1);
    expect(result.findings.map((f) => f.rule)).toEqual([
      'excel/write-skipped',
      'excel/write-skipped',
      'excel/write-skipped',
    ]);
    const after = await userView();
    expect(after[sheet.name][`${filled},${col}`]).toEqual(before[sheet.name][`${filled},${col}`]);
    const doc = fake.document.sheetByName(sheet.name)!;
    expect(doc.cell(emptyRow, 0)).toEqual({ value: 87.5, numFmt: '0.00' });
    expect(doc.cell(emptyRow + 1, 0)?.value).toBe('typed');
  });
});

describe('protected sheets', () => {
  it('are read and reviewed but not marked; the review says so', async () => {
    const wb = sampleWorkbook();
    const planned = planHighlights(review(wb, settings).findings, 'zh');
    const target = planned[planned.length - 1].sheet;
    wb.sheets.find((s) => s.name === target)!.protected = true;
    fake = loadFakeOffice(wb);
    const before = documentExtras(fake.document);
    const outcome = await createExcelHost().review(settings);
    const sheet = fake.document.sheetByName(target)!;
    expect(sheet.conditionalFormats).toEqual([]);
    expect(sheet.notes).toEqual([]);
    const msg = outcome.findings.find((f) => f.rule === 'excel/protected-sheet');
    expect(msg?.message.zh).toContain(target);
    expect(msg?.level).toBe('info');
    // the rest of the workbook was still marked
    expect(outcome.highlighted).toBeGreaterThan(0);
    await createExcelHost().clear();
    expect(documentExtras(fake.document)).toEqual(before);
  });

  it('are skipped by writes with a message', async () => {
    const wb = sampleWorkbook();
    wb.sheets[0].protected = true;
    fake = loadFakeOffice(wb);
    const r = await Excel.run((context) =>
      applyWrites(context, [{ sheet: wb.sheets[0].name, row: 200, col: 0, value: 1 }]),
    );
    expect(r.written).toBe(0);
    expect(r.findings[0].rule).toBe('excel/protected-sheet');
    expect(fake.document.sheets[0].cell(200, 0)).toBeUndefined();
  });
});
