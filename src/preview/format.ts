/** How the preview grid prints a cell: enough of Excel's number formats to read a budget table. */
import { CellValue, isCellError } from '../core/model/workbook';

/** The first section of a format code with quoted text, escapes and colours taken out. */
function mainSection(numFmt: string): string {
  return (numFmt.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
}

function excelDate(serial: number): string {
  // Excel's 1900 date system, counting the phantom 1900-02-29
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

export function formatCell(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isCellError(value)) return value.error;
  const fmt = numFmt && numFmt !== 'General' ? mainSection(numFmt) : '';
  if (!fmt || fmt === '@')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (/[yd]|m{3,}|h:|:s/i.test(fmt) && !/[0#]/.test(fmt)) return excelDate(value);
  const percent = fmt.includes('%');
  const dot = fmt.indexOf('.');
  const decimals = dot < 0 ? 0 : (fmt.slice(dot + 1).match(/^[0#?]+/)?.[0].length ?? 0);
  const grouping = /[0#?],[0#?]/.test(fmt);
  const n = percent ? value * 100 : value;
  const text = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  }).format(n);
  return percent ? `${text}%` : text;
}
