import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * Bulk writes on a SQLite connection leave the checkpoint to checkpointOffThread (see
 * checkpoint.worker.mjs for why): call deferCheckpoints on the connection before, and
 * checkpointOffThread with its file after the transaction.
 */
export function deferCheckpoints(handle: SQLite.Database) {
  handle.pragma('wal_autocheckpoint = 0');
}

/** Never throws: the data is committed by then, and a missed checkpoint only leaves the work to the next automatic one. */
export async function checkpointOffThread(file: string): Promise<void> {
  try {
    const worker = new Worker(new URL('./checkpoint.worker.mjs', import.meta.url), { workerData: { file }, execArgv: [] });
    const [code] = (await once(worker, 'exit')) as [number];
    if (code !== 0) console.error(`import: WAL checkpoint exited with ${code}`);
  } catch (err) {
    console.error('import: WAL checkpoint failed', err);
  }
}
