/**
 * Worker thread of readWorkbookRows: unzips and parses the worksheet XML (the expensive part) off
 * the main event loop and posts the raw cell values in batches. After each batch it waits for an
 * 'ack', so at most a couple of batches exist at any time however large the file is. Plain
 * JavaScript using only exceljs, so it runs the same under tsx, vitest and node.
 *
 * workerData: { filePath, ranges: [start, end][], batchSize } — the byte ranges of the zip entries
 *   the reader needs, worksheet last (planned by xlsx-package.ts, which explains why).
 * posts: { type: 'rows', rows: [rowNumber, values[]][], bytesRead } · { type: 'end', sheetFound, bytesRead }
 *        · { type: 'error', message }
 * receives: 'ack' (send the next batch) · 'stop' (finish early)
 *        · { type: 'transfer', port, pending } (instead of an 'ack'): from now on rows and the end go to
 *          `port`, `pending` rows first, and the acks come from there; errors still go to the parent.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

const { filePath, ranges, batchSize } = workerData;

let release = null;
let stopped = false;
/** Where rows go: the parent, or the port of a transfer. */
let out = parentPort;
/** Rows the parent still held when it transferred the output: they are sent before any new ones. */
let handedBack = null;
function control(msg) {
  if (msg === 'stop') stopped = true;
  if (msg?.type === 'transfer') {
    out = msg.port;
    out.on('message', control);
    handedBack = msg.pending;
  }
  if (release) {
    const r = release;
    release = null;
    r();
  }
}
parentPort.on('message', control);
const waitForAck = () =>
  new Promise((resolve) => {
    release = resolve;
  });

/** Posts a batch and waits until it is taken (or the output is transferred, see above). */
async function sendRows(rows, bytesRead) {
  out.postMessage({ type: 'rows', rows, bytesRead });
  await waitForAck();
  if (handedBack && !stopped) {
    const pending = handedBack;
    handedBack = null;
    if (pending.length) await sendRows(pending, bytesRead);
  }
}

/**
 * The planned entries, one after the other. The stream is deliberately not ended afterwards: the
 * zip parser would then report the end (and drop what it still buffers) before the worksheet has
 * been read. The worker simply stops when the worksheet is done.
 */
async function* packageBytes() {
  for (const [start, end] of ranges) {
    if (end > start) yield* fs.createReadStream(filePath, { start, end: end - 1, highWaterMark: 256 * 1024 });
  }
  await new Promise(() => {});
}

/** Counts the bytes of worksheet XML handed to the parser: the progress of the read. */
async function* counted(iterable, counter) {
  for await (const chunk of iterable) {
    counter.bytes += chunk.length;
    yield chunk;
  }
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
    if (stopped) return;
    if (!row.hasValues) continue;
    batch.push([row.number, denseValues(row)]);
    if (batch.length >= batchSize) {
      const full = batch;
      batch = [];
      await sendRows(full, counter.bytes);
    }
  }
  if (batch.length && !stopped) await sendRows(batch, counter.bytes);
}

let finished = false;

/** Reports the error and ends the thread: used where ExcelJS would otherwise wait forever. */
function fail(err) {
  if (finished) return;
  finished = true;
  parentPort.postMessage({ type: 'error', message: String(err?.message ?? err) });
  process.exit(1);
}

async function run() {
  const input = Readable.from(packageBytes(), { objectMode: false });
  // ExcelJS pipes the input into its unzipper; a damaged deflate stream is reported only on that
  // (internal) stream while the worksheet reader keeps waiting for data. Catch it at the pipe.
  const pipe = input.pipe.bind(input);
  input.pipe = (destination, options) => {
    destination.on('error', fail);
    return pipe(destination, options);
  };
  // styles: 'cache' makes date-formatted cells arrive as Dates (and honours the 1904 date system).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // A workbook without shared strings (inline strings only) would otherwise make the reader spool
  // the worksheet to a temp file and wait for the end of the zip, which never comes.
  reader.sharedStrings = [];
  const counter = { bytes: 0 };
  let sheetFound = false;
  for await (const worksheet of reader) {
    sheetFound = true;
    await readSheet(worksheet, counter);
    break;
  }
  // The input is left open (see packageBytes); with nothing else pending the thread ends by itself.
  finished = true;
  out.postMessage({ type: 'end', sheetFound, bytesRead: counter.bytes });
}

run()
  .catch((err) => {
    parentPort.postMessage({ type: 'error', message: String(err?.message ?? err) });
  })
  // Let the thread end once the last message is delivered; the listeners alone would keep it alive.
  .finally(() => {
    parentPort.unref();
    if (out !== parentPort) out.unref();
  });
