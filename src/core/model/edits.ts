/**
 * Changes Gouji asks a host to make, described once in the core and applied by each adapter
 * (src/xlsx for files, src/excel for Office.js). Nothing else in a workbook is ever changed.
 */
import { CellRange } from './address';
import { Level } from './findings';

/** Write a value into a cell the user left empty (scores, rates, grades). */
export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  value: number | string;
  numFmt?: string;
}

/** Colour a cell by level and explain it with a note. */
export interface Highlight {
  sheet: string;
  row: number;
  col: number;
  level: Level;
  /** Explanation shown on the cell (already in the chosen language). */
  note: string;
}

/** Fill colours by level (ARGB) — shared so the CLI copy and the add-in look the same. */
export const LEVEL_FILL: Record<Level, string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  info: 'FFDDEBF7',
};

export interface SpecCell {
  row: number;
  col: number;
  value: number | string | boolean | null;
  numFmt?: string;
  bold?: boolean;
  /** ARGB fill. */
  fill?: string;
  /** Internal link to another cell. */
  link?: { sheet: string; cell: string };
  /** Text wraps inside the cell. */
  wrap?: boolean;
}

/** A sheet Gouji writes as a whole (the summary sheet). */
export interface SheetSpec {
  name: string;
  cells: SpecCell[];
  merges: CellRange[];
  /** Column widths in characters, by column index. */
  colWidths?: number[];
  /** Excel tables (ListObjects) over ranges whose first row is the header. */
  tables?: { name: string; range: CellRange; style?: string }[];
  /** A clustered bar/column chart over one category column and one value column. */
  charts?: {
    title: string;
    kind: 'bar' | 'column' | 'pie';
    categories: CellRange;
    values: CellRange;
    seriesName: string;
    anchor: CellRange;
  }[];
  freezeRows?: number;
  /** How the sheet prints (page setup). */
  print?: PrintSetup;
  /** A marker so a later run knows Gouji made this sheet (stored as a defined name / custom property). */
  owner: 'gouji';
}

/** Page setup of a sheet Gouji writes: paper, orientation, fit to width, rows repeated on every page. */
export interface PrintSetup {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  /** Scale so every column fits one page wide (any number of pages tall). */
  fitToWidth: boolean;
  /** Rows (0-based, inclusive) printed at the top of every page. */
  titleRows?: { top: number; bottom: number };
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Page number centred in the footer ("1 / 3"). */
  pageNumbers?: boolean;
}
