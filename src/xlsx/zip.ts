/**
 * Minimal zip container access for OOXML packages: read the central directory, inflate parts on demand,
 * and write a new archive that copies untouched entries' compressed bytes as they are.
 * fflate does the (de)compression; the container format is handled here so unchanged parts are never recompressed.
 */
import { deflateSync, inflateSync } from 'fflate';

export class ZipFormatError extends Error {}

/**
 * Limits that keep a hostile or broken package from taking the machine: checked against the sizes the central
 * directory declares before anything is inflated, and inflation never writes past the declared size.
 */
export const ZIP_LIMITS = {
  /** Entries in the archive (a large real workbook has a few thousand). */
  maxEntries: 50_000,
  /** Uncompressed size of one part Gouji reads (a 1,000,000-row sheet is ~100 MiB of XML). */
  maxPartSize: 256 * 1024 * 1024,
  /** Uncompressed size of all entries together. */
  maxTotalSize: 2 * 1024 * 1024 * 1024,
};

/** A package beyond one of `ZIP_LIMITS`; `part` names the entry when one entry is too large. */
export class ZipLimitError extends ZipFormatError {
  constructor(
    readonly limit: 'entries' | 'part' | 'total',
    readonly actual: number,
    readonly max: number,
    readonly part?: string,
  ) {
    super(`zip ${limit} limit: ${actual} > ${max}${part ? ` (${part})` : ''}`);
    this.name = 'ZipLimitError';
  }
}

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Raw compressed bytes (a view into the source buffer). */
  compressed: Uint8Array;
  /** General-purpose flags (bit 0 = encrypted, bit 11 = UTF-8 name). */
  flags: number;
  modTime: number;
  modDate: number;
}

/** CRC-32 tables for slicing-by-8 (table k maps a byte k positions back). */
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff] ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  const t = CRC_TABLES;
  let c = -1;
  let i = 0;
  const n8 = data.length - 7;
  for (; i < n8; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) =>
  (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Parse the central directory. Throws ZipFormatError on truncated or malformed archives. */
export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  const len = bytes.length;
  // End of central directory: 22 bytes + up to 65535 bytes of comment, searched backwards.
  let eocd = -1;
  for (let i = len - 22; i >= 0 && i >= len - 22 - 65535; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('end of central directory not found');
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    // Zip64 end of central directory locator sits right before the EOCD.
    const loc = eocd - 20;
    if (loc >= 0 && u32(bytes, loc) === 0x07064b50) {
      const z = u64(bytes, loc + 8);
      if (z + 56 > len || u32(bytes, z) !== 0x06064b50) throw new ZipFormatError('bad zip64 record');
      count = u64(bytes, z + 32);
      cdSize = u64(bytes, z + 40);
      cdOffset = u64(bytes, z + 48);
    }
  }
  if (cdOffset + cdSize > len) throw new ZipFormatError('central directory beyond end of file');
  if (count > ZIP_LIMITS.maxEntries) throw new ZipLimitError('entries', count, ZIP_LIMITS.maxEntries);
  // every central directory record takes at least 46 bytes
  if (count * 46 > cdSize) throw new ZipFormatError('central directory shorter than its entry count');
  let total = 0;
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || u32(bytes, p) !== 0x02014b50) throw new ZipFormatError('bad central directory entry');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const modTime = u16(bytes, p + 12);
    const modDate = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : isAscii(nameBytes) ? latin1 : utf8).decode(nameBytes);
    // Zip64 extended information in the extra field.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(bytes, e);
      const sz = u16(bytes, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
      }
      e += 4 + sz;
    }
    p = eEnd + commentLen;
    if (localOffset + 30 > len || u32(bytes, localOffset) !== 0x04034b50)
      throw new ZipFormatError('bad local header');
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > len) throw new ZipFormatError('entry data beyond end of file');
    total += size;
    if (total > ZIP_LIMITS.maxTotalSize) throw new ZipLimitError('total', total, ZIP_LIMITS.maxTotalSize);
    // Directory entries (name ending in '/') are kept so a rewrite copies them too.
    entries.set(name, {
      name,
      method,
      crc,
      compressedSize,
      size,
      compressed: bytes.subarray(dataStart, dataStart + compressedSize),
      flags,
      modTime,
      modDate,
    });
  }
  return entries;
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}

/**
 * Uncompressed bytes of an entry; verifies the CRC. The declared size is checked against the part limit first,
 * and the output buffer has exactly that size, so a stream that inflates to more (a lying zip bomb) stops there.
 */
/** Raw-deflate decompression into exactly `size` bytes (throws on bad data or more output). */
export type Inflater = (compressed: Uint8Array, size: number) => Uint8Array;

export const fflateInflater: Inflater = (compressed, size) =>
  inflateSync(compressed, { out: new Uint8Array(size) });

let inflater = fflateInflater;

/** Use another inflater (the CLI uses Node's native zlib; the browser keeps fflate). */
export function setInflater(fn: Inflater): void {
  inflater = fn;
}

export function inflateEntry(entry: ZipEntry): Uint8Array {
  if (entry.flags & 1) throw new ZipFormatError(`entry ${entry.name} is encrypted`);
  if (entry.size > ZIP_LIMITS.maxPartSize)
    throw new ZipLimitError('part', entry.size, ZIP_LIMITS.maxPartSize, entry.name);
  let out: Uint8Array;
  if (entry.method === 0) out = entry.compressed;
  else if (entry.method === 8) {
    try {
      out = inflater(entry.compressed, entry.size);
    } catch {
      throw new ZipFormatError(`entry ${entry.name} cannot be inflated`);
    }
  } else throw new ZipFormatError(`entry ${entry.name} uses unsupported compression ${entry.method}`);
  if (out.length !== entry.size || crc32(out) !== entry.crc)
    throw new ZipFormatError(`entry ${entry.name} is corrupt`);
  return out;
}

/** An entry for writeZip: either copied raw from a source archive or new content to deflate. */
export type ZipOut = { name: string; entry: ZipEntry } | { name: string; data: Uint8Array };

const encoder = new TextEncoder();

/** Write a zip archive. Copied entries keep their compressed bytes; new data is deflated. */
export function writeZip(items: ZipOut[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const now = dosTime(new Date());
  for (const item of items) {
    let e: ZipEntry;
    if ('entry' in item) e = item.entry;
    else {
      // Big parts (a 20,000-row sheet is ~10 MB of XML) get the fast level: about twice as fast, ~30% larger.
      const compressed = deflateSync(item.data, { level: item.data.length > 1 << 20 ? 1 : 6 });
      const useStore = compressed.length >= item.data.length;
      e = {
        name: item.name,
        method: useStore ? 0 : 8,
        crc: crc32(item.data),
        compressedSize: useStore ? item.data.length : compressed.length,
        size: item.data.length,
        compressed: useStore ? item.data : compressed,
        flags: 0,
        modTime: now.time,
        modDate: now.date,
      };
    }
    const nameBytes = encoder.encode(item.name);
    const flags = (e.flags & ~0x8 & ~0x1) | 0x800; // no data descriptor, UTF-8 name
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, e.method, true);
    lv.setUint16(10, e.modTime, true);
    lv.setUint16(12, e.modDate, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.compressed.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const cd = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, e.method, true);
    cv.setUint16(12, e.modTime, true);
    cv.setUint16(14, e.modDate, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.compressed.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    cd.set(nameBytes, 46);
    chunks.push(local, e.compressed);
    central.push(cd);
    offset += local.length + e.compressed.length;
  }
  let cdSize = 0;
  for (const c of central) cdSize += c.length;
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, items.length, true);
  ev.setUint16(10, items.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const c of [...chunks, ...central]) {
    out.set(c, p);
    p += c.length;
  }
  out.set(end, p);
  return out;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
