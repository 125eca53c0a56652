import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { TokenProblem } from '../../common/context.js';

const ISSUER = 'xinfang';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Signs a session token for a user; it expires after `ttlSeconds`. */
export async function signToken(userId: string, secret: Uint8Array, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  // `iatMs`: the standard `iat` is whole seconds, too coarse to tell a session signed in just before a
  // password change from one signed in just after it.
  const token = await new SignJWT({ iatMs: Date.now() })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    // The session's id, so that signing out can end this one session and no other.
    .setJti(randomUUID())
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret);
  return { token, expiresAt };
}

export interface TokenClaims {
  userId: string;
  /** ms since the epoch */
  issuedAt: number;
  /** The session's id (`jti`), which signing out revokes. */
  sessionId: string;
}

/** Reads the user id from a token, or says why it cannot be used. */
export async function readToken(token: string, secret: Uint8Array): Promise<TokenClaims | { problem: TokenProblem }> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'] });
    if (!payload.sub || typeof payload.iat !== 'number') return { problem: 'INVALID_TOKEN' };
    // A session signed before sessions had ids cannot be signed out: it has to sign in again.
    if (typeof payload.jti !== 'string' || !UUID.test(payload.jti)) return { problem: 'SESSION_EXPIRED' };
    const issuedAt = typeof payload.iatMs === 'number' ? payload.iatMs : payload.iat * 1000;
    return { userId: payload.sub, issuedAt, sessionId: payload.jti };
  } catch (e) {
    return { problem: e instanceof errors.JWTExpired ? 'SESSION_EXPIRED' : 'INVALID_TOKEN' };
  }
}
