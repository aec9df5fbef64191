/**
 * Append-only edits to xl/styles.xml: new number formats, fonts, fills and cell formats (xf) cloned from
 * existing ones. Existing entries are never changed or renumbered, so every cell keeps its style index.
 */
import { BUILTIN_NUMFMTS } from './read';
import {
  escapeAttr,
  getTagAttr,
  NsScope,
  prefixFor,
  qualifiedTag,
  scopeAt,
  scopeInside,
  setTagAttr,
  tagName,
  TagKind,
  TagScanner,
} from './xml';

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
  /** Namespace bindings around the container (at its place, or where it will be inserted). */
  outer: NsScope;
  /** Namespace bindings inside it. */
  scope: NsScope;
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
  private readonly c: Record<ContainerName, Container>;
  private readonly customFmts = new Map<string, number>();
  private readonly xfCache = new Map<string, number>();

  constructor(xml: string | undefined) {
    this.xml = xml && /<(?:\w+:)?styleSheet\b/.test(xml) ? xml : DEFAULT_STYLES;
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
    if (this.c.fonts.children.length === 0) {
      const { p, d } = this.q('fonts');
      this.c.fonts.added.push(`<${p}font${d}><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`);
    }
    const f = this.q('fills');
    const fillDefaults = [
      `<${f.p}fill${f.d}><${f.p}patternFill patternType="none"/></${f.p}fill>`,
      `<${f.p}fill${f.d}><${f.p}patternFill patternType="gray125"/></${f.p}fill>`,
    ];
    for (let i = this.c.fills.children.length; i < 2; i++) this.c.fills.added.push(fillDefaults[i]);
    if (this.c.cellXfs.children.length === 0) {
      const { p, d } = this.q('cellXfs');
      this.c.cellXfs.added.push(`<${p}xf${d} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
    }
  }

  /**
   * How to qualify a new child of container `name`: the prefix bound to the main namespace inside it, or no
   * prefix and a default-namespace declaration `d` on the child when nothing binds it there.
   */
  private q(name: ContainerName): { p: string; d: string } {
    const pre = prefixFor(this.c[name].scope, MAIN_NS);
    return pre === undefined ? { p: '', d: ` xmlns="${MAIN_NS}"` } : { p: pre ? `${pre}:` : '', d: '' };
  }

  get changed(): boolean {
    return Object.values(this.c).some((k) => k.added.length > 0) || this.xml === DEFAULT_STYLES;
  }

  private all(name: ContainerName): string[] {
    return this.c[name].children.concat(this.c[name].added);
  }

  private container(name: string): Container {
    const sc = new TagScanner(this.xml);
    const out: Container = { children: [], added: [], outer: new Map(), scope: new Map() };
    for (let t = sc.next(); t; t = sc.next()) {
      if (t.name !== name || t.kind === TagKind.Close) continue;
      out.start = t.start;
      out.openTag = this.xml.slice(t.start, t.end);
      out.outer = scopeAt(this.xml, t.start);
      out.scope = scopeInside(out.outer, out.openTag);
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
    out.outer = scopeAt(this.xml, this.insertPosition(name));
    out.scope = qualifiedTag(out.outer, MAIN_NS, name, []).scope;
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
    const { p, d } = this.q('numFmts');
    this.c.numFmts.added.push(`<${p}numFmt${d} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** Id of a solid fill in ARGB colour, reusing an identical existing fill. */
  fillId(argb: string): number {
    const { p, d } = this.q('fills');
    const fill = `<${p}fill${d}><${p}patternFill patternType="solid"><${p}fgColor rgb="${escapeAttr(argb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    return this.findOrAdd('fills', fill);
  }

  /** A font derived from `baseFontId`: bold and/or hyperlink look (blue, underlined). */
  fontId(baseFontId: number, change: { bold?: boolean; link?: boolean }): number {
    const fonts = this.all('fonts');
    let font = fonts[baseFontId] ?? fonts[0];
    if (!font.includes('>')) return baseFontId;
    const selfClosed = /\/>$/.test(font) && !/<\/(?:[^\s<>/:]+:)?font>$/.test(font);
    const open = (/^<[^>]*>/.exec(font)?.[0] as string).replace(/\s*\/>$/, '>');
    const close = `</${tagName(open)}>`;
    if (selfClosed) font = open + close;
    // new children are qualified from the bindings inside this font element
    const inside = scopeInside(this.c.fonts.scope, open);
    const el = (local: string, attrs: [string, string][] = []) =>
      qualifiedTag(inside, MAIN_NS, local, attrs, true).tag;
    let inner = font.slice(open.length, font.lastIndexOf('</'));
    if (change.bold) inner = el('b') + inner.replace(/<(?:[^\s<>/:]+:)?b(?:\s[^>]*)?\/>/g, '');
    if (change.link) {
      inner = inner.replace(/<(?:[^\s<>/:]+:)?(?:u|color)(?:\s[^>]*)?\/>/g, '');
      inner = el('u') + el('color', [['rgb', 'FF0563C1']]) + inner;
    }
    const next = `${open}${inner}${close}`;
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
      else
        inner =
          qualifiedTag(
            scopeInside(this.c.cellXfs.scope, open),
            MAIN_NS,
            'alignment',
            [
              ['vertical', 'top'],
              ['wrapText', '1'],
            ],
            true,
          ).tag + inner;
      open = setTagAttr(open, 'applyAlignment', '1');
    }
    xf = inner ? `${open}${inner}</${tagName(open)}>` : open.replace(/>$/, '/>');
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
    for (const name of ['numFmts', 'fonts', 'fills', 'cellXfs'] as ContainerName[]) {
      const k = this.c[name];
      if (k.added.length === 0) continue;
      const count = k.children.length + k.added.length;
      if (k.start !== undefined && k.end !== undefined && k.openTag) {
        let open = setTagAttr(k.openTag, 'count', String(count));
        if (open.endsWith('/>')) open = open.replace(/\s*\/>$/, '>');
        const inner = k.innerStart !== undefined ? this.xml.slice(k.innerStart, k.innerEnd) : '';
        edits.push({
          start: k.start,
          end: k.end,
          text: `${open}${inner}${k.added.join('')}</${tagName(k.openTag)}>`,
        });
      } else {
        const at = this.insertPosition(name);
        const c = qualifiedTag(k.outer, MAIN_NS, name, [['count', String(count)]]);
        edits.push({ start: at, end: at, text: `${c.tag}${k.added.join('')}</${c.p}${name}>` });
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
