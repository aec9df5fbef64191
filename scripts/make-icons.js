#!/usr/bin/env node
/**
 * Draws the ribbon/manifest icons (a white tick on a green rounded square) as PNGs with nothing but zlib,
 * so the icons can be regenerated without an image editor: `node scripts/make-icons.js`.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const OUT = path.join(__dirname, '..', 'assets');

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Distance from point p to segment ab. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return Math.sqrt(x * x + y * y);
}

function pixel(size, x, y) {
  // 4×4 supersampling for smooth edges
  const green = [0x21, 0x73, 0x46];
  let cover = 0;
  let tick = 0;
  const r = size * 0.2;
  const w = size * 0.09;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) {
      const u = x + (sx + 0.5) / 4;
      const v = y + (sy + 0.5) / 4;
      // rounded square
      const cx = Math.min(Math.max(u, r), size - r);
      const cy = Math.min(Math.max(v, r), size - r);
      const inside = (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
      if (!inside) continue;
      cover++;
      const d = Math.min(
        segDist(u, v, size * 0.24, size * 0.52, size * 0.43, size * 0.71),
        segDist(u, v, size * 0.43, size * 0.71, size * 0.78, size * 0.3),
      );
      if (d <= w) tick++;
    }
  if (cover === 0) return [0, 0, 0, 0];
  const f = tick / cover;
  const rgb = green.map((c) => Math.round(c * (1 - f) + 255 * f));
  return [...rgb, Math.round((cover / 16) * 255)];
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  let o = 0;
  for (let y = 0; y < size; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < size; x++) for (const b of pixel(size, x, y)) raw[o++] = b;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const s of SIZES) {
  const file = path.join(OUT, `icon-${s}.png`);
  fs.writeFileSync(file, png(s));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
