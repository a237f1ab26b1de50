/**
 * Copies a SQLite database's write-ahead log into the database file (a passive checkpoint) on its
 * own connection, off the main thread: after an import's commit the log holds some 100 MB, and the
 * automatic checkpoint would do this synchronously inside the next write's COMMIT (~0.5 s during
 * which the server answers nothing). workerData: { file }.
 */
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { fileMustExist: true });
try {
  db.pragma('wal_checkpoint(PASSIVE)');
} finally {
  db.close();
}
