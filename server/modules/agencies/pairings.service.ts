import { v7 as uuidv7 } from 'uuid';
import type { Pairing, PairingInput } from '../../../domain/network/agency.schema.ts';
import { PAIRING_PROGRAMS } from '../../../domain/network/code-lists.ts';
import { codeName } from '../../../domain/talents/code-lists.ts';
import type { Actor, Deps } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './agencies.repository.ts';

/**
 * 结对帮扶 between two agencies. Both must lie in the actor's scope (a pairing across scopes is
 * recorded by the administrator above both); the same two agencies cannot hold overlapping periods
 * in the same roles. Each entry is audited under the mentee's region (the place being helped).
 */
export async function createPairing(deps: Deps, actor: Actor, input: PairingInput): Promise<Pairing> {
  return deps.db.transaction().execute(async (trx) => {
    const mentor = await repo.findAgencyInScope(trx, actor.scope, input.mentorId);
    if (!mentor) throw new DomainError('NOT_FOUND', '帮扶机构不存在或不在您的管辖范围内', [{ field: 'mentorId', message: '机构不存在或不在您的管辖范围内' }]);
    const mentee = await repo.findAgencyInScope(trx, actor.scope, input.menteeId);
    if (!mentee) throw new DomainError('NOT_FOUND', '受帮扶机构不存在或不在您的管辖范围内', [{ field: 'menteeId', message: '机构不存在或不在您的管辖范围内' }]);
    if (await repo.findOverlappingPairing(trx, input)) {
      throw new DomainError('CONFLICT', `「${mentor.name}」与「${mentee.name}」在该时段已有结对记录`, [{ field: 'startOn', message: '与已有结对时段重叠' }]);
    }
    const row: repo.PairingRow = {
      id: uuidv7(),
      mentor_id: mentor.id,
      mentee_id: mentee.id,
      program: input.program,
      start_on: input.startOn,
      end_on: input.endOn,
      results: input.results,
      created_at: deps.clock.now().toISOString(),
    };
    await repo.insertPairing(trx, row);
    await recordAudit(trx, deps, actor, {
      action: 'create',
      entityType: 'agency_pairing',
      entityId: row.id,
      entityLabel: `${mentor.name} → ${mentee.name}`,
      regionCode: mentee.region_code,
      before: null,
      after: pairingAudit(row, mentor.name, mentee.name),
    });
    return {
      id: row.id,
      mentorId: mentor.id,
      mentorName: mentor.name,
      menteeId: mentee.id,
      menteeName: mentee.name,
      program: row.program,
      startOn: row.start_on,
      endOn: row.end_on,
      results: row.results,
      createdAt: row.created_at,
    };
  });
}

const pairingAudit = (p: repo.PairingRow, mentorName: string, menteeName: string) => ({
  mentor: mentorName,
  mentee: menteeName,
  program: codeName(PAIRING_PROGRAMS, p.program),
  startOn: p.start_on,
  endOn: p.end_on,
  results: p.results,
});

/** Deletes a pairing whose two agencies both lie in the scope (else 404, as if absent). */
export async function deletePairing(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findPairing(trx, id);
    const mentor = row && (await repo.findAgencyInScope(trx, actor.scope, row.mentor_id));
    const mentee = row && (await repo.findAgencyInScope(trx, actor.scope, row.mentee_id));
    if (!row || !mentor || !mentee) throw new DomainError('NOT_FOUND', '结对记录不存在或已被删除');
    await repo.deletePairing(trx, id);
    await recordAudit(trx, deps, actor, {
      action: 'delete',
      entityType: 'agency_pairing',
      entityId: id,
      entityLabel: `${mentor.name} → ${mentee.name}`,
      regionCode: mentee.region_code,
      before: pairingAudit(row, mentor.name, mentee.name),
      after: null,
    });
  });
}
