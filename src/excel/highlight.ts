/**
 * Highlights in the open workbook: each finding's cells coloured by level, with the explanation in a note.
 *
 * The colour is a conditional format Gouji owns (custom rule `=TRUE` with the level's fill) rather than the
 * cell's own fill, so the user's fill is never touched and removing the rule restores exactly what was
 * there. Adjacent cells of one row with the same level share one rule. Explanations go into notes
 * (ExcelApi 1.18) or, on older hosts, threaded comments (ExcelApi 1.10); a cell that already carries the
 * user's note keeps it and gets no second one. What was added is recorded in the document (record.ts), and
 * the next run — or Clear — removes exactly that, after reopening too. Everything is one batch: with the
 * snapshot from a review read, highlighting costs a single sync.
 */
import { CellRange, parseA1, parseRange, rangeToA1, toA1 } from '../core/model/address';
import { Highlight, LEVEL_FILL } from '../core/model/edits';
import { Finding, Level } from '../core/model/findings';
import { mergeAt } from '../core/model/workbook';
import { argbToHex, sameColor } from './office';
import { ExistingAnnotation, readSnapshot, SheetHandle, Snapshot } from './read';
import { emptyRecord, GoujiRecord, isEmptyRecord, RecordedAnnotation, recordToXml, textHash } from './record';

export interface HighlightOptions {
  /** Add explanations as notes/comments (default true). */
  notes?: boolean;
}

export interface HighlightResult {
  /** Cells coloured. */
  highlighted: number;
  /** Conditional-format rules added (one per run of adjacent same-level cells). */
  rules: number;
  /** Notes or comments added. */
  notes: number;
  /** Previous Gouji highlights removed first (rules + notes). */
  removed: number;
  /** Sheets or cells Gouji could not mark, as info findings for the pane. */
  findings: Finding[];
}

const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };
const LEVEL_FILLS = Object.values(LEVEL_FILL).map(argbToHex);

function isGoujiFill(color: string | null | undefined): boolean {
  return LEVEL_FILLS.some((c) => sameColor(c, color));
}

const key = (sheetId: string, row: number, col: number) => `${sheetId}\u0000${row}\u0000${col}`;

export function protectedSheetFinding(sheet: string, what: 'highlight' | 'write' | 'clear'): Finding {
  const zh = {
    highlight: `工作表“${sheet}”受保护，勾稽未在其中标注问题单元格（问题仍列在任务窗格中）。`,
    write: `工作表“${sheet}”受保护，勾稽未向其中写入。`,
    clear: `工作表“${sheet}”受保护，其中勾稽此前的标注未能清除；取消保护后再清除一次。`,
  }[what];
  const en = {
    highlight: `Sheet "${sheet}" is protected, so Gouji did not mark cells in it (the findings are still listed in the pane).`,
    write: `Sheet "${sheet}" is protected, so Gouji wrote nothing into it.`,
    clear: `Sheet "${sheet}" is protected, so Gouji's earlier highlights there were not removed; unprotect it and clear again.`,
  }[what];
  return {
    rule: 'excel/protected-sheet',
    level: 'info',
    message: { zh, en },
    locations: [{ sheet, cell: 'A1' }],
  };
}

interface Removal {
  removed: number;
  /** Cells covered by the removed rules, per the record. */
  cells: number;
  /** Record entries that could not be removed now (protected sheets) and must be kept. */
  kept: GoujiRecord;
  /** Annotation cells freed by the removal. */
  freed: Set<string>;
  findings: Finding[];
}

/** Queue the deletion of everything the previous record lists (no sync). */
function queueRemoval(snapshot: Snapshot, at: string): Removal {
  const out: Removal = { removed: 0, cells: 0, kept: emptyRecord(at), freed: new Set(), findings: [] };
  const rec = snapshot.record;
  if (!rec) return out;
  const byId = new Map(snapshot.sheets.map((s) => [s.id, s]));
  const byName = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const resolve = (e: { sheetId: string; sheet: string }): SheetHandle | undefined =>
    byId.get(e.sheetId) ?? byName.get(e.sheet);

  // Sheets whose rules go: every sheet the record mentions that still exists and is not protected.
  const clearable = new Set<string>();
  const blocked = new Set<string>();
  for (const e of rec.formats) {
    const s = resolve(e);
    if (!s) continue;
    if (s.protected) {
      out.kept.formats.push({ ...e, sheetId: s.id, sheet: s.name });
      blocked.add(s.name);
      continue;
    }
    clearable.add(s.id);
    const r = parseRange(e.range);
    out.cells += (r.bottom - r.top + 1) * (r.right - r.left + 1);
  }
  for (const c of snapshot.candidates) {
    if (!clearable.has(c.sheetId) || !isGoujiFill(c.fill)) continue;
    c.proxy.delete();
    out.removed++;
  }

  const existing = new Map<string, ExistingAnnotation>();
  for (const a of snapshot.annotations) existing.set(`${a.kind}\u0000${key(a.sheetId, a.row, a.col)}`, a);
  const removeAnnotations = (
    list: RecordedAnnotation[],
    kind: 'note' | 'comment',
    keep: RecordedAnnotation[],
  ) => {
    for (const e of list) {
      const s = resolve(e);
      if (!s) continue;
      if (s.protected) {
        keep.push({ ...e, sheetId: s.id, sheet: s.name });
        blocked.add(s.name);
        continue;
      }
      const { row, col } = parseA1(e.cell);
      const a = existing.get(`${kind}\u0000${key(s.id, row, col)}`);
      // gone already, or edited by the user since: then it is theirs and stays
      if (!a || textHash(a.content) !== e.hash) continue;
      a.proxy.delete();
      out.removed++;
      out.freed.add(key(s.id, row, col));
    }
  };
  removeAnnotations(rec.notes, 'note', out.kept.notes);
  removeAnnotations(rec.comments, 'comment', out.kept.comments);
  for (const name of blocked) out.findings.push(protectedSheetFinding(name, 'clear'));
  return out;
}

/** Replace the record part(s) with one holding `record` (or none when it is empty). No sync. */
function queueRecord(context: Excel.RequestContext, snapshot: Snapshot, record: GoujiRecord): void {
  if (!snapshot.features.customXml) return;
  for (const p of snapshot.recordParts) p.delete();
  if (!isEmptyRecord(record)) context.workbook.customXmlParts.add(recordToXml(record));
}

interface Run {
  row: number;
  col: number;
  len: number;
  level: Level;
}

/** One rule per maximal run of same-level cells in a row. */
export function runsOf(cells: { row: number; col: number; level: Level }[]): Run[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Run[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.level === c.level && last.col + last.len === c.col) last.len++;
    else runs.push({ row: c.row, col: c.col, len: 1, level: c.level });
  }
  return runs;
}

/**
 * Colour and explain `highlights`, replacing Gouji's previous highlights. Pass the snapshot of a
 * `readSnapshot(context, { forHighlights: true })` in the same batch to do it all in one sync; without it,
 * the lookups cost three more.
 */
export async function applyHighlights(
  context: Excel.RequestContext,
  highlights: Highlight[],
  options: HighlightOptions = {},
  snapshot?: Snapshot,
): Promise<HighlightResult> {
  const snap = snapshot ?? (await readSnapshot(context, { forHighlights: true, data: false }));
  const at = new Date().toISOString();
  const removal = queueRemoval(snap, at);
  const record = removal.kept;
  const findings: Finding[] = [...removal.findings];
  const byName = new Map(snap.sheets.map((s, i) => [s.name, { handle: s, model: snap.workbook.sheets[i] }]));

  // Merge highlights onto visible cells: a cell inside a merged area shows through its top-left cell.
  const cells = new Map<
    string,
    { sheet: SheetHandle; row: number; col: number; level: Level; notes: string[] }
  >();
  const protectedHit = new Set<string>();
  for (const h of highlights) {
    const entry = byName.get(h.sheet);
    if (!entry) continue;
    if (entry.handle.protected) {
      protectedHit.add(h.sheet);
      continue;
    }
    const m: CellRange | undefined = entry.model ? mergeAt(entry.model, h.row, h.col) : undefined;
    const row = m ? m.top : h.row;
    const col = m ? m.left : h.col;
    const k = key(entry.handle.id, row, col);
    const c = cells.get(k);
    if (!c) cells.set(k, { sheet: entry.handle, row, col, level: h.level, notes: h.note ? [h.note] : [] });
    else {
      if (RANK[h.level] < RANK[c.level]) c.level = h.level;
      if (h.note && !c.notes.includes(h.note)) c.notes.push(h.note);
    }
  }
  for (const name of protectedHit) findings.push(protectedSheetFinding(name, 'highlight'));

  // Colour: one custom rule per run.
  const bySheet = new Map<SheetHandle, { row: number; col: number; level: Level }[]>();
  for (const c of cells.values()) {
    const list = bySheet.get(c.sheet) ?? [];
    list.push(c);
    bySheet.set(c.sheet, list);
  }
  let rules = 0;
  for (const [sheet, list] of bySheet) {
    for (const run of runsOf(list)) {
      const cf = sheet.proxy.getRangeByIndexes(run.row, run.col, 1, run.len).conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      cf.custom.format.fill.color = argbToHex(LEVEL_FILL[run.level]);
      const range = { top: run.row, left: run.col, bottom: run.row, right: run.col + run.len - 1 };
      record.formats.push({
        sheetId: sheet.id,
        sheet: sheet.name,
        range: rangeToA1(range),
        level: run.level,
      });
      rules++;
    }
  }

  // Explain: a note (or comment) on every cell that has none of the user's.
  let notes = 0;
  let occupiedCells = 0;
  const kind = snap.features.notes ? 'note' : snap.features.comments ? 'comment' : undefined;
  if (options.notes !== false && kind) {
    const occupied = new Set<string>();
    for (const a of snap.annotations) {
      const k = key(a.sheetId, a.row, a.col);
      if (!removal.freed.has(k)) occupied.add(k);
    }
    for (const [k, c] of cells) {
      if (c.notes.length === 0) continue;
      if (occupied.has(k)) {
        occupiedCells++;
        continue;
      }
      const text = c.notes.join('\n');
      const target = c.sheet.proxy.getRangeByIndexes(c.row, c.col, 1, 1);
      const entry = {
        sheetId: c.sheet.id,
        sheet: c.sheet.name,
        cell: toA1(c.row, c.col),
        hash: textHash(text),
      };
      if (kind === 'note') {
        c.sheet.proxy.notes.add(target, text);
        record.notes.push(entry);
      } else {
        context.workbook.comments.add(target, text);
        record.comments.push(entry);
      }
      notes++;
    }
  }
  if (occupiedCells > 0) {
    findings.push({
      rule: 'excel/note-kept',
      level: 'info',
      message: {
        zh: `${occupiedCells} 个问题单元格已有用户批注，勾稽保留原批注、未另加说明（说明见任务窗格）。`,
        en: `${occupiedCells} flagged cells already carry the user's note; Gouji kept it and added none (see the pane for the explanation).`,
      },
      locations: [],
    });
  }

  queueRecord(context, snap, record);
  await context.sync();
  return { highlighted: cells.size, rules, notes, removed: removal.removed, findings };
}

/** Remove every highlight, note and comment Gouji added (per the document's record). */
export async function clearHighlights(
  context: Excel.RequestContext,
): Promise<{ removed: number; cells: number; findings: Finding[] }> {
  const snap = await readSnapshot(context, { forHighlights: true, data: false });
  const removal = queueRemoval(snap, new Date().toISOString());
  queueRecord(context, snap, removal.kept);
  await context.sync();
  return { removed: removal.removed, cells: removal.cells, findings: removal.findings };
}
