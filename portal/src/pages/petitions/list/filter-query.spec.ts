import { describe, expect, it } from 'vitest';
import { emptyFilter, filterToVariables, isFiltered, stateFromQuery, stateToQuery, type ListState } from './filter-query';

const UNIT = '22222222-2222-4222-8222-222222222222';

describe('the petition list’s address', () => {
  it('writes nothing for the defaults and reads the defaults back', () => {
    const state: ListState = { filter: emptyFilter(), pageSize: 20, page: 1, after: null };
    expect(stateToQuery(state)).toEqual({});
    expect(stateFromQuery({})).toEqual(state);
    expect(filterToVariables(emptyFilter())).toEqual({ sort: 'RECEIVED_DESC' });
    expect(isFiltered(emptyFilter())).toBe(false);
  });

  it('round-trips every filter through the query string and maps it to the server’s filter', () => {
    const state: ListState = {
      filter: {
        text: '补偿',
        status: ['ACCEPTED', 'IN_PROGRESS'],
        channel: 'VISIT',
        kind: 'CLAIM',
        categoryCode: 'LAND',
        unitId: UNIT,
        warning: ['RED', 'YELLOW'],
        isKeyMatter: true,
        isBacklog: true,
        receivedFrom: '2025-01-01',
        receivedTo: '2025-12-31',
        sort: 'DEADLINE',
      },
      pageSize: 50,
      page: 3,
      after: 'bzo5OQ',
    };
    const query = stateToQuery(state);
    expect(query).toEqual({
      q: '补偿',
      status: 'ACCEPTED,IN_PROGRESS',
      channel: 'VISIT',
      kind: 'CLAIM',
      category: 'LAND',
      unit: UNIT,
      warning: 'RED,YELLOW',
      key: '1',
      backlog: '1',
      from: '2025-01-01',
      to: '2025-12-31',
      sort: 'DEADLINE',
      size: '50',
      page: '3',
      after: 'bzo5OQ',
    });
    // As the router hands it back: every value a string.
    expect(stateFromQuery(query as Record<string, string>)).toEqual(state);
    expect(filterToVariables(state.filter)).toEqual({
      text: '补偿',
      status: ['ACCEPTED', 'IN_PROGRESS'],
      channel: ['VISIT'],
      kind: ['CLAIM'],
      categoryCode: ['LAND'],
      unitId: UNIT,
      warning: ['RED', 'YELLOW'],
      isKeyMatter: true,
      isBacklog: true,
      receivedFrom: '2025-01-01',
      receivedTo: '2025-12-31',
      sort: 'DEADLINE',
    });
  });

  it('drops what a hand-edited address gets wrong instead of sending it to the server', () => {
    const state = stateFromQuery({ status: 'IN_PROGRESS,BOGUS', warning: ['RED', 'PURPLE'], channel: 'FAX', from: '2025-13', unit: 'x', size: '7', sort: 'NAME', page: '4' });
    expect(state.filter.status).toEqual(['IN_PROGRESS']);
    expect(state.filter.warning).toEqual(['RED']);
    expect(state.filter.channel).toBe('');
    expect(state.filter.receivedFrom).toBe('');
    expect(state.filter.unitId).toBe('');
    expect(state.filter.sort).toBe('RECEIVED_DESC');
    expect(state.pageSize).toBe(20);
    // Page 4 without the cursor it starts after is page 1.
    expect(state.page).toBe(1);
    expect(state.after).toBeNull();
  });
});
