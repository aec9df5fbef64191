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
  note: {
    margin: 0,
    padding: '2px 6px',
    maxWidth: '50%',
    whiteSpace: 'pre-wrap',
    backgroundColor: '#FFFFE1',
    color: '#242424',
    border: '1px solid #C8C8A0',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
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

export interface WorkbookViewProps {
  doc: FakeDocument;
}

export function WorkbookView({ doc }: WorkbookViewProps) {
  const styles = useStyles();
  useDocumentVersion(doc);
  const sheets = visibleSheets(doc);
  const active = (doc.activeSheetId && doc.sheetById(doc.activeSheetId)) || sheets[0];
  const selection =
    doc.selection && active && doc.selection.sheetId === active.id ? doc.selection.range : undefined;
  const scroller = useRef<HTMLDivElement>(null);

  const selKey = selection ? `${active?.id}:${selection.top}:${selection.left}` : '';
  useLayoutEffect(() => {
    if (!selKey) return;
    const el = scroller.current?.querySelector<HTMLElement>('[data-selected="true"]');
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selKey]);

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
  const selNotes = selAddress ? (notes.get(selAddress) ?? []) : [];

  return (
    <div className={styles.root} data-testid="workbook-view" data-active-sheet={active.name}>
      <div className={styles.nameBar}>
        <span className={styles.nameBox} aria-label="名称框 Name box" data-testid="name-box">
          {selAddress || '\u00a0'}
        </span>
        <span className={styles.formula}>
          {selCell ? (selCell.formula !== undefined ? `=${selCell.formula}` : formatCell(selCell.value)) : ''}
        </span>
        {selNotes.length > 0 && (
          <pre className={styles.note} data-testid="selected-note">
            {selNotes.map((n) => n.content).join('\n')}
          </pre>
        )}
      </div>
      <div className={styles.scroller} ref={scroller}>
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
