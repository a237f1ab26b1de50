import type { MessagePort } from 'node:worker_threads';
import type { KeyRuleSet } from '../../../../domain/talents/key-talent-rules.ts';
import type { RowError } from '../../../io/xlsx/talent-row.ts';

/**
 * Messages between the import's main thread and its row-mapping thread (mapper.thread.ts).
 *
 * The spreadsheet reader's worker posts raw rows straight to the mapper (a MessagePort), which
 * parses and validates each row (mapTalentRow) and builds the stored record, then posts the result
 * a batch at a time to the main thread. The main thread keeps what needs the database or the field
 * key: region, scope and duplicate checks, the ID hash and the encryption, the files.
 */

/** main → mapper, once the header is known. */
export interface MapperStart {
  type: 'start';
  /** Where the reader posts its rows (read-workbook.ts transferTo). */
  port: MessagePort;
  columnKeys: (string | null)[];
  headerCount: number;
}

/** mapper → main: rule sets and urban-rural classes a batch needs that the mapper has not got yet. */
export interface ContextRequest {
  type: 'context';
  provinces: string[];
  regions: string[];
}

/**
 * main → mapper: the answer (null class: unknown region, which the main thread's check rejects; a
 * province whose rules cannot be read is left out, and its rows fail to build).
 */
export interface ContextReply {
  type: 'context';
  ruleSets: Record<string, KeyRuleSet>;
  classes: Record<string, string | null>;
}

/**
 * A batch of mapped rows, as parallel arrays (cheap to pass between threads). Per row:
 * rowNumber; raw: the file's values as JSON (for errors.ndjson); errors: the row's own problems
 * (null: none). For rows without errors (`idNumber` not null) also: the ID number as entered (its
 * hash finds duplicates), region, the input as JSON (valid.ndjson when the person is registered
 * already), the record line head and the plaintexts the main thread hashes and encrypts (see
 * record-line.ts), and the record's summary buckets as ids into `statKeys` (statIds from the
 * previous row's statEnds to its own).
 */
export interface MappedBatch {
  rowNumbers: number[];
  raws: string[];
  errors: (RowError[] | null)[];
  idNumbers: (string | null)[];
  regions: (string | null)[];
  inputs: (string | null)[];
  heads: (string | null)[];
  idPlains: (string | null)[];
  phonePlains: (string | null)[];
  statIds: Int32Array;
  statEnds: Int32Array;
  /** Bucket keys (`dim|bucket`) first used in this batch; their ids follow the earlier ones. */
  statKeys: string[];
  /**
   * Rows without errors whose record could not be built (head null), by index: what went wrong.
   * Only an error if the row turns out new (the checks on the main thread usually reject it first).
   */
  buildFailures: Record<number, string>;
}

export type MapperMessage =
  | ContextRequest
  | { type: 'batch'; batch: MappedBatch; bytesRead: number }
  | { type: 'end'; bytesRead: number }
  | { type: 'error'; message: string };

/** main → mapper. 'ack': the last batch was taken (the mapper sends one batch at a time). */
export type MainMessage = MapperStart | ContextReply | 'ack';
