/**
 * A cheap, streaming well-formedness check for the XML parts the reader uses: a stack of open element names
 * (compared as character ranges, nothing allocated per tag) fed by the reader's own tag scan, so a sheet is not
 * walked twice. It catches what damage does to a part — a close tag that does not match its open tag, an
 * element left open, a stray '<' inside a tag, a second element after the root, nesting deeper than any
 * SpreadsheetML part — without building a DOM. It does not validate a schema, namespaces or entity names.
 */
import { scanTag, tok, TagKind } from './xml';

/** No SpreadsheetML part nests this deep; a deeper part is damaged or hostile. */
export const MAX_XML_DEPTH = 256;

export interface XmlProblem {
  /** Character offset of the problem. */
  at: number;
  zh: string;
  en: string;
}

const BROKEN_TAG = { zh: '标签不完整', en: 'a broken tag' };

/** Feed it every tag `scanTag` finds (call `tag()` right after), then `end()` where the scan stopped. */
export class XmlChecker {
  private readonly starts: number[] = [];
  private readonly lens: number[] = [];
  private rootSeen = false;
  private rootClosed = false;

  constructor(
    private readonly xml: string,
    private readonly root?: string,
  ) {}

  /** Check the tag in `tok`; returns the first problem found, or undefined. */
  tag(): XmlProblem | undefined {
    const xml = this.xml;
    const kind = tok.kind;
    // the qualified name starts right after '<' (or '</')
    const qs = tok.start + (kind === TagKind.Close ? 2 : 1);
    const ql = tok.nameEnd - qs;
    if (ql <= 0) return { at: tok.start, ...BROKEN_TAG };
    // a '<' inside a tag: a tag was cut short or two tags ran together
    const lt = xml.indexOf('<', qs);
    if (lt >= 0 && lt < tok.end) return { at: tok.start, ...BROKEN_TAG };
    if (this.rootClosed)
      return { at: tok.start, zh: '根元素之后还有内容', en: 'content after the root element' };
    const starts = this.starts;
    if (kind === TagKind.Close) {
      const d = starts.length - 1;
      if (d < 0 || this.lens[d] !== ql || !sameName(xml, starts[d], qs, ql))
        return {
          at: tok.start,
          zh: '结束标签与开始标签不匹配',
          en: 'a close tag does not match its open tag',
        };
      starts.pop();
      this.lens.pop();
      if (d === 0) this.rootClosed = true;
      return undefined;
    }
    if (!this.rootSeen) {
      this.rootSeen = true;
      const root = this.root;
      if (
        root !== undefined &&
        (tok.nameEnd - tok.nameStart !== root.length || !xml.startsWith(root, tok.nameStart))
      )
        return { at: tok.start, zh: `根元素不是 <${root}>`, en: `the root element is not <${root}>` };
    }
    if (kind === TagKind.SelfClose) {
      if (starts.length === 0) this.rootClosed = true;
      return undefined;
    }
    if (starts.length >= MAX_XML_DEPTH)
      return {
        at: tok.start,
        zh: `元素嵌套超过 ${MAX_XML_DEPTH} 层`,
        en: `elements are nested deeper than ${MAX_XML_DEPTH} levels`,
      };
    starts.push(qs);
    this.lens.push(ql);
    return undefined;
  }

  /** The scan stopped at `pos` (no further tag): anything left open or cut off is a problem. */
  end(pos: number): XmlProblem | undefined {
    const xml = this.xml;
    // scanTag stops at a '<' it cannot finish: the rest of the part is a cut-off tag
    const rest = xml.indexOf('<', pos);
    if (rest >= 0 && !xml.startsWith('<!', rest) && !xml.startsWith('<?', rest))
      return { at: rest, ...BROKEN_TAG };
    if (!this.rootSeen) return { at: 0, zh: '没有根元素', en: 'there is no root element' };
    if (this.starts.length > 0)
      return {
        at: xml.length,
        zh: '有元素没有结束（内容被截断）',
        en: 'an element is never closed (the part is cut off)',
      };
    return undefined;
  }
}

/** The first well-formedness problem of a whole part, or undefined. `root` optionally names the expected root. */
export function xmlProblem(xml: string, root?: string): XmlProblem | undefined {
  const check = new XmlChecker(xml, root);
  const n = xml.length;
  let pos = 0;
  for (; scanTag(xml, pos, n); pos = tok.end) {
    const p = check.tag();
    if (p) return p;
  }
  return check.end(pos);
}

function sameName(xml: string, a: number, b: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (xml.charCodeAt(a + i) !== xml.charCodeAt(b + i)) return false;
  return true;
}
