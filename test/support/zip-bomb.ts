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
