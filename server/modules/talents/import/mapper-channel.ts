import { MessageChannel, Worker } from 'node:worker_threads';
import { type WorkbookRows, workerFailure } from '../../../io/xlsx/read-workbook.ts';
import type { ContextReply, ContextRequest, MainMessage, MappedBatch, MapperMessage } from './mapper-protocol.ts';

/**
 * The main thread's side of the row-mapping thread: starts it (early, so loading its modules
 * overlaps with opening the file), wires the reader's rows to it, answers its requests for rules
 * and region facts, and hands out its batches. A batch is acknowledged when taken, so the mapper
 * works on the next one meanwhile and at most one waits here.
 */
const WORKER_URL = new URL('./mapper.worker.mjs', import.meta.url);
/** The mapper holds a couple of batches and the code lists; a leak must not take the server down. */
const WORKER_HEAP_MB = 192;

type Inbound = MapperMessage | { type: 'fail'; error: unknown };

export class RowMapper {
  private readonly worker: Worker;
  private readonly inbox: Inbound[] = [];
  private wake: (() => void) | null = null;
  private closed = false;
  private ended = false;

  constructor(
    at: string,
    private readonly answer: (request: ContextRequest) => Promise<ContextReply>,
    private readonly stallTimeoutMs: number,
  ) {
    this.worker = new Worker(WORKER_URL, { workerData: { at }, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.worker.unref();
    this.worker.on('message', (m: MapperMessage) => {
      if (m.type === 'context') {
        this.answer(m).then(
          (reply) => this.send(reply),
          (error: unknown) => this.push({ type: 'fail', error }),
        );
      } else this.push(m);
    });
    this.worker.on('error', (error) => this.push({ type: 'fail', error }));
    this.worker.once('exit', (code) => {
      if (!this.ended && !this.closed) this.push({ type: 'fail', error: new Error(`import mapper exited (${code})`) });
    });
  }

  private push(m: Inbound) {
    this.inbox.push(m);
    this.wake?.();
    this.wake = null;
  }

  private send(m: MainMessage) {
    if (!this.closed) this.worker.postMessage(m);
  }

  /** Sends the rows after the header to the mapper; a damaged file ends the batches with its WorkbookError. */
  start(rows: WorkbookRows) {
    const { port1, port2 } = new MessageChannel();
    rows.transferTo(port1).catch((error: unknown) => this.push({ type: 'fail', error }));
    this.worker.postMessage({ type: 'start', port: port2, columnKeys: [...rows.columnKeys], headerCount: rows.headers.length } satisfies MainMessage, [port2]);
  }

  private async next(): Promise<Inbound> {
    while (this.inbox.length === 0) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = await new Promise<boolean>((resolve) => {
        this.wake = () => resolve(false);
        timer = setTimeout(() => resolve(true), this.stallTimeoutMs);
      });
      clearTimeout(timer);
      // Nothing from the reader or the mapper for that long: a damaged file the zip reader waits on.
      if (stalled) throw workerFailure('读取超时');
    }
    return this.inbox.shift() as Inbound;
  }

  async *batches(): AsyncGenerator<{ batch: MappedBatch; bytesRead: number }> {
    for (;;) {
      const m = await this.next();
      switch (m.type) {
        case 'batch':
          this.send('ack');
          yield { batch: m.batch, bytesRead: m.bytesRead };
          break;
        case 'end':
          this.ended = true;
          return;
        case 'error':
          throw new Error(`import mapper: ${m.message}`);
        case 'fail':
          throw m.error;
      }
    }
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.worker.terminate();
  }
}
