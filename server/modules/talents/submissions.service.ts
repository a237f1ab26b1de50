import { v7 as uuidv7 } from 'uuid';
import type { CertificateInput, TrainingInput } from '../../../domain/talents/talent.schema.ts';
import { generatePassword, hashPassword } from '../../auth/passwords.ts';
import { inScope, type Scope } from '../../auth/scope.ts';
import type { Actor, Deps } from '../../context.ts';
import type { TalentSubmissionsTable } from '../../db/schema.ts';
import { DomainError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { buildUserRow } from '../users/user-row.ts';
import { findUserByUsername, insertUser } from '../users/users.repository.ts';
import { storedInput } from './talent-views.ts';
import * as repo from './talents.repository.ts';
import { applyTalentUpdate, getTalent, updateTalent } from './talents.service.ts';

/**
 * Self-service: a social worker's account is bound to their own talent record. They see it, keep
 * their phone current, and submit new certificates and training hours; an administrator of the
 * record's region verifies each submission before it counts (tier, hours, key status).
 */
export type Submission = { kind: 'certificate'; certificate: CertificateInput } | { kind: 'training'; training: TrainingInput };

export function ownTalentId(actor: Actor): string {
  const id = actor.scope.bound?.type === 'talent' ? actor.scope.bound.id : null;
  if (!id) throw new DomainError('NOT_FOUND', '您的账号尚未关联人才档案,请联系所在地民政部门');
  return id;
}

export async function myTalent(deps: Deps, actor: Actor) {
  return getTalent(deps, { regionCode: '000000000000' }, ownTalentId(actor));
}

export async function updateMyContact(deps: Deps, actor: Actor, phone: string | null) {
  return updateTalent(deps, actor, ownTalentId(actor), { phone }, 'self');
}

function toDto(s: TalentSubmissionsTable, talentName: string | null) {
  return {
    id: s.id,
    talentId: s.talent_id,
    talentName,
    regionCode: s.region_code,
    kind: s.kind as 'certificate' | 'training',
    payload: JSON.parse(s.payload) as CertificateInput | TrainingInput,
    status: s.status as 'pending' | 'approved' | 'rejected',
    submittedAt: s.submitted_at,
    decidedBy: s.decided_by_name,
    decidedAt: s.decided_at,
    decisionNote: s.decision_note,
  };
}
export type SubmissionDto = ReturnType<typeof toDto>;

export async function submit(deps: Deps, actor: Actor, input: Submission) {
  const talentId = ownTalentId(actor);
  const talent = await repo.findTalentById(deps.db, talentId);
  if (!talent) throw notFound('人才档案');
  const payload = input.kind === 'certificate' ? input.certificate : input.training;
  if (input.kind === 'certificate') {
    const clash = await deps.db
      .selectFrom('talent_certificates')
      .select('id')
      .where('talent_id', '=', talentId)
      .where('certificate_no', '=', input.certificate.certificateNo)
      .executeTakeFirst();
    if (clash) throw new DomainError('CONFLICT', '该证书已在您的档案中', [{ field: 'certificate.certificateNo', message: '该证书编号已登记' }]);
  }
  const row: TalentSubmissionsTable = {
    id: uuidv7(),
    talent_id: talentId,
    region_code: talent.region_code,
    kind: input.kind,
    payload: JSON.stringify(payload),
    status: 'pending',
    submitted_at: deps.clock.now().toISOString(),
    decided_by_name: null,
    decided_at: null,
    decision_note: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('talent_submissions').values(row).execute();
    await recordAudit(trx, deps, actor, {
      action: 'submit',
      entityType: 'talent_submission',
      entityId: row.id,
      entityLabel: talent.name,
      regionCode: talent.region_code,
      after: { kind: input.kind, ...payload },
    });
  });
  return toDto(row, talent.name);
}

export async function mySubmissions(deps: Deps, actor: Actor) {
  const rows = await deps.db.selectFrom('talent_submissions').selectAll().where('talent_id', '=', ownTalentId(actor)).orderBy('submitted_at', 'desc').execute();
  return { items: rows.map((r) => toDto(r, null)), total: rows.length };
}

export async function listSubmissions(deps: Deps, scope: Scope, f: { status?: string; page: number; pageSize: number }) {
  let q = deps.db
    .selectFrom('talent_submissions as s')
    .innerJoin('talents as t', 't.id', 's.talent_id')
    .where((eb) => inScope(eb, 's.region_code', scope));
  if (f.status) q = q.where('s.status', '=', f.status);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .selectAll('s')
    .select('t.name as talent_name')
    .orderBy('s.submitted_at', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items: rows.map((r) => toDto(r, r.talent_name)), total: Number(total) };
}

export async function decideSubmission(deps: Deps, actor: Actor, id: string, decision: 'approved' | 'rejected', note: string) {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const s = await trx
      .selectFrom('talent_submissions')
      .selectAll()
      .where('id', '=', id)
      .where((eb) => inScope(eb, 'talent_submissions.region_code', actor.scope))
      .executeTakeFirst();
    if (!s) throw notFound('申报');
    // Claim the decision first, conditionally, in the same transaction as the edit it causes: of two
    // simultaneous decisions only one finds the submission pending. Before, the check, the edit and the
    // status were three steps, and parallel approvals added the item once per approval (found by
    // tests/api/talents-self-service on PostgreSQL).
    const claimed = await trx
      .updateTable('talent_submissions')
      .set({ status: decision, decided_by_name: actor.username, decided_at: now, decision_note: note })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new DomainError('CONFLICT', '该申报已审核,不能重复处理');
    if (decision === 'approved') {
      const talent = await repo.findTalentInScope(trx, actor.scope, s.talent_id);
      if (!talent) throw notFound('人才');
      const current = storedInput(talent, await repo.loadChildren(trx, s.talent_id), deps.crypto);
      const payload = JSON.parse(s.payload);
      // The verified item joins the record through the ordinary edit, so tier, hours and key status follow.
      await applyTalentUpdate(
        trx,
        deps,
        actor,
        s.talent_id,
        s.kind === 'certificate' ? { certificates: [...current.certificates, payload] } : { trainings: [...current.trainings, payload] },
        'admin',
        now,
      );
    }
    await recordAudit(trx, deps, actor, {
      action: decision === 'approved' ? 'approve' : 'reject',
      entityType: 'talent_submission',
      entityId: id,
      entityLabel: s.kind,
      regionCode: s.region_code,
      changes: { status: ['pending', decision], ...(note ? { note: [null, note] } : {}) },
    });
  });
  const row = await deps.db.selectFrom('talent_submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toDto(row, null);
}

/** Opens a social-worker account bound to the talent (one per record); the password is shown once. */
export async function createTalentAccount(deps: Deps, actor: Actor, talentId: string, username: string) {
  const talent = await repo.findTalentInScope(deps.db, actor.scope, talentId);
  if (!talent) throw notFound('人才');
  const password = generatePassword();
  const hash = await hashPassword(password);
  const now = deps.clock.now().toISOString();
  const row = {
    ...buildUserRow({
      username,
      displayName: talent.name,
      passwordHash: hash,
      role: 'social_worker',
      regionCode: talent.region_code,
      at: now,
      mustChangePassword: true,
    }),
    bound_entity_id: talentId,
  };
  await deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('users')
      .select('id')
      .where('bound_entity_type', '=', 'talent')
      .where('bound_entity_id', '=', talentId)
      .executeTakeFirst();
    if (existing) throw new DomainError('CONFLICT', '该人才已开通账号');
    if (await findUserByUsername(trx, username))
      throw new DomainError('CONFLICT', `用户名「${username}」已被使用`, [{ field: 'username', message: '该用户名已被使用' }]);
    await insertUser(trx, row);
    await recordAudit(trx, deps, actor, {
      action: 'account_link',
      entityType: 'user',
      entityId: row.id,
      entityLabel: username,
      regionCode: talent.region_code,
      after: { username, role: 'social_worker', talent: talent.name },
    });
  });
  return { username, initialPassword: password };
}
