/**
 * A small spreadsheet view of the fake Office document: sheet tabs, cells with their values, the fills
 * on screen (the cell's own fill or a Gouji conditional format over it), notes and comments, and the
 * selection. It re-renders after every sync that changed the document, so highlights appear and
 * disappear as the pane works.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { CellRange, colToLetters, rangeContains, toA1 } from '../core/model/address';
import type { FakeDocument, FakeSheet } from '../excel/fake/document';
import { formatCell } from './format';

/** The grid renders at most this many columns, and rows up to a budget of cells (tables are far smaller). */
export const MAX_RENDER_COLS = 60;
export const MAX_RENDER_CELLS = 80_000;
export const MAX_RENDER_ROWS = 5_000;

export function renderedRows(rows: number, cols: number): number {
  return Math.min(rows, MAX_RENDER_ROWS, Math.max(200, Math.floor(MAX_RENDER_CELLS / Math.max(1, cols))));
}
const DEFAULT_COL_PX = 64;
const ROW_HEADER_PX = 40;
/** Height of the sticky column header row and of a grid row. */
const HEADER_PX = 21;
const ROW_PX = 21;
/** Rows kept in view above and below a selected cell (as the Office.js adapter does). */
export const CONTEXT_ROWS = 4;
const NOTE_GAP_PX = 6;
const NOTE_MAX_WIDTH_PX = 360;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, height: '100%' },
  nameBar: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    minHeight: '24px',
  },
  nameBox: {
    flexShrink: 0,
    width: '72px',
    padding: '2px 6px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontFamily: tokens.fontFamilyMonospace,
  },
  formula: { flexGrow: 1, padding: '2px 0', overflowWrap: 'anywhere' },
  // a cell's note as Excel shows it: a yellow box beside the cell, over the grid
  note: {
    position: 'absolute',
    zIndex: 4,
    margin: 0,
    padding: '6px 8px',
    boxSizing: 'border-box',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    overflowY: 'auto',
    backgroundColor: '#FFFFE1',
    color: '#242424',
    border: '1px solid #A0A070',
    borderRadius: '2px',
    boxShadow: tokens.shadow8,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  scroller: { flexGrow: 1, overflow: 'auto', position: 'relative', backgroundColor: '#FFFFFF' },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Segoe UI", sans-serif',
    fontSize: '12px',
    color: '#000000',
  },
  colHeader: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    height: '20px',
    backgroundColor: '#F3F3F3',
    color: '#444444',
    fontWeight: 'normal',
    borderRight: '1px solid #D4D4D4',
    borderBottom: '1px solid #BFBFBF',
    textAlign: 'center',
  },
  corner: { left: 0, zIndex: 3 },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: '#F3F3F3',
    color: '#444444',
    fontWeight: 'normal',
    textAlign: 'center',
    borderRight: '1px solid #BFBFBF',
    borderBottom: '1px solid #D4D4D4',
  },
  headerActive: { backgroundColor: '#D2D2D2', color: '#107C41', fontWeight: 'bold' },
  cell: {
    position: 'relative',
    height: '20px',
    padding: '1px 3px',
    borderRight: '1px solid #E1E1E1',
    borderBottom: '1px solid #E1E1E1',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'clip',
    verticalAlign: 'middle',
    cursor: 'cell',
  },
  // like Excel, text runs on over empty cells to its right
  spill: { overflow: 'visible' },
  // no gridline across text that runs on
  open: { borderRightColor: 'transparent' },
  number: { textAlign: 'right' },
  wrap: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  bold: { fontWeight: 'bold' },
  noted: {
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0,
      borderTop: '6px solid #C00000',
      borderLeft: '6px solid transparent',
    },
  },
  selected: { outline: '2px solid #107C41', outlineOffset: '-2px', zIndex: 1 },
  tabs: {
    display: 'flex',
    flexShrink: 0,
    overflowX: 'auto',
    backgroundColor: '#F3F3F3',
    borderTop: '1px solid #D4D4D4',
  },
  tab: {
    flexShrink: 0,
    padding: '4px 14px',
    border: 'none',
    borderRight: '1px solid #D4D4D4',
    backgroundColor: 'transparent',
    color: '#444444',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    cursor: 'pointer',
    ':hover': { backgroundColor: '#E6E6E6' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  tabActive: {
    backgroundColor: '#FFFFFF',
    color: '#107C41',
    fontWeight: 'bold',
    borderBottom: '3px solid #107C41',
    ':hover': { backgroundColor: '#FFFFFF' },
  },
  truncated: { padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3, fontSize: '12px' },
});

/** Re-render after every change the fake reports. */
export function useDocumentVersion(doc: FakeDocument): number {
  const [version, setVersion] = useState(0);
  useEffect(() => doc.subscribe(() => setVersion((v) => v + 1)), [doc]);
  return version;
}

function visibleSheets(doc: FakeDocument): FakeSheet[] {
  return doc.sheets.filter((s) => s.visibility === 'Visible');
}

interface Annotation {
  kind: 'note' | 'comment';
  content: string;
}

function annotations(doc: FakeDocument, sheet: FakeSheet): Map<string, Annotation[]> {
  const out = new Map<string, Annotation[]>();
  const add = (row: number, col: number, a: Annotation) => {
    const k = toA1(row, col);
    out.set(k, [...(out.get(k) ?? []), a]);
  };
  for (const n of sheet.notes) add(n.row, n.col, { kind: 'note', content: n.content });
  for (const c of doc.comments)
    if (c.sheetId === sheet.id) add(c.row, c.col, { kind: 'comment', content: c.content });
  return out;
}

function extent(sheet: FakeSheet): { rows: number; cols: number } {
  const used = sheet.usedRange(false);
  let rows = used ? used.bottom + 1 : 0;
  let cols = used ? used.right + 1 : 0;
  for (const cf of sheet.conditionalFormats) {
    rows = Math.max(rows, Math.min(cf.range.bottom + 1, MAX_RENDER_ROWS));
    cols = Math.max(cols, Math.min(cf.range.right + 1, MAX_RENDER_COLS));
  }
  return { rows: rows + 2, cols: Math.max(cols + 1, 6) };
}

/** About how wide a text is in the grid's 12px font: CJK and full-width characters are square. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 12 : 7;
  return w;
}

/** The notes and comments on a cell, as one text. */
function noteTextAt(doc: FakeDocument, sheet: FakeSheet, a1: string): string {
  return (annotations(doc, sheet).get(a1) ?? []).map((n) => n.content).join('\n');
}

/** Where a note box goes, in the scroller's content coordinates. */
interface NotePlace {
  left: number;
  top: number;
  width: number;
  maxHeight: number;
}

/** A cell's box in the scroller's content coordinates (scroll offsets added). */
function contentBox(
  sc: HTMLElement,
  el: HTMLElement,
): { left: number; top: number; width: number; height: number } {
  const s = sc.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return {
    left: r.left - s.left + sc.scrollLeft,
    top: r.top - s.top + sc.scrollTop,
    width: r.width,
    height: r.height,
  };
}

/** Scroll so the cell is neither at the top nor at the bottom of the view, and not under the row headers. */
export function scrollWithContext(sc: HTMLElement, cellEl: HTMLElement): void {
  const cell = contentBox(sc, cellEl);
  const margin = CONTEXT_ROWS * ROW_PX;
  const viewTop = sc.scrollTop + HEADER_PX;
  const viewBottom = sc.scrollTop + sc.clientHeight;
  if (cell.top < viewTop + margin || cell.top + cell.height > viewBottom - margin) {
    // a third of the way down: context above, and room below for the note
    const third = Math.round((sc.clientHeight - HEADER_PX) / 3);
    sc.scrollTop = Math.max(0, cell.top - HEADER_PX - Math.max(margin, third));
  }
  const viewLeft = sc.scrollLeft + ROW_HEADER_PX;
  const viewRight = sc.scrollLeft + sc.clientWidth;
  if (cell.left < viewLeft || cell.left + Math.min(cell.width, sc.clientWidth / 2) > viewRight)
    sc.scrollLeft = Math.max(0, cell.left - ROW_HEADER_PX - DEFAULT_COL_PX);
}

/**
 * Beside the cell (right, else left), else under it; always inside the visible part of the grid, scrolling
 * sideways when that is what it takes.
 */
function placeNote(sc: HTMLElement, cellEl: HTMLElement, box: HTMLElement): NotePlace {
  const visibleWidth = sc.clientWidth - ROW_HEADER_PX - 2 * NOTE_GAP_PX;
  const width = Math.max(120, Math.min(NOTE_MAX_WIDTH_PX, visibleWidth));
  const maxHeight = Math.max(60, sc.clientHeight - HEADER_PX - 2 * NOTE_GAP_PX);
  box.style.width = `${width}px`;
  box.style.maxHeight = `${maxHeight}px`;
  const height = Math.min(box.offsetHeight, maxHeight);
  let cell = contentBox(sc, cellEl);
  const viewLeft = sc.scrollLeft + ROW_HEADER_PX + NOTE_GAP_PX;
  const viewRight = sc.scrollLeft + sc.clientWidth - NOTE_GAP_PX;
  let left = cell.left + cell.width + NOTE_GAP_PX;
  let top = cell.top;
  if (left + width > viewRight) {
    const before = cell.left - NOTE_GAP_PX - width;
    if (before >= viewLeft) left = before;
    else {
      // bring the right side into view if the cell stays visible, else put the note under the cell
      const shift = left + width - viewRight;
      if (cell.left - shift >= viewLeft) {
        sc.scrollLeft += shift;
        cell = contentBox(sc, cellEl);
        left = cell.left + cell.width + NOTE_GAP_PX;
      } else {
        left = Math.max(viewLeft, Math.min(cell.left, viewRight - width));
        top = cell.top + cell.height + NOTE_GAP_PX;
      }
    }
  }
  const viewTop = sc.scrollTop + HEADER_PX + NOTE_GAP_PX;
  const viewBottom = sc.scrollTop + sc.clientHeight - NOTE_GAP_PX;
  top = Math.max(viewTop, Math.min(top, viewBottom - height));
  return { left: Math.round(left), top: Math.round(top), width, maxHeight };
}

export interface WorkbookViewProps {
  doc: FakeDocument;
}

export function WorkbookView({ doc }: WorkbookViewProps) {
  const styles = useStyles();
  const version = useDocumentVersion(doc);
  const sheets = visibleSheets(doc);
  const active = (doc.activeSheetId && doc.sheetById(doc.activeSheetId)) || sheets[0];
  const selection =
    doc.selection && active && doc.selection.sheetId === active.id ? doc.selection.range : undefined;
  const scroller = useRef<HTMLDivElement>(null);
  const noteBox = useRef<HTMLPreElement>(null);
  const [notePlace, setNotePlace] = useState<NotePlace | null>(null);

  const selKey = selection ? `${active?.id}:${selection.top}:${selection.left}` : '';
  const activeId = active?.id;
  // another sheet opens at its top-left, unless the selection there says otherwise
  useLayoutEffect(() => {
    const sc = scroller.current;
    if (sc && !selKey) sc.scrollTo?.(0, 0);
  }, [activeId, selKey]);
  // a new selection comes into view with rows of context above and below it
  useLayoutEffect(() => {
    const sc = scroller.current;
    const cell = sc?.querySelector<HTMLElement>('td[data-selected="true"]');
    if (sc && cell) scrollWithContext(sc, cell);
  }, [selKey]);
  const noteText = selection && active ? noteTextAt(doc, active, toA1(selection.top, selection.left)) : '';
  // the note beside its cell, wholly inside the visible grid
  useLayoutEffect(() => {
    const sc = scroller.current;
    const cell = sc?.querySelector<HTMLElement>('td[data-selected="true"]');
    const box = noteBox.current;
    if (!sc || !cell || !box || !noteText) {
      setNotePlace(null);
      return;
    }
    setNotePlace(placeNote(sc, cell, box));
  }, [selKey, noteText, version]);

  const activate = (sheet: FakeSheet) => {
    doc.activeSheetId = sheet.id;
    doc.notify();
  };
  const selectCell = (row: number, col: number) => {
    if (!active) return;
    doc.selection = { sheetId: active.id, range: { top: row, left: col, bottom: row, right: col } };
    doc.notify();
  };

  if (!active) return <div className={styles.root} />;

  const notes = annotations(doc, active);
  const { rows, cols } = extent(active);
  const shownCols = Math.min(cols, MAX_RENDER_COLS);
  const shownRows = renderedRows(rows, shownCols);
  const covered = new Set<string>();
  const spans = new Map<string, CellRange>();
  for (const m of active.merges) {
    spans.set(toA1(m.top, m.left), m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(toA1(r, c));
  }
  const colPx = (c: number) => {
    const pt = active.columnWidths.get(c);
    return pt === undefined ? DEFAULT_COL_PX : Math.max(16, Math.round((pt * 96) / 72));
  };

  let tableWidth = ROW_HEADER_PX;
  for (let c = 0; c < shownCols; c++) tableWidth += colPx(c);
  const isEmpty = (r: number, c: number) => {
    const cell = active.cell(r, c);
    return (
      (!cell || cell.value === null || cell.value === '') &&
      !covered.has(toA1(r, c)) &&
      !spans.has(toA1(r, c))
    );
  };

  /** Cells whose right gridline text from the left runs across (row → columns). */
  const spillFrom = new Set<string>();
  const openRight = new Set<string>();
  for (let r = 0; r < shownRows; r++)
    for (let c = 0; c < shownCols; c++) {
      const cell = active.cell(r, c);
      const a1 = toA1(r, c);
      if (
        typeof cell?.value !== 'string' ||
        cell.wrap ||
        spans.has(a1) ||
        covered.has(a1) ||
        !isEmpty(r, c + 1)
      )
        continue;
      spillFrom.add(a1);
      const width = textWidth(cell.value) + 6;
      let reach = colPx(c);
      for (let k = c; reach < width && k + 1 < shownCols && isEmpty(r, k + 1); k++) {
        openRight.add(toA1(r, k));
        reach += colPx(k + 1);
      }
    }

  const selAddress = selection ? toA1(selection.top, selection.left) : '';
  const selCell = selection ? active.cell(selection.top, selection.left) : undefined;

  return (
    <div className={styles.root} data-testid="workbook-view" data-active-sheet={active.name}>
      <div className={styles.nameBar}>
        <span className={styles.nameBox} aria-label="名称框 Name box" data-testid="name-box">
          {selAddress || '\u00a0'}
        </span>
        <span className={styles.formula}>
          {selCell ? (selCell.formula !== undefined ? `=${selCell.formula}` : formatCell(selCell.value)) : ''}
        </span>
      </div>
      <div className={styles.scroller} ref={scroller} data-testid="grid-scroller">
        {noteText && (
          <pre
            ref={noteBox}
            className={styles.note}
            role="note"
            aria-label={selAddress}
            data-testid="selected-note"
            data-cell={selAddress}
            style={
              notePlace
                ? {
                    left: `${notePlace.left}px`,
                    top: `${notePlace.top}px`,
                    width: `${notePlace.width}px`,
                    maxHeight: `${notePlace.maxHeight}px`,
                  }
                : { left: 0, top: 0, maxWidth: `${NOTE_MAX_WIDTH_PX}px`, visibility: 'hidden' }
            }
          >
            {noteText}
          </pre>
        )}
        <table
          className={styles.table}
          style={{ width: `${tableWidth}px` }}
          role="grid"
          aria-label={active.name}
          data-sheet={active.name}
        >
          <colgroup>
            <col style={{ width: `${ROW_HEADER_PX}px` }} />
            {Array.from({ length: shownCols }, (_, c) => (
              <col key={c} style={{ width: `${colPx(c)}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={mergeClasses(styles.colHeader, styles.corner)} aria-hidden />
              {Array.from({ length: shownCols }, (_, c) => (
                <th
                  key={c}
                  scope="col"
                  className={mergeClasses(
                    styles.colHeader,
                    selection && c >= selection.left && c <= selection.right && styles.headerActive,
                  )}
                >
                  {colToLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: shownRows }, (_, r) => (
              <tr key={r}>
                <th
                  scope="row"
                  className={mergeClasses(
                    styles.rowHeader,
                    selection && r >= selection.top && r <= selection.bottom && styles.headerActive,
                  )}
                >
                  {r + 1}
                </th>
                {Array.from({ length: shownCols }, (_, c) => {
                  const a1 = toA1(r, c);
                  if (covered.has(a1)) return null;
                  const span = spans.get(a1);
                  const cell = active.cell(r, c);
                  const fill = doc.displayFill(active, r, c);
                  const cellNotes = notes.get(a1);
                  const isSelected =
                    !!selection &&
                    rangeContains(selection, r, c) &&
                    selection.top === r &&
                    selection.left === c;
                  const text = cell ? formatCell(cell.value, cell.numFmt) : '';
                  return (
                    <td
                      key={c}
                      rowSpan={span ? span.bottom - span.top + 1 : undefined}
                      colSpan={span ? span.right - span.left + 1 : undefined}
                      className={mergeClasses(
                        styles.cell,
                        typeof cell?.value === 'number' && styles.number,
                        (cell?.wrap || (span && text.length > 12)) && styles.wrap,
                        spillFrom.has(a1) && styles.spill,
                        openRight.has(a1) && styles.open,
                        cell?.bold && styles.bold,
                        cellNotes && styles.noted,
                        isSelected && styles.selected,
                      )}
                      style={fill ? { backgroundColor: fill } : undefined}
                      title={
                        cellNotes
                          ? cellNotes.map((n) => n.content).join('\n')
                          : text.length > 8
                            ? text
                            : undefined
                      }
                      data-cell={a1}
                      data-fill={fill ?? undefined}
                      data-own-fill={cell?.fill ?? undefined}
                      data-note={cellNotes ? cellNotes.map((n) => n.kind).join(' ') : undefined}
                      data-selected={isSelected ? 'true' : undefined}
                      onClick={() => selectCell(r, c)}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {(rows > shownRows || cols > shownCols) && (
          <div className={styles.truncated}>
            … {rows} × {cols}
          </div>
        )}
      </div>
      <div className={styles.tabs} role="tablist" aria-label="工作表 Sheets">
        {sheets.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={s.id === active.id}
            className={mergeClasses(styles.tab, s.id === active.id && styles.tabActive)}
            data-sheet={s.name}
            onClick={() => activate(s)}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
