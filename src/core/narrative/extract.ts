import { cellText, Workbook } from '../model/workbook';
import { NarrativeCell } from './types';

/** Text cells long enough to be prose (说明) and stating at least one amount or share. */
export function findNarrativeCells(workbook: Workbook): NarrativeCell[] {
  const out: NarrativeCell[] = [];
  for (const sheet of workbook.sheets) {
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        const text = cellText(cell);
        if (
          typeof cell?.value === 'string' &&
          text.length >= 20 &&
          /\d/.test(text) &&
          /万元|元|%|％/.test(text)
        )
          out.push({ sheet: sheet.name, row: r, col: c, text });
      }),
    );
  }
  return out;
}
