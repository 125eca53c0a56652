import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A session ended before its token expired (sign-out). Kept only until the token would have expired
 * anyway; every instance behind a load balancer reads the same rows.
 */
@Entity({ tableName: 'revoked_session' })
export class RevokedSession {
  /** The token's `jti`. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Index()
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime' })
  revokedAt: Date = new Date();
}
