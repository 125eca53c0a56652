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

  it('adds a denying rule as $not, and an unconditional deny empties the scope', () => {
    const ability = build(({ can, cannot }) => {
      can('read', 'Unit', { countyId: 'c' });
      cannot('read', 'Unit', { kind: 'BUREAU' });
    });
    expect(accessibleWhere(ability, 'read', 'Unit')).toEqual({ $and: [{ countyId: 'c' }, { $not: { kind: 'BUREAU' } }] });
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
    expect(accessibleWhere(ability, 'read', 'User', 'displayName')).toEqual({ $and: [{ countyId: 'c' }, { $not: { unitId: 'u' } }] });
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
      $and: [{ $or: [{ villageId: 'v', kind: { $in: ['VILLAGE_GROUP'] } }, { id: 'u' }] }, { $not: { kind: 'DEPARTMENT' } }],
    });
  });

  it('still matches nothing without a rule', () => {
    expect(accessibleWhereAs(build(() => undefined), 'review', 'ScreeningReport', { unitId: 'id' })).toEqual({ id: { $in: [] } });
  });
});
