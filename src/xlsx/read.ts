/**
 * .xlsx → core Workbook model. Pure (bytes in, model out), synchronous, no DOM.
 * Chartsheets, dialog sheets and macro sheets are kept as empty sheets with `kind` set, so a report can say they were skipped.
 */
import { colToLetters, lettersToCol } from '../core/model/address';
import { CellRange } from '../core/model/address';
import { Cell, CellValue, Sheet, Workbook } from '../core/model/workbook';
import { Package, relsPartName, relType } from './package';
import { XmlChecker, XmlProblem, xmlProblem } from './wellformed';
import * as X from './xml';
import { attr, attrs, decodeEntities, decodeXEscapes, TagKind, TagScanner } from './xml';
import { isZip, readZip, ZipFormatError, ZipLimitError } from './zip';

export type XlsxReadErrorCode =
  | 'empty'
  | 'not-zip'
  | 'corrupt'
  | 'xls'
  | 'encrypted'
  | 'xlsb'
  | 'no-workbook'
  /** A part the reader needs is missing, does not parse, is not UTF-8, or a relationship points nowhere. */
  | 'malformed'
  /** Beyond a resource limit (part size, part count, string length, cell count). */
  | 'too-large';

/** A file Gouji cannot read as .xlsx. `message` is one line, Chinese then English, safe to print as is. */
export class XlsxReadError extends Error {
  constructor(
    readonly code: XlsxReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'XlsxReadError';
  }
}

const MESSAGES: Record<XlsxReadErrorCode, string> = {
  empty: '文件为空，无法读取 (The file is empty.)',
  'not-zip':
    '不是有效的 .xlsx 文件（不是 zip 压缩包），请用 Excel 另存为 .xlsx 后再试 (Not an .xlsx file: it is not a zip package; save it as .xlsx in Excel and try again.)',
  corrupt:
    '.xlsx 文件已损坏或不完整，请重新保存或重新下载 (The .xlsx file is damaged or truncated; save or download it again.)',
  xls: '这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再试 (This is a legacy .xls file; save it as .xlsx in Excel and try again.)',
  encrypted:
    '文件已加密（设置了打开密码），请先取消密码再试 (The file is password-protected; remove the open password and try again.)',
  xlsb: '这是 .xlsb 二进制工作簿，请在 Excel 中另存为 .xlsx 后再试 (This is a binary .xlsb workbook; save it as .xlsx in Excel and try again.)',
  'no-workbook':
    'zip 包中没有工作簿 xl/workbook.xml，不是 Excel 文件 (The zip package holds no workbook part xl/workbook.xml; it is not an Excel file.)',
  malformed:
    '.xlsx 文件结构已损坏，请重新保存或重新下载 (The .xlsx package is damaged; save or download it again.)',
  'too-large': '文件超出 Gouji 能安全读取的大小 (The file is beyond the size Gouji can read safely.)',
};

/** Longest text Gouji reads from one cell or shared string (Excel itself stops at 32,767 characters). */
export const MAX_TEXT_LENGTH = 1_000_000;
/** Most cells Gouji reads from one workbook (a 20,000 × 12 sheet has 240,000). */
export const MAX_CELLS = 5_000_000;

const fmt = (n: number) => n.toLocaleString('en-US');
const mib = (n: number) => `${fmt(Math.ceil(n / 1048576))} MiB`;

/** A one-line problem with a part of the package: exit 2 when the workbook cannot be read without it. */
function failMalformed(zh: string, en: string): never {
  throw new XlsxReadError(
    'malformed',
    `${zh}，请重新保存或重新下载 (${en}; save or download the file again.)`,
  );
}

function failTooLarge(zh: string, en: string): never {
  throw new XlsxReadError('too-large', `${zh} (${en})`);
}

function failLimit(e: ZipLimitError): never {
  if (e.limit === 'entries')
    failTooLarge(
      `zip 包有 ${fmt(e.actual)} 个部件，超过上限 ${fmt(e.max)}，未读取`,
      `The package has ${fmt(e.actual)} parts, beyond the limit of ${fmt(e.max)}; not read.`,
    );
  if (e.limit === 'part')
    failTooLarge(
      `部件 ${e.part} 解压后有 ${mib(e.actual)}，超过上限 ${mib(e.max)}，未解压（可能是“zip 炸弹”）`,
      `Part ${e.part} would inflate to ${mib(e.actual)}, beyond the limit of ${mib(e.max)}; not inflated (possibly a zip bomb).`,
    );
  failTooLarge(
    `zip 包解压后共有 ${mib(e.actual)} 以上，超过上限 ${mib(e.max)}，未解压（可能是“zip 炸弹”）`,
    `The package would inflate to more than ${mib(e.actual)}, beyond the limit of ${mib(e.max)}; not inflated (possibly a zip bomb).`,
  );
}

function failLongText(where: { zh: string; en: string }, length: number): never {
  failTooLarge(
    `${where.zh}有 ${fmt(length)} 个字符，超过上限 ${fmt(MAX_TEXT_LENGTH)}（Excel 单元格最多 32,767 个字符），未读取`,
    `${where.en} holds ${fmt(length)} characters, beyond the limit of ${fmt(MAX_TEXT_LENGTH)} (an Excel cell holds at most 32,767); not read.`,
  );
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Text of a part, or a problem: invalid UTF-8 (the lenient decoder turns it into U+FFFD; only then are the bytes
 * decoded again strictly) or XML that is not well-formed (when `checkXml`; sheets and shared strings are
 * checked during their own scan instead). Missing parts give undefined.
 */
function partText(
  pkg: Package,
  part: string,
  checkXml: boolean,
  root?: string,
): { text: string } | { problem: { zh: string; en: string } } | undefined {
  let text: string | undefined;
  try {
    text = pkg.text(part);
  } catch (e) {
    if (e instanceof ZipLimitError) failLimit(e);
    throw e;
  }
  if (text === undefined) return undefined;
  if (text.indexOf('\ufffd') >= 0) {
    const bytes = pkg.bytes(part) as Uint8Array;
    const bom =
      bytes.length >= 2 &&
      ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    if (!bom) {
      try {
        utf8Strict.decode(bytes);
      } catch {
        return {
          problem: { zh: `部件 ${part} 含有无效的 UTF-8 字节`, en: `part ${part} holds invalid UTF-8 bytes` },
        };
      }
    }
  }
  if (checkXml) {
    const p = xmlProblem(text, root);
    if (p) return { problem: xmlMessage(part, text, p) };
  }
  return { text };
}

/** '部件 xl/worksheets/sheet1.xml 的 XML 有误（第 3 行：结束标签与开始标签不匹配）'. */
function xmlMessage(part: string, xml: string, p: XmlProblem): { zh: string; en: string } {
  let line = 1;
  for (let i = xml.indexOf('\n'); i >= 0 && i < p.at; i = xml.indexOf('\n', i + 1)) line++;
  return {
    zh: `部件 ${part} 的 XML 无法解析（第 ${line} 行，字符 ${fmt(p.at)}：${p.zh}）`,
    en: `the XML of part ${part} does not parse (line ${line}, character ${fmt(p.at)}: ${p.en})`,
  };
}

/** The text of a part the whole workbook depends on: missing or broken → exit 2. */
function requiredText(pkg: Package, part: string, root: string): string {
  const t = partText(pkg, part, true, root);
  if (t === undefined) failMalformed(`缺少部件 ${part}`, `Part ${part} is missing`);
  if ('problem' in t) failMalformed(t.problem.zh, t.problem.en.replace(/^the/, 'The'));
  return t.text;
}

// Local aliases for the per-tag loops: transpiled ES-module imports are read through getters on every use.
const tok = X.tok;
const scanTag = X.scanTag;
const tokIs = X.tokIs;
const tokAttr = X.tokAttr;
const tokAttrRaw = X.tokAttrRaw;
const OPEN = TagKind.Open;
const CLOSE = TagKind.Close;
const SELF_CLOSE = TagKind.SelfClose;

function fail(code: XlsxReadErrorCode): never {
  throw new XlsxReadError(code, MESSAGES[code]);
}

/**
 * A worksheet whose XML is cut off (a damaged download or an interrupted save that still left a valid zip)
 * would otherwise read as a sheet with its last rows missing, and every total on it would look wrong or go
 * unchecked. The reader refuses it instead, naming the sheet.
 */
function failTruncatedSheet(sheetName: string): never {
  throw new XlsxReadError(
    'corrupt',
    `工作表“${sheetName}”的内容不完整（XML 被截断），文件已损坏，请重新保存或重新下载 (Sheet "${sheetName}" is damaged: its XML is cut off; save or download the file again.)`,
  );
}

/** The worksheet XML ends with </worksheet> and, when it opens <sheetData>, closes it (any namespace prefix). */
export function worksheetClosed(xml: string): boolean {
  const tail = xml.slice(-512).replace(/[\s\0]+$/, '');
  if (!/<\/(?:[\w.-]+:)?worksheet\s*>$/.test(tail)) return false;
  const open = xml.search(/<(?:[\w.-]+:)?sheetData[\s/>]/);
  if (open < 0) return true;
  const end = xml.indexOf('>', open);
  if (end < 0) return false;
  if (xml[end - 1] === '/') return true; // <sheetData/>
  const close = /<\/(?:[\w.-]+:)?sheetData\s*>/g;
  close.lastIndex = end;
  return close.test(xml);
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Check the container before unzipping: empty, OLE2 (.xls or encrypted OOXML), not a zip. */
function checkSignature(bytes: Uint8Array): void {
  if (!bytes || bytes.length === 0) fail('empty');
  if (bytes.length >= 8 && OLE2.every((b, i) => bytes[i] === b)) {
    fail(
      containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')
        ? 'encrypted'
        : 'xls',
    );
  }
  if (!isZip(bytes)) fail('not-zip');
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Open the zip and locate the workbook part; shared by the reader and the writer. */
export function openPackage(bytes: Uint8Array): { pkg: Package; workbookPart: string } {
  checkSignature(bytes);
  let pkg: Package;
  try {
    pkg = new Package(readZip(bytes));
  } catch (e) {
    if (e instanceof ZipLimitError) failLimit(e);
    if (e instanceof ZipFormatError) fail('corrupt');
    throw e;
  }
  for (const e of pkg.entries.values()) if (e.flags & 1) fail('encrypted');
  let workbookPart: string | undefined;
  try {
    if (!pkg.has('[Content_Types].xml')) {
      if (pkg.has('xl/workbook.bin')) fail('xlsb');
      if (!pkg.has('xl/workbook.xml') && !pkg.has('_rels/.rels')) fail('no-workbook');
      failMalformed(
        'zip 包中缺少 [Content_Types].xml，不是完整的 Office 文件',
        'The package has no [Content_Types].xml, so it is not a complete Office file',
      );
    }
    requiredText(pkg, '[Content_Types].xml', 'Types');
    if (!pkg.has('_rels/.rels')) {
      if (!pkg.has('xl/workbook.xml')) fail(pkg.has('xl/workbook.bin') ? 'xlsb' : 'no-workbook');
      failMalformed('zip 包中缺少关系部件 _rels/.rels', 'The package has no relationships part _rels/.rels');
    }
    requiredText(pkg, '_rels/.rels', 'Relationships');
    const main = pkg.rels('').find((r) => relType(r.type) === 'officeDocument');
    if (!main) {
      if (!pkg.has('xl/workbook.xml')) fail(pkg.has('xl/workbook.bin') ? 'xlsb' : 'no-workbook');
      failMalformed(
        '_rels/.rels 中没有指向工作簿的关系',
        '_rels/.rels has no relationship to the workbook part',
      );
    }
    workbookPart = main.external ? undefined : pkg.find(main.target);
    if (!workbookPart) {
      if (pkg.has('xl/workbook.bin')) fail('xlsb');
      failMalformed(
        `_rels/.rels 指向的工作簿部件 ${main.target} 不存在`,
        `_rels/.rels points to a workbook part ${main.target} that does not exist`,
      );
    }
    if (workbookPart.toLowerCase().endsWith('.bin')) fail('xlsb');
    if (isPackagePart(workbookPart))
      failMalformed(
        `_rels/.rels 的工作簿关系指向 ${workbookPart}（关系循环）`,
        `_rels/.rels points the workbook relationship at ${workbookPart} (a circular relationship)`,
      );
    requiredText(pkg, workbookPart, 'workbook');
    const rels = relsPartName(workbookPart);
    if (pkg.has(rels)) requiredText(pkg, rels, 'Relationships');
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    if (e instanceof ZipLimitError) failLimit(e);
    if (e instanceof ZipFormatError) fail('corrupt');
    throw e;
  }
  return { pkg, workbookPart };
}

/** [Content_Types].xml or a relationships part: never the target of a document relationship. */
function isPackagePart(part: string): boolean {
  const p = part.toLowerCase();
  return p === '[content_types].xml' || p.endsWith('.rels');
}

export interface SheetEntry {
  name: string;
  sheetId: string;
  rId: string;
  state: string;
  /** Part name, or undefined when the relationship is missing. */
  part?: string;
  kind: 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet';
  /** Why the sheet's part cannot be read: its relationship is missing, points nowhere or back into the package. */
  problem?: { zh: string; en: string };
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStringsPart?: string;
  stylesPart?: string;
}

export function readWorkbookInfo(pkg: Package, workbookPart: string): WorkbookInfo {
  const xml = pkg.text(workbookPart) ?? '';
  const rels = new Map(pkg.rels(workbookPart).map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const sc = new TagScanner(xml);
  for (let t = sc.next(); t; t = sc.next()) {
    if (t.kind === TagKind.Close) continue;
    if (t.name === 'workbookPr') {
      const v = attrs(xml, t).date1904;
      date1904 = v === '1' || v === 'true';
    } else if (t.name === 'sheet') {
      const a = attrs(xml, t);
      const rel = rels.get(a.id ?? '');
      const type = rel ? relType(rel.type) : 'worksheet';
      const kind =
        type === 'chartsheet' || type === 'dialogsheet' || type === 'macrosheet' ? type : 'worksheet';
      const part = rel && !rel.external ? pkg.find(rel.target) : undefined;
      const rId = a.id ?? '';
      let problem: SheetEntry['problem'];
      if (!rel)
        problem = {
          zh: `工作簿中没有关系 ${rId || '(空)'}，找不到这个工作表的内容`,
          en: `the workbook has no relationship ${rId || '(none)'}, so this sheet's content cannot be found`,
        };
      else if (!part)
        problem = {
          zh: `关系 ${rId} 指向的部件 ${rel.target} 不存在`,
          en: `relationship ${rId} points to a part ${rel.target} that does not exist`,
        };
      else if (part === workbookPart || isPackagePart(part))
        problem = {
          zh: `关系 ${rId} 指向 ${part}，不是工作表（关系循环）`,
          en: `relationship ${rId} points to ${part}, not a sheet (a circular relationship)`,
        };
      sheets.push({
        name: a.name ?? `Sheet${sheets.length + 1}`,
        sheetId: a.sheetId ?? '',
        rId,
        state: a.state ?? 'visible',
        part: problem ? undefined : part,
        kind,
        ...(problem ? { problem } : {}),
      });
    }
  }
  let sharedStringsPart: string | undefined;
  let stylesPart: string | undefined;
  for (const r of rels.values()) {
    const type = relType(r.type);
    if (type === 'sharedStrings') sharedStringsPart = pkg.find(r.target);
    else if (type === 'styles') stylesPart = pkg.find(r.target);
  }
  return { sheets, date1904, sharedStringsPart, stylesPart };
}

/** The hidden, sheet-scoped defined name that marks a sheet Gouji wrote (the summary). */
export const OWNER_NAME = '_gouji_owner';

/** Indexes of the sheets that carry Gouji's owner mark (a hidden sheet-scoped defined name). */
export function ownedIndexes(workbookXml: string): Set<number> {
  const out = new Set<number>();
  for (const el of X.findContainer(workbookXml, 'definedNames')?.children ?? []) {
    if (X.getTagAttr(el, 'name')?.toLowerCase() !== OWNER_NAME) continue;
    const id = Number(X.getTagAttr(el, 'localSheetId'));
    if (Number.isInteger(id) && id >= 0) out.add(id);
  }
  return out;
}

/**
 * Read an .xlsx (or .xlsm/.xltx) file. Throws XlsxReadError for anything that is not a readable workbook.
 * One damaged sheet in an otherwise good workbook is kept empty with `unreadable` set (the review reports it as
 * skipped, with the reason); when no worksheet can be read the whole file is refused.
 */
export function readXlsx(bytes: Uint8Array, name?: string): Workbook {
  const { pkg, workbookPart } = openPackage(bytes);
  try {
    const info = readWorkbookInfo(pkg, workbookPart);
    let strings: string[] = [];
    if (info.sharedStringsPart) {
      const t = partText(pkg, info.sharedStringsPart, false);
      if (t && 'problem' in t) failMalformed(t.problem.zh, t.problem.en.replace(/^part/, 'Part'));
      if (t) {
        const parsed = parseSharedStrings(t.text);
        if (!Array.isArray(parsed)) {
          const m = xmlMessage(info.sharedStringsPart, t.text, parsed);
          failMalformed(m.zh, m.en.replace(/^the/, 'The'));
        }
        strings = parsed;
      }
    }
    let stylesXml = '';
    if (info.stylesPart) {
      const t = partText(pkg, info.stylesPart, true, 'styleSheet');
      if (t && 'problem' in t)
        failMalformed(
          t.problem.zh,
          t.problem.en.replace(/^(part|the)/, (w) => w[0].toUpperCase() + w.slice(1)),
        );
      if (t) stylesXml = t.text;
    }
    const styles = parseStyles(stylesXml);
    const owned = ownedIndexes(pkg.text(workbookPart) ?? '');
    const budget = { cells: 0 };
    const sheets: Sheet[] = info.sheets.map((entry, i) => {
      const sheet: Sheet = { name: entry.name, rows: [], merges: [] };
      if (entry.state === 'hidden' || entry.state === 'veryHidden') sheet.hidden = true;
      if (owned.has(i)) sheet.generatedBy = 'gouji';
      if (entry.kind !== 'worksheet') {
        sheet.kind = entry.kind;
        return sheet;
      }
      const unreadable = (why: { zh: string; en: string }) => {
        sheet.rows = [];
        sheet.merges = [];
        sheet.unreadable = {
          zh: `工作表无法读取，未作检查：${why.zh}。`,
          en: `This sheet cannot be read and was not checked: ${why.en}.`,
        };
        return sheet;
      };
      if (entry.problem) return unreadable(entry.problem);
      const t = entry.part ? partText(pkg, entry.part, false) : undefined;
      if (t && 'problem' in t) return unreadable(t.problem);
      if (t && t.text) {
        if (!worksheetClosed(t.text)) failTruncatedSheet(entry.name);
        const problem = parseWorksheet(t.text, sheet, strings, styles, info.date1904, budget);
        if (problem) return unreadable(xmlMessage(entry.part as string, t.text, problem));
      }
      return sheet;
    });
    const worksheets = sheets.filter((s) => !s.kind);
    if (worksheets.length > 0 && worksheets.every((s) => s.unreadable)) {
      const first = worksheets[0];
      const n = worksheets.length;
      throw new XlsxReadError(
        'malformed',
        `${n > 1 ? `全部 ${n} 个工作表都无法读取；` : ''}工作表“${first.name}”：${first.unreadable?.zh.replace(/^工作表无法读取，未作检查：/, '').replace(/。$/, '')}；文件已损坏，请重新保存或重新下载 (${n > 1 ? `None of the ${n} sheets can be read; ` : ''}sheet "${first.name}": ${first.unreadable?.en.replace(/^This sheet cannot be read and was not checked: /, '').replace(/\.$/, '')}; the file is damaged, save or download it again.)`,
      );
    }
    return name === undefined ? { sheets } : { name, sheets };
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    if (e instanceof ZipLimitError) failLimit(e);
    if (e instanceof RangeError) failTooLarge('工作簿太大，无法读取', 'The workbook is too large to read');
    fail('corrupt');
  }
}

// ---------------------------------------------------------------- shared strings

/**
 * Shared string table: rich-text runs concatenated, phonetic runs (<rPh>) left out. Returns the well-formedness
 * problem instead when the XML does not parse; a string longer than MAX_TEXT_LENGTH refuses the file.
 */
export function parseSharedStrings(xml: string): string[] | XmlProblem {
  const out: string[] = [];
  let text = '';
  let inSi = false;
  let phonetic = 0;
  const n = xml.length;
  const check = new XmlChecker(xml, 'sst');
  let pos = 0;
  for (; scanTag(xml, pos, n); pos = tok.end) {
    const problem = check.tag();
    if (problem) return problem;
    if (tokIs(xml, 't')) {
      if (tok.kind === OPEN && inSi && phonetic === 0) {
        text += textAt(xml, tok.end);
        if (text.length > MAX_TEXT_LENGTH)
          failLongText(
            { zh: `共享字符串第 ${fmt(out.length + 1)} 项`, en: `Shared string ${fmt(out.length + 1)}` },
            text.length,
          );
      }
    } else if (tokIs(xml, 'si')) {
      if (tok.kind === OPEN) {
        inSi = true;
        text = '';
      } else if (tok.kind === CLOSE) {
        out.push(decodeXEscapes(text));
        inSi = false;
      } else out.push('');
    } else if (tokIs(xml, 'rPh')) {
      if (tok.kind === OPEN) phonetic++;
      else if (tok.kind === CLOSE) phonetic--;
    }
  }
  return check.end(pos) ?? out;
}

// ---------------------------------------------------------------- styles

/** Built-in number formats (ECMA-376 Part 1 §18.8.30, plus the common en-US and zh-CN locale ids). */
export const BUILTIN_NUMFMTS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export interface CellStyle {
  numFmt?: string;
  bold: boolean;
}

/** cellXfs resolved to number format code and bold, by style index. */
export function parseStyles(xml: string): CellStyle[] {
  const custom = new Map<number, string>();
  const fontBold: boolean[] = [];
  const xfs: { numFmtId: number; fontId: number }[] = [];
  const sc = new TagScanner(xml);
  let section = '';
  let inFont = false;
  for (let t = sc.next(); t; t = sc.next()) {
    const { name, kind } = t;
    if (
      name === 'numFmts' ||
      name === 'fonts' ||
      name === 'cellXfs' ||
      name === 'cellStyleXfs' ||
      name === 'dxfs'
    ) {
      section = kind === OPEN ? name : '';
      continue;
    }
    if (kind === CLOSE) {
      if (name === 'font') inFont = false;
      continue;
    }
    if (section === 'numFmts' && name === 'numFmt') {
      const id = Number(attr(xml, t, 'numFmtId'));
      const code = attr(xml, t, 'formatCode');
      if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
    } else if (section === 'fonts' && name === 'font') {
      fontBold.push(false);
      inFont = kind === OPEN;
    } else if (section === 'fonts' && inFont && name === 'b') {
      const v = attr(xml, t, 'val');
      fontBold[fontBold.length - 1] = v === undefined || v === '1' || v === 'true';
    } else if (section === 'cellXfs' && name === 'xf') {
      xfs.push({
        numFmtId: Number(attr(xml, t, 'numFmtId') ?? 0),
        fontId: Number(attr(xml, t, 'fontId') ?? 0),
      });
    }
  }
  return xfs.map((xf) => ({
    numFmt: custom.get(xf.numFmtId) ?? BUILTIN_NUMFMTS[xf.numFmtId],
    bold: fontBold[xf.fontId] ?? false,
  }));
}

// ---------------------------------------------------------------- worksheet

/** Parse 'B12' (or '$B$12') to 0-based row/col; returns false if it is not a cell reference. */
function parseCellRef(ref: string, out: { row: number; col: number }): boolean {
  let i = 0;
  let col = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  const colStart = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower-case letters
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  if (i === colStart || i - colStart > 3) return false;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
    row = row * 10 + (ch - 48);
  }
  if (i === rowStart || row < 1) return false;
  out.row = row - 1;
  out.col = col - 1;
  return true;
}

interface SharedMaster {
  row: number;
  col: number;
  text: string;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/**
 * Read a worksheet's cells and merges into `sheet`. Returns the first well-formedness problem of the XML (the
 * caller then drops what was read), or undefined. `budget.cells` counts cells across a workbook (MAX_CELLS).
 */
export function parseWorksheet(
  xml: string,
  sheet: Sheet,
  strings: string[],
  styles: CellStyle[],
  date1904 = false,
  budget = { cells: 0 },
): XmlProblem | undefined {
  const pos = { row: 0, col: 0 };
  let row = -1;
  let col = -1;
  const masters = new Map<string, SharedMaster>();
  const pending: { cell: Cell; row: number; col: number; si: string }[] = [];
  const styleCache: (CellStyle | undefined)[] = [];

  // Per-cell state.
  let inCell = false;
  let cellType = '';
  let cellStyle = 0;
  let value: string | undefined;
  let formula: string | undefined;
  let formulaType = '';
  let formulaSi: string | undefined;
  let dataTableArgs = '';
  let inline = '';
  let inInline = false;
  let phonetic = 0;

  let cells = budget.cells;
  const cellLimit = MAX_CELLS;
  const tooLong = (length: number): never =>
    failLongText(
      {
        zh: `工作表“${sheet.name}”的单元格 ${colToLetters(col)}${row + 1} `,
        en: `Cell ${colToLetters(col)}${row + 1} of sheet "${sheet.name}"`,
      },
      length,
    );
  const tooMany = (): never =>
    failTooLarge(
      `工作簿的单元格超过 ${fmt(MAX_CELLS)} 个，未读取`,
      `The workbook has more than ${fmt(MAX_CELLS)} cells; not read.`,
    );

  const finishCell = () => {
    inCell = false;
    if (row >= MAX_ROWS || col >= MAX_COLS || row < 0 || col < 0) return;
    const hasFormula = formula !== undefined;
    let v: CellValue = null;
    let noCache = false;
    if (cellType === 'inlineStr') v = decodeXEscapes(inline);
    else if (value === undefined || (value === '' && cellType !== 'str')) {
      if (!hasFormula) return; // styled but empty
      noCache = true;
    } else {
      switch (cellType) {
        case 's': {
          const s = strings[Number(value)];
          v = s === undefined ? null : s;
          break;
        }
        case 'str':
          v = decodeXEscapes(decodeEntities(value));
          break;
        case 'b':
          v = value.trim() === '1' || value.trim().toLowerCase() === 'true';
          break;
        case 'e':
          v = { error: decodeEntities(value).trim() };
          break;
        case 'd':
          v = isoToSerial(value, date1904);
          break;
        default: {
          const num = Number(value);
          v = Number.isFinite(num) && value.trim() !== '' ? num : decodeEntities(value);
        }
      }
    }
    if (typeof v === 'string' && v.length > MAX_TEXT_LENGTH) tooLong(v.length);
    if (++cells > cellLimit) tooMany();
    const cell: Cell = { value: v };
    if (hasFormula) {
      cell.formula = formula as string;
      if (noCache) cell.noCachedValue = true;
      if (formulaType === 'shared' && formulaSi !== undefined) {
        const text = (formula as string).trim();
        if (text !== '') masters.set(formulaSi, { row, col, text });
        else pending.push({ cell, row, col, si: formulaSi });
      } else if (formulaType === 'dataTable' && formula === '') cell.formula = `TABLE(${dataTableArgs})`;
    }
    let st = styleCache[cellStyle];
    if (st === undefined) {
      st = styles[cellStyle] ?? styles[0] ?? { bold: false };
      styleCache[cellStyle] = st;
    }
    if (st.numFmt !== undefined) cell.numFmt = st.numFmt;
    if (st.bold) cell.bold = true;
    let r = sheet.rows[row];
    if (!r) {
      r = [];
      sheet.rows[row] = r;
    }
    r[col] = cell;
  };

  const n = xml.length;
  const check = new XmlChecker(xml, 'worksheet');
  let p = 0;
  for (; scanTag(xml, p, n); p = tok.end) {
    const kind = tok.kind;
    const nameLen = tok.nameEnd - tok.nameStart;
    // the extension list is skipped whole (below), so its open tag is not put on the checker's stack
    if (!(kind === OPEN && nameLen === 6 && tokIs(xml, 'extLst'))) {
      const problem = check.tag();
      if (problem) return problem;
    }
    const c0 = xml.charCodeAt(tok.nameStart);
    if (inCell) {
      if (nameLen === 1) {
        if (c0 === 99 /* c */) {
          if (kind === CLOSE) finishCell();
        } else if (c0 === 118 /* v */) {
          if (kind === OPEN) value = textRaw(xml, tok.end);
          else if (kind === SELF_CLOSE) value = '';
        } else if (c0 === 102 /* f */) {
          if (kind === CLOSE) continue;
          formulaType = tokAttrRaw(xml, 't') ?? '';
          formulaSi = tokAttrRaw(xml, 'si');
          if (formulaType === 'dataTable')
            dataTableArgs = [tokAttr(xml, 'r1'), tokAttr(xml, 'r2')].filter(Boolean).join(',');
          formula = kind === OPEN ? stripEquals(textAt(xml, tok.end)) : '';
        } else if (c0 === 116 /* t */) {
          if (kind === OPEN && inInline && phonetic === 0) inline += textAt(xml, tok.end);
        }
      } else if (tokIs(xml, 'is')) inInline = kind === OPEN;
      else if (tokIs(xml, 'rPh')) phonetic += kind === OPEN ? 1 : kind === CLOSE ? -1 : 0;
      continue;
    }
    if (nameLen === 1 && c0 === 99 /* c */) {
      if (kind === CLOSE) continue;
      const ref = tokAttrRaw(xml, 'r');
      if (ref !== undefined && parseCellRef(ref, pos)) {
        row = pos.row;
        col = pos.col;
      } else {
        if (row < 0) row = 0;
        col++;
      }
      if (kind === SELF_CLOSE) continue; // no value, no formula
      inCell = true;
      cellType = tokAttrRaw(xml, 't') ?? 'n';
      const s = tokAttrRaw(xml, 's');
      cellStyle = s === undefined ? 0 : parseInt(s, 10) || 0;
      value = undefined;
      formula = undefined;
      formulaType = '';
      formulaSi = undefined;
      inline = '';
      inInline = false;
      phonetic = 0;
    } else if (nameLen === 3 && tokIs(xml, 'row')) {
      if (kind === CLOSE) continue;
      const r = tokAttrRaw(xml, 'r');
      const num = r === undefined ? NaN : parseInt(r, 10);
      row = Number.isFinite(num) && num >= 1 ? num - 1 : row + 1;
      col = -1;
    } else if (tokIs(xml, 'mergeCell')) {
      const ref = tokAttrRaw(xml, 'ref');
      const range = ref ? parseRangeSafe(ref) : undefined;
      if (range) sheet.merges.push(range);
    } else if (tokIs(xml, 'sheetProtection')) {
      const v = tokAttrRaw(xml, 'sheet');
      if (v === '1' || v === 'true') sheet.protected = true;
    } else if (tokIs(xml, 'extLst') && kind === OPEN) {
      const close = xml.indexOf('extLst>', tok.end);
      if (close < 0)
        return { at: tok.start, zh: '扩展列表没有结束', en: 'an extension list is never closed' };
      tok.end = close + 7; // scanning resumes after </extLst>
    }
  }
  budget.cells = cells;
  const problem = check.end(p);
  if (problem) return problem;
  if (sheet.merges.length > 1) sheet.merges = withoutOverlaps(sheet.merges);

  for (const pend of pending) {
    const m = masters.get(pend.si);
    pend.cell.formula = m ? shiftFormula(m.text, pend.row - m.row, pend.col - m.col) : '';
  }
  return undefined;
}

/**
 * Merged ranges may not overlap (Excel repairs a file where they do). Of two that overlap the larger one is
 * dropped: it is the one that would hide the other's cells (a stray whole-sheet merge over a form). One sweep
 * down the rows compares each merge only with those still open at its top row.
 */
export function withoutOverlaps(merges: CellRange[]): CellRange[] {
  const order = merges.map((_, i) => i).sort((a, b) => merges[a].top - merges[b].top);
  const area = (m: CellRange) => (m.bottom - m.top + 1) * (m.right - m.left + 1);
  const dropped = new Set<number>();
  let active: number[] = [];
  for (const i of order) {
    const m = merges[i];
    active = active.filter((j) => merges[j].bottom >= m.top && !dropped.has(j));
    for (const j of active) {
      const o = merges[j];
      if (o.left > m.right || o.right < m.left) continue;
      dropped.add(area(o) > area(m) ? j : i);
      if (dropped.has(i)) break;
    }
    if (!dropped.has(i)) active.push(i);
  }
  return dropped.size ? merges.filter((_, i) => !dropped.has(i)) : merges;
}

/** Text from `from` to the next tag, undecoded. */
function textRaw(xml: string, from: number): string {
  const lt = xml.indexOf('<', from);
  return xml.slice(from, lt < 0 ? xml.length : lt);
}

/** Text from `from` to the next tag, entities decoded (CDATA supported). */
function textAt(xml: string, from: number): string {
  const lt = xml.indexOf('<', from);
  const raw = decodeEntities(xml.slice(from, lt < 0 ? xml.length : lt));
  if (lt >= 0 && xml.startsWith('<![CDATA[', lt)) {
    const close = xml.indexOf(']]>', lt);
    return raw + xml.slice(lt + 9, close < 0 ? xml.length : close);
  }
  return raw;
}

function stripEquals(f: string): string {
  return f.charCodeAt(0) === 61 ? f.slice(1) : f;
}

function parseRangeSafe(
  ref: string,
): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b] = ref.trim().split(':');
  const p = { row: 0, col: 0 };
  const q = { row: 0, col: 0 };
  if (!parseCellRef(a, p)) return undefined;
  if (b === undefined) Object.assign(q, p);
  else if (!parseCellRef(b, q)) return undefined;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** ISO 8601 date (t="d") → Excel serial number; unparsable text stays text. */
function isoToSerial(iso: string, date1904: boolean): number | string {
  const s = iso.trim();
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : /T/.test(s) ? `${s}Z` : `${s}T00:00:00Z`;
  const ms = Date.parse(withZone);
  if (!Number.isFinite(ms)) return s;
  const days = ms / 86400000;
  return date1904 ? days + 24107 : days + 25569;
}

/**
 * Move the relative references of a shared formula by (dRow, dCol), as Excel does for the cells that share it.
 * Text in quotes, sheet names in single quotes and function names are left alone.
 */
export function shiftFormula(text: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return text;
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n) {
        if (text[j] === ch) {
          if (text[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z$_\\]/.test(ch)) {
      let j = i;
      while (j < n && /[A-Za-z0-9$_.\\]/.test(text[j])) j++;
      const word = text.slice(i, j);
      const prev = i > 0 ? text[i - 1] : '';
      const next = text[j] ?? '';
      const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(word);
      if (m && next !== '(' && next !== '!' && !/[A-Za-z0-9_.]/.test(prev)) {
        const c = m[1] ? lettersToCol(m[2]) : lettersToCol(m[2]) + dCol;
        const r = m[3] ? parseInt(m[4], 10) : parseInt(m[4], 10) + dRow;
        out += c >= 0 && r >= 1 ? `${m[1]}${colToLetters(c)}${m[3]}${r}` : '#REF!';
      } else out += word;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
