/** Test support (not a test): real .xlsx files built with ExcelJS in a temp folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { checkCharOf } from '../../../domain/standards/id-number.ts';

/** A valid ID number from its first 17 digits (the 17th digit's parity is the sex: odd male, even female). */
export const idOf = (first17: string) => first17 + checkCharOf(first17);

export function makeTmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-test-'));
}

/** Writes a workbook built by `build` to dir/name and returns the path. */
export async function writeWorkbook(dir: string, name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A sheet with the given rows (arrays from column A). */
export function addRows(ws: ExcelJS.Worksheet, rows: unknown[][]): void {
  for (const r of rows) ws.addRow(r);
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

/** A writable file stream that has finished when the promise resolves. */
export function fileSink(file: string): { stream: fs.WriteStream; done: Promise<void> } {
  const stream = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  return { stream, done };
}
