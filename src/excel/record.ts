/**
 * What Gouji added to a document, kept in the document itself (a custom XML part in Gouji's own namespace)
 * so Clear can remove exactly that — in a later session, from the ribbon or the pane — and nothing else.
 *
 * A custom XML part rather than the add-in settings: the pane and the ribbon commands run in separate
 * runtimes, and `Office.context.document.settings.saveAsync` writes back a whole in-memory copy that could
 * drop a key another runtime wrote. Each run replaces the one part in Gouji's namespace.
 */
import { Level } from '../core/model/findings';

export const RECORD_NAMESPACE = 'urn:gouji:highlights:1';

/** A conditional format Gouji put on a range (formula =TRUE, the level's fill). */
export interface RecordedFormat {
  sheetId: string;
  sheet: string;
  /** A1 range without the sheet, e.g. 'C5:E5'. */
  range: string;
  level: Level;
}

/** A note or comment Gouji put on a cell; `hash` of its text tells an untouched note from one the user edited. */
export interface RecordedAnnotation {
  sheetId: string;
  sheet: string;
  cell: string;
  hash: string;
}

export interface GoujiRecord {
  version: 1;
  /** ISO time of the run that wrote it. */
  at: string;
  formats: RecordedFormat[];
  notes: RecordedAnnotation[];
  comments: RecordedAnnotation[];
}

export function emptyRecord(at = new Date().toISOString()): GoujiRecord {
  return { version: 1, at, formats: [], notes: [], comments: [] };
}

export function isEmptyRecord(r: GoujiRecord): boolean {
  return r.formats.length === 0 && r.notes.length === 0 && r.comments.length === 0;
}

/** FNV-1a over the text with line endings and outer whitespace normalised (hosts differ in both). */
export function textHash(text: string): string {
  const s = text.replace(/\r\n?/g, '\n').trim();
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&amp;/g, '&');
}

export function recordToXml(r: GoujiRecord): string {
  return `<?xml version="1.0" encoding="UTF-8"?><gouji xmlns="${RECORD_NAMESPACE}" version="1">${escapeXml(JSON.stringify(r))}</gouji>`;
}

/** The record in a part's XML; null when it is not Gouji's or cannot be read (never throws). */
export function recordFromXml(xml: string): GoujiRecord | null {
  const m = /<gouji\b[^>]*>([\s\S]*)<\/gouji>/.exec(xml);
  if (!m) return null;
  try {
    const raw = JSON.parse(unescapeXml(m[1])) as Partial<GoujiRecord>;
    if (raw.version !== 1) return null;
    return {
      version: 1,
      at: typeof raw.at === 'string' ? raw.at : '',
      formats: Array.isArray(raw.formats) ? raw.formats : [],
      notes: Array.isArray(raw.notes) ? raw.notes : [],
      comments: Array.isArray(raw.comments) ? raw.comments : [],
    };
  } catch {
    return null;
  }
}

/** Several parts (two runtimes racing, an older run) merge into one record. */
export function mergeRecords(records: GoujiRecord[]): GoujiRecord | null {
  if (records.length === 0) return null;
  const out = emptyRecord(records.map((r) => r.at).sort()[records.length - 1]);
  for (const r of records) {
    out.formats.push(...r.formats);
    out.notes.push(...r.notes);
    out.comments.push(...r.comments);
  }
  return out;
}
