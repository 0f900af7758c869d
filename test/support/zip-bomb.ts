import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { unzipSync, zipSync } from 'fflate';

// Workbooks that inflate past the import's 40 MB: built from a real workbook with one
// more entry of zeros (deflated to almost nothing), optionally lying about its sizes.

/** The workbook with one more entry of `bytes` zeros. */
export function withZeros(workbook: Uint8Array, bytes: number): Buffer {
  const files = unzipSync(workbook);
  files['xl/media/zeros.bin'] = new Uint8Array(bytes);
  return Buffer.from(zipSync(files, { level: 9 }));
}

/** Rewrites every entry's declared uncompressed size (central directory and local header) as 1 byte. */
export function understateSizes(zip: Buffer): Buffer {
  const bytes = Buffer.from(zip);
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = bytes.readUInt32LE(eocd + 16);
  for (let n = bytes.readUInt16LE(eocd + 10); n > 0; n--) {
    bytes.writeUInt32LE(1, at + 24);
    bytes.writeUInt32LE(1, bytes.readUInt32LE(at + 42) + 22);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return bytes;
}

// ---- the ZIP64 decoy (second review, finding 3) ----

interface Entry {
  name: Buffer;
  /** 8: deflated. */
  method: number;
  data: Buffer;
  crc: number;
  size: number;
}

/** `bytes` zeros, raw-deflated as a stream: never more than 1 MB of them in memory. */
async function deflatedZeros(bytes: number): Promise<{ data: Buffer; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const ended = once(deflate, 'end');
  let crc = 0;
  for (let left = bytes; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  return { data: Buffer.concat(out), crc };
}

function localHeader(e: Entry): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(0x21, 12); // 1980-01-01
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.data.length, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(e.name.length, 26);
  return Buffer.concat([h, e.name]);
}

function centralHeader(e: Entry, localOffset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(0x21, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(e.data.length, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt32LE(localOffset, 42);
  return Buffer.concat([h, e.name]);
}

/**
 * The review's crafted workbook: the workbook's entries plus `bytes` zeros
 * (`xl/media/zeros.bin`), with two central directories. The standard end-of-directory
 * record has its disk number at the ZIP64 sentinel 0xFFFF and points at a decoy
 * directory that lists only the workbook's entries; the ZIP64 record (which a reader
 * that sees the sentinel follows, as JSZip and so exceljs do) points at the real one,
 * which lists the zeros too. About 210 KB for 200 MB of zeros.
 */
export async function zip64Decoy(workbook: Uint8Array, bytes: number): Promise<Buffer> {
  const small: Entry[] = Object.entries(unzipSync(workbook)).map(([name, content]) => ({
    name: Buffer.from(name),
    method: 8,
    data: deflateRawSync(content),
    crc: crc32(content),
    size: content.length,
  }));
  const zeros = await deflatedZeros(bytes);
  const big: Entry = { name: Buffer.from('xl/media/zeros.bin'), method: 8, ...zeros, size: bytes };
  const parts: Buffer[] = [];
  const offsets = new Map<Entry, number>();
  let offset = 0;
  const add = (part: Buffer) => {
    parts.push(part);
    offset += part.length;
    return offset - part.length;
  };
  for (const e of [...small, big]) offsets.set(e, add(Buffer.concat([localHeader(e), e.data])));
  const directory = (entries: Entry[]) => Buffer.concat(entries.map((e) => centralHeader(e, offsets.get(e)!)));
  const decoy = directory(small);
  const decoyOffset = add(decoy);
  const real = directory([...small, big]);
  const realOffset = add(real);
  const entries = BigInt(small.length + 1);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(entries, 24);
  record.writeBigUInt64LE(entries, 32);
  record.writeBigUInt64LE(BigInt(real.length), 40);
  record.writeBigUInt64LE(BigInt(realOffset), 48);
  const recordOffset = add(record);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(recordOffset), 8);
  locator.writeUInt32LE(1, 16);
  add(locator);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0xffff, 4); // this disk's number: the ZIP64 sentinel
  eocd.writeUInt16LE(small.length, 8);
  eocd.writeUInt16LE(small.length, 10);
  eocd.writeUInt32LE(decoy.length, 12);
  eocd.writeUInt32LE(decoyOffset, 16);
  add(eocd);
  return Buffer.concat(parts);
}

/** The entry names the standard end-of-directory record lists (what a reader that ignores ZIP64 sees). */
export function standardDirectoryNames(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const names: string[] = [];
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const length = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + length));
    at += 46 + length + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}
