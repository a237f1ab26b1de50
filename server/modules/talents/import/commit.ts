import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { diffRecords } from '../../../../domain/audit/diff.ts';
import { isWithin } from '../../../../domain/standards/region-code.ts';
import type { KeyRuleSet } from '../../../../domain/talents/key-talent-rules.ts';
import type { TalentInput } from '../../../../domain/talents/talent.schema.ts';
import { chinaToday } from '../../../clock.ts';
import type { Actor, Deps } from '../../../context.ts';
import { sqliteHandleOf } from '../../../db/connection.ts';
import type { Database, ImportJobsTable, TalentsTable } from '../../../db/schema.ts';
import { DomainError } from '../../../errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { ImportCounts } from '../../imports/counts.ts';
import { readLineChunks, readNdjson } from '../../imports/ndjson.ts';
import { ruleSetFor } from '../key-rules.service.ts';
import { buildTalentRecord, provinceOf, type TalentRecord } from '../talent-record.ts';
import { applyStatDeltas } from '../talent-stats.repository.ts';
import { StatAccumulator, type StatDeltas } from '../talent-stats.ts';
import { auditView, storedInput } from '../talent-views.ts';
import * as repo from '../talents.repository.ts';
import { createBulkInserter } from './bulk-insert.ts';
import { checkpointOffThread, deferCheckpoints } from './checkpoint.ts';
import { AUDIT_COLUMNS, CHILD_LISTS, RECORD_FORMAT, type RecordLine, TALENT_AT } from './record-line.ts';
import type { PreparedMeta } from './validate.ts';

/**
 * The commit of a validated import: every new row (records.ndjson, built at validation) and, when
 * asked, the updates of people already registered (valid.ndjson), with their audit entries and the
 * summary counts, in ONE transaction — a failure or a conflict writes nothing. On SQLite it runs on
 * a second connection (Db.openBulk) so other requests keep reading meanwhile.
 */
export interface ValidRow {
  rowNumber: number;
  input: TalentInput;
  existingId: string | null;
}

/** Longest stretch of inserting before other requests get the event loop. */
const TURN_MS = 8;

/** Builds records with the rules and region facts they depend on, cached per province and region. */
class RecordBuilder {
  private readonly ruleSets = new Map<string, KeyRuleSet>();
  private readonly classes = new Map<string, string | null>();
  constructor(private readonly deps: Deps) {}

  async build(input: TalentInput, db: Kysely<Database> | Transaction<Database>, previous?: TalentsTable): Promise<TalentRecord> {
    const province = provinceOf(input.regionCode);
    if (!this.ruleSets.has(province)) this.ruleSets.set(province, (await ruleSetFor(db, province)).ruleSet);
    if (!this.classes.has(input.regionCode)) {
      const region = await db.selectFrom('regions').select('urban_rural_class').where('code', '=', input.regionCode).executeTakeFirst();
      this.classes.set(input.regionCode, region?.urban_rural_class ?? null);
    }
    return buildTalentRecord(input, {
      crypto: this.deps.crypto,
      ruleSet: this.ruleSets.get(province) as KeyRuleSet,
      urbanRuralClass: this.classes.get(input.regionCode) ?? null,
      at: this.deps.clock.now().toISOString(),
      previous,
    });
  }
}

/** Merges an imported row into the stored record: scalar fields replaced, certificate and education upserted, other lists kept. */
function mergeForUpdate(stored: TalentInput, row: TalentInput): TalentInput {
  const certificates = [...stored.certificates];
  for (const c of row.certificates) {
    const i = certificates.findIndex((x) => x.certificateNo === c.certificateNo);
    if (i >= 0) certificates[i] = c;
    else certificates.push(c);
  }
  const educations = [...stored.educations];
  for (const e of row.educations) {
    const i = educations.findIndex((x) => x.level === e.level);
    if (i >= 0) educations[i] = e;
    else educations.push(e);
  }
  return {
    ...stored,
    ...row,
    certificates,
    educations,
    employments: stored.employments,
    trainings: stored.trainings,
    honours: stored.honours,
    dispatches: stored.dispatches,
  };
}

export async function commitJob(
  deps: Deps,
  actor: Actor,
  job: ImportJobsTable,
  dir: string,
  updateExisting: boolean,
  counts: ImportCounts,
  onProgress: (rows: number) => void,
): Promise<ImportCounts> {
  const meta = JSON.parse(await fs.promises.readFile(path.join(dir, 'meta.json'), 'utf8')) as PreparedMeta;
  if (meta.format !== RECORD_FORMAT) throw new DomainError('CONFLICT', '系统已更新,请重新上传校验');
  const bulk = deps.openBulk?.();
  const db: Kysely<Database> = bulk?.db ?? deps.db;
  // Only a connection of its own may skip the automatic checkpoints (it runs off the main thread at the end).
  const bulkHandle = bulk ? sqliteHandleOf(bulk.db) : undefined;
  if (bulkHandle) deferCheckpoints(bulkHandle);
  const at = deps.clock.now().toISOString();
  const result = { ...counts, created: 0, updated: 0, skipped: 0 };
  try {
    await db.transaction().execute(async (trx) => {
      for (const [province, version] of Object.entries(meta.ruleVersions)) {
        if ((await ruleSetFor(trx, province)).updatedAt !== version) {
          throw new DomainError('CONFLICT', '校验后本省重点人才认定规则已修改,请重新上传校验');
        }
      }
      // New rows: built at validation, stamped with the commit time here.
      const insert = await createBulkInserter(db, trx, deps.dialect, dir);
      try {
        // The day in China, as buildTalentRecord dates a form's key talent (UTC is still yesterday before 08:00).
        const day = chinaToday({ now: () => new Date(at) });
        let reported = 0;
        let turnStart = performance.now();
        for await (const lines of readLineChunks(path.join(dir, 'records.ndjson'))) {
          for (const line of lines) {
            const [rowNumber, children, t] = JSON.parse(line) as RecordLine;
            t[TALENT_AT.created_at] = at;
            t[TALENT_AT.updated_at] = at;
            t[TALENT_AT.key_since] = t[TALENT_AT.is_key] ? day : null;
            insert.add('talents', t);
            for (const list of CHILD_LISTS) for (const values of children[list] ?? []) insert.add(repo.CHILD_TABLES[list], values);
            const label = t[TALENT_AT.name] as string;
            const audit = auditRow(actor, at, 'create', t[TALENT_AT.id] as string, label, t[TALENT_AT.region_code] as string, null, {
              import: job.file_name,
              row: rowNumber,
            });
            insert.add(
              'audit_log',
              AUDIT_COLUMNS.map((c) => audit[c]),
            );
            result.created++;
            if ((result.created & 63) === 0) {
              await insert.pause();
              // SQLite inserts synchronously (~30 µs a row): hand the event loop back every few milliseconds.
              if (performance.now() - turnStart > TURN_MS) {
                onProgress(result.created - reported);
                reported = result.created;
                await nextTurn();
                turnStart = performance.now();
              }
            }
          }
        }
        await insert.finish();
        onProgress(result.created - reported);
      } finally {
        await insert.dispose();
      }
      const deltas: StatDeltas = new Map(JSON.parse(await fs.promises.readFile(path.join(dir, 'stats.json'), 'utf8')));
      await applyStatDeltas(trx, deltas);

      // Existing records: merged with what is stored now, one by one (usually few).
      const stats = new StatAccumulator();
      const builder = new RecordBuilder(deps);
      for await (const r of readNdjson<ValidRow>(path.join(dir, 'valid.ndjson'))) {
        if (!updateExisting) {
          result.skipped++;
          continue;
        }
        const stored = await repo.findTalentById(trx, r.existingId as string);
        // Moved out of the uploader's scope (or deleted) since validation: the whole import stops.
        if (!stored || !isWithin(stored.region_code, actor.scope.regionCode)) throw new DomainError('CONFLICT', `第 ${r.rowNumber} 行的人才在校验后已变动`);
        const before = storedInput(stored, await repo.loadChildren(trx, stored.id), deps.crypto);
        const merged = mergeForUpdate(before, r.input);
        const record = { ...(await builder.build(merged, trx, stored)) };
        record.row = { ...record.row, updated_at: at };
        await repo.replaceTalent(trx, record);
        stats.add(stored, -1);
        stats.add(record.row, 1);
        await trx
          .insertInto('audit_log')
          .values(
            auditRow(
              actor,
              at,
              'update',
              stored.id,
              stored.name,
              record.row.region_code,
              auditView(before, { idNumber: stored.id_masked, phone: stored.phone_masked }, stored.is_key === 1),
              auditView(merged, { idNumber: record.row.id_masked, phone: record.row.phone_masked }, record.row.is_key === 1),
            ),
          )
          .execute();
        result.updated++;
        onProgress(1);
      }
      await applyStatDeltas(trx, stats.deltas());
      await recordAudit(trx, deps, actor, {
        action: 'import',
        entityType: 'import_job',
        entityId: job.id,
        entityLabel: job.file_name,
        regionCode: actor.scope.regionCode,
        changes: { created: [null, result.created], updated: [null, result.updated], skipped: [null, result.skipped], invalid: [null, result.invalid] },
      });
    });
  } finally {
    await bulk?.close();
  }
  if (bulkHandle) await checkpointOffThread(bulkHandle.name);
  return result;
}

function auditRow(
  actor: Actor,
  at: string,
  action: 'create' | 'update',
  id: string,
  label: string,
  regionCode: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
) {
  // Same shape as recordAudit's entries, written in bulk (one recordAudit per record would be 100,000 statements).
  const changes = diffRecords(before, after);
  return {
    id: uuidv7(),
    at,
    actor_id: actor.userId,
    actor_name: actor.username,
    action,
    entity_type: 'talent',
    entity_id: id,
    entity_label: label,
    region_code: regionCode,
    changes: Object.keys(changes).length ? JSON.stringify(changes) : null,
    ip: actor.ip,
    request_id: actor.requestId,
  };
}
