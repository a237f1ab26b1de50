import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isWithin } from '../../../../domain/standards/region-code.ts';
import type { KeyRuleSet } from '../../../../domain/talents/key-talent-rules.ts';
import { isInScope } from '../../../auth/scope.ts';
import type { Actor, Deps } from '../../../context.ts';
import type { RegionsTable } from '../../../db/schema.ts';
import { readWorkbookRows, type WorkbookRows } from '../../../io/xlsx/read-workbook.ts';
import { TALENT_COLUMN_BY_KEY, TALENT_COLUMNS } from '../../../io/xlsx/talent-columns.ts';
import type { RowError } from '../../../io/xlsx/talent-row.ts';
import { ruleSetFor } from '../key-rules.service.ts';
import { provinceOf } from '../talent-record.ts';
import * as repo from '../talents.repository.ts';
import { ImportStats } from './import-stats.ts';
import { RowMapper } from './mapper-channel.ts';
import type { ContextReply, ContextRequest, MappedBatch } from './mapper-protocol.ts';
import { RECORD_FORMAT, recordLine } from './record-line.ts';

/**
 * Validation of an uploaded file, on the main thread's side. Three threads share the work: the
 * reader's worker parses the XML, the mapper thread checks each row and builds its record, and
 * this thread does what needs the database or the field key — region, scope and duplicate checks
 * (in the file and against the registry), the ID hash and the encryption — and writes the job
 * files: errors.ndjson (rows with problems, with their raw values), valid.ndjson (people already
 * registered: merged at commit) and records.ndjson (new people, ready to insert, record-line.ts).
 */
export interface ValidationCounts {
  rows: number;
  new: number;
  update: number;
  invalid: number;
}

/**
 * The rule-set versions the records were built with: a rule change before the commit makes it
 * refuse. `format`: of records.ndjson (record-line.ts), so a job validated by an older version and
 * committed after an upgrade is refused instead of misread.
 */
export interface PreparedMeta {
  format: typeof RECORD_FORMAT;
  ruleVersions: Record<string, string | null>;
}

const REGION_HEADER = TALENT_COLUMN_BY_KEY.get('regionCode')?.header ?? '工作地区';
const ID_HEADER = TALENT_COLUMN_BY_KEY.get('idNumber')?.header ?? '身份证号码';
/** Longest stretch of row work before other requests get the event loop. */
const TURN_MS = 8;
const STALL_TIMEOUT_MS = 60_000;

type RegionFacts = Pick<RegionsTable, 'status' | 'level' | 'urban_rural_class'>;

/** What validation looks up in the database, each thing once per job. */
class LookupCache {
  readonly regions = new Map<string, RegionFacts | null>();
  private readonly ruleSets = new Map<string, { ruleSet: KeyRuleSet; updatedAt: string | null }>();
  constructor(private readonly deps: Deps) {}

  async loadRegions(codes: Iterable<string>) {
    const missing = [...new Set(codes)].filter((c) => !this.regions.has(c));
    if (!missing.length) return;
    const found = await this.deps.db.selectFrom('regions').select(['code', 'status', 'level', 'urban_rural_class']).where('code', 'in', missing).execute();
    const byCode = new Map(found.map((f) => [f.code, f]));
    for (const c of missing) this.regions.set(c, byCode.get(c) ?? null);
  }

  /** The mapper's question: rules of provinces and urban-rural classes of regions. */
  async answer(request: ContextRequest): Promise<ContextReply> {
    await this.loadRegions(request.regions);
    const reply: ContextReply = { type: 'context', ruleSets: {}, classes: {} };
    for (const p of request.provinces) {
      try {
        if (!this.ruleSets.has(p)) this.ruleSets.set(p, await ruleSetFor(this.deps.db, p));
        reply.ruleSets[p] = this.ruleSets.get(p)?.ruleSet as KeyRuleSet;
      } catch {
        // Rules that cannot be read fail the records of that province: an error only if one of them is new (takeBatch).
      }
    }
    for (const c of request.regions) reply.classes[c] = this.regions.get(c)?.urban_rural_class ?? null;
    return reply;
  }

  ruleVersions(provinces: Iterable<string>): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    for (const p of provinces) out[p] = this.ruleSets.get(p)?.updatedAt ?? null;
    return out;
  }
}

/** Lines for one file, written a batch at a time (one write instead of 500), waiting when the disk lags. */
class LineFile {
  private readonly out: fs.WriteStream;
  private text = '';
  constructor(file: string) {
    this.out = fs.createWriteStream(file);
  }
  add(line: string) {
    this.text += line;
  }
  async flush() {
    if (!this.text) return;
    const ok = this.out.write(this.text);
    this.text = '';
    if (!ok) await once(this.out, 'drain');
  }
  async close() {
    this.out.end();
    await once(this.out, 'close');
  }
}

export async function validateFile(
  deps: Deps,
  actor: Actor,
  dir: string,
  onProgress: (processed: number, total: number | null) => void,
): Promise<ValidationCounts> {
  const counts: ValidationCounts = { rows: 0, new: 0, update: 0, invalid: 0 };
  const cache = new LookupCache(deps);
  const stats = new ImportStats();
  const usedProvinces = new Set<string>();
  /** ID hash → the first row with it. */
  const seen = new Map<string, number>();
  const files = {
    valid: new LineFile(path.join(dir, 'valid.ndjson')),
    errors: new LineFile(path.join(dir, 'errors.ndjson')),
    records: new LineFile(path.join(dir, 'records.ndjson')),
  };
  // Started first: loading its modules takes a moment, spent while the file is opened.
  const mapper = new RowMapper(deps.clock.now().toISOString(), (request) => cache.answer(request), STALL_TIMEOUT_MS);
  let rows: WorkbookRows | null = null;
  try {
    rows = await readWorkbookRows(path.join(dir, 'source.xlsx'), { columns: TALENT_COLUMNS, stallTimeoutMs: STALL_TIMEOUT_MS });
    await fs.promises.writeFile(path.join(dir, 'headers.json'), JSON.stringify(rows.headers));
    const totalBytes = rows.progress().totalBytes;
    mapper.start(rows);
    for await (const { batch, bytesRead } of mapper.batches()) {
      await takeBatch(batch);
      const fraction = totalBytes ? Math.min(1, bytesRead / totalBytes) : null;
      onProgress(counts.rows, fraction ? Math.round(counts.rows / Math.max(fraction, 0.0001)) : null);
    }
  } finally {
    await mapper.close();
    await rows?.close();
    await Promise.all([files.valid.close(), files.errors.close(), files.records.close()]);
  }
  await fs.promises.writeFile(path.join(dir, 'stats.json'), JSON.stringify([...stats.deltas()]));
  await fs.promises.writeFile(
    path.join(dir, 'meta.json'),
    JSON.stringify({ format: RECORD_FORMAT, ruleVersions: cache.ruleVersions(usedProvinces) } satisfies PreparedMeta),
  );
  return counts;

  async function takeBatch(batch: MappedBatch) {
    stats.addKeys(batch.statKeys);
    const errors = batch.errors.map((e) => e ?? []);
    const hashes = batch.idNumbers.map((id) => (id === null ? null : deps.crypto.lookupHash(id)));
    const existingIds = await checkBatch(batch, hashes, errors);
    let turnStart = performance.now();
    for (let i = 0; i < batch.rowNumbers.length; i++) {
      // The hash and two encryptions cost ~20 µs a row: let other requests in every few milliseconds.
      if ((i & 31) === 31 && performance.now() - turnStart > TURN_MS) {
        await nextTurn();
        turnStart = performance.now();
      }
      counts.rows++;
      const rowNumber = batch.rowNumbers[i];
      if (errors[i].length || batch.idNumbers[i] === null) {
        counts.invalid++;
        files.errors.add(`{"rowNumber":${rowNumber},"raw":${batch.raws[i]},"errors":${JSON.stringify(errors[i])}}\n`);
      } else if (existingIds[i] !== null) {
        counts.update++;
        files.valid.add(`{"rowNumber":${rowNumber},"input":${batch.inputs[i]},"existingId":${JSON.stringify(existingIds[i])}}\n`);
      } else {
        const head = batch.heads[i];
        if (head === null) throw new Error(`import: the record of row ${rowNumber} could not be built: ${batch.buildFailures[i]}`);
        counts.new++;
        const idPlain = batch.idPlains[i] as string;
        const phone = batch.phonePlains[i];
        const idHash = idPlain === batch.idNumbers[i] ? (hashes[i] as string) : deps.crypto.lookupHash(idPlain);
        const line = recordLine(head, idHash, deps.crypto.encrypt(idPlain), phone === null ? null : deps.crypto.encrypt(phone));
        files.records.add(line);
        const region = batch.regions[i] as string;
        stats.add(region, batch.statIds, i === 0 ? 0 : batch.statEnds[i - 1], batch.statEnds[i]);
        usedProvinces.add(provinceOf(region));
      }
    }
    await Promise.all([files.errors.flush(), files.valid.flush(), files.records.flush()]);
  }

  /**
   * Checks that need the database or the whole file: region, scope, duplicates in the file and in
   * the registry. Adds to `errors`; returns the id of the registered talent a row would update.
   */
  async function checkBatch(batch: MappedBatch, hashes: (string | null)[], errors: RowError[][]): Promise<(string | null)[]> {
    await cache.loadRegions(batch.regions.filter((r): r is string => r !== null));
    const registered = await repo.findTalentsByIdHashes(
      deps.db,
      hashes.filter((h): h is string => h !== null),
    );
    const existing = new Map(registered.map((t) => [t.id_hash, t]));
    const existingIds: (string | null)[] = batch.rowNumbers.map(() => null);
    for (let i = 0; i < batch.rowNumbers.length; i++) {
      const hash = hashes[i];
      const regionCode = batch.regions[i];
      if (hash === null || regionCode === null) continue;
      const fail = (column: string, message: string) => errors[i].push({ column, message });
      const region = cache.regions.get(regionCode);
      if (!isInScope(actor.scope, regionCode)) fail(REGION_HEADER, '工作地区不在您的管辖范围内');
      else if (region?.status !== 'active') fail(REGION_HEADER, '工作地区的区划代码不存在或已撤销');
      else if (region.level < 3) fail(REGION_HEADER, '工作地区请填写到县(市、区)或乡镇(街道)、村(社区)');
      const first = seen.get(hash);
      if (first !== undefined) fail(ID_HEADER, `与第 ${first} 行的身份证号码重复`);
      else seen.set(hash, batch.rowNumbers[i]);
      const e = existing.get(hash);
      if (e) {
        if (!isWithin(e.region_code, actor.scope.regionCode)) fail(ID_HEADER, '该身份证号码已在其他地区登记,不能导入;如本人已调入,请通过「调入申请」办理');
        else existingIds[i] = e.id;
      }
    }
    return existingIds;
  }
}
