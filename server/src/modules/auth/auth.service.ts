import { defineAbilityFor, packAbilityRules } from '@xinfang/permissions';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser, RequestContext } from '../../common/context.js';
import { unauthenticated } from '../../common/errors.js';
import { Unit } from '../unit/unit.entity.js';
import { User } from '../user/user.entity.js';
import { checkPassword } from './password.js';
import { signToken } from './token.js';
import type { LoginResult } from './auth.types.js';

interface ThrottleRow {
  key: string;
  failures: number;
  locked_until: Date | null;
}

/** A counter that has run past its window, or whose lock has expired, starts again. */
// windowSeconds is a whole number checked by loadConfig, so it is safe to write into the statement.
const stale = (windowSeconds: number) =>
  `(t.first_failure_at <= now() - interval '${Math.trunc(windowSeconds)} seconds' or coalesce(t.locked_until <= now(), false))`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sign-in, with failures slowed and then refused per username and per address. */
export class AuthService {
  async login(ctx: RequestContext, username: string, password: string): Promise<LoginResult> {
    const name = username.trim().toLowerCase();
    const keys = [`user:${name}`, `addr:${ctx.address}`];
    const { login: limits } = ctx.config;

    const rows: ThrottleRow[] = await ctx.em.getConnection().execute(
      `select key, failures, locked_until from login_throttle
        where key in (?, ?) and (locked_until > now() or first_failure_at > now() - make_interval(secs => ?))`,
      [...keys, limits.windowSeconds],
    );
    const locked = rows.filter((r) => r.locked_until && new Date(r.locked_until) > new Date());
    if (locked.length > 0) {
      const until = Math.max(...locked.map((r) => new Date(r.locked_until!).getTime()));
      throw unauthenticated('Too many failed sign-in attempts. Try again later.', {
        reason: 'LOGIN_LOCKED',
        retryAfterSeconds: Math.ceil((until - Date.now()) / 1000),
      });
    }
    const failures = Math.max(0, ...rows.map((r) => r.failures));
    if (failures >= limits.slowAfter) {
      await sleep(Math.min(limits.maxDelayMs, limits.delayStepMs * (failures - limits.slowAfter + 1)));
    }

    const user = await ctx.em.findOne(User, { username: name }, { populate: ['passwordHash'] });
    const ok = (await checkPassword(user?.passwordHash, password)) && !!user?.active;
    if (!ok || !user) {
      await this.recordFailure(ctx, keys);
      throw unauthenticated('Wrong username or password.', { reason: 'BAD_CREDENTIALS' });
    }

    await ctx.em.getConnection().execute('delete from login_throttle where key = ?', [keys[0]]);
    // Not through the unit of work: a sign-in is not an edit of the account, and two sign-ins of one
    // account at once must not collide on its optimistic-lock version.
    // (The managed entity is left alone: made dirty, it would be flushed with a version check.)
    await ctx.em.nativeUpdate(User, { id: user.id }, { lastLoginAt: new Date() });

    const authUser = await loadAuthUser(ctx.em, user.id);
    if (!authUser) throw unauthenticated('Wrong username or password.', { reason: 'BAD_CREDENTIALS' });
    const { token, expiresAt } = await signToken(user.id, ctx.config.jwtSecret, ctx.config.tokenTtlSeconds);
    return { token, expiresAt, user, rules: packAbilityRules(defineAbilityFor(authUser)) };
  }

  /** Counts one failure against each key in one statement, and locks a key that reaches its limit. */
  private async recordFailure(ctx: RequestContext, keys: string[]): Promise<void> {
    const { login: l } = ctx.config;
    for (const key of keys) {
      const limit = key.startsWith('user:') ? l.lockAfterUser : l.lockAfterAddress;
      await ctx.em.getConnection().execute(
        `insert into login_throttle as t (key, failures, first_failure_at, locked_until)
         values (?, 1, now(), case when 1 >= ? then now() + make_interval(secs => ?) end)
         on conflict (key) do update set
           failures = case when ${stale(l.windowSeconds)} then 1 else t.failures + 1 end,
           first_failure_at = case when ${stale(l.windowSeconds)} then now() else t.first_failure_at end,
           locked_until = case
             when t.locked_until > now() then t.locked_until
             when not (${stale(l.windowSeconds)}) and t.failures + 1 >= ? then now() + make_interval(secs => ?)
           end`,
        [key, limit, l.lockSeconds, limit, l.lockSeconds],
      );
    }
  }
}

/** Loads what the rules need to know about a user: its roles and its unit's place in the tree. */
export async function loadAuthUser(em: EntityManager, userId: string): Promise<AuthUser | null> {
  const user = await em.findOne(User, { id: userId, active: true });
  if (!user) return null;
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
  };
}
