/**
 * Copy-on-write view of an OPC package: parts we change or add are held as text, everything else is
 * copied from the source zip byte-for-byte (compressed bytes included) when the package is written.
 */
import { decodeXmlBytes, Package, parseRels, Relationship, relativeTarget, relsPartName } from './package';
import { XlsxWriteError } from './sheet-edit';
import { xmlProblem } from './validate';
import {
  Container,
  findContainer,
  NsScope,
  qualifiedTag,
  scopeAt,
  scopeInside,
  tagName,
  TagKind,
  TagScanner,
} from './xml';
import { writeZip, ZipOut } from './zip';

export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
};

const CONTENT_TYPES = '[Content_Types].xml';
/** Largest part (in characters) checked with saxes before writing. */
export const VALIDATE_LIMIT = 2_000_000;
const encoder = new TextEncoder();

export class PackageWriter {
  private readonly changed = new Map<string, string>();
  private readonly added: string[] = [];
  private readonly deleted = new Set<string>();

  constructor(readonly pkg: Package) {}

  exists(part: string): boolean {
    if (this.deleted.has(part)) return false;
    return this.changed.has(part) || this.pkg.find(part) !== undefined;
  }

  /** Current text of a part (edited or original). */
  text(part: string): string | undefined {
    if (this.deleted.has(part)) return undefined;
    const c = this.changed.get(part);
    if (c !== undefined) return c;
    return this.pkg.text(part);
  }

  /** Replace (or create) a part's text. `part` is the real entry name for existing parts. */
  setText(part: string, text: string): void {
    const real = this.pkg.find(part) ?? part;
    if (!this.pkg.find(part) && !this.changed.has(real)) this.added.push(real);
    this.deleted.delete(real);
    this.changed.set(real, text);
  }

  /** Add a new part with a content-type override. */
  addPart(part: string, text: string, contentType?: string): void {
    this.setText(part, text);
    if (contentType) this.addOverride(part, contentType);
  }

  deletePart(part: string): void {
    const real = this.pkg.find(part) ?? part;
    this.changed.delete(real);
    const i = this.added.indexOf(real);
    if (i >= 0) this.added.splice(i, 1);
    if (this.pkg.find(real)) this.deleted.add(real);
    this.removeOverride(real);
    const rels = relsPartName(real);
    if (this.exists(rels)) this.deletePart(rels);
  }

  /** First free part name for `make(n)`, n = 1, 2, … (case-insensitive check). */
  freePartName(make: (n: number) => string): string {
    for (let n = 1; ; n++) {
      const name = make(n);
      if (!this.exists(name) && !this.existsCi(name)) return name;
    }
  }

  private existsCi(name: string): boolean {
    const lower = name.toLowerCase();
    for (const p of this.allParts()) if (p.toLowerCase() === lower) return true;
    return false;
  }

  /** All current part names. */
  allParts(): string[] {
    const out: string[] = [];
    for (const name of this.pkg.entries.keys()) if (!this.deleted.has(name)) out.push(name);
    return out.concat(this.added);
  }

  rels(part: string): Relationship[] {
    const xml = this.text(relsPartName(part));
    return xml ? parseRels(xml, part) : [];
  }

  /** Add a relationship from `source` to `target` (a part name, or a URL when external); returns its Id. */
  addRel(source: string, typeWord: string, target: string, external = false): string {
    const relsPart = relsPartName(source);
    let xml =
      this.text(relsPart) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
    const used = new Set(parseRels(xml, source).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const t = external ? target : relativeTarget(source, target);
    const attrs: [string, string][] = [
      ['Id', id],
      ['Type', `${REL}/${typeWord}`],
      ['Target', t],
    ];
    if (external) attrs.push(['TargetMode', 'External']);
    xml = appendChild(
      xml,
      'Relationships',
      relsPart,
      (scope) => qualifiedTag(scope, RELS_NS, 'Relationship', attrs, true).tag,
    );
    this.setText(relsPart, xml);
    return id;
  }

  removeRel(source: string, id: string): void {
    const relsPart = relsPartName(source);
    const xml = this.text(relsPart);
    if (!xml) return;
    const re = new RegExp(
      `<(?:\\w+:)?Relationship\\b[^>]*\\bId="${escapeRe(id)}"[^>]*?(?:/>|>\\s*</(?:\\w+:)?Relationship>)`,
    );
    this.setText(relsPart, xml.replace(re, ''));
  }

  /** The current [Content_Types].xml; a package without a <Types> root cannot be written back. */
  private contentTypes(): string {
    const xml = this.text(CONTENT_TYPES);
    if (xml === undefined || !findContainer(xml, 'Types'))
      throw new XlsxWriteError(
        '文件缺少有效的 [Content_Types].xml，无法写入 (The file has no valid [Content_Types].xml; it cannot be written back.)',
      );
    return xml;
  }

  addOverride(part: string, contentType: string): void {
    const xml = this.contentTypes();
    const partName = `/${part}`;
    if (new RegExp(`PartName\\s*=\\s*["']${escapeRe(partName)}["']`, 'i').test(xml)) return;
    this.setText(
      CONTENT_TYPES,
      appendChild(
        xml,
        'Types',
        CONTENT_TYPES,
        (scope) =>
          qualifiedTag(
            scope,
            CT_NS,
            'Override',
            [
              ['PartName', partName],
              ['ContentType', contentType],
            ],
            true,
          ).tag,
      ),
    );
  }

  removeOverride(part: string): void {
    const xml = this.text(CONTENT_TYPES);
    if (!xml) return;
    const re = new RegExp(
      `<(?:[^\\s<>/:]+:)?Override\\b[^>]*PartName\\s*=\\s*["']/${escapeRe(part)}["'][^>]*?(?:/>|>\\s*</(?:[^\\s<>/:]+:)?Override>)`,
      'i',
    );
    if (re.test(xml)) this.setText(CONTENT_TYPES, xml.replace(re, ''));
  }

  ensureDefault(ext: string, contentType: string): void {
    const xml = this.contentTypes();
    if (
      new RegExp(`<(?:[^\\s<>/:]+:)?Default\\b[^>]*Extension\\s*=\\s*["']${escapeRe(ext)}["']`, 'i').test(xml)
    )
      return;
    // Defaults go before Overrides by convention (the schema allows any order).
    const types = findContainer(xml, 'Types') as Container;
    const scope = scopeInside(scopeAt(xml, types.start), types.openTag);
    const el = qualifiedTag(
      scope,
      CT_NS,
      'Default',
      [
        ['Extension', ext],
        ['ContentType', contentType],
      ],
      true,
    ).tag;
    const sc = new TagScanner(xml, types.innerStart, types.innerEnd);
    let firstOverride = -1;
    for (let t = sc.next(); t; t = sc.next())
      if (t.name === 'Override' && t.kind !== TagKind.Close) {
        firstOverride = t.start;
        break;
      }
    this.setText(
      CONTENT_TYPES,
      firstOverride >= 0 && scopeAt(xml, firstOverride).get('') === scope.get('')
        ? xml.slice(0, firstOverride) + el + xml.slice(firstOverride)
        : appendChild(xml, 'Types', CONTENT_TYPES, () => el),
    );
  }

  /** Write the package: untouched entries copied raw, in their original order; new parts at the end. */
  finish(): Uint8Array {
    this.contentTypes(); // a package without a <Types> root is never written back
    // Every part we wrote must parse with a namespace-aware parser: never write a broken part. (Parts over
    // VALIDATE_LIMIT characters — a sheet of many thousand rows — are not re-parsed: saxes takes ~60 ms per MB,
    // and their new elements are built from the bindings in scope like everywhere else.)
    for (const [name, text] of this.changed) {
      if (!/\.(xml|rels|vml)$/i.test(name) || text.length > VALIDATE_LIMIT) continue;
      const problem = xmlProblem(text);
      if (problem)
        throw new XlsxWriteError(
          `内部错误：写出的部件 ${name} 不是合规的 XML，未写入 (Internal error: part ${name} would not be well-formed, namespace-valid XML (${problem}); nothing was written.)`,
        );
    }
    const items: ZipOut[] = [];
    for (const [name, entry] of this.pkg.entries) {
      if (this.deleted.has(name)) continue;
      const text = this.changed.get(name);
      items.push(text === undefined ? { name, entry } : { name, data: encoder.encode(text) });
    }
    for (const name of this.added)
      items.push({ name, data: encoder.encode(this.changed.get(name) as string) });
    return writeZip(items);
  }
}

/**
 * Append a child to the first element named `container` (local name): the child is built from the namespace
 * bindings in force inside it, and a self-closed container is opened. Throws when there is no such element
 * (a part we cannot edit must not be written back broken).
 */
export function appendChild(
  xml: string,
  container: string,
  part: string,
  build: (scope: NsScope) => string,
): string {
  const c = findContainer(xml, container);
  if (!c)
    throw new XlsxWriteError(
      `部件 ${part} 缺少 <${container}> 元素，无法修改 (Part ${part} has no <${container}> element; it cannot be edited.)`,
    );
  const scope = scopeInside(scopeAt(xml, c.start), c.openTag);
  const el = build(scope);
  if (!c.selfClosed) return xml.slice(0, c.innerEnd) + el + xml.slice(c.innerEnd);
  const open = c.openTag.replace(/\s*\/>$/, '>');
  return `${xml.slice(0, c.start)}${open}${el}</${tagName(c.openTag)}>${xml.slice(c.end)}`;
}

/** Insert `el` just before the closing tag of the root/last element `name` (any prefix); expands a self-closed element. */
export function insertBeforeClose(xml: string, name: string, el: string): string {
  const close = new RegExp(`</((?:\\w+:)?)${name}\\s*>`);
  const m = close.exec(xml);
  if (m) return xml.slice(0, m.index) + el + xml.slice(m.index);
  const self = new RegExp(`<((?:\\w+:)?)${name}\\b([^>]*?)\\s*/>`);
  const s = self.exec(xml);
  if (s)
    return `${xml.slice(0, s.index)}<${s[1]}${name}${s[2]}>${el}</${s[1]}${name}>${xml.slice(s.index + s[0].length)}`;
  return xml + el;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export { decodeXmlBytes };
