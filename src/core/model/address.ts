/** A1 addresses. Rows and columns are 0-based inside the model, 1-based in A1 text. */

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function colToLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Letters of the first 702 columns (A…ZZ), made once: toA1 runs for every cell a finding names. */
const LETTERS: string[] = [];

export function toA1(row: number, col: number): string {
  if (col >= 0 && col < 702) return (LETTERS[col] ??= colToLetters(col)) + (row + 1);
  return `${colToLetters(col)}${row + 1}`;
}

const A1_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseA1(a1: string): { row: number; col: number } {
  // 'AB12' as toA1 writes it, read without a regex (the findings' sort reads one per finding)
  let col = 0;
  let i = 0;
  for (; i < a1.length && i < 3; i++) {
    const ch = a1.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  if (i > 0 && i < a1.length) {
    let row = 0;
    let j = i;
    for (; j < a1.length; j++) {
      const ch = a1.charCodeAt(j);
      if (ch < 48 || ch > 57) break;
      row = row * 10 + ch - 48;
    }
    if (j === a1.length && j - i < 16) return { row: row - 1, col: col - 1 };
  }
  const m = A1_RE.exec(a1.trim());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  return { row: parseInt(m[2], 10) - 1, col: lettersToCol(m[1]) };
}

export function parseRange(ref: string): CellRange {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeToA1(r: CellRange): string {
  const a = toA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${toA1(r.bottom, r.right)}`;
}

export function rangeContains(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}
