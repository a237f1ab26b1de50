/**
 * Looks inside an uploaded .xlsx before any row is parsed: is it really an .xlsx, which worksheet
 * to import (the first visible one in tab order), and which bytes of the file the worker must read.
 *
 * Why the worker gets byte ranges instead of the file: ExcelJS's streaming reader (with unzipper
 * 0.10) ends its zip loop when the input is exhausted even if entries are still buffered, so with
 * Excel's entry order (worksheets first, shared strings and workbook.xml last) it may lose the
 * entries it needs, depending on timing. Handing it rels → workbook → shared strings → styles →
 * the one worksheet, and not ending the input before the worksheet is read, makes it deterministic;
 * it also skips the other sheets and the temp file ExcelJS would otherwise spool each sheet to.
 */
import fs from 'node:fs/promises';
import { NOT_XLSX_MESSAGE, WorkbookError } from './workbook-error.ts';
import { entryRanges, OLE2_MAGIC, readMagic, readZipDirectory, readZipEntry, ZIP_MAGIC, type ZipDirectory } from './zip-directory.ts';

export interface XlsxPlan {
  /** Name of the worksheet to import. */
  readonly sheetName: string;
  /** Its zip path, e.g. 'xl/worksheets/sheet1.xml', and its XML size (the progress total). */
  readonly sheetPath: string;
  readonly sheetBytes: number;
  /** Byte ranges [start, end) of the file to feed to the reader, in this order. */
  readonly ranges: readonly (readonly [number, number])[];
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SUPPORT_ENTRIES = [WORKBOOK_RELS, WORKBOOK, 'xl/sharedStrings.xml', 'xl/styles.xml'];
/** ExcelJS's reader only recognizes worksheets at this kind of path. */
const READABLE_SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

const CORRUPT_MESSAGE = '文件已损坏或不完整，无法读取。请在 Excel 中打开后重新保存为 .xlsx 再上传。';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : XML_ENTITIES[e],
  );

/** Attributes of every `<tag …>` element (any namespace prefix), by local name. */
function elements(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${tag}\\s([^>]*)>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs[a[1].replace(/^[\w.-]+:/, '')] = decodeXml(a[2] ?? a[3] ?? '');
    }
    out.push(attrs);
  }
  return out;
}

/** Recognizes the format from the bytes and plans the read. Throws WorkbookError. */
export async function planXlsxRead(filePath: string, maxUncompressedBytes: number): Promise<XlsxPlan> {
  const stat = await fs.stat(filePath);
  if (stat.size === 0) throw new WorkbookError('EMPTY_FILE', '上传的文件是空的（0 字节），请检查后重新上传。');
  const magic = await readMagic(filePath);
  if (magic.subarray(0, OLE2_MAGIC.length).equals(OLE2_MAGIC)) {
    throw new WorkbookError(
      'LEGACY_XLS',
      '这是旧版 Excel 97-2003（.xls）文件，或是设置了打开密码的文件。请在 Excel 中取消密码，并“另存为”Excel 工作簿（.xlsx）后重新上传。',
    );
  }
  if (!magic.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) throw new WorkbookError('NOT_XLSX', NOT_XLSX_MESSAGE);
  const dir = await readZipDirectory(filePath);
  if (!dir) throw new WorkbookError('CORRUPT', CORRUPT_MESSAGE);
  if (!dir.entries.has(WORKBOOK)) throw new WorkbookError('NOT_XLSX', NOT_XLSX_MESSAGE);
  let total = 0;
  for (const e of dir.entries.values()) total += e.uncompressedSize;
  if (total > maxUncompressedBytes) {
    throw new WorkbookError(
      'TOO_LARGE',
      `文件解压后约 ${Math.round(total / 1024 ** 2)} MB，超过 ${Math.round(maxUncompressedBytes / 1024 ** 2)} MB 的上限，请拆分成多个文件上传。`,
    );
  }
  const sheet = await firstVisibleSheet(filePath, dir);
  const ranges = entryRanges(dir);
  const needed = [...SUPPORT_ENTRIES.filter((name) => dir.entries.has(name)), sheet.path];
  return {
    sheetName: sheet.name,
    sheetPath: sheet.path,
    sheetBytes: dir.entries.get(sheet.path)?.uncompressedSize ?? 0,
    ranges: needed.map((name) => ranges.get(name) as [number, number]),
  };
}

async function entryText(filePath: string, dir: ZipDirectory, name: string): Promise<string | null> {
  const entry = dir.entries.get(name);
  if (!entry) return null;
  return (await readZipEntry(filePath, entry))?.toString('utf8') ?? null;
}

/** The first worksheet in tab order that is neither hidden nor very hidden. */
async function firstVisibleSheet(filePath: string, dir: ZipDirectory): Promise<{ name: string; path: string }> {
  const [workbook, rels] = await Promise.all([entryText(filePath, dir, WORKBOOK), entryText(filePath, dir, WORKBOOK_RELS)]);
  if (workbook === null || rels === null) throw new WorkbookError('CORRUPT', CORRUPT_MESSAGE);
  const targets = new Map(elements(rels, 'Relationship').map((r) => [r.Id, r.Target ?? '']));
  const sheets = elements(workbook, 'sheet');
  if (sheets.length === 0) throw new WorkbookError('NO_SHEET', '文件中没有工作表。');
  const resolve = (id: string | undefined) => {
    const target = targets.get(id ?? '') ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  };
  // Chart sheets have no cells: the first visible *worksheet* is the one to import.
  const visible = sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden' && resolve(s.id).startsWith('xl/worksheets/'));
  if (!visible) throw new WorkbookError('NO_SHEET', '文件中没有可见的工作表，请取消隐藏要导入的工作表后重新上传。');
  const path = resolve(visible.id);
  if (!READABLE_SHEET.test(path) || !dir.entries.has(path)) {
    throw new WorkbookError('CORRUPT', `无法读取工作表“${visible.name}”，请在 Excel 中打开后重新保存为 .xlsx 再上传。`);
  }
  return { name: visible.name ?? '', path };
}
