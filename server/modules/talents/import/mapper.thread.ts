/**
 * The import's row-mapping thread (started by mapper-channel.ts through mapper.worker.mjs): raw
 * rows from the reader's worker → mapTalentRow → buildTalentRecord → a MappedBatch for the main
 * thread. This is most of an import's CPU time besides the XML parsing, so it runs beside the
 * reader instead of on the event loop that serves requests.
 *
 * workerData: { at } — the timestamp records are built with (the commit stamps its own).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KeyRuleSet } from '../../../../domain/talents/key-talent-rules.ts';
import type { TalentInput } from '../../../../domain/talents/talent.schema.ts';
import { type TransferredMessage, toWorkbookRow } from '../../../io/xlsx/read-workbook.ts';
import { mapTalentRow, type TalentRowCells } from '../../../io/xlsx/talent-row.ts';
import type { FieldCrypto } from '../../../security/field-crypto.ts';
import { buildTalentRecord, provinceOf, type TalentRecord } from '../talent-record.ts';
import { statBuckets } from '../talent-stats.ts';
import type { ContextReply, MainMessage, MappedBatch, MapperMessage, MapperStart } from './mapper-protocol.ts';
import { recordLineHead } from './record-line.ts';

const port = parentPort as NonNullable<typeof parentPort>;
const at = (workerData as { at: string }).at;
const post = (m: MapperMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);

/**
 * The key lives on the main thread: records are built with the plaintexts in the secret columns,
 * which the main thread replaces with the hash and ciphertexts (record-line.ts).
 */
const PLAINTEXT: FieldCrypto = { lookupHash: (p) => p, encrypt: (p) => p, decrypt: (s) => s };

/** Messages of one sender as an awaitable queue. */
class Inbox<T> {
  private readonly items: T[] = [];
  private wake: (() => void) | null = null;
  push(item: T) {
    this.items.push(item);
    this.wake?.();
    this.wake = null;
  }
  async next(): Promise<T> {
    while (this.items.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.items.shift() as T;
  }
}

const fromMain = { start: new Inbox<MapperStart>(), context: new Inbox<ContextReply>(), acks: new Inbox<true>() };
port.on('message', (m: MainMessage) => {
  if (m === 'ack') fromMain.acks.push(true);
  else if (m.type === 'start') fromMain.start.push(m);
  else fromMain.context.push(m);
});

const ruleSets = new Map<string, KeyRuleSet>();
const classes = new Map<string, string | null>();
const statKeyIds = new Map<string, number>();

/** Fetches the rules and region facts the batch's rows need and the mapper does not have yet. */
async function ensureContext(inputs: TalentInput[]) {
  const provinces = new Set<string>();
  const regions = new Set<string>();
  for (const input of inputs) {
    const province = provinceOf(input.regionCode);
    if (!ruleSets.has(province)) provinces.add(province);
    if (!classes.has(input.regionCode)) regions.add(input.regionCode);
  }
  if (!provinces.size && !regions.size) return;
  post({ type: 'context', provinces: [...provinces], regions: [...regions] });
  const reply = await fromMain.context.next();
  for (const [p, r] of Object.entries(reply.ruleSets)) ruleSets.set(p, r);
  for (const [c, v] of Object.entries(reply.classes)) classes.set(c, v);
}

async function mapBatch(start: MapperStart, tuples: [number, unknown[]][]): Promise<MappedBatch> {
  const b: MappedBatch = {
    rowNumbers: [],
    raws: [],
    errors: [],
    idNumbers: [],
    regions: [],
    inputs: [],
    heads: [],
    idPlains: [],
    phonePlains: [],
    statIds: new Int32Array(0),
    statEnds: new Int32Array(0),
    statKeys: [],
    buildFailures: {},
  };
  const valid: TalentInput[] = [];
  const inputOf: (TalentInput | null)[] = [];
  for (const [rowNumber, values] of tuples) {
    const row = toWorkbookRow(start.columnKeys, start.headerCount, rowNumber, values);
    if (!row) continue;
    const mapped = mapTalentRow(row.cells as TalentRowCells);
    b.rowNumbers.push(rowNumber);
    b.raws.push(JSON.stringify(row.raw));
    b.errors.push(mapped.errors.length ? mapped.errors : null);
    inputOf.push(mapped.input);
    if (mapped.input) valid.push(mapped.input);
  }
  await ensureContext(valid);

  const statIds: number[] = [];
  const statEnds = new Int32Array(inputOf.length);
  for (let i = 0; i < inputOf.length; i++) {
    const input = inputOf[i];
    if (!input) {
      b.idNumbers.push(null);
      b.regions.push(null);
      b.inputs.push(null);
      b.heads.push(null);
      b.idPlains.push(null);
      b.phonePlains.push(null);
    } else {
      b.idNumbers.push(input.idNumber);
      b.regions.push(input.regionCode);
      b.inputs.push(JSON.stringify(input));
      let record: TalentRecord;
      try {
        record = buildTalentRecord(input, {
          crypto: PLAINTEXT,
          ruleSet: ruleSets.get(provinceOf(input.regionCode)) as KeyRuleSet,
          urbanRuralClass: classes.get(input.regionCode) ?? null,
          at,
        });
      } catch (err) {
        // A row the checks will reject anyway (its region is unknown…) must not stop the import.
        b.buildFailures[i] = String((err as Error)?.message ?? err);
        b.heads.push(null);
        b.idPlains.push(null);
        b.phonePlains.push(null);
        statEnds[i] = statIds.length;
        continue;
      }
      b.heads.push(recordLineHead(b.rowNumbers[i], record));
      b.idPlains.push(record.row.id_enc);
      b.phonePlains.push(record.row.phone_enc);
      for (const [dim, bucket] of statBuckets(record.row)) {
        const key = `${dim}|${bucket}`;
        let id = statKeyIds.get(key);
        if (id === undefined) {
          id = statKeyIds.size;
          statKeyIds.set(key, id);
          b.statKeys.push(key);
        }
        statIds.push(id);
      }
    }
    statEnds[i] = statIds.length;
  }
  b.statIds = Int32Array.from(statIds);
  b.statEnds = statEnds;
  return b;
}

async function run() {
  const start = await fromMain.start.next();
  const rows = new Inbox<TransferredMessage>();
  start.port.on('message', (m: TransferredMessage) => rows.push(m));
  let unacknowledged = false;
  for (;;) {
    const msg = await rows.next();
    if (msg.type === 'end') {
      post({ type: 'end', bytesRead: msg.bytesRead });
      break;
    }
    // Taken: the reader parses its next batch while this one is mapped.
    start.port.postMessage('ack');
    const batch = await mapBatch(start, msg.rows);
    // One batch waits at the main thread at most: memory stays flat however fast this thread is.
    if (unacknowledged) await fromMain.acks.next();
    post({ type: 'batch', batch, bytesRead: msg.bytesRead }, [batch.statIds.buffer as ArrayBuffer, batch.statEnds.buffer as ArrayBuffer]);
    unacknowledged = true;
  }
  start.port.close();
  port.unref();
}

run().catch((err: unknown) => post({ type: 'error', message: String((err as Error)?.stack ?? err) }));
