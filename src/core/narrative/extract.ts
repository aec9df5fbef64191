import { Workbook } from '../model/workbook';
import { NarrativeCell } from './types';

/** Text cells long enough to be prose (说明) and stating at least one amount or share. */
export function findNarrativeCells(workbook: Workbook): NarrativeCell[] {
  const out: NarrativeCell[] = [];
  for (const sheet of workbook.sheets) {
    const rows = sheet.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const text = row[c]?.value;
        // the length first: most text cells are short labels
        if (typeof text === 'string' && text.length >= 20 && /\d/.test(text) && /万元|元|%|％/.test(text))
          out.push({ sheet: sheet.name, row: r, col: c, text });
      }
    }
  }
  return out;
}
