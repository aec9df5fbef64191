/** OPC package helpers: part lookup, relationships, path resolution. */
import { attrs, TagKind, TagScanner } from './xml';
import { inflateEntry, ZipEntry } from './zip';

export interface Relationship {
  id: string;
  /** Type URI; compare with `relType` (transitional and strict namespaces both end in the same word). */
  type: string;
  /** Absolute part name without the leading '/', or the raw target for external links. */
  target: string;
  external: boolean;
}

const utf8 = new TextDecoder('utf-8');

export class Package {
  /** Lower-case part name → actual zip entry name (OPC part names are case-insensitive). */
  private readonly lower = new Map<string, string>();
  private readonly textCache = new Map<string, string>();

  constructor(readonly entries: Map<string, ZipEntry>) {
    for (const name of entries.keys()) this.lower.set(name.toLowerCase(), name);
  }

  /** Actual entry name for a part name (with or without leading '/'), or undefined. */
  find(part: string): string | undefined {
    const p = part.startsWith('/') ? part.slice(1) : part;
    return this.entries.has(p) ? p : this.lower.get(p.toLowerCase());
  }

  has(part: string): boolean {
    return this.find(part) !== undefined;
  }

  bytes(part: string): Uint8Array | undefined {
    const name = this.find(part);
    if (!name) return undefined;
    return inflateEntry(this.entries.get(name) as ZipEntry);
  }

  text(part: string): string | undefined {
    const name = this.find(part);
    if (!name) return undefined;
    let t = this.textCache.get(name);
    if (t === undefined) {
      t = decodeXmlBytes(this.bytes(name) as Uint8Array);
      this.textCache.set(name, t);
    }
    return t;
  }

  /** Relationships of a part ('' for the package root). */
  rels(part: string): Relationship[] {
    const relsPart = relsPartName(part);
    const xml = this.text(relsPart);
    return xml ? parseRels(xml, part) : [];
  }
}

/** Decode XML bytes: UTF-8 (with or without BOM) or UTF-16 with BOM. */
export function decodeXmlBytes(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
    return new TextDecoder('utf-16be').decode(b.subarray(2));
  const s = utf8.decode(b);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export function relsPartName(part: string): string {
  const p = part.startsWith('/') ? part.slice(1) : part;
  const slash = p.lastIndexOf('/');
  return slash < 0 ? `_rels/${p}.rels` : `${p.slice(0, slash)}/_rels/${p.slice(slash + 1)}.rels`;
}

export function parseRels(xml: string, sourcePart: string): Relationship[] {
  const out: Relationship[] = [];
  const sc = new TagScanner(xml);
  for (let t = sc.next(); t; t = sc.next()) {
    if (t.kind === TagKind.Close || t.name !== 'Relationship') continue;
    const a = attrs(xml, t);
    const external = a.TargetMode === 'External';
    out.push({
      id: a.Id ?? '',
      type: a.Type ?? '',
      target: external ? (a.Target ?? '') : resolvePart(sourcePart, a.Target ?? ''),
      external,
    });
  }
  return out;
}

/** The last path word of a relationship type URI ('worksheet', 'styles', 'officeDocument'). */
export function relType(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** Resolve a relationship target against the part that owns it; result has no leading '/'. */
export function resolvePart(sourcePart: string, target: string): string {
  let t = target;
  try {
    if (t.includes('%')) t = decodeURIComponent(t);
  } catch {
    /* keep as is */
  }
  if (t.startsWith('/')) return normalizePath(t.slice(1));
  const src = sourcePart.startsWith('/') ? sourcePart.slice(1) : sourcePart;
  const dir = src.includes('/') ? src.slice(0, src.lastIndexOf('/') + 1) : '';
  return normalizePath(dir + t);
}

function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** Relative target from one part to another (both without leading '/'). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}
