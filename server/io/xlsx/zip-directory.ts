/**
 * Reads the central directory of a ZIP file (an .xlsx is one): names, sizes and positions of its
 * entries, from the end of the file, without inflating anything. It tells an .xlsx from other
 * files, refuses zip bombs, gives the reading progress its total, and lets the reader hand ExcelJS
 * just the entries it needs, in the order it needs them (see xlsx-package.ts).
 */
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const inflateRaw = promisify(zlib.inflateRaw);

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Offset of the entry's local header in the file. */
  readonly localOffset: number;
}

export interface ZipDirectory {
  readonly entries: ReadonlyMap<string, ZipEntryInfo>;
  /** Where the central directory starts: the end of the last entry's bytes. */
  readonly directoryOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;
const ZIP64_EXTRA_ID = 0x0001;
const STORED = 0;
const DEFLATED = 8;

/** Local file header signature "PK\3\4": the first bytes of every .xlsx. */
export const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** OLE2 compound file: .xls (Excel 97–2003) and password-protected .xlsx. */
export const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function readAt(fh: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** Sizes and offset from the ZIP64 extra field, for the 32-bit fields that say "see ZIP64" (in this order). */
function applyZip64(extra: Buffer, values: [uncompressed: number, compressed: number, offset: number]): [number, number, number] {
  let i = 0;
  while (i + 4 <= extra.length) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === ZIP64_EXTRA_ID) {
      let p = i + 4;
      const out = [...values] as [number, number, number];
      for (let k = 0; k < 3; k++) {
        if (values[k] === ZIP64_MARK && p + 8 <= i + 4 + size) {
          out[k] = Number(extra.readBigUInt64LE(p));
          p += 8;
        }
      }
      return out;
    }
    i += 4 + size;
  }
  return values;
}

/**
 * The central directory, or null when the file has none that can be read (not a ZIP, truncated).
 * Archives whose directory itself is in ZIP64 form (over 65,535 entries or 4 GiB) are not .xlsx
 * uploads and also give null.
 */
export async function readZipDirectory(filePath: string): Promise<ZipDirectory | null> {
  const fh = await fs.open(filePath, 'r');
  try {
    const { size } = await fh.stat();
    if (size < EOCD_MIN) return null;
    const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
    const tail = await readAt(fh, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === ZIP64_MARK || dirOffset + dirSize > size) return null;
    const dir = await readAt(fh, dirOffset, dirSize);
    const entries = new Map<string, ZipEntryInfo>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_SIGNATURE) return null;
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      const extra = dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      const [uncompressedSize, compressedSize, localOffset] = applyZip64(extra, [dir.readUInt32LE(p + 24), dir.readUInt32LE(p + 20), dir.readUInt32LE(p + 42)]);
      if (localOffset >= dirOffset) return null;
      entries.set(name, { name, method: dir.readUInt16LE(p + 10), compressedSize, uncompressedSize, localOffset });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return { entries, directoryOffset: dirOffset };
  } finally {
    await fh.close();
  }
}

/**
 * Byte range [start, end) of each entry in the file: from its local header to the next entry (or
 * the central directory), which includes a trailing data descriptor when the writer used one.
 */
export function entryRanges(dir: ZipDirectory): Map<string, [number, number]> {
  const sorted = [...dir.entries.values()].sort((a, b) => a.localOffset - b.localOffset);
  const ranges = new Map<string, [number, number]>();
  sorted.forEach((e, i) => {
    ranges.set(e.name, [e.localOffset, i + 1 < sorted.length ? sorted[i + 1].localOffset : dir.directoryOffset]);
  });
  return ranges;
}

/** The content of one (small) entry, e.g. xl/workbook.xml. Null when it cannot be read. */
export async function readZipEntry(filePath: string, entry: ZipEntryInfo): Promise<Buffer | null> {
  if (entry.method !== STORED && entry.method !== DEFLATED) return null;
  const fh = await fs.open(filePath, 'r');
  try {
    const header = await readAt(fh, entry.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
    const dataStart = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = await readAt(fh, dataStart, entry.compressedSize);
    return entry.method === STORED ? data : await inflateRaw(data);
  } catch {
    return null;
  } finally {
    await fh.close();
  }
}

/** The first bytes of the file, to tell .xls and other formats apart from .xlsx. */
export async function readMagic(filePath: string, length = 8): Promise<Buffer> {
  const fh = await fs.open(filePath, 'r');
  try {
    return await readAt(fh, 0, length);
  } finally {
    await fh.close();
  }
}
