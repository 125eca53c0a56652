import { describe, expect, it } from 'vitest';
import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { createAbility, type AppAbility } from '@xinfang/permissions';
import { accessibleWhere, accessibleWhereAs } from './access.js';

const build = (define: (b: AbilityBuilder<AppAbility>) => void): AppAbility => {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  define(builder);
  return createAbility(builder.rules);
};

describe('accessibleWhere', () => {
  it('matches nothing when no rule allows the action', () => {
    expect(accessibleWhere(build(() => undefined), 'read', 'Unit')).toEqual({ id: { $in: [] } });
  });

  it('matches everything for an unconditional rule', () => {
    expect(accessibleWhere(build(({ can }) => can('read', 'Unit')), 'read', 'Unit')).toEqual({});
  });

  it('keeps one condition as it is', () => {
    expect(accessibleWhere(build(({ can }) => can('read', 'Unit', { townshipId: 't' })), 'read', 'Unit')).toEqual({ townshipId: 't' });
  });

  it('joins several allowing rules with $or', () => {
    const ability = build(({ can }) => {
      can('read', 'Unit', { townshipId: 't' });
      can('read', 'Unit', { id: 'x' });
    });
    expect(accessibleWhere(ability, 'read', 'Unit')).toEqual({ $or: [{ id: 'x' }, { townshipId: 't' }] });
  });

  it('adds a denying rule as its negation, NULL-safe, and an unconditional deny empties the scope', () => {
    const ability = build(({ can, cannot }) => {
      can('read', 'Unit', { countyId: 'c' });
      cannot('read', 'Unit', { kind: 'BUREAU' });
    });
    expect(accessibleWhere(ability, 'read', 'Unit')).toEqual({ $and: [{ countyId: 'c' }, { $or: [{ kind: { $ne: 'BUREAU' } }, { kind: null }] }] });
    const none = build(({ can, cannot }) => {
      can('read', 'Unit', { countyId: 'c' });
      cannot('read', 'Unit');
    });
    expect(accessibleWhere(none, 'read', 'Unit')).toEqual({ id: { $in: [] } });
  });

  it('reads the rules of one field when asked', () => {
    const ability = build(({ can, cannot }) => {
      can('read', 'User', { countyId: 'c' });
      cannot('read', 'User', ['displayName'], { unitId: 'u' });
    });
    expect(accessibleWhere(ability, 'read', 'User')).toEqual({ countyId: 'c' });
    expect(accessibleWhere(ability, 'read', 'User', 'displayName')).toEqual({ $and: [{ countyId: 'c' }, { $or: [{ unitId: { $ne: 'u' } }, { unitId: null }] }] });
  });

  it('gives a NULL column CASL’s meaning: unequal to every id, so `$ne` holds for it and so does the negation of `=`', () => {
    const ability = build(({ can, cannot }) => {
      can('read', 'Petition', { countyId: 'c' });
      cannot('read', 'Petition', ['petitioner'], { ownerLeaderId: { $ne: 'me' } });
      cannot('read', 'Petition', ['content'], { kind: 'ACCUSATION', respondentUnitId: 'u' });
      can('read', 'Petition', ['content'], { handlingUnitId: { $ne: 'x' } });
      can('read', 'Petition', ['subject'], { status: { $in: ['CLOSED'] } });
      cannot('read', 'Petition', ['subject'], { status: { $in: ['REGISTERED'] } });
    });
    // cannot($ne me) is negated into "= me": a NULL owner is not mine, so the petitioner stays hidden.
    expect(accessibleWhere(ability, 'read', 'Petition', 'petitioner')).toEqual({ $and: [{ countyId: 'c' }, { ownerLeaderId: 'me' }] });
    // De Morgan over both columns; a NULL respondent is not the caller.
    expect(accessibleWhere(ability, 'read', 'Petition', 'content')).toEqual({
      $and: [
        { $or: [{ $or: [{ handlingUnitId: { $ne: 'x' } }, { handlingUnitId: null }] }, { countyId: 'c' }] },
        { $or: [{ $or: [{ kind: { $ne: 'ACCUSATION' } }, { kind: null }] }, { $or: [{ respondentUnitId: { $ne: 'u' } }, { respondentUnitId: null }] }] },
      ],
    });
    expect(accessibleWhere(ability, 'read', 'Petition', 'subject')).toEqual({
      $and: [{ $or: [{ status: { $in: ['CLOSED'] } }, { countyId: 'c' }] }, { $or: [{ status: { $nin: ['REGISTERED'] } }, { status: null }] }],
    });
  });

  it('refuses a rule with an operator it cannot translate faithfully', () => {
    const ability = build(({ can }) => can('read', 'Unit', { path: { $regex: '^/c/' } } as never));
    expect(() => accessibleWhere(ability, 'read', 'Unit')).toThrow(/unsupported condition/);
  });

  it('gives "manage" to every action', () => {
    expect(accessibleWhere(build(({ can }) => can('manage', 'User', { countyId: 'c' })), 'update', 'User')).toEqual({ countyId: 'c' });
  });
});

describe('accessibleWhereAs', () => {
  it('renames the subject’s columns to the other entity’s, through every operator, and leaves a field’s own condition whole', () => {
    const ability = build(({ can, cannot }) => {
      can('read', 'ScreeningReport', { unitId: 'u' });
      can('read', 'ScreeningReport', { villageId: 'v', unitKind: { $in: ['VILLAGE_GROUP'] } });
      cannot('read', 'ScreeningReport', { unitKind: 'DEPARTMENT' });
    });
    expect(accessibleWhereAs(ability, 'read', 'ScreeningReport', { unitId: 'id', unitKind: 'kind' })).toEqual({
      $and: [{ $or: [{ $and: [{ villageId: 'v' }, { kind: { $in: ['VILLAGE_GROUP'] } }] }, { id: 'u' }] }, { $or: [{ kind: { $ne: 'DEPARTMENT' } }, { kind: null }] }],
    });
  });

  it('still matches nothing without a rule', () => {
    expect(accessibleWhereAs(build(() => undefined), 'review', 'ScreeningReport', { unitId: 'id' })).toEqual({ id: { $in: [] } });
  });
});
