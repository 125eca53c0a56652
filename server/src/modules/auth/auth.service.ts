import { defineAbilityFor, packAbilityRules } from '@xinfang/permissions';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../config.js';
import type { AuthUser, RequestContext, SignedInContext } from '../../common/context.js';
import { unauthenticated } from '../../common/errors.js';
import { Unit } from '../unit/index.js';
import { User } from '../user/index.js';
import { RevokedSession } from './revoked-session.entity.js';
import { auditRawChange } from '../audit/index.js';
import { checkPassword } from './password.js';
import { signToken } from './token.js';
import type { LoginResult } from './auth.types.js';

interface ThrottleRow {
  key: string;
  failures: number;
  locked_until: Date | string | null;
}

// windowSeconds and lockSeconds are whole numbers checked by loadConfig: safe to write into SQL.
const secs = (n: number) => `interval '${Math.trunc(n)} seconds'`;

/** A counter whose window has passed, or whose lock has run out, starts again. */
const stale = (windowSeconds: number) =>
  `(t.first_failure_at <= now() - ${secs(windowSeconds)} or coalesce(t.locked_until <= now(), false))`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lockedUntil = (row: ThrottleRow) => (row.locked_until ? new Date(row.locked_until).getTime() : 0);

/**
 * Sign-in, with failures slowed and then refused per username and per client address.
 *
 * Every attempt is counted before its password is checked, in one atomic statement, and given back
 * only when it succeeds: so a burst of parallel attempts cannot all slip past the limit before the
 * first failure is written.
 */
export class AuthService {
  async login(ctx: RequestContext, username: string, password: string): Promise<LoginResult> {
    const name = username.trim().toLowerCase();
    // Bounded keys: a megabyte of "username" is still one short row.
    const userKey = `user:${name.slice(0, 64)}`;
    const addrKey = `addr:${ctx.address.slice(0, 64)}`;
    const { login: l } = ctx.config;
    const limitOf = (key: string) => (key === userKey ? l.lockAfterUser : l.lockAfterAddress);
    const conn = ctx.em.getConnection();

    const rows: ThrottleRow[] = await conn.execute(
      `insert into login_throttle as t (key, failures, first_failure_at, locked_until)
       values (?, 1, now(), null), (?, 1, now(), null)
       on conflict (key) do update set
         failures = case when ${stale(l.windowSeconds)} then 1 else t.failures + 1 end,
         first_failure_at = case when ${stale(l.windowSeconds)} then now() else t.first_failure_at end,
         locked_until = case when t.locked_until > now() then t.locked_until end
       returning key, failures, locked_until`,
      [userKey, addrKey],
    );

    // Security events (ASVS V16.3.1): who tried, from where, and what came of it; never the password.
    const event = (outcome: 'SIGNED_IN' | 'REFUSED', reason?: string) =>
      ctx.logger.info({ event: 'sign-in', outcome, reason, username: name.slice(0, 64), address: ctx.address.slice(0, 64) }, outcome === 'SIGNED_IN' ? 'signed in' : 'sign-in refused');
    const refuse = (until: number) =>
      unauthenticated('Too many failed sign-in attempts. Try again later.', {
        reason: 'LOGIN_LOCKED',
        retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)),
      });
    const lock = async (keys: string[]) => {
      await conn.execute(
        `update login_throttle set locked_until = now() + ${secs(l.lockSeconds)}
          where key in (${keys.map(() => '?').join(', ')}) and (locked_until is null or locked_until <= now())`,
        keys,
      );
      return Date.now() + l.lockSeconds * 1000;
    };

    const lockedRows = rows.filter((r) => lockedUntil(r) > Date.now());
    if (lockedRows.length > 0) {
      event('REFUSED', 'LOGIN_LOCKED');
      throw refuse(Math.max(...lockedRows.map(lockedUntil)));
    }
    const over = rows.filter((r) => r.failures > limitOf(r.key));
    if (over.length > 0) {
      event('REFUSED', 'LOGIN_LOCKED');
      throw refuse(await lock(over.map((r) => r.key)));
    }

    const earlierFailures = Math.max(...rows.map((r) => r.failures - 1));
    if (earlierFailures >= l.slowAfter) {
      await sleep(Math.min(l.maxDelayMs, l.delayStepMs * (earlierFailures - l.slowAfter + 1)));
    }

    const user = name.length <= 64 ? await ctx.em.findOne(User, { username: name }, { populate: ['passwordHash'] }) : null;
    const ok = (await checkPassword(user?.passwordHash, password.slice(0, 1024))) && !!user?.active;
    if (!ok || !user) {
      const reached = rows.filter((r) => r.failures >= limitOf(r.key)).map((r) => r.key);
      if (reached.length > 0) await lock(reached);
      event('REFUSED', reached.length > 0 ? 'BAD_CREDENTIALS_NOW_LOCKED' : 'BAD_CREDENTIALS');
      throw unauthenticated('Wrong username or password.', { reason: 'BAD_CREDENTIALS' });
    }

    // A good attempt is given back; the username's slate is wiped; long-quiet counters are dropped.
    await conn.execute('delete from login_throttle where key = ?', [userKey]);
    await conn.execute('update login_throttle set failures = greatest(failures - 1, 0) where key = ?', [addrKey]);
    await conn.execute(
      `delete from login_throttle where first_failure_at <= now() - ${secs(l.windowSeconds)} and coalesce(locked_until <= now(), true)`,
    );

    // Plain SQL: a sign-in is not an edit of the account, so it must not move the account's
    // optimistic-lock version (MikroORM's own updates would), nor collide with another sign-in.
    await conn.execute('update app_user set last_login_at = now() where id = ?', [user.id]);
    event('SIGNED_IN');

    return issueSession(ctx.em, ctx.config, user.id);
  }
}

/** A new session for an active user: the token, the user and its packed rules. */
export async function issueSession(em: EntityManager, config: AppConfig, userId: string): Promise<LoginResult> {
  const authUser = await loadAuthUser(em, userId);
  const user = await em.findOne(User, { id: userId });
  if (!authUser || !user) throw unauthenticated('Wrong username or password.', { reason: 'BAD_CREDENTIALS' });
  const { token, expiresAt } = await signToken(userId, config.jwtSecret, config.tokenTtlSeconds);
  return { token, expiresAt, user, rules: packAbilityRules(defineAbilityFor(authUser)) };
}

/** Loads what the rules need to know about a user: its roles and its unit's place in the tree. */
export async function loadAuthUser(em: EntityManager, userId: string, /** ms */ tokenIssuedAt?: number, sessionId?: string): Promise<AuthUser | null> {
  const user = await em.findOne(User, { id: userId, active: true });
  if (!user) return null;
  // A password change ends the sessions signed in before it.
  if (tokenIssuedAt !== undefined && user.sessionsValidFrom && tokenIssuedAt < user.sessionsValidFrom.getTime()) return null;
  // Signing out ends this one session.
  if (sessionId !== undefined && (await em.count(RevokedSession, { id: sessionId })) > 0) return null;
  const unit = await em.findOneOrFail(Unit, { id: user.unitId });
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    unitId: unit.id,
    unitKind: unit.kind,
    countyId: unit.countyId,
    townshipId: unit.townshipId,
    villageId: unit.villageId,
    sessionId,
  };
}

/**
 * Ends the caller's session: its token answers SESSION_EXPIRED from now on, on every instance. A
 * revocation is kept only as long as the token could still be used.
 */
export async function revokeSession(ctx: SignedInContext): Promise<boolean> {
  const { sessionId } = ctx.user;
  if (!sessionId) return false;
  await ctx.em.transactional(async (em) => {
    const conn = em.getConnection();
    await conn.execute(
      `insert into revoked_session (id, user_id, expires_at, revoked_at)
       values (?, ?, now() + interval '${Math.trunc(ctx.config.tokenTtlSeconds)} seconds', now())
       on conflict (id) do nothing`,
      [sessionId, ctx.user.id],
      'run',
      em.getTransactionContext(),
    );
    await conn.execute('delete from revoked_session where expires_at < now()', [], 'run', em.getTransactionContext());
    await auditRawChange(em, ctx.user, { action: 'create', entity: 'revoked_session', entityId: sessionId });
  });
  ctx.logger.info({ event: 'sign-out', userId: ctx.user.id, username: ctx.user.username, address: ctx.address.slice(0, 64) }, 'signed out');
  return true;
}
