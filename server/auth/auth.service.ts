import { createHash, randomBytes } from 'node:crypto';
import { checkPasswordPolicy, LOCKOUT_MINUTES, MAX_FAILED_LOGINS, SESSION_IDLE_MINUTES } from '../../domain/auth/password-policy.ts';
import { permissionsOf, ROLE_DEFINITIONS, type Role } from '../../domain/auth/roles.ts';
import { ancestorCodes } from '../../domain/standards/region-code.ts';
import type { Actor, Deps } from '../context.ts';
import { DomainError } from '../errors.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { findRegions } from '../modules/regions/regions.repository.ts';
import { findUserById, findUserByUsername, incrementFailedLogins, type UserRow, updateUser } from '../modules/users/users.repository.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.ts';
import type { Scope } from './scope.ts';
import { deleteIdleSessions, deleteSession, deleteUserSessions, findSession, insertSession, touchSession } from './sessions.repository.ts';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleName: string;
  regionCode: string;
  regionPath: Array<{ code: string; name: string; level: number }>;
  permissions: string[];
  mustChangePassword: boolean;
  bound: { type: string; id: string | null } | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const LOGIN_FAILED = () => new DomainError('LOGIN_FAILED', '用户名或密码错误');
// Touch the session at most once a minute: idle expiry needs minute precision, not a write per request.
const TOUCH_EVERY_MS = 60_000;
/** Idle sessions older than this are deleted at login (well past SESSION_IDLE_MINUTES; see login). */
const PRUNE_IDLE_SESSIONS_AFTER_MS = 24 * 60 * 60_000;

export function scopeOf(user: Pick<UserRow, 'region_code' | 'role' | 'bound_entity_type' | 'bound_entity_id'>): Scope {
  const boundTo = ROLE_DEFINITIONS[user.role as Role].boundTo;
  return {
    regionCode: user.region_code,
    bound: boundTo ? { type: boundTo, id: user.bound_entity_id } : null,
  };
}

export async function toSessionUser(deps: Deps, u: UserRow): Promise<SessionUser> {
  const codes = [...ancestorCodes(u.region_code), u.region_code];
  const rows = await findRegions(deps.db, codes);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const role = u.role as Role;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role,
    roleName: ROLE_DEFINITIONS[role].name,
    regionCode: u.region_code,
    regionPath: codes
      .map((c) => byCode.get(c))
      .filter((r) => r !== undefined)
      .map((r) => ({ code: r.code, name: r.name, level: Number(r.level) })),
    permissions: [...permissionsOf(role)],
    mustChangePassword: u.must_change_password === 1 && u.is_demo === 0,
    bound: scopeOf(u).bound,
  };
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: UserRow;
}

export async function login(deps: Deps, username: string, password: string, meta: RequestMeta): Promise<LoginResult> {
  const now = deps.clock.now();
  const user = await findUserByUsername(deps.db, username.toLowerCase());
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which was wrong.
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  const who = { userId: user?.id ?? null, username, ip: meta.ip, requestId: meta.requestId };
  const region = user?.region_code ?? '000000000000';

  if (user?.locked_until && user.locked_until > now.toISOString()) {
    const minutes = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000);
    await recordAudit(deps.db, deps, who, {
      action: 'login_failed',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.username,
      regionCode: region,
      changes: { reason: [null, 'locked'] },
    });
    throw new DomainError('ACCOUNT_LOCKED', `连续登录失败次数过多,账号已锁定,请 ${minutes} 分钟后再试或联系管理员解锁`, { retryAfterMinutes: minutes });
  }
  if (!user || !ok) {
    if (user) {
      await deps.db.transaction().execute(async (trx) => {
        // Counted by the database, not as `user.failed_attempts + 1` from the row read before the
        // (slow) hash check: parallel wrong guesses all read 0 and wrote 1, so any number of them
        // counted once and never locked (tests/api/auth.test.ts). Unlocked attempts leave
        // locked_until alone (writing the stale value back could undo a parallel lockout).
        const failed = await incrementFailedLogins(trx, user.id);
        const lock = failed >= MAX_FAILED_LOGINS;
        if (lock) {
          await updateUser(trx, user.id, { failed_attempts: 0, locked_until: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() });
        }
        await recordAudit(trx, deps, who, { action: 'login_failed', entityType: 'user', entityId: user.id, entityLabel: user.username, regionCode: region });
        if (lock)
          await recordAudit(trx, deps, who, { action: 'lockout', entityType: 'user', entityId: user.id, entityLabel: user.username, regionCode: region });
      });
    } else {
      await recordAudit(deps.db, deps, who, { action: 'login_failed', entityType: 'user', entityId: null, entityLabel: username, regionCode: region });
    }
    throw LOGIN_FAILED();
  }
  if (user.status !== 'active') {
    await recordAudit(deps.db, deps, who, {
      action: 'login_failed',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.username,
      regionCode: region,
      changes: { reason: [null, 'disabled'] },
    });
    throw new DomainError('ACCOUNT_DISABLED', '该账号已停用,请联系管理员');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    // Housekeeping: sessions idle past the limit can never be used again. Only those idle for a day:
    // a session just past the limit must survive until its owner returns, so that they are told
    // SESSION_EXPIRED (not "unknown session") and 'session_expired' is audited — pruning at the
    // limit lost both whenever anyone else signed in meanwhile (tests/api/auth.test.ts).
    await deleteIdleSessions(trx, new Date(now.getTime() - PRUNE_IDLE_SESSIONS_AFTER_MS).toISOString());
    await insertSession(trx, {
      id: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: at,
      last_seen_at: at,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 255) ?? null,
    });
    await updateUser(trx, user.id, { failed_attempts: 0, locked_until: null, last_login_at: at });
    await recordAudit(trx, deps, who, { action: 'login', entityType: 'user', entityId: user.id, entityLabel: user.username, regionCode: region });
  });
  return { token, csrfToken, user };
}

export interface Authenticated {
  user: UserRow;
  sessionId: string;
  csrfToken: string;
}

/** Resolves a session cookie to its user, enforcing idle expiry; throws 401 errors otherwise. */
export async function authenticate(deps: Deps, token: string | undefined, meta: RequestMeta): Promise<Authenticated> {
  if (!token) throw new DomainError('UNAUTHENTICATED', '请先登录');
  const id = hashToken(token);
  const session = await findSession(deps.db, id);
  if (!session) throw new DomainError('UNAUTHENTICATED', '登录已失效,请重新登录');
  const now = deps.clock.now();
  const idleMs = now.getTime() - Date.parse(session.last_seen_at);
  const user = await findUserById(deps.db, session.user_id);
  if (user?.status !== 'active') {
    await deleteSession(deps.db, id);
    throw new DomainError('UNAUTHENTICATED', '登录已失效,请重新登录');
  }
  if (idleMs > SESSION_IDLE_MINUTES * 60_000) {
    await deps.db.transaction().execute(async (trx) => {
      await deleteSession(trx, id);
      await recordAudit(
        trx,
        deps,
        { userId: user.id, username: user.username, ip: meta.ip, requestId: meta.requestId },
        { action: 'session_expired', entityType: 'user', entityId: user.id, entityLabel: user.username, regionCode: user.region_code },
      );
    });
    throw new DomainError('SESSION_EXPIRED', `超过 ${SESSION_IDLE_MINUTES} 分钟未操作,登录已过期,请重新登录`);
  }
  if (idleMs > TOUCH_EVERY_MS) await touchSession(deps.db, id, now.toISOString());
  return { user, sessionId: id, csrfToken: session.csrf_token };
}

export async function logout(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await recordAudit(trx, deps, actor, {
      action: 'logout',
      entityType: 'user',
      entityId: actor.userId,
      entityLabel: actor.username,
      regionCode: actor.scope.regionCode,
    });
  });
}

export async function changeOwnPassword(deps: Deps, actor: Actor, sessionId: string, oldPassword: string, newPassword: string): Promise<void> {
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', '请先登录');
  if (!(await verifyPassword(oldPassword, user.password_hash))) {
    throw new DomainError('VALIDATION_FAILED', '原密码不正确', [{ field: 'oldPassword', message: '原密码不正确' }]);
  }
  const problem = checkPasswordPolicy(newPassword, user.username);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, [{ field: 'newPassword', message: problem }]);
  if (oldPassword === newPassword) {
    throw new DomainError('VALIDATION_FAILED', '新密码不能与原密码相同', [{ field: 'newPassword', message: '新密码不能与原密码相同' }]);
  }
  const hash = await hashPassword(newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: hash, must_change_password: 0, updated_at: deps.clock.now().toISOString() });
    // Other sessions of this user end: a changed password must lock out whoever else knew the old one.
    await deleteUserSessions(trx, user.id, sessionId);
    await recordAudit(trx, deps, actor, {
      action: 'password_change',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.username,
      regionCode: user.region_code,
    });
  });
}
