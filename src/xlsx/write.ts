/**
 * Surgical .xlsx writer: applies Gouji's edit plan to a file and copies every part it does not change
 * byte-for-byte (compressed bytes included). In an edited sheet only the touched cells, rows, and the
 * <legacyDrawing> reference change; styles and notes are appended to, never renumbered or replaced.
 *
 * Ownership mark: a sheet Gouji made carries a hidden, sheet-scoped defined name
 * `<definedName name="_gouji_owner" localSheetId="n" hidden="1">"gouji"</definedName>`. Excel keeps hidden
 * names and moves localSheetId with the sheet when sheets are reordered or renamed, so the mark survives a save.
 */
import { CellWrite, Highlight, LEVEL_FILL, SheetSpec } from '../core/model/edits';
import { Level } from '../core/model/findings';
import { addNotes, NoteSpec } from './notes';
import { Package, relType } from './package';
import { CT, escapeRe, PackageWriter, REL } from './pkg-writer';
import { openPackage, OWNER_NAME, ownedIndexes, readWorkbookInfo, SheetEntry } from './read';
import { CellPatch, patchCells, XlsxWriteError } from './sheet-edit';
import { checkSheetName, NewSheetContext, printTitlesRef, writeNewSheet } from './new-sheet';
import { StylesEditor } from './styles-edit';
import {
  escapeText,
  findContainer,
  getTagAttr,
  qualifiedTag,
  scopeAt,
  scopeInside,
  setTagAttr,
  tagName,
  TagKind,
  TagScanner,
} from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The start tag of the document element. */
function rootOpenTag(xml: string): string {
  const t = new TagScanner(xml).next();
  return t && t.kind !== TagKind.Close ? xml.slice(t.start, t.end) : '';
}

/** 'x:' for 'x:name', '' for 'name'. */
function qualifierOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i + 1);
}

export { XlsxWriteError };

export interface WorkbookEdits {
  /** Values for empty cells (never formulas or cells with content). */
  writes?: CellWrite[];
  /** Fill the cell with LEVEL_FILL[level] and attach a note with the text. */
  highlights?: Highlight[];
  /** Append sheets; a sheet of the same name is replaced only if Gouji made it. */
  addSheets?: SheetSpec[];
  /** Remove sheets Gouji made (names of other sheets throw; unknown names are ignored). */
  removeSheets?: string[];
}

export { OWNER_NAME };

const SEVERITY: Record<Level, number> = { error: 3, warning: 2, info: 1 };

/** Names of the sheets marked as made by Gouji. */
export function gouJiOwnedSheets(bytes: Uint8Array): string[] {
  const { pkg, workbookPart } = openPackage(bytes);
  const info = readWorkbookInfo(pkg, workbookPart);
  const owned = ownedIndexes(pkg.text(workbookPart) ?? '');
  return info.sheets.filter((_, i) => owned.has(i)).map((s) => s.name);
}

/** Apply `edits` to an .xlsx file and return the new file. Throws XlsxReadError / XlsxWriteError; the input is never modified. */
export function patchXlsx(bytes: Uint8Array, edits: WorkbookEdits): Uint8Array {
  const { pkg, workbookPart } = openPackage(bytes);
  const w = new PackageWriter(pkg);
  const info = readWorkbookInfo(pkg, workbookPart);
  const wbXml = pkg.text(workbookPart) ?? '';
  const owned = ownedIndexes(wbXml);
  let styles: StylesEditor | undefined;
  const getStyles = () =>
    (styles ??= new StylesEditor(info.stylesPart ? w.text(info.stylesPart) : undefined));

  const lower = (s: string) => s.toLowerCase();
  const indexOf = (name: string) => {
    const exact = info.sheets.findIndex((s) => s.name === name);
    return exact >= 0 ? exact : info.sheets.findIndex((s) => lower(s.name) === lower(name));
  };

  // ---- plan sheet removals and additions (validate everything before changing anything)
  const removed = new Set<number>();
  for (const name of edits.removeSheets ?? []) {
    const i = indexOf(name);
    if (i < 0) continue;
    if (!owned.has(i))
      throw new XlsxWriteError(
        `工作表“${name}”不是勾稽生成的，不能删除 (Sheet "${name}" was not made by Gouji; it will not be removed.)`,
      );
    removed.add(i);
  }
  const adds = edits.addSheets ?? [];
  const addNames = new Set<string>();
  const replaceAt = new Map<number, SheetSpec>();
  const appended: SheetSpec[] = [];
  for (const spec of adds) {
    checkSheetName(spec.name);
    if (addNames.has(lower(spec.name)))
      throw new XlsxWriteError(
        `新工作表名称重复：${spec.name} (Two new sheets are both named "${spec.name}".)`,
      );
    addNames.add(lower(spec.name));
    const i = indexOf(spec.name);
    if (i < 0) appended.push(spec);
    else if (!owned.has(i))
      throw new XlsxWriteError(
        `已有同名工作表“${spec.name}”且不是勾稽生成的，不会覆盖 (A sheet named "${spec.name}" already exists and was not made by Gouji; it will not be replaced.)`,
      );
    else {
      removed.add(i);
      replaceAt.set(i, spec);
    }
  }

  // ---- cell edits on existing sheets (validated up front by patchCells)
  const patchesBySheet = collectPatches(edits, info.sheets, indexOf, removed, getStyles);

  // ---- remove sheets and the parts only they use
  const sheetsChanged = removed.size > 0 || adds.length > 0;
  if (removed.size > 0) removeSheetParts(w, pkg, workbookPart, info.sheets, removed);

  // ---- apply cell edits
  for (const [index, { patches, notes }] of patchesBySheet) {
    const entry = info.sheets[index];
    const part = entry.part as string;
    let xml = w.text(part) as string;
    xml = patchCells(xml, entry.name, patches);
    xml = addNotes(w, part, xml, notes);
    w.setText(part, xml);
  }

  // ---- add new sheets
  const newEntries = new Map<SheetSpec, string>(); // spec → <sheet> element
  if (adds.length > 0) {
    const ctx: NewSheetContext = { w, styles: getStyles(), ...tableNamespace(w, wbXml) };
    let maxSheetId = Math.max(0, ...info.sheets.map((s) => Number(s.sheetId) || 0));
    // the new <sheet> elements go inside <sheets>: qualify them from the bindings in force there
    const sheetsC = findContainer(wbXml, 'sheets');
    const sheetsScope = sheetsC
      ? scopeInside(scopeAt(wbXml, sheetsC.start), sheetsC.openTag)
      : scopeAt(wbXml, 0);
    // a replaced sheet keeps its sheetId, so rebuilding the summary leaves workbook.xml as it was
    const reusedIds = new Map<SheetSpec, string>();
    for (const [i, spec] of replaceAt) reusedIds.set(spec, info.sheets[i].sheetId);
    for (const spec of [...replaceAt.values(), ...appended]) {
      const part = w.freePartName((n) => `xl/worksheets/sheet${n}.xml`);
      writeNewSheet(ctx, spec, part);
      const rId = w.addRel(workbookPart, 'worksheet', part);
      const sheetId = reusedIds.get(spec) || String(++maxSheetId);
      newEntries.set(
        spec,
        qualifiedTag(
          sheetsScope,
          MAIN_NS,
          'sheet',
          [
            ['name', spec.name],
            ['sheetId', sheetId],
            [REL, 'id', rId],
          ],
          true,
          { [REL]: 'r' },
        ).tag,
      );
    }
  }

  if (styles?.changed) {
    const xml = styles.toXml();
    if (info.stylesPart) w.setText(info.stylesPart, xml);
    else {
      w.addPart('xl/styles.xml', xml, CT.styles);
      w.addRel(workbookPart, 'styles', 'xl/styles.xml');
    }
  }

  if (sheetsChanged)
    w.setText(
      workbookPart,
      rebuildWorkbookXml(
        w.text(workbookPart) as string,
        info.sheets.length,
        removed,
        replaceAt,
        appended,
        newEntries,
      ),
    );
  return w.finish();
}

interface SheetPatches {
  patches: CellPatch[];
  notes: NoteSpec[];
}

function collectPatches(
  edits: WorkbookEdits,
  sheets: SheetEntry[],
  indexOf: (name: string) => number,
  removed: Set<number>,
  getStyles: () => StylesEditor,
): Map<number, SheetPatches> {
  interface Acc {
    row: number;
    col: number;
    value?: number | string;
    numFmt?: string;
    level?: Level;
    notes: string[];
  }
  const bySheet = new Map<number, Map<string, Acc>>();
  const target = (sheet: string, row: number, col: number): Acc => {
    const i = indexOf(sheet);
    if (i < 0 || removed.has(i))
      throw new XlsxWriteError(`找不到工作表“${sheet}” (Sheet "${sheet}" not found.)`);
    if (sheets[i].kind !== 'worksheet' || !sheets[i].part)
      throw new XlsxWriteError(
        `“${sheet}”不是普通工作表，不能修改单元格 (Sheet "${sheet}" is not a worksheet; its cells cannot be edited.)`,
      );
    if (
      !Number.isInteger(row) ||
      !Number.isInteger(col) ||
      row < 0 ||
      col < 0 ||
      row >= 1048576 ||
      col >= 16384
    )
      throw new XlsxWriteError(
        `单元格位置无效 (Invalid cell position row ${row}, col ${col} on sheet "${sheet}".)`,
      );
    let m = bySheet.get(i);
    if (!m) bySheet.set(i, (m = new Map()));
    const key = `${row},${col}`;
    let acc = m.get(key);
    if (!acc) m.set(key, (acc = { row, col, notes: [] }));
    return acc;
  };
  for (const wr of edits.writes ?? []) {
    const acc = target(wr.sheet, wr.row, wr.col);
    if (acc.value !== undefined)
      throw new XlsxWriteError(
        `同一单元格写入两次 (Two writes to the same cell: ${wr.sheet} row ${wr.row + 1}, col ${wr.col + 1}.)`,
      );
    acc.value = wr.value;
    if (wr.numFmt) acc.numFmt = wr.numFmt;
  }
  for (const h of edits.highlights ?? []) {
    const acc = target(h.sheet, h.row, h.col);
    if (!acc.level || SEVERITY[h.level] > SEVERITY[acc.level]) acc.level = h.level;
    if (h.note && !acc.notes.includes(h.note)) acc.notes.push(h.note);
  }
  const out = new Map<number, SheetPatches>();
  for (const [i, cells] of bySheet) {
    const patches: CellPatch[] = [];
    const notes: NoteSpec[] = [];
    for (const acc of cells.values()) {
      const needsStyle = acc.numFmt !== undefined || acc.level !== undefined;
      patches.push({
        row: acc.row,
        col: acc.col,
        value: acc.value,
        style: needsStyle
          ? (current) => {
              const st = getStyles();
              return st.deriveXf(current, {
                numFmtId: acc.numFmt !== undefined ? st.numFmtId(acc.numFmt) : undefined,
                fillId: acc.level ? st.fillId(LEVEL_FILL[acc.level]) : undefined,
              });
            }
          : undefined,
      });
      if (acc.notes.length) notes.push({ row: acc.row, col: acc.col, text: acc.notes.join('\n') });
    }
    out.set(i, { patches, notes });
  }
  return out;
}

/** Table names/ids already used in the workbook (tables and defined names share one namespace). */
function tableNamespace(w: PackageWriter, wbXml: string): { usedNames: Set<string>; nextTableId: number } {
  const usedNames = new Set<string>();
  let maxId = 0;
  for (const part of w.allParts()) {
    if (!/(^|\/)tables\/[^/]+\.xml$/i.test(part)) continue;
    const head = /<(?:\w+:)?table\b[^>]*>/.exec(w.text(part) ?? '')?.[0];
    if (!head) continue;
    for (const a of ['name', 'displayName']) {
      const v = getTagAttr(head, a);
      if (v) usedNames.add(v.toLowerCase());
    }
    maxId = Math.max(maxId, Number(getTagAttr(head, 'id')) || 0);
  }
  for (const el of findContainer(wbXml, 'definedNames')?.children ?? []) {
    const v = getTagAttr(el, 'name');
    if (v) usedNames.add(v.toLowerCase());
  }
  return { usedNames, nextTableId: maxId + 1 };
}

/** Drop the workbook relationships of removed sheets and delete every part only they reached. */
function removeSheetParts(
  w: PackageWriter,
  pkg: Package,
  workbookPart: string,
  sheets: SheetEntry[],
  removed: Set<number>,
): void {
  const candidates = new Set<string>();
  const reach = (start: string, into: Set<string>) => {
    const stack = [start];
    while (stack.length) {
      const part = stack.pop() as string;
      if (into.has(part)) continue;
      into.add(part);
      for (const r of w.rels(part))
        if (!r.external && w.exists(r.target)) stack.push(pkg.find(r.target) ?? r.target);
    }
  };
  const removedIds = new Set<string>();
  for (const i of removed) {
    const s = sheets[i];
    w.removeRel(workbookPart, s.rId);
    if (s.part) reach(s.part, candidates);
    removedIds.add(s.sheetId);
  }
  const alive = new Set<string>();
  for (const r of w.rels(''))
    if (!r.external && w.exists(r.target)) reach(pkg.find(r.target) ?? r.target, alive);
  for (const part of candidates) if (!alive.has(part)) w.deletePart(part);

  // A calculation chain naming a removed sheet would make Excel repair the file; it is optional, so drop it.
  const calc = w.rels(workbookPart).find((r) => relType(r.type) === 'calcChain');
  if (calc && w.exists(calc.target)) {
    const text = w.text(calc.target) ?? '';
    if ([...removedIds].some((id) => new RegExp(`\\bi="${escapeRe(id)}"`).test(text))) {
      w.deletePart(calc.target);
      w.removeRel(workbookPart, calc.id);
    }
  }
}

/** New <sheets>, <definedNames> (owner marks, localSheetId renumbered) and active tab. */
function rebuildWorkbookXml(
  xml: string,
  sheetCount: number,
  removed: Set<number>,
  replaceAt: Map<number, SheetSpec>,
  appended: SheetSpec[],
  newEntries: Map<SheetSpec, string>,
): string {
  const sheetsC = findContainer(xml, 'sheets');
  if (!sheetsC || sheetsC.children.length !== sheetCount)
    throw new XlsxWriteError('工作簿结构异常 (Unexpected workbook.xml structure.)');
  const newIndex = new Map<number, number>(); // old index → new index (kept sheets only)
  const ownerAt: number[] = [];
  const specAt = new Map<number, SheetSpec>(); // new index → the sheet Gouji writes there
  const keptTab = new Map<number, number>(); // for the active tab: replaced sheets keep their place
  const children: string[] = [];
  sheetsC.children.forEach((raw, i) => {
    const spec = replaceAt.get(i);
    if (spec) {
      keptTab.set(i, children.length);
      ownerAt.push(children.length);
      specAt.set(children.length, spec);
      children.push(newEntries.get(spec) as string);
    } else if (!removed.has(i)) {
      newIndex.set(i, children.length);
      keptTab.set(i, children.length);
      children.push(raw);
    }
  });
  for (const spec of appended) {
    ownerAt.push(children.length);
    specAt.set(children.length, spec);
    children.push(newEntries.get(spec) as string);
  }

  const names: string[] = [];
  const dn = findContainer(xml, 'definedNames');
  for (const el of dn?.children ?? []) {
    const local = getTagAttr(el, 'localSheetId');
    if (local === undefined) {
      names.push(el);
      continue;
    }
    const to = newIndex.get(Number(local));
    if (to === undefined) continue; // scoped to a removed or replaced sheet
    names.push(
      to === Number(local)
        ? el
        : el.replace(/^<[^>]*>/, (open) => setTagAttr(open, 'localSheetId', String(to))),
    );
  }
  // <definedNames> is a child of the root: its children are qualified from the bindings inside it (or, when
  // it is new, from those inside the root)
  const rootScope = scopeInside(scopeAt(xml, 0), rootOpenTag(xml));
  const dnScope = dn ? scopeInside(rootScope, dn.openTag) : rootScope;
  const dnTag = dn
    ? { p: qualifierOf(tagName(dn.openTag)), scope: dnScope, tag: '' }
    : qualifiedTag(rootScope, MAIN_NS, 'definedNames', []);
  for (const i of ownerAt) {
    const own = qualifiedTag(dnTag.scope, MAIN_NS, 'definedName', [
      ['name', OWNER_NAME],
      ['localSheetId', String(i)],
      ['hidden', '1'],
    ]);
    names.push(`${own.tag}"gouji"</${own.p}definedName>`);
  }
  // rows printed at the top of every page of a sheet Gouji wrote
  for (const [i, spec] of specAt) {
    const ref = printTitlesRef(spec);
    if (!ref) continue;
    const t = qualifiedTag(dnTag.scope, MAIN_NS, 'definedName', [
      ['name', '_xlnm.Print_Titles'],
      ['localSheetId', String(i)],
    ]);
    names.push(`${t.tag}${escapeText(ref)}</${t.p}definedName>`);
  }

  const edits: { start: number; end: number; text: string }[] = [];
  const sheetsTag = sheetsC.openTag.replace(/\s*\/>$/, '>');
  edits.push({
    start: sheetsC.start,
    end: sheetsC.end,
    text: `${sheetsTag}${children.join('')}</${tagName(sheetsC.openTag)}>`,
  });
  let namesXml = '';
  if (names.length && dn) {
    const open = dn.openTag.replace(/\s*\/>$/, '>');
    namesXml = `${open}${names.join('')}</${tagName(dn.openTag)}>`;
  } else if (names.length) namesXml = `${dnTag.tag}${names.join('')}</${dnTag.p}definedNames>`;
  if (dn) edits.push({ start: dn.start, end: dn.end, text: namesXml });
  else if (namesXml) {
    const after =
      /<(?:\w+:)?(?:calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/(?:\w+:)?workbook>/.exec(
        xml.slice(sheetsC.end),
      );
    const at = after ? sheetsC.end + after.index : sheetsC.end;
    edits.push({ start: at, end: at, text: namesXml });
  }
  // Active / first tab: follow their sheet, or fall back to the first sheet.
  const view = /<(?:\w+:)?workbookView\b[^>]*>/.exec(xml);
  if (view) {
    let tag = view[0];
    for (const a of ['activeTab', 'firstSheet']) {
      const v = getTagAttr(tag, a);
      if (v === undefined) continue;
      const to = keptTab.get(Number(v)) ?? 0;
      if (String(to) !== v) tag = setTagAttr(tag, a, String(to));
    }
    if (tag !== view[0]) edits.push({ start: view.index, end: view.index + view[0].length, text: tag });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = xml;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
