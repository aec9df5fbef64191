/**
 * Legacy notes ("comments" in the file format): xl/commentsN.xml holds the text, a VML drawing holds the
 * pop-up shapes Excel and LibreOffice show. Existing comments parts and VML drawings are appended to, never replaced.
 */
import { toA1 } from '../core/model/address';
import { CT, escapeRe, insertBeforeClose, PackageWriter, REL } from './pkg-writer';
import { relType } from './package';
import { afterSheetData, insertWorksheetChild, rootPrefix } from './sheet-edit';
import { decodeEntities, encodeXEscapes, escapeText, getTagAttr } from './xml';

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
  const p = rootPrefix(comments, 'comments');
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
      const run = `<${p}r>${runProps(p)}<${p}t xml:space="preserve">\n${escapeText(encodeXEscapes(text))}</${p}t></${p}r>`;
      const body = existing[1];
      const cut = body.search(/<(?:\w+:)?(?:rPh|phoneticPr)\b|<\/(?:\w+:)?text>/);
      const nextBody = cut >= 0 ? body.slice(0, cut) + run + body.slice(cut) : body + run;
      const start = existing.index + existing[0].indexOf(body);
      comments = comments.slice(0, start) + nextBody + comments.slice(start + body.length);
      continue;
    }
    const el = `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text><${p}r>${runProps(p)}<${p}t xml:space="preserve">${escapeText(encodeXEscapes(text))}</${p}t></${p}r></${p}text></${p}comment>`;
    comments = insertBeforeClose(comments, 'commentList', el);
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
  if (vmlPart) {
    vml = w.text(vmlPart) as string;
    nextShape = Math.max(0, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;
    const block = Number(/<o:idmap\b[^>]*\bdata="(\d+)/.exec(vml)?.[1] ?? 1);
    if (nextShape < block * 1024 + 1) nextShape = block * 1024 + 1;
    if (!vml.includes('id="_x0000_t202"'))
      vml = vml.replace(/(<\/o:shapelayout>)|(<xml\b[^>]*>)/, (m) => m + SHAPETYPE);
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
      const fixed = legacy[0].replace(/(\br:id\s*=\s*")[^"]*"/, `$1${rId}"`);
      xml = xml.slice(0, legacy.index) + fixed + xml.slice(legacy.index + legacy[0].length);
    } else {
      const wp = rootPrefix(xml, 'worksheet');
      const hasR = new RegExp(`xmlns:r="${escapeRe(REL)}"`).test(xml.slice(0, 2000));
      xml = insertWorksheetChild(
        xml,
        'legacyDrawing',
        `<${wp}legacyDrawing${hasR ? '' : ` xmlns:r="${REL}"`} r:id="${rId}"/>`,
      );
    }
  }
  const shapes = newShapes.map((n) => shapeXml(nextShape++, n)).join('');
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
  const p = rootPrefix(xml, 'comments');
  const el = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
  if (/<(?:\w+:)?authors\b/.test(xml))
    return { xml: insertBeforeClose(xml, 'authors', el), authorId: authors.length };
  return {
    xml: xml.replace(/(<(?:\w+:)?comments\b[^>]*>)/, `$1<${p}authors>${el}</${p}authors>`),
    authorId: 0,
  };
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
