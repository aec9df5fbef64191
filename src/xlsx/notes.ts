/**
 * Legacy notes ("comments" in the file format): xl/commentsN.xml holds the text, a VML drawing holds the
 * pop-up shapes Excel and LibreOffice show. Existing comments parts and VML drawings are appended to, never replaced.
 */
import { toA1 } from '../core/model/address';
import { appendChild, CT, PackageWriter, REL } from './pkg-writer';
import { relType } from './package';
import { afterSheetData, insertWorksheetChild, XlsxWriteError } from './sheet-edit';
import {
  decodeEntities,
  encodeXEscapes,
  escapeText,
  findContainer,
  getTagAttr,
  NsScope,
  qualifiedTag,
  scopeAt,
  scopeInside,
} from './xml';

export const NOTE_AUTHOR = 'Gouji';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export interface NoteSpec {
  row: number;
  col: number;
  text: string;
}

/** Add notes to a worksheet; returns the worksheet XML (with <legacyDrawing> added if it had none). */
export function addNotes(w: PackageWriter, sheetPart: string, sheetXml: string, notes: NoteSpec[]): string {
  if (notes.length === 0) return sheetXml;
  const rels = w.rels(sheetPart);
  let xml = sheetXml;

  // Comments part.
  let commentsPart = rels.find((r) => relType(r.type) === 'comments' && !r.external)?.target;
  if (commentsPart && !w.exists(commentsPart)) commentsPart = undefined;
  let comments: string;
  if (commentsPart) comments = w.text(commentsPart) as string;
  else {
    commentsPart = w.freePartName((n) => `xl/comments${n}.xml`);
    comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
    w.addRel(sheetPart, 'comments', commentsPart);
    w.addOverride(commentsPart, CT.comments);
  }
  const { xml: withAuthor, authorId } = ensureAuthor(comments);
  comments = withAuthor;
  const newShapes: NoteSpec[] = [];
  for (const note of notes) {
    const ref = toA1(note.row, note.col);
    const text = note.text.replace(/\r\n?/g, '\n');
    const existing = new RegExp(
      `<(?:\\w+:)?comment\\b[^>]*\\bref="${ref}"[^>]*>([\\s\\S]*?)</(?:\\w+:)?comment>`,
    ).exec(comments);
    if (existing) {
      const plain = decodeEntities(existing[1].replace(/<[^>]+>/g, ''));
      if (plain.includes(text)) continue;
      const body = existing[1];
      const cut = body.search(/<(?:\w+:)?(?:rPh|phoneticPr)\b|<\/(?:\w+:)?text>/);
      const start = existing.index + existing[0].indexOf(body);
      const r = qualifiedTag(scopeAt(comments, start + (cut >= 0 ? cut : body.length)), MAIN_NS, 'r', []);
      const q = r.p;
      const run = `${r.tag}${runProps(q)}<${q}t xml:space="preserve">\n${escapeText(encodeXEscapes(text))}</${q}t></${q}r>`;
      const nextBody = cut >= 0 ? body.slice(0, cut) + run + body.slice(cut) : body + run;
      comments = comments.slice(0, start) + nextBody + comments.slice(start + body.length);
      continue;
    }
    comments = appendChild(comments, 'commentList', 'comments', (scope) => {
      const c = qualifiedTag(scope, MAIN_NS, 'comment', [
        ['ref', ref],
        ['authorId', String(authorId)],
      ]);
      const q = c.p;
      return `${c.tag}<${q}text><${q}r>${runProps(q)}<${q}t xml:space="preserve">${escapeText(encodeXEscapes(text))}</${q}t></${q}r></${q}text></${q}comment>`;
    });
    newShapes.push({ ...note, text });
  }
  w.setText(commentsPart, comments);
  if (newShapes.length === 0) return xml;

  // VML drawing with one hidden pop-up shape per new note.
  const legacyRe = /<(?:\w+:)?legacyDrawing\b[^>]*>/g;
  legacyRe.lastIndex = afterSheetData(xml);
  const legacy = legacyRe.exec(xml);
  const legacyId = legacy ? (getTagAttr(legacy[0], 'r:id') ?? idAttr(legacy[0])) : undefined;
  let vmlPart = legacyId ? rels.find((r) => r.id === legacyId && !r.external)?.target : undefined;
  if (vmlPart && !w.exists(vmlPart)) vmlPart = undefined;
  let vml: string;
  let nextShape: number;
  let vmlDecls = '';
  if (vmlPart) {
    vml = w.text(vmlPart) as string;
    nextShape = Math.max(0, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;
    const block = Number(/<o:idmap\b[^>]*\bdata="(\d+)/.exec(vml)?.[1] ?? 1);
    if (nextShape < block * 1024 + 1) nextShape = block * 1024 + 1;
    const rootEnd = vml.indexOf('>', vml.search(/<xml\b/)) + 1;
    vmlDecls = vmlDeclarations(scopeAt(vml, rootEnd));
    if (!vml.includes('id="_x0000_t202"'))
      vml = vml.replace(/(<\/o:shapelayout>)|(<xml\b[^>]*>)/, (m) => m + withDecls(SHAPETYPE, vmlDecls));
  } else {
    const block = nextIdBlock(w);
    vmlPart = w.freePartName((n) => `xl/drawings/vmlDrawing${n}.vml`);
    vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}</xml>`;
    nextShape = block * 1024 + 1;
    w.ensureDefault('vml', CT.vml);
    const rId = w.addRel(sheetPart, 'vmlDrawing', vmlPart);
    if (legacy) {
      // A <legacyDrawing> pointing at a missing part: repoint it.
      const fixed = legacy[0].replace(/(\s[^\s=:]+:id\s*=\s*")[^"]*"/, `$1${rId}"`);
      xml = xml.slice(0, legacy.index) + fixed + xml.slice(legacy.index + legacy[0].length);
    } else {
      xml = insertWorksheetChild(
        xml,
        'legacyDrawing',
        (scope) =>
          qualifiedTag(scope, MAIN_NS, 'legacyDrawing', [[REL, 'id', rId]], true, { [REL]: 'r' }).tag,
      );
    }
  }
  const shapes = newShapes.map((n) => withDecls(shapeXml(nextShape++, n), vmlDecls)).join('');
  const close = vml.lastIndexOf('</xml>');
  vml = close >= 0 ? vml.slice(0, close) + shapes + vml.slice(close) : vml + shapes;
  w.setText(vmlPart, vml);
  return xml;
}

/** Run properties of a note as Excel writes them (9 pt; 宋体 so Chinese text renders everywhere). */
function runProps(p: string): string {
  return `<${p}rPr><${p}sz val="9"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr>`;
}

function idAttr(tag: string): string | undefined {
  return /\b(?:\w+:)?id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
}

function ensureAuthor(xml: string): { xml: string; authorId: number } {
  const authors = [...xml.matchAll(/<(?:\w+:)?author>([\s\S]*?)<\/(?:\w+:)?author>/g)].map((m) =>
    decodeEntities(m[1]),
  );
  const i = authors.indexOf(NOTE_AUTHOR);
  if (i >= 0) return { xml, authorId: i };
  const author = (scope: NsScope) => {
    const a = qualifiedTag(scope, MAIN_NS, 'author', []);
    return `${a.tag}${NOTE_AUTHOR}</${a.p}author>`;
  };
  if (findContainer(xml, 'authors'))
    return { xml: appendChild(xml, 'authors', 'comments', author), authorId: authors.length };
  // <authors> is the first child of <comments>
  const root = findContainer(xml, 'comments');
  if (!root || root.selfClosed)
    throw new XlsxWriteError('批注部件结构异常 (The comments part has no <comments> root.)');
  const scope = scopeInside(scopeAt(xml, root.start), root.openTag);
  const list = qualifiedTag(scope, MAIN_NS, 'authors', []);
  const el = `${list.tag}${author(list.scope)}</${list.p}authors>`;
  return { xml: xml.slice(0, root.innerStart) + el + xml.slice(root.innerStart), authorId: 0 };
}

const VML_NS: [string, string][] = [
  ['v', 'urn:schemas-microsoft-com:vml'],
  ['o', 'urn:schemas-microsoft-com:office:office'],
  ['x', 'urn:schemas-microsoft-com:office:excel'],
];

/** Declarations a new VML shape needs where `scope` is in force (its v:, o:, x: prefixes not bound there). */
function vmlDeclarations(scope: NsScope): string {
  return VML_NS.filter(([p, uri]) => scope.get(p) !== uri)
    .map(([p, uri]) => ` xmlns:${p}="${uri}"`)
    .join('');
}

/** Add namespace declarations to the first start tag of a fragment. */
function withDecls(fragment: string, decls: string): string {
  if (!decls) return fragment;
  const m = /^<[^\s/>]+/.exec(fragment) as RegExpExecArray;
  return m[0] + decls + fragment.slice(m[0].length);
}

/** A VML shape-id block (o:idmap data) not used by any other VML part of the package. */
function nextIdBlock(w: PackageWriter): number {
  let max = 0;
  for (const part of w.allParts()) {
    if (!part.toLowerCase().endsWith('.vml')) continue;
    const text = w.text(part) ?? '';
    for (const m of text.matchAll(/<o:idmap\b[^>]*\bdata="([^"]*)"/g))
      for (const v of m[1].split(',')) max = Math.max(max, Number(v) || 0);
  }
  return max + 1;
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shapeXml(id: number, note: NoteSpec): string {
  const lines = note.text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 18)), 0);
  const height = Math.min(20, Math.max(4, lines + 1));
  const anchor = [
    note.col + 1,
    15,
    Math.max(0, note.row - 1),
    10,
    note.col + 4,
    15,
    Math.max(0, note.row - 1) + height,
    4,
  ];
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:200pt;height:${height * 15}pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor.join(', ')}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${note.row}</x:Row><x:Column>${note.col}</x:Column></x:ClientData></v:shape>`
  );
}
