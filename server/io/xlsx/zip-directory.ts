/**
 * Reads the central directory of a ZIP file (an .xlsx is one): the names and uncompressed sizes of
 * its entries, from the end of the file, without inflating anything. This is how an upload is
 * recognized as an .xlsx before a worker is started, how a zip bomb is refused, and what gives the
 * reading progress its total (the size of the worksheet's XML).
 */
import fs from 'node:fs/promises';

export interface ZipEntryInfo {
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;
const ZIP64_EXTRA_ID = 0x0001;

/** Local file header signature "PK\3\4": the first bytes of every .xlsx. */
export const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** OLE2 compound file: .xls (Excel 97–2003) and password-protected .xlsx. */
export const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function readAt(fh: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** Uncompressed size from the ZIP64 extra field, when the 32-bit field says "see ZIP64". */
function zip64Size(extra: Buffer, uncompressed: number, compressed: number): [number, number] {
  let i = 0;
  while (i + 4 <= extra.length) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === ZIP64_EXTRA_ID) {
      let p = i + 4;
      const u = uncompressed === ZIP64_MARK ? Number(extra.readBigUInt64LE(p)) : uncompressed;
      if (uncompressed === ZIP64_MARK) p += 8;
      const c = compressed === ZIP64_MARK && p + 8 <= extra.length ? Number(extra.readBigUInt64LE(p)) : compressed;
      return [u, c];
    }
    i += 4 + size;
  }
  return [uncompressed, compressed];
}

/**
 * Entry name → sizes, or null when the file has no readable central directory (not a ZIP, or
 * truncated). Archives whose directory itself is in ZIP64 form are not needed for .xlsx uploads
 * and also give null.
 */
export async function readZipDirectory(filePath: string): Promise<Map<string, ZipEntryInfo> | null> {
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
    for (let n = 0; n < count && p + 46 <= dir.length; n++) {
      if (dir.readUInt32LE(p) !== CENTRAL_SIGNATURE) return null;
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      const extra = dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      const [uncompressedSize, compressedSize] = zip64Size(extra, dir.readUInt32LE(p + 24), dir.readUInt32LE(p + 20));
      // Some writers store "/xl/…" (ExcelJS's own streaming writer does); the reader matches without it.
      entries.set(name.replace(/^\//, ''), { compressedSize, uncompressedSize });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
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
