/**
 * Worker thread of readWorkbookRows: unzips and parses the worksheet XML (the expensive part) off
 * the main event loop and posts the raw cell values of the first visible worksheet in batches.
 * After each batch it waits for an 'ack', so at most a couple of batches exist at any time however
 * large the file is. Plain JavaScript (only exceljs), so it runs the same under tsx, vitest and node.
 *
 * workerData: { filePath, batchSize }
 * posts: { type: 'sheet', name, path } · { type: 'rows', rows: [rowNumber, values[]][], bytesRead }
 *        · { type: 'end', sheetFound, bytesRead } · { type: 'error', message }
 * receives: 'ack' (send the next batch) · 'stop' (finish early)
 */
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

const { filePath, batchSize } = workerData;

let release = null;
let stopped = false;
parentPort.on('message', (msg) => {
  if (msg === 'stop') stopped = true;
  if (release) {
    const r = release;
    release = null;
    r();
  }
});
const waitForAck = () =>
  new Promise((resolve) => {
    release = resolve;
  });

const isHidden = (state) => state === 'hidden' || state === 'veryHidden';

/** Counts the bytes of worksheet XML handed to the parser: the progress of the read. */
async function* counted(iterable, counter) {
  for await (const chunk of iterable) {
    counter.bytes += chunk.length;
    yield chunk;
  }
}

/**
 * Skips a worksheet without parsing it. A sheet spooled to a temp file is a file stream (closing
 * it is enough); a sheet streamed straight from the zip must be read through, or its data would
 * pile up in the reader's buffer.
 */
async function skip(worksheet) {
  const it = worksheet.iterator;
  if (typeof it.destroy === 'function') {
    it.destroy();
    return;
  }
  for await (const _ of it);
}

/** The zip path of a sheet of the workbook model, e.g. 'xl/worksheets/sheet2.xml'. */
function sheetPath(reader, sheet) {
  const rel = (reader.workbookRels || []).find((r) => r.Id === sheet.rId);
  if (!rel) return null;
  return rel.Target.startsWith('/') ? rel.Target.slice(1) : `xl/${rel.Target}`;
}

/** Row values as a dense array from column 1 (ExcelJS's are sparse and start at index 1). */
function denseValues(row) {
  const sparse = row.values;
  const out = new Array(Math.max(0, sparse.length - 1));
  for (let i = 1; i < sparse.length; i++) out[i - 1] = sparse[i] ?? null;
  return out;
}

async function readSheet(worksheet, counter) {
  // The parser reads `iterator` lazily when iteration starts, so wrapping it here is in time.
  worksheet.iterator = counted(worksheet.iterator, counter);
  let batch = [];
  for await (const row of worksheet) {
    if (stopped) break;
    if (!row.hasValues) continue;
    batch.push([row.number, denseValues(row)]);
    if (batch.length >= batchSize) {
      parentPort.postMessage({ type: 'rows', rows: batch, bytesRead: counter.bytes });
      batch = [];
      await waitForAck();
    }
  }
  if (batch.length && !stopped) {
    parentPort.postMessage({ type: 'rows', rows: batch, bytesRead: counter.bytes });
    await waitForAck();
  }
}

async function run() {
  // styles: 'cache' makes date-formatted cells arrive as Dates (and honours the 1904 date system).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const counter = { bytes: 0 };
  let sheetFound = false;
  // Worksheets arrive in zip order; the target is the first visible one in tab order.
  for await (const worksheet of reader) {
    if (sheetFound || stopped) {
      await skip(worksheet);
      continue;
    }
    const target = (reader.model?.sheets ?? []).find((s) => !isHidden(s.state));
    const isTarget = target ? worksheet.name === target.name : !isHidden(worksheet.state);
    if (!isTarget) {
      await skip(worksheet);
      continue;
    }
    sheetFound = true;
    parentPort.postMessage({ type: 'sheet', name: worksheet.name, path: target ? sheetPath(reader, target) : null });
    await readSheet(worksheet, counter);
  }
  // Reading on to the end lets the reader delete its temp files as it goes.
  parentPort.postMessage({ type: 'end', sheetFound, bytesRead: counter.bytes });
}

run()
  .catch((err) => {
    parentPort.postMessage({ type: 'error', message: String(err?.message ?? err) });
  })
  // Let the thread end once the last message is delivered; the listener alone would keep it alive.
  .finally(() => parentPort.unref());
