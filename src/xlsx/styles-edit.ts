/**
 * Append-only edits to xl/styles.xml: new number formats, fonts, fills and cell formats (xf) cloned from
 * existing ones. Existing entries are never changed or renumbered, so every cell keeps its style index.
 */
import { BUILTIN_NUMFMTS } from './read';
import { escapeAttr, getTagAttr, setTagAttr, TagKind, TagScanner } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** styles.xml for a package that has none. */
export const DEFAULT_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];
type ContainerName = 'numFmts' | 'fonts' | 'fills' | 'cellXfs';

interface Container {
  /** Existing children as raw XML. */
  children: string[];
  /** Children we add. */
  added: string[];
  /** Span of the whole container element in the source, or undefined if absent. */
  start?: number;
  end?: number;
  openTag?: string;
  innerStart?: number;
  innerEnd?: number;
}

/** Built-in ids Excel uses regardless of locale (ECMA-376 §18.8.30). */
const PORTABLE_BUILTINS = [
  0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 37, 38, 39, 40, 45, 46, 47, 48, 49,
];

export interface XfChange {
  numFmtId?: number;
  fillId?: number;
  fontId?: number;
  wrap?: boolean;
}

const norm = (s: string) =>
  s
    .replace(/>\s+</g, '><')
    .replace(/\s+\/>/g, '/>')
    .trim();

export class StylesEditor {
  private readonly xml: string;
  private readonly p: string; // namespace prefix incl. ':'
  private readonly c: Record<ContainerName, Container>;
  private readonly customFmts = new Map<string, number>();
  private readonly xfCache = new Map<string, number>();

  constructor(xml: string | undefined) {
    this.xml = xml && /<(?:\w+:)?styleSheet\b/.test(xml) ? xml : DEFAULT_STYLES;
    this.p = /<(\w+:)?styleSheet\b/.exec(this.xml)?.[1] ?? '';
    this.c = {
      numFmts: this.container('numFmts'),
      fonts: this.container('fonts'),
      fills: this.container('fills'),
      cellXfs: this.container('cellXfs'),
    };
    for (const f of this.c.numFmts.children) {
      const id = Number(getTagAttr(f, 'numFmtId'));
      const code = getTagAttr(f, 'formatCode');
      if (Number.isFinite(id) && code !== undefined) this.customFmts.set(code, id);
    }
    // Index 0 of fonts / cellXfs and 0–1 of fills are the defaults every package must have.
    const p = this.p;
    if (this.c.fonts.children.length === 0)
      this.c.fonts.added.push(`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`);
    const fillDefaults = [
      `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
      `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
    ];
    for (let i = this.c.fills.children.length; i < 2; i++) this.c.fills.added.push(fillDefaults[i]);
    if (this.c.cellXfs.children.length === 0)
      this.c.cellXfs.added.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  }

  get changed(): boolean {
    return Object.values(this.c).some((k) => k.added.length > 0) || this.xml === DEFAULT_STYLES;
  }

  private all(name: ContainerName): string[] {
    return this.c[name].children.concat(this.c[name].added);
  }

  private container(name: string): Container {
    const sc = new TagScanner(this.xml);
    const out: Container = { children: [], added: [] };
    for (let t = sc.next(); t; t = sc.next()) {
      if (t.name !== name || t.kind === TagKind.Close) continue;
      out.start = t.start;
      out.openTag = this.xml.slice(t.start, t.end);
      if (t.kind === TagKind.SelfClose) {
        out.end = t.end;
        return out;
      }
      out.innerStart = t.end;
      let depth = 0;
      let childStart = -1;
      for (let u = sc.next(); u; u = sc.next()) {
        if (u.kind === TagKind.Close) {
          if (depth === 0) {
            out.innerEnd = u.start;
            out.end = u.end;
            return out;
          }
          depth--;
          if (depth === 0) out.children.push(this.xml.slice(childStart, u.end));
        } else if (u.kind === TagKind.Open) {
          if (depth === 0) childStart = u.start;
          depth++;
        } else if (depth === 0) out.children.push(this.xml.slice(u.start, u.end));
      }
      return out;
    }
    return out;
  }

  /** Number format id for a format code: portable built-in, existing custom, or a new custom id. */
  numFmtId(code: string): number {
    for (const id of PORTABLE_BUILTINS) if (BUILTIN_NUMFMTS[id] === code) return id;
    if (/^general$/i.test(code)) return 0;
    const existing = this.customFmts.get(code);
    if (existing !== undefined) return existing;
    let id = 164;
    for (const v of this.customFmts.values()) if (v >= id) id = v + 1;
    this.customFmts.set(code, id);
    this.c.numFmts.added.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** Id of a solid fill in ARGB colour, reusing an identical existing fill. */
  fillId(argb: string): number {
    const p = this.p;
    const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${escapeAttr(argb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    return this.findOrAdd('fills', fill);
  }

  /** A font derived from `baseFontId`: bold and/or hyperlink look (blue, underlined). */
  fontId(baseFontId: number, change: { bold?: boolean; link?: boolean }): number {
    const fonts = this.all('fonts');
    const p = this.p;
    let font = fonts[baseFontId] ?? fonts[0];
    if (!font.includes('>')) return baseFontId;
    if (/\/>$/.test(font) && !/<\/(?:\w+:)?font>$/.test(font)) font = font.replace(/\s*\/>$/, `></${p}font>`);
    const open = /^<[^>]*>/.exec(font)?.[0] ?? `<${p}font>`;
    let inner = font.slice(open.length, font.lastIndexOf('</'));
    if (change.bold) inner = `<${p}b/>` + inner.replace(/<(?:\w+:)?b(?:\s[^>]*)?\/>/g, '');
    if (change.link) {
      inner = inner.replace(/<(?:\w+:)?(?:u|color)(?:\s[^>]*)?\/>/g, '');
      inner = `<${p}u/><${p}color rgb="FF0563C1"/>` + inner;
    }
    const next = `${open}${inner}</${p}font>`;
    if (norm(next) === norm(font)) return baseFontId;
    return this.findOrAdd('fonts', next);
  }

  /** Font id used by cell format `xf`. */
  fontOf(xf: number): number {
    const x = this.all('cellXfs')[xf] ?? this.all('cellXfs')[0];
    return Number(getTagAttr(x, 'fontId') ?? 0) || 0;
  }

  /** Number of cell formats (existing + added). */
  get xfCount(): number {
    return this.all('cellXfs').length;
  }

  /** A cell format equal to `base` except for the given changes; identical formats are reused. */
  deriveXf(base: number, change: XfChange): number {
    const key = `${base}|${change.numFmtId}|${change.fillId}|${change.fontId}|${change.wrap ? 1 : 0}`;
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const xfs = this.all('cellXfs');
    const p = this.p;
    let xf = xfs[base] ?? xfs[0];
    let open = /^<[^>]*>/.exec(xf)?.[0] ?? xf;
    const selfClosed = open.endsWith('/>');
    let inner = selfClosed ? '' : xf.slice(open.length, xf.lastIndexOf('</'));
    if (selfClosed) open = open.replace(/\s*\/>$/, '>');
    if (change.numFmtId !== undefined) {
      open = setTagAttr(open, 'numFmtId', String(change.numFmtId));
      open = setTagAttr(open, 'applyNumberFormat', '1');
    }
    if (change.fillId !== undefined) {
      open = setTagAttr(open, 'fillId', String(change.fillId));
      open = setTagAttr(open, 'applyFill', '1');
    }
    if (change.fontId !== undefined) {
      open = setTagAttr(open, 'fontId', String(change.fontId));
      open = setTagAttr(open, 'applyFont', '1');
    }
    if (change.wrap) {
      const al = /<(?:\w+:)?alignment\b[^>]*?\/?>/.exec(inner);
      if (al) inner = inner.replace(al[0], setTagAttr(al[0], 'wrapText', '1'));
      else inner = `<${p}alignment vertical="top" wrapText="1"/>` + inner;
      open = setTagAttr(open, 'applyAlignment', '1');
    }
    const tagName = /^<([^\s/>]+)/.exec(open)?.[1] ?? `${p}xf`;
    xf = inner ? `${open}${inner}</${tagName}>` : open.replace(/>$/, '/>');
    const id = this.findOrAdd('cellXfs', xf);
    this.xfCache.set(key, id);
    return id;
  }

  private findOrAdd(name: ContainerName, el: string): number {
    const list = this.all(name);
    const n = norm(el);
    const i = list.findIndex((x) => norm(x) === n);
    if (i >= 0) return i;
    this.c[name].added.push(el);
    return list.length;
  }

  /** The edited styles.xml. */
  toXml(): string {
    const edits: { start: number; end: number; text: string }[] = [];
    const p = this.p;
    for (const name of ['numFmts', 'fonts', 'fills', 'cellXfs'] as ContainerName[]) {
      const k = this.c[name];
      if (k.added.length === 0) continue;
      const count = k.children.length + k.added.length;
      if (k.start !== undefined && k.end !== undefined && k.openTag) {
        let open = setTagAttr(k.openTag, 'count', String(count));
        if (open.endsWith('/>')) open = open.replace(/\s*\/>$/, '>');
        const inner = k.innerStart !== undefined ? this.xml.slice(k.innerStart, k.innerEnd) : '';
        const tagName = /^<([^\s/>]+)/.exec(open)?.[1] ?? `${p}${name}`;
        edits.push({ start: k.start, end: k.end, text: `${open}${inner}${k.added.join('')}</${tagName}>` });
      } else {
        const at = this.insertPosition(name);
        edits.push({
          start: at,
          end: at,
          text: `<${p}${name} count="${count}">${k.added.join('')}</${p}${name}>`,
        });
      }
    }
    edits.sort((a, b) => b.start - a.start);
    let out = this.xml;
    for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  }

  /** Where a missing container goes: before the first existing container that follows it in schema order. */
  private insertPosition(name: string): number {
    const later = ORDER.slice(ORDER.indexOf(name) + 1);
    const sc = new TagScanner(this.xml);
    let rootEnd = -1;
    for (let t = sc.next(); t; t = sc.next()) {
      if (t.name === 'styleSheet') {
        if (t.kind === TagKind.Open) rootEnd = t.end;
        else if (t.kind === TagKind.Close) return t.start;
        continue;
      }
      if (rootEnd >= 0 && later.includes(t.name) && t.kind !== TagKind.Close) return t.start;
      if (rootEnd >= 0 && t.kind === TagKind.Open) sc.skipElement(t.name);
    }
    return rootEnd >= 0 ? rootEnd : this.xml.length;
  }
}
