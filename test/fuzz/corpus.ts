/**
 * The fuzz corpus: a few hundred packages mutated from three seed workbooks by a seeded generator, so every run
 * makes the same files (FUZZ_SEED is the corpus seed). Each mutation is one of the ways real files break or are
 * made to break a reader: byte flips (in the zip and inside XML parts), truncation, a missing part, missing,
 * dangling or circular relationships, invalid UTF-8, deeply nested XML, a 1,000,000-row dimension with a cell at
 * XFD1000000, huge shared strings, a whole-sheet merge, zip bombs (1 GiB declared, or lying about their size).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { unzipSync } from 'fflate';
import { Parts, smallBook, withRawEntry, zeroStream, zipParts } from './packages';

export const FUZZ_SEED = 20261202;

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = new TextEncoder();
const dec = new TextDecoder();
const FIXTURES = join(__dirname, '..', 'fixtures');

function fixtureParts(file: string): Parts {
  return unzipSync(new Uint8Array(readFileSync(join(FIXTURES, file)))) as Parts;
}

function text(v: string | Uint8Array | undefined): string {
  return v === undefined ? '' : typeof v === 'string' ? v : dec.decode(v);
}

export interface FuzzCase {
  name: string;
  bytes: Uint8Array;
}

export function corpus(seed = FUZZ_SEED): FuzzCase[] {
  const rand = rng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: T[]): T => xs[int(xs.length)];
  const bases: { name: string; parts: Parts }[] = [
    { name: 'small', parts: smallBook() },
    { name: 'jiyuan', parts: fixtureParts('jiyuan-2021-budget-clean.xlsx') },
    { name: 'selfeval', parts: fixtureParts('national-self-evaluation-filled.xlsx') },
  ];
  const xmlParts = (p: Parts) => Object.keys(p).filter((k) => /\.(xml|rels)$/.test(k) && p[k] !== undefined);
  const sheetPart = (p: Parts) => pick(Object.keys(p).filter((k) => /worksheets\/[^/]+\.xml$/.test(k)));
  const edit = (p: Parts, part: string, f: (xml: string) => string): Parts => ({
    ...p,
    [part]: f(text(p[part])),
  });
  const intoSheetData = (xml: string, add: string) =>
    xml.replace(/<sheetData\s*\/>|<sheetData>/, (m) =>
      m.endsWith('/>') ? `<sheetData>${add}</sheetData>` : `${m}${add}`,
    );
  const bytesOf = (v: string | Uint8Array | undefined) =>
    typeof v === 'string' ? enc.encode(v) : (v ?? new Uint8Array());

  type Mutator = (p: Parts) => Parts | Uint8Array;
  const mutators: Record<string, Mutator> = {
    'xml-flip': (p) => {
      const part = pick(xmlParts(p));
      const b = bytesOf(p[part]).slice();
      for (let k = 1 + int(8); k > 0; k--) b[int(b.length)] = int(256);
      return { ...p, [part]: b };
    },
    'xml-truncate': (p) => {
      const part = pick(xmlParts(p));
      const b = bytesOf(p[part]);
      return { ...p, [part]: b.slice(0, int(b.length)) };
    },
    'missing-part': (p) => {
      const q = { ...p };
      delete q[pick(Object.keys(p))];
      return q;
    },
    'missing-relationship': (p) => {
      const part = pick(Object.keys(p).filter((k) => k.endsWith('.rels')));
      return edit(p, part, (xml) => {
        const rels = xml.match(/<Relationship\b[^>]*\/>/g) ?? [];
        return rels.length ? xml.replace(pick(rels), '') : xml;
      });
    },
    'dangling-sheet-rid': (p) =>
      edit(p, 'xl/workbook.xml', (xml) => xml.replace(/r:id="rId\d+"/, 'r:id="rId999"')),
    'circular-relationship': (p) => {
      if (rand() < 0.3)
        return edit(p, '_rels/.rels', (xml) =>
          xml.replace(/Target="[^"]*workbook\.xml"/, 'Target="_rels/.rels"'),
        );
      const target = pick([
        'workbook.xml',
        '../_rels/.rels',
        '_rels/workbook.xml.rels',
        '../[Content_Types].xml',
      ]);
      return edit(p, 'xl/_rels/workbook.xml.rels', (xml) =>
        xml.replace(/Target="[^"]*worksheets\/[^"]+"/, `Target="${target}"`),
      );
    },
    'invalid-utf8': (p) => {
      const part = rand() < 0.5 && p['xl/sharedStrings.xml'] ? 'xl/sharedStrings.xml' : sheetPart(p);
      const b = bytesOf(p[part]);
      const at = b.indexOf(0x3e, Math.floor(b.length / 2)) + 1 || 1; // just after some '>'
      const bad = pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]);
      const out = new Uint8Array(b.length + bad.length);
      out.set(b.subarray(0, at));
      out.set(bad, at);
      out.set(b.subarray(at), at + bad.length);
      return { ...p, [part]: out };
    },
    'deep-nesting': (p) => {
      const depth = pick([300, 5000, 200000]);
      const nest = '<x>'.repeat(depth) + '</x>'.repeat(depth);
      if (rand() < 0.3 && p['xl/sharedStrings.xml'])
        return edit(p, 'xl/sharedStrings.xml', (xml) => xml.replace(/<si>/, `<si>${nest}`));
      return edit(p, sheetPart(p), (xml) => intoSheetData(xml, nest));
    },
    'million-rows': (p) =>
      edit(p, sheetPart(p), (xml) =>
        intoSheetData(xml.replace(/<dimension ref="[^"]*"\s*\/>/, ''), '')
          .replace(/<sheetData/, '<dimension ref="A1:XFD1000000"/><sheetData')
          .replace(/<\/sheetData>/, '<row r="1000000"><c r="XFD1000000"><v>1</v></c></row></sheetData>'),
      ),
    'huge-shared-string': (p) => {
      const n = pick([40_000, 2_000_000, 30_000_000]);
      const s = rand() < 0.5 ? 'x'.repeat(n) : '支出合计1,234.56万元，'.repeat(Math.ceil(n / 14)).slice(0, n);
      if (!p['xl/sharedStrings.xml']) return p;
      return edit(p, 'xl/sharedStrings.xml', (xml) => xml.replace(/<si>/, `<si><t>${s}</t></si><si>`));
    },
    'whole-sheet-merge': (p) =>
      edit(p, sheetPart(p), (xml) =>
        /<mergeCells[^>]*>/.test(xml)
          ? xml.replace(/<mergeCells[^>]*>/, (m) => `${m}<mergeCell ref="A1:XFD1048576"/>`)
          : xml.replace(
              /<\/sheetData>|<sheetData\s*\/>/,
              (m) => `${m}<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`,
            ),
      ),
    'zip-flip': (p) => {
      const b = zipParts(p);
      for (let k = 1 + int(6); k > 0; k--) b[int(b.length)] = int(256);
      return b;
    },
    'zip-truncate': (p) => {
      const b = zipParts(p);
      return b.slice(0, int(b.length));
    },
  };
  const names = Object.keys(mutators);
  // the costly ones (a million rows, megabytes of text) run once per seed workbook, not again at random
  const HEAVY = ['deep-nesting', 'million-rows', 'huge-shared-string', 'whole-sheet-merge'];
  const light = names.filter((n) => !HEAVY.includes(n));
  const out: FuzzCase[] = [];
  // every mutation on every seed workbook, then random ones (sometimes two stacked) up to 300 cases
  const make = (base: { name: string; parts: Parts }, ms: string[]) => {
    let cur: Parts | Uint8Array = base.parts;
    for (const m of ms) cur = cur instanceof Uint8Array ? cur : mutators[m](cur);
    out.push({
      name: `${out.length}-${base.name}-${ms.join('+')}`,
      bytes: cur instanceof Uint8Array ? cur : zipParts(cur),
    });
  };
  for (const base of bases) for (const m of names) make(base, [m]);
  while (out.length < 290) {
    const base = pick(bases);
    make(base, rand() < 0.25 ? [pick(light), pick(light)] : [pick(light)]);
  }
  // zip bombs: a sheet that declares 1 GiB (a real 1 GiB stream of zeros), and one that lies about its size
  const bomb = zeroStream(1024);
  for (const base of bases) {
    const part = sheetPart(base.parts);
    out.push({
      name: `${out.length}-${base.name}-bomb-1gib`,
      bytes: withRawEntry(base.parts, part, bomb, 1 << 30),
    });
    out.push({
      name: `${out.length}-${base.name}-bomb-lying`,
      bytes: withRawEntry(base.parts, part, bomb, 4096),
    });
  }
  return out;
}
