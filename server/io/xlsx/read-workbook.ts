/**
 * Streaming read of an uploaded .xlsx: the rows of its first visible worksheet, with columns found
 * by their header text. The XML is parsed in a worker thread (read-workbook.worker.mjs) so a
 * 100,000-row file does not stall other requests; rows come over in batches and the worker waits
 * for each batch to be taken before parsing the next, which keeps memory flat.
 *
 *   const book = await readWorkbookRows(file, { columns: TALENT_COLUMNS });   // throws WorkbookError
 *   for await (const row of book) mapTalentRow(row.cells) …                   // closes itself at the end
 *
 * Call close() when stopping before the end (a `break` out of for-await does it too).
 *
 * A caller with heavy per-row work can instead hand the rows to a thread of its own with
 * transferTo(port): the reader then posts its batches straight to that thread (see transferTo).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type MessagePort, Worker } from 'node:worker_threads';
import { cellText, isBlankCell } from './cells.ts';
import { createHeaderMatcher, type HeaderSpec } from './header-match.ts';
import { WorkbookError } from './workbook-error.ts';
import { planXlsxRead, type XlsxPlan } from './xlsx-package.ts';

export interface ReadWorkbookOptions {
  /** The columns to look for; the header row is found and mapped with their headers and aliases. */
  columns: readonly HeaderSpec[];
  /** Rows per batch from the worker (default 500). */
  batchSize?: number;
  /** The header row must be within this many rows from the top (default 20). */
  headerScanRows?: number;
  /** A row is the header when at least this many of its cells are known headers (default 3). */
  minHeaderMatches?: number;
  /** Refuse files whose entries inflate to more than this (default 1 GiB): zip bombs. */
  maxUncompressedBytes?: number;
  /** Called after each batch. */
  onProgress?: (progress: ReadProgress) => void;
  /** Give up when the worker sends nothing for this long (default 60 s): a damaged file must not hang an import. */
  stallTimeoutMs?: number;
}

export interface ReadProgress {
  /** Data rows handed out so far (blank rows and the header not counted). */
  rowsRead: number;
  /** Bytes of worksheet XML parsed so far, out of totalBytes (null when the file does not say). */
  bytesRead: number;
  totalBytes: number | null;
  /** 0…1, or null when unknown. */
  fraction: number | null;
  done: boolean;
}

export interface WorkbookRow {
  /** The row number Excel shows (1-based, counting title and header rows). */
  rowNumber: number;
  /** Column key → raw ExcelJS value (null when blank), for every known column present in the file. */
  cells: Record<string, unknown>;
  /** The raw values of all the file's columns, aligned with `headers` (for the error workbook). */
  raw: unknown[];
}

export interface WorkbookRows extends AsyncIterable<WorkbookRow> {
  readonly sheetName: string;
  readonly headerRowNumber: number;
  /** Header text of each column of the file as written (cleaned), '' for a blank header cell. */
  readonly headers: readonly string[];
  /** Column key of each column of the file, null for columns that are not imported. */
  readonly columnKeys: readonly (string | null)[];
  progress(): ReadProgress;
  /**
   * Hands the data rows to another thread instead of this iterator (use one or the other): the
   * worker posts them to `port` as { type: 'rows', rows: RowTuple[], bytesRead } batches, each after
   * the previous one was acknowledged with 'ack' on the port, then { type: 'end', bytesRead }. Turn
   * the tuples into rows with toWorkbookRow(this.columnKeys, this.headers.length, …). The result
   * settles when the reading is over: it rejects with a WorkbookError if the file turns out damaged
   * (the port then gets nothing more, so the receiving side should stop too).
   */
  transferTo(port: MessagePort): Promise<void>;
  /** Stops the worker. Safe to call more than once. */
  close(): Promise<void>;
}

/** A row as the worker sends it: Excel's row number and the cell values from column A. */
export type RowTuple = [rowNumber: number, values: unknown[]];
/** What the worker posts to a port given to transferTo. */
export type TransferredMessage = { type: 'rows'; rows: RowTuple[]; bytesRead: number } | { type: 'end'; bytesRead: number };
type WorkerMessage =
  | { type: 'rows'; rows: RowTuple[]; bytesRead: number }
  | { type: 'end'; sheetFound: boolean; bytesRead: number }
  | { type: 'error'; message: string }
  | { type: 'exit'; code: number };

/**
 * A data row, or null when every imported column is blank (spacer rows, notes in other columns).
 * `columnKeys` and `headerCount` are the header's (WorkbookRows.columnKeys, headers.length).
 */
export function toWorkbookRow(columnKeys: readonly (string | null)[], headerCount: number, rowNumber: number, values: unknown[]): WorkbookRow | null {
  const cells: Record<string, unknown> = {};
  let blank = true;
  for (let i = 0; i < columnKeys.length; i++) {
    const key = columnKeys[i];
    if (key === null) continue;
    const v = values[i] ?? null;
    cells[key] = v;
    if (blank && v !== null) blank = isBlankCell(v);
  }
  if (blank) return null;
  const raw = new Array(headerCount);
  for (let i = 0; i < raw.length; i++) raw[i] = values[i] ?? null;
  return { rowNumber, cells, raw };
}

const WORKER_URL = new URL('./read-workbook.worker.mjs', import.meta.url);
const DEFAULTS = { batchSize: 500, headerScanRows: 20, minHeaderMatches: 3, maxUncompressedBytes: 1024 ** 3, stallTimeoutMs: 60_000 };
/** The worker only holds a batch and the shared strings; a file that needs more is refused, not the server. */
const WORKER_HEAP_MB = 256;
const STOP_GRACE_MS = 5_000;
/** Longest stretch of row processing on the main thread before other callbacks get a turn. */
const TURN_MS = 10;

/**
 * Opens the file, finds the header row and checks the required columns. Throws WorkbookError for
 * anything wrong with the file as a whole; row problems are the caller's business.
 */
export async function readWorkbookRows(filePath: string, options: ReadWorkbookOptions): Promise<WorkbookRows> {
  const plan = await planXlsxRead(filePath, options.maxUncompressedBytes ?? DEFAULTS.maxUncompressedBytes);
  const channel = new WorkerChannel(filePath, plan, options.batchSize ?? DEFAULTS.batchSize, options.stallTimeoutMs ?? DEFAULTS.stallTimeoutMs);
  const session = new ReadSession(channel, plan, options);
  try {
    await session.open();
  } catch (err) {
    await session.close();
    throw err;
  }
  return session;
}

/** The worker and its messages as a queue the session pulls from. */
class WorkerChannel {
  private readonly inbox: WorkerMessage[] = [];
  private wake: (() => void) | null = null;
  private stalled = false;
  private readonly worker: Worker;
  readonly exited: Promise<void>;

  constructor(
    filePath: string,
    plan: XlsxPlan,
    batchSize: number,
    private readonly stallTimeoutMs: number,
  ) {
    this.worker = new Worker(WORKER_URL, {
      workerData: { filePath, ranges: plan.ranges, batchSize },
      // The worker is plain JavaScript: no need for the parent's loaders (tsx, vitest).
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    this.worker.unref();
    this.worker.on('message', (m: WorkerMessage) => this.push(m));
    this.worker.on('error', (err: Error & { code?: string }) =>
      this.push({ type: 'error', message: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'OUT_OF_MEMORY' : err.message }),
    );
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        this.push({ type: 'exit', code });
        resolve();
      });
    });
  }

  private push(m: WorkerMessage) {
    this.inbox.push(m);
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** The next message; a stall error after stallTimeoutMs of silence unless `patient` (the rows go elsewhere). */
  async next(patient = false): Promise<WorkerMessage> {
    while (this.inbox.length === 0) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = await new Promise<boolean>((resolve) => {
        this.wake = () => resolve(false);
        if (!patient) timer = setTimeout(() => resolve(true), this.stallTimeoutMs);
      });
      clearTimeout(timer);
      if (stalled) {
        this.stalled = true;
        return { type: 'error', message: '读取超时' };
      }
    }
    return this.inbox.shift() as WorkerMessage;
  }

  send(msg: 'ack' | 'stop') {
    this.worker.postMessage(msg);
  }

  /** Redirects the worker's output to `port`, the rows after the header (`pending`) first. */
  transfer(port: MessagePort, pending: RowTuple[]) {
    this.worker.postMessage({ type: 'transfer', port, pending }, [port]);
  }

  async stop() {
    // A stalled worker will not answer; one that is working finishes its batch and exits.
    if (this.stalled) await this.worker.terminate();
    this.send('stop');
    const timer = setTimeout(() => void this.worker.terminate(), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }
}

/** The WorkbookError for a read that failed with `message` ('读取超时' for a reader that went silent). */
export function workerFailure(message: string): WorkbookError {
  if (message === 'OUT_OF_MEMORY') return new WorkbookError('TOO_LARGE', '文件内容过大，读取时超出内存上限，请拆分成多个文件上传。');
  return new WorkbookError('CORRUPT', `文件内容无法读取，可能已损坏（${message}）。请在 Excel 中打开后重新保存为 .xlsx 再上传。`);
}

class ReadSession implements WorkbookRows {
  readonly sheetName: string;
  headerRowNumber = 0;
  headers: string[] = [];
  columnKeys: (string | null)[] = [];
  private pending: RowTuple[] = [];
  /** The batch holding the header is answered once the caller chose: iterate here or transferTo. */
  private unanswered = false;
  private finished = false;
  private closed = false;
  private iterated = false;
  private rowsRead = 0;
  private bytesRead = 0;
  private readonly totalBytes: number | null;

  constructor(
    private readonly channel: WorkerChannel,
    plan: XlsxPlan,
    private readonly options: ReadWorkbookOptions,
  ) {
    this.sheetName = plan.sheetName;
    this.totalBytes = plan.sheetBytes || null;
  }

  /**
   * The next batch of rows, or null at the end. Acknowledged at once (so the worker parses the
   * following one meanwhile) unless `hold`: then the caller answers.
   */
  private async nextBatch(hold = false): Promise<RowTuple[] | null> {
    while (!this.finished) {
      const msg = await this.channel.next();
      switch (msg.type) {
        case 'rows':
          this.bytesRead = msg.bytesRead;
          if (!hold) this.channel.send('ack');
          return msg.rows;
        case 'end':
          this.finished = true;
          this.bytesRead = msg.bytesRead;
          if (!msg.sheetFound) throw workerFailure('未读到工作表');
          return null;
        case 'error':
          this.finished = true;
          throw workerFailure(msg.message);
        case 'exit':
          this.finished = true;
          throw workerFailure('读取进程意外退出');
      }
    }
    return null;
  }

  /** Reads up to the header row and maps the columns. */
  async open(): Promise<void> {
    const scanRows = this.options.headerScanRows ?? DEFAULTS.headerScanRows;
    const minMatches = Math.min(this.options.minHeaderMatches ?? DEFAULTS.minHeaderMatches, this.options.columns.length);
    const match = createHeaderMatcher(this.options.columns);
    let sawRows = false;
    for (let rows = await this.nextBatch(true); rows; rows = await this.nextBatch(true)) {
      for (let i = 0; i < rows.length; i++) {
        const [rowNumber, values] = rows[i];
        sawRows = true;
        if (rowNumber > scanRows) throw this.noHeader();
        const texts = values.map((v) => {
          const t = cellText(v);
          return t.ok ? t.value : '';
        });
        const keys = texts.map((t) => match(t) ?? null);
        if (new Set(keys.filter((k) => k !== null)).size >= minMatches) {
          this.headerRowNumber = rowNumber;
          this.headers = texts;
          this.columnKeys = keys;
          this.pending = rows.slice(i + 1);
          this.unanswered = true;
          this.checkColumns();
          return;
        }
      }
      this.channel.send('ack');
    }
    if (!sawRows) throw new WorkbookError('NO_HEADER', `工作表“${this.sheetName}”是空的，没有可导入的内容。`);
    throw this.noHeader();
  }

  private noHeader(): WorkbookError {
    const examples = this.options.columns
      .filter((c) => c.required)
      .slice(0, 3)
      .map((c) => `“${c.header}”`)
      .join('');
    const scanRows = this.options.headerScanRows ?? DEFAULTS.headerScanRows;
    return new WorkbookError(
      'NO_HEADER',
      `在工作表“${this.sheetName}”的前 ${scanRows} 行中没有找到表头行（含${examples}等列名的一行）。请使用系统提供的导入模板，并保留模板的表头。`,
    );
  }

  private checkColumns() {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    this.columnKeys.forEach((key, i) => {
      if (key === null) return;
      const first = seen.get(key);
      if (first !== undefined) duplicates.push(`“${first}”与“${this.headers[i]}”`);
      else seen.set(key, this.headers[i]);
    });
    if (duplicates.length) {
      throw new WorkbookError('DUPLICATE_COLUMNS', `表头中有重复的列：${duplicates.join('，')}指的是同一项内容，请删除其中一列后重新上传。`, duplicates);
    }
    const missing = this.options.columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
    if (missing.length) {
      throw new WorkbookError(
        'MISSING_COLUMNS',
        `缺少必填列：${missing.join('、')}。请使用系统提供的导入模板，或在第 ${this.headerRowNumber} 行（表头行）补上这些列。`,
        missing,
      );
    }
  }

  progress(): ReadProgress {
    const fraction = this.finished ? 1 : this.totalBytes ? Math.min(1, this.bytesRead / this.totalBytes) : null;
    return { rowsRead: this.rowsRead, bytesRead: this.bytesRead, totalBytes: this.totalBytes, fraction, done: this.finished };
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<WorkbookRow> {
    if (this.iterated) throw new Error('readWorkbookRows: the rows can be iterated only once');
    this.iterated = true;
    try {
      let rows: RowTuple[] | null = this.pending;
      this.pending = [];
      if (this.unanswered) {
        this.unanswered = false;
        this.channel.send('ack');
      }
      let turnStart = performance.now();
      while (rows) {
        for (const [rowNumber, values] of rows) {
          const row = toWorkbookRow(this.columnKeys, this.headers.length, rowNumber, values);
          if (!row) continue;
          this.rowsRead++;
          yield row;
          // The caller validates each row synchronously between yields; hand the event loop back
          // every few milliseconds so other requests are not kept waiting for a whole batch.
          if (performance.now() - turnStart > TURN_MS) {
            await nextTurn();
            turnStart = performance.now();
          }
        }
        this.options.onProgress?.(this.progress());
        rows = await this.nextBatch();
      }
      this.options.onProgress?.(this.progress());
    } finally {
      await this.close();
    }
  }

  async transferTo(port: MessagePort): Promise<void> {
    if (this.iterated) throw new Error('readWorkbookRows: the rows can be iterated or transferred, once');
    this.iterated = true;
    this.unanswered = false;
    this.channel.transfer(port, this.pending);
    this.pending = [];
    // Only failures and the exit come here now; the rows may take minutes to consume, so no stall timer.
    for (;;) {
      const msg = await this.channel.next(true);
      if (msg.type === 'error') throw workerFailure(msg.message);
      if (msg.type === 'exit') {
        this.finished = true;
        if (msg.code !== 0 && !this.closed) throw workerFailure('读取进程意外退出');
        return;
      }
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.channel.stop();
  }
}
