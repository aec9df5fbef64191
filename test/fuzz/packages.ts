/**
 * Small hand-built .xlsx packages for the reader's limits and the fuzz test: every part is a string we choose,
 * zipped with Gouji's own zip writer, so a test can leave a part out, break it, or make it huge.
 */
import { constants as zlibConstants, deflateRawSync } from 'zlib';
import { crc32, writeZip, ZipOut } from '../../src/xlsx/zip';

const enc = new TextEncoder();
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export type Parts = Record<string, string | Uint8Array | undefined>;

export function contentTypes(sheets = 1): string {
  let o = '';
  for (let i = 1; i <= sheets; i++)
    o += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    o +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '</Types>'
  );
}

export function worksheet(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export function sharedStrings(list: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN}" count="${list.length}" uniqueCount="${list.length}">${list
    .map((s) => `<si><t xml:space="preserve">${s}</t></si>`)
    .join('')}</sst>`;
}

/** The parts of a small, valid workbook with `names.length` sheets; each sheet's XML from `sheets`. */
export function workbookParts(sheets: string[], strings: string[] = [], names?: string[]): Parts {
  const parts: Parts = {
    '[Content_Types].xml': contentTypes(sheets.length),
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
      .map((_, i) => `<sheet name="${names?.[i] ?? `Sheet${i + 1}`}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/sharedStrings.xml': sharedStrings(strings),
  };
  sheets.forEach((xml, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  return parts;
}

export function zipParts(parts: Parts): Uint8Array {
  const items: ZipOut[] = [];
  for (const [name, v] of Object.entries(parts))
    if (v !== undefined) items.push({ name, data: typeof v === 'string' ? enc.encode(v) : v });
  return writeZip(items);
}

/** A one-sheet workbook with a text title and a few numbers: something a normal report can be made of. */
export function smallBook(extraRows = ''): Parts {
  return workbookParts(
    [
      worksheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
          '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>12.5</v></c><c r="C2"><v>3</v></c></row>' +
          '<row r="3"><c r="A3" t="e"><v>#REF!</v></c><c r="B3"><f>B2*2</f></c></row>' +
          extraRows,
      ),
    ],
    ['2026年收入支出预算总表', '合计'],
  );
}

/**
 * A deflate stream of `mib` MiB of zero bytes, made in a few milliseconds: one fully flushed (self-contained,
 * byte-aligned) block for 1 MiB of zeros repeated, then an empty final block.
 */
export function zeroStream(mib: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: zlibConstants.Z_FULL_FLUSH });
  const out = new Uint8Array(block.length * mib + 2);
  for (let i = 0; i < mib; i++) out.set(block, i * block.length);
  out.set([0x03, 0x00], block.length * mib);
  return out;
}

/**
 * Replace one entry of a zip made by `zipParts` with raw deflated bytes and declared sizes of our choosing
 * (a zip bomb: tiny on disk, huge when inflated, with an honest or a lying size in the directory).
 */
export function withRawEntry(
  parts: Parts,
  name: string,
  stream: Uint8Array,
  declaredSize: number,
  crc = 0,
): Uint8Array {
  const rest = { ...parts };
  delete rest[name];
  const base = zipParts(rest);
  // parse the small zip we just wrote: entries first, then the central directory, then the 22-byte end record
  const view = new DataView(base.buffer, base.byteOffset, base.byteLength);
  const eocd = base.length - 22;
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const nameBytes = enc.encode(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, 0x800, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(14, crc >>> 0, true);
  lv.setUint32(18, stream.length, true);
  lv.setUint32(22, declaredSize >>> 0, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const cd = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(cd.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(8, 0x800, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(16, crc >>> 0, true);
  cv.setUint32(20, stream.length, true);
  cv.setUint32(24, declaredSize >>> 0, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, cdOffset, true);
  cd.set(nameBytes, 46);
  const out = new Uint8Array(cdOffset + local.length + stream.length + cdSize + cd.length + 22);
  out.set(base.subarray(0, cdOffset), 0);
  let p = cdOffset;
  out.set(local, p);
  p += local.length;
  out.set(stream, p);
  p += stream.length;
  const newCd = p;
  out.set(base.subarray(cdOffset, cdOffset + cdSize), p);
  p += cdSize;
  out.set(cd, p);
  p += cd.length;
  const end = base.slice(eocd);
  const ev = new DataView(end.buffer);
  ev.setUint16(8, count + 1, true);
  ev.setUint16(10, count + 1, true);
  ev.setUint32(12, cdSize + cd.length, true);
  ev.setUint32(16, newCd, true);
  out.set(end, p);
  return out;
}

export { crc32 };
