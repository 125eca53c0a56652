import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Unit } from '../unit/index.js';
import { ROLES, type Role } from '@xinfang/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { RoleEnum } from '../../common/enums.js';

/** An account: one person (or one desk) of one unit, with its roles. */
@ObjectType({ description: 'A user account of one unit.' })
@Entity({ tableName: 'app_user' })
@Check({ name: 'app_user_roles_not_empty', expression: 'cardinality(roles) > 0' })
export class User extends BaseEntity {
  /** Stored lower-case; sign-in compares lower-case. */
  @Field()
  @Property({ type: 'text', unique: true })
  username!: string;

  @Field()
  @Property({ type: 'text' })
  displayName!: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Field(() => ID)
  @Index()
  @ManyToOne(() => Unit, { mapToPk: true, fieldName: 'unit_id', type: 'uuid' })
  unitId!: string;

  /** The county of the user's unit, so that an administrator's scope is one equality. */
  @Index()
  @Property({ type: 'uuid' })
  countyId!: string;

  @Field(() => [RoleEnum])
  @Enum({ items: () => [...ROLES], array: true })
  roles!: Role[];

  @Field()
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null = null;

  /**
   * Tokens issued before this moment are refused: set when the password changes, so that a reset ends
   * every session signed in with the old one.
   */
  @Property({ type: 'datetime', nullable: true })
  sessionsValidFrom: Date | null = null;
}
