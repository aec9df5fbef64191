/**
 * Builds the writer-conformance inputs (test/conformance/inputs/): the same three workbooks saved by five
 * producers, so the writer is tested against every way of declaring namespaces we know of.
 *
 *   npx tsx scripts/conformance/make-inputs.ts
 *
 * Bases: a fixture with budget tables (final-accounts-2025), the national 自评表 blank form, and one real
 * budget (广州-信访局-2026). Producers:
 *   exceljs     ExcelJS 4 reads the base and writes it again (root declarations, mc:Ignorable).
 *   openpyxl    Debian's /usr/bin/python3 with python3-openpyxl loads and saves it.
 *   libreoffice soffice --headless --convert-to xlsx (Calc's own writer).
 *   xprefix     the base rewritten into x:-prefixed SpreadsheetML, as the OpenXML SDK / NPOI write it:
 *               every main-namespace element is `x:name`, no default namespace; xmlns:r declared per element
 *               where r:id is used.
 *   excel       the base rewritten into Excel 365's markup: mc:Ignorable with x14ac/xr/xr2/xr3, xr:uid,
 *               x14ac:dyDescent on rows, mc:AlternateContent (x15ac:absPath) and an extLst in workbook.xml,
 *               CRLF after the declaration. (No Excel is available here; this reproduces what it writes.)
 * The rewrites go through saxes (namespace-aware) and re-serialise every event, so they are well-formed by
 * construction. Zip entry times are pinned so rerunning gives the same bytes except for LibreOffice/openpyxl
 * metadata dates.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { tmpdir } from 'os';
import { join } from 'path';
import { SaxesParser } from 'saxes';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'test', 'conformance', 'inputs');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const X14AC = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac';
const XR = 'http://schemas.microsoft.com/office/spreadsheetml/2014/revision';
const XR2 = 'http://schemas.microsoft.com/office/spreadsheetml/2015/revision2';
const XR3 = 'http://schemas.microsoft.com/office/spreadsheetml/2016/revision3';

export const BASES: Record<string, string> = {
  'final-accounts': join(ROOT, 'test', 'fixtures', 'final-accounts-2025.xlsx'),
  'self-evaluation': join(ROOT, 'test', 'fixtures', 'national-self-evaluation-blank.xlsx'),
  'real-budget': join(ROOT, 'test', 'data', 'real-budgets', '广州-信访局-2026-预算.xlsx'),
};

const esc = (s: string, attr: boolean) =>
  s.replace(attr ? /[&<"\n\r\t]/g : /[&<>\r]/g, (c) =>
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

interface El {
  name: string; // qualified name as written
  local: string;
  uri: string;
  attrs: [string, string][]; // qualified name, value (xmlns declarations included)
  depth: number;
}

/**
 * Re-serialise an XML part event by event; `rename` may change an element's name and attributes.
 * Everything else (text, comments, PIs, CDATA) is written back as parsed.
 */
function rewrite(
  xml: string,
  edit: (
    el: El,
    path: string[],
  ) => { name?: string; attrs?: [string, string][]; prepend?: string; append?: string },
  declaration?: string,
): string {
  const p = new SaxesParser({ xmlns: true, position: false });
  let out = '';
  let pendingOpen = '';
  const stack: { name: string; append: string }[] = [];
  const path: string[] = [];
  const flush = (selfClose: boolean) => {
    if (!pendingOpen) return false;
    out += pendingOpen + (selfClose ? '/>' : '>');
    pendingOpen = '';
    return true;
  };
  p.on('xmldecl', (d) => {
    out +=
      declaration ??
      `<?xml version="${d.version ?? '1.0'}"${d.encoding ? ` encoding="${d.encoding}"` : ''}${d.standalone ? ` standalone="${d.standalone}"` : ''}?>\n`;
  });
  p.on('opentag', (t) => {
    flush(false);
    const attrs: [string, string][] = Object.values(t.attributes).map((a) => [a.name, a.value]);
    path.push(t.local);
    const r = edit({ name: t.name, local: t.local, uri: t.uri, attrs, depth: stack.length }, path);
    const name = r.name ?? t.name;
    out += r.prepend ?? '';
    pendingOpen = `<${name}${(r.attrs ?? attrs).map(([k, v]) => ` ${k}="${esc(v, true)}"`).join('')}`;
    stack.push({ name, append: r.append ?? '' });
  });
  p.on('closetag', () => {
    const top = stack.pop() as { name: string; append: string };
    path.pop();
    const selfClosed = pendingOpen !== '' && !top.append;
    if (selfClosed) flush(true);
    else {
      flush(false);
      out += `${top.append}</${top.name}>`;
    }
  });
  p.on('text', (t) => {
    if (stack.length === 0) return; // whitespace around the root
    flush(false);
    out += esc(t, false);
  });
  p.on('cdata', (t) => {
    flush(false);
    out += `<![CDATA[${t}]]>`;
  });
  p.on('comment', (t) => {
    flush(false);
    out += `<!--${t}-->`;
  });
  p.on('processinginstruction', (pi) => {
    flush(false);
    out += `<?${pi.target} ${pi.body}?>`;
  });
  p.write(xml).close();
  return out;
}

const isXmlPart = (name: string) => /\.xml$/i.test(name) && !/^\[Content_Types\]/.test(name);

/** x:-prefixed SpreadsheetML: main-namespace elements become `x:name`; r:id gets its declaration on the element. */
export function toXPrefixed(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) {
    const text = strFromU8(data);
    if (!isXmlPart(name) || !text.includes(MAIN)) {
      out[name] = data;
      continue;
    }
    const xml = rewrite(text, (el) => {
      let attrs = el.attrs.filter(([k, v]) => !(k === 'xmlns' && v === MAIN) && k !== 'xmlns:r');
      if (el.depth === 0 && el.uri === MAIN) attrs = [['xmlns:x', MAIN], ...attrs];
      if (attrs.some(([k]) => k.startsWith('r:'))) attrs = [['xmlns:r', REL], ...attrs];
      return { name: el.uri === MAIN ? `x:${el.local}` : undefined, attrs };
    });
    out[name] = strToU8(xml);
  }
  return out;
}

/**
 * The inverse of toXPrefixed (main-namespace elements unprefixed under a default declaration), for readers that
 * match tag names without resolving prefixes: ExcelJS 4 cannot open x:-prefixed packages at all, so the suite
 * reads such packages through this namespace-preserving rewrite.
 */
export function toDefaultNamespace(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) {
    const text = strFromU8(data);
    if (!isXmlPart(name) || !text.includes(MAIN)) {
      out[name] = data;
      continue;
    }
    const xml = rewrite(text, (el) => {
      if (el.uri !== MAIN) return {};
      const attrs = el.attrs.filter(([k, v]) => !(k.startsWith('xmlns:') && v === MAIN) && k !== 'xmlns');
      return { name: el.local, attrs: [['xmlns', MAIN], ...attrs] };
    });
    out[name] = strToU8(xml);
  }
  return out;
}

let uid = 0;
const guid = () => `{${(0x1000_0000 + ++uid).toString(16).toUpperCase()}-0000-4000-8000-00000000C0DE}`;

/** Excel 365's markup on the main parts of a package. */
export function toExcelStyle(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
  for (const [name, data] of Object.entries(files)) {
    const text = strFromU8(data);
    if (!isXmlPart(name) || !text.includes(MAIN)) {
      out[name] = data;
      continue;
    }
    let absPathDone = false;
    const xml = rewrite(
      text,
      (el) => {
        const has = (k: string) => el.attrs.some(([a]) => a === k);
        const attrs = el.attrs.filter(([k]) => k !== 'mc:Ignorable' && !/^xmlns:(mc|x14ac|xr\d?)$/.test(k));
        if (el.uri !== MAIN) return {};
        if (el.depth === 0) {
          const ns: [string, string][] = [['xmlns', MAIN]];
          if (!has('xmlns:r') && /^(workbook|worksheet)$/.test(el.local)) ns.push(['xmlns:r', REL]);
          ns.push(
            ['xmlns:mc', MC],
            ['xmlns:x14ac', X14AC],
            ['xmlns:xr', XR],
            ['xmlns:xr2', XR2],
            ['xmlns:xr3', XR3],
          );
          const rest = attrs.filter(([k]) => k !== 'xmlns');
          const extra: [string, string][] = [['mc:Ignorable', 'x14ac xr xr2 xr3']];
          if (el.local === 'worksheet' || el.local === 'table') extra.push(['xr:uid', guid()]);
          return {
            attrs: [...ns, ...rest, ...extra],
            append:
              el.local === 'workbook'
                ? '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>'
                : undefined,
          };
        }
        if (el.local === 'row' && !has('x14ac:dyDescent'))
          return { attrs: [...attrs, ['x14ac:dyDescent', '0.25']] };
        if ((el.local === 'bookViews' || el.local === 'sheets') && !absPathDone && (absPathDone = true))
          return {
            prepend:
              '<mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\finance\\Documents\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>',
          };
        if (el.local === 'workbookView') return { attrs: [...attrs, ['xr2:uid', guid()]] };
        return { attrs };
      },
      decl,
    );
    out[name] = strToU8(xml);
  }
  return out;
}

function pinTimes(files: Record<string, Uint8Array>): Uint8Array {
  const mtime = new Date('2026-01-05T09:00:00Z');
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  // [Content_Types].xml first, as every producer writes it
  const names = Object.keys(files).sort(
    (a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'),
  );
  for (const n of names) entries[n] = [files[n], { mtime, level: 6 }];
  return zipSync(entries);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'gouji-conf-'));
  try {
    for (const [key, path] of Object.entries(BASES)) {
      const bytes = readFileSync(path);
      const files = unzipSync(bytes);
      // ExcelJS
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      writeFileSync(join(OUT, `${key}.exceljs.xlsx`), new Uint8Array(await wb.xlsx.writeBuffer()));
      // x:-prefixed and Excel-style rewrites of the base
      writeFileSync(join(OUT, `${key}.xprefix.xlsx`), pinTimes(toXPrefixed(files)));
      writeFileSync(join(OUT, `${key}.excel.xlsx`), pinTimes(toExcelStyle(files)));
      writeFileSync(join(tmp, `${key}.xlsx`), bytes);
    }
    // openpyxl (Debian's python3 has python3-openpyxl)
    const py = [
      'import sys, openpyxl',
      'for src, dst in zip(sys.argv[1::2], sys.argv[2::2]):',
      '    openpyxl.load_workbook(src).save(dst)',
    ].join('\n');
    const pyArgs = Object.keys(BASES).flatMap((k) => [
      join(tmp, `${k}.xlsx`),
      join(OUT, `${k}.openpyxl.xlsx`),
    ]);
    execFileSync('/usr/bin/python3', ['-c', py, ...pyArgs], { stdio: 'inherit' });
    // LibreOffice, one invocation with its own profile
    const lo = join(tmp, 'lo');
    mkdirSync(lo);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(tmp, 'profile')}`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        lo,
        ...Object.keys(BASES).map((k) => join(tmp, `${k}.xlsx`)),
      ],
      { stdio: 'inherit' },
    );
    for (const k of Object.keys(BASES))
      writeFileSync(join(OUT, `${k}.libreoffice.xlsx`), readFileSync(join(lo, `${k}.xlsx`)));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
