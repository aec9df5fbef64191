/**
 * A small, forgiving XML tag scanner (no DOM): walks tags by indexOf, ignores namespace prefixes,
 * skips comments / processing instructions / CDATA, and parses attributes only when asked.
 */

export const enum TagKind {
  Open = 0,
  Close = 1,
  SelfClose = 2,
}

export interface Tag {
  kind: TagKind;
  /** Local name (namespace prefix removed). */
  name: string;
  /** Index of '<'. */
  start: number;
  /** Index just past '>'. */
  end: number;
}

/**
 * The tag found by the last `scanTag` call. One shared mutable object, so hot loops allocate nothing per tag.
 * `nameStart..nameEnd` is the local name (prefix removed); attributes lie in `attrStart..end`.
 */
export const tok = {
  start: 0,
  end: 0,
  nameStart: 0,
  nameEnd: 0,
  attrStart: 0,
  kind: TagKind.Open as TagKind,
};

/**
 * Find the next element tag at or after `from` (before `limit`), skipping comments, processing instructions,
 * CDATA and DOCTYPE. Fills `tok` and returns true, or returns false at the end.
 */
export function scanTag(xml: string, from: number, limit: number): boolean {
  let pos = from;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0 || lt >= limit) return false;
    let p = lt + 1;
    let ch = xml.charCodeAt(p);
    if (ch === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) pos = endOf(xml, '-->', lt + 4);
      else if (xml.startsWith('<![CDATA[', lt)) pos = endOf(xml, ']]>', lt + 9);
      else pos = endOf(xml, '>', lt + 2);
      continue;
    }
    if (ch === 63 /* ? */) {
      pos = endOf(xml, '?>', lt + 2);
      continue;
    }
    const closing = ch === 47;
    if (closing) p++;
    let nameStart = p;
    const n = xml.length;
    for (; p < n; p++) {
      ch = xml.charCodeAt(p);
      if (ch === 58 /* : */) nameStart = p + 1;
      else if (ch <= 32 || ch === 47 || ch === 62) break;
    }
    tok.nameStart = nameStart;
    tok.nameEnd = p;
    tok.attrStart = p;
    // Walk to '>' honouring quoted attribute values.
    let quote = 0;
    for (; p < n; p++) {
      ch = xml.charCodeAt(p);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62) break;
    }
    if (p >= n) return false;
    tok.start = lt;
    tok.end = p + 1;
    tok.kind = closing ? TagKind.Close : xml.charCodeAt(p - 1) === 47 ? TagKind.SelfClose : TagKind.Open;
    return true;
  }
}

/** Is the local name of the current tag exactly `name`? */
export function tokIs(xml: string, name: string): boolean {
  return tok.nameEnd - tok.nameStart === name.length && xml.startsWith(name, tok.nameStart);
}

/** Iterates the tags of a document as objects (convenient for the small parts). `next()` returns null at the end. */
export class TagScanner {
  pos: number;
  private readonly limit: number;
  constructor(
    readonly xml: string,
    start = 0,
    limit?: number,
  ) {
    this.pos = start;
    this.limit = limit ?? xml.length;
  }

  next(): Tag | null {
    if (!scanTag(this.xml, this.pos, this.limit)) return null;
    this.pos = tok.end;
    return {
      kind: tok.kind,
      name: this.xml.slice(tok.nameStart, tok.nameEnd),
      start: tok.start,
      end: tok.end,
    };
  }

  /** Skip to just past the close tag matching an already-read open tag of `name` (nesting-aware). */
  skipElement(name: string): void {
    let depth = 1;
    for (let t = this.next(); t; t = this.next()) {
      if (t.name !== name) continue;
      if (t.kind === TagKind.Open) depth++;
      else if (t.kind === TagKind.Close && --depth === 0) return;
    }
  }
}

function endOf(xml: string, token: string, from: number): number {
  const i = xml.indexOf(token, from);
  return i < 0 ? xml.length : i + token.length;
}

/**
 * Raw (undecoded) value of attribute `name` of the current tag, or undefined. Matches the local name exactly
 * (prefix ignored), so `s` does not match `xml:space`'s `space` or `t`.
 */
export function tokAttrRaw(xml: string, name: string): string | undefined {
  const end = tok.end;
  let p = tok.attrStart;
  const len = name.length;
  while (p < end) {
    let ch = xml.charCodeAt(p);
    while (ch <= 32 && p < end) ch = xml.charCodeAt(++p);
    if (ch === 47 || ch === 62 || p >= end) return undefined;
    let ns = p;
    for (; p < end; p++) {
      ch = xml.charCodeAt(p);
      if (ch === 58) ns = p + 1;
      else if (ch === 61 || ch <= 32) break;
    }
    const ne = p;
    while (p < end && xml.charCodeAt(p) !== 34 && xml.charCodeAt(p) !== 39) p++;
    const q = xml.charCodeAt(p);
    const vs = p + 1;
    p = xml.indexOf(q === 34 ? '"' : "'", vs);
    if (p < 0 || p >= end) return undefined;
    if (ne - ns === len && xml.startsWith(name, ns)) return xml.slice(vs, p);
    p++;
  }
  return undefined;
}

/** Decoded attribute value of the current tag. */
export function tokAttr(xml: string, name: string): string | undefined {
  const raw = tokAttrRaw(xml, name);
  return raw === undefined || raw.indexOf('&') < 0 ? raw : decodeEntities(raw);
}

/** Attributes of the tag at [start, end), keyed by local name (prefix removed, except xmlns). Values decoded. */
export function attrs(xml: string, tag: Tag): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const text = xml.slice(tag.start, tag.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const full = m[1];
    const colon = full.indexOf(':');
    const key = colon >= 0 && !full.startsWith('xmlns') ? full.slice(colon + 1) : full;
    out[key] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** One attribute value of a Tag (decoded), by local name. */
export function attr(xml: string, tag: Tag, name: string): string | undefined {
  scanTag(xml, tag.start, tag.end);
  return tokAttr(xml, name);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body] ?? m;
  });
}

/** Decode the `_xHHHH_` escapes Excel uses for control characters in strings (`_x005F_` escapes a literal '_'). */
export function decodeXEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text between an open tag and the next tag, decoded (entities + CDATA). */
export function textAfter(xml: string, tag: Tag): string {
  const lt = xml.indexOf('<', tag.end);
  const raw = xml.slice(tag.end, lt < 0 ? xml.length : lt);
  if (lt >= 0 && xml.startsWith('<![CDATA[', lt)) {
    const close = xml.indexOf(']]>', lt);
    return decodeEntities(raw) + xml.slice(lt + 9, close < 0 ? xml.length : close);
  }
  return decodeEntities(raw);
}

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) =>
    c === '&'
      ? '&amp;'
      : c === '<'
        ? '&lt;'
        : c === '>'
          ? '&gt;'
          : c === '"'
            ? '&quot;'
            : `&#${c.charCodeAt(0)};`,
  );
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_X_ESCAPE = /_(x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escape characters XML 1.0 cannot carry (control chars) the way Excel does: `_xHHHH_`; a literal `_xHHHH_` gets `_x005F_`. */
export function encodeXEscapes(s: string): string {
  return s.replace(NEEDS_X_ESCAPE, (m, lit: string | undefined) =>
    lit ? `_x005F_${lit}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/** Value of attribute `name` (exact qualified name) in an open-tag string, decoded. */
export function getTagAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

/** Set (or add) attribute `name` in an open-tag string such as `<c r="A1" s="3">` or `<xf .../>`. */
export function setTagAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const v = escapeAttr(value);
  if (re.test(tag)) return tag.replace(re, `$1"${v}"`);
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  let cut = end;
  while (cut > 0 && /\s/.test(tag[cut - 1])) cut--;
  return `${tag.slice(0, cut)} ${name}="${v}"${tag.slice(end)}`;
}

/** Remove attribute `name` from an open-tag string. */
export function removeTagAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}

export interface Container {
  /** Span of the whole element. */
  start: number;
  end: number;
  openTag: string;
  selfClosed: boolean;
  /** Span of the content (equal to `end` twice when self-closed). */
  innerStart: number;
  innerEnd: number;
  /** Direct child elements as raw XML. */
  children: string[];
}

/** The first element named `name` (local name) and its direct children, or undefined. */
export function findContainer(xml: string, name: string): Container | undefined {
  const sc = new TagScanner(xml);
  for (let t = sc.next(); t; t = sc.next()) {
    if (t.name !== name || t.kind === TagKind.Close) continue;
    const openTag = xml.slice(t.start, t.end);
    if (t.kind === TagKind.SelfClose)
      return {
        start: t.start,
        end: t.end,
        openTag,
        selfClosed: true,
        innerStart: t.end,
        innerEnd: t.end,
        children: [],
      };
    const children: string[] = [];
    let depth = 0;
    let childStart = -1;
    for (let u = sc.next(); u; u = sc.next()) {
      if (u.kind === TagKind.Close) {
        if (depth === 0)
          return {
            start: t.start,
            end: u.end,
            openTag,
            selfClosed: false,
            innerStart: t.end,
            innerEnd: u.start,
            children,
          };
        if (--depth === 0) children.push(xml.slice(childStart, u.end));
      } else if (u.kind === TagKind.Open) {
        if (depth++ === 0) childStart = u.start;
      } else if (depth === 0) children.push(xml.slice(u.start, u.end));
    }
    return undefined;
  }
  return undefined;
}

// ---- Namespaces. Every element Gouji inserts into an existing part is qualified from the bindings actually in
// scope where it goes (never from the root's prefix or a guess), and declares locally whatever is not bound there.

/** Prefix ('' for the default namespace) → namespace URI, as in force at one position of a document. */
export type NsScope = Map<string, string>;

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Namespace declarations (xmlns, xmlns:p) of one open-tag string. */
export function nsDeclarations(tag: string): [string, string][] {
  if (tag.indexOf('xmlns') < 0) return [];
  const out: [string, string][] = [];
  const re = /\sxmlns(?::([^\s=/>]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out.push([m[1] ?? '', decodeEntities(m[2] ?? m[3] ?? '')]);
  return out;
}

/**
 * The namespace bindings in force for content inserted at `pos` (the bindings of every element open there).
 * Skips over a <sheetData> that declares nothing, so a position after the cells costs one scan of the tags
 * before and after them.
 */
export function scopeAt(xml: string, pos: number): NsScope {
  const stack: [string, string][][] = [];
  let from = 0;
  while (scanTag(xml, from, pos) && tok.end <= pos) {
    from = tok.end;
    if (tok.kind === TagKind.Open) {
      stack.push(nsDeclarations(xml.slice(tok.start, tok.end)));
      if (tokIs(xml, 'sheetData')) {
        const close = xml.lastIndexOf('sheetData', pos);
        const lt = close < 0 ? -1 : xml.lastIndexOf('<', close);
        const isClose =
          lt > tok.end && xml.charCodeAt(lt + 1) === 47 && /^([\w.-]+:)?$/.test(xml.slice(lt + 2, close));
        if (isClose && xml.lastIndexOf('xmlns', lt) < tok.end) from = lt;
      }
    } else if (tok.kind === TagKind.Close) stack.pop();
  }
  const scope: NsScope = new Map([['xml', XML_NS]]);
  for (const decls of stack) for (const [p, uri] of decls) scope.set(p, uri);
  return scope;
}

/** A prefix bound to `uri` in `scope` ('' = the default namespace; attributes need a non-empty prefix). */
export function prefixFor(scope: NsScope, uri: string, forAttribute = false): string | undefined {
  if (!forAttribute && scope.get('') === uri) return '';
  for (const [p, u] of scope) if (u === uri && p !== '') return p;
  return undefined;
}

export interface QualifiedTag {
  /** The start tag, e.g. `<x:sheet name="…" r:id="rId3"/>` (self-closed when `selfClose`). */
  tag: string;
  /** Prefix with ':' ('' when unprefixed) to use for this element's close tag and for children in its namespace. */
  p: string;
  /** Bindings in force inside the element. */
  scope: NsScope;
}

/**
 * Build a start tag for an element in namespace `uri`, inserted where `scope` is in force. Uses the prefix
 * already bound to `uri` there, else declares the default namespace on the element; a namespaced attribute
 * ([uri, local, value]) uses a bound prefix or declares `preferred` (e.g. 'r') on the element.
 */
export function qualifiedTag(
  scope: NsScope,
  uri: string,
  local: string,
  attributes: ([string, string] | [string, string, string])[],
  selfClose = false,
  preferred: Record<string, string> = {},
): QualifiedTag {
  const inner = new Map(scope);
  const decls: string[] = [];
  let p = prefixFor(inner, uri);
  if (p === undefined) {
    p = '';
    inner.set('', uri);
    decls.push(` xmlns="${escapeAttr(uri)}"`);
  }
  const attrText: string[] = [];
  for (const a of attributes) {
    if (a.length === 2) {
      attrText.push(` ${a[0]}="${escapeAttr(a[1])}"`);
      continue;
    }
    const [auri, alocal, value] = a;
    let ap = prefixFor(inner, auri, true);
    if (ap === undefined) {
      // a local declaration may shadow an outer binding of the same prefix, but not the element's own prefix
      ap = preferred[auri] ?? 'ns1';
      for (let n = 1; ap === p; n++) ap = `ns${n}`;
      inner.set(ap, auri);
      decls.push(` xmlns:${ap}="${escapeAttr(auri)}"`);
    }
    attrText.push(` ${ap}:${alocal}="${escapeAttr(value)}"`);
  }
  const q = p ? `${p}:` : '';
  return {
    tag: `<${q}${local}${decls.join('')}${attrText.join('')}${selfClose ? '/>' : '>'}`,
    p: q,
    scope: inner,
  };
}

/** Bindings in force inside an element whose start tag is `openTag`, given the scope around it. */
export function scopeInside(outer: NsScope, openTag: string): NsScope {
  const decls = nsDeclarations(openTag);
  if (decls.length === 0) return outer;
  const s = new Map(outer);
  for (const [p, uri] of decls) s.set(p, uri);
  return s;
}

/** Qualified name (as written) of the element whose start tag is `openTag`. */
export function tagName(openTag: string): string {
  return /^<([^\s/>]+)/.exec(openTag)?.[1] ?? '';
}
