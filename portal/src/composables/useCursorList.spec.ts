import { mount } from '@vue/test-utils';
import { createAbility } from '@xinfang/permissions';
import { cursorForPage, offsetAfter } from '@xinfang/domain';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { UsersDocument } from '@/gql/graphql';
import { fakeServer } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import { dateIn, flag, idIn, many, one, oneOf, pageAt, pagingFromQuery, pagingToQuery, positive, useCursorList } from './useCursorList';

describe('the address bar’s values', () => {
  it('reads one string, a list of allowed values, a number, a flag, a date and an id, and drops the rest', () => {
    expect(one(['a', 'b'])).toBe('a');
    expect(one(null)).toBe('');
    expect(one(undefined)).toBe('');
    expect(many('RED,PURPLE,YELLOW', ['YELLOW', 'RED'])).toEqual(['YELLOW', 'RED']);
    expect(many(['RED', 'NONE'], ['RED', 'NONE'])).toEqual(['RED', 'NONE']);
    expect(oneOf('FAX', ['LETTER', 'VISIT'])).toBe('');
    expect(oneOf('VISIT', ['LETTER', 'VISIT'])).toBe('VISIT');
    expect(positive('3', 1)).toBe(3);
    expect(positive('0', 1)).toBe(1);
    expect(positive('2.5', 7)).toBe(7);
    expect(flag('1')).toBe(true);
    expect(flag('yes')).toBe(false);
    expect(dateIn('2026-05-01')).toBe('2026-05-01');
    expect(dateIn('2026-5-1')).toBe('');
    expect(idIn('22222222-2222-4222-8222-222222222222')).toBe('22222222-2222-4222-8222-222222222222');
    expect(idIn('x')).toBe('');
  });
});

describe('the page in the address bar', () => {
  it('is a page number with its own cursor beside it, the cursor the server would have answered', () => {
    const third = pageAt(3, 50);
    expect(offsetAfter(third.after)).toBe(100);
    expect(pagingToQuery(third)).toEqual({ size: '50', page: '3', after: third.after });
    expect(pagingFromQuery(pagingToQuery(third))).toEqual(third);
    expect(pagingToQuery(pageAt(1, 20))).toEqual({});
  });

  it('opens the first page for a page without its cursor, with another page’s, or for a size the list does not offer', () => {
    expect(pagingFromQuery({ page: '4' })).toEqual(pageAt(1, 20));
    expect(pagingFromQuery({ page: '4', after: cursorForPage(3, 20) })).toEqual(pageAt(1, 20));
    expect(pagingFromQuery({ size: '7' })).toEqual(pageAt(1, 20));
    expect(pagingFromQuery({ size: '10' }, [10, 20])).toEqual(pageAt(1, 10));
  });
});

describe('a list', () => {
  it('asks for the page it is sent to directly, whatever pages came before, and for page 1 again on a new size', async () => {
    const server = fakeServer({ Users: () => ({ data: { users: { totalCount: 300, edges: [], pageInfo: { hasNextPage: true, endCursor: null } } } }) });
    const { plugins } = portalPlugins(createAbility([]), server);
    let list: ReturnType<typeof useCursorList> | undefined;
    const Probe = defineComponent({
      setup() {
        list = useCursorList({ query: UsersDocument, variables: { filter: null }, connection: (data) => data.users });
        return () => h('div');
      },
    });
    mount(Probe, { global: { plugins } });
    await vi.waitFor(() => expect(list!.total.value).toBe(300));
    expect(list!.pages.value).toBe(15);
    list!.goTo(5);
    await vi.waitFor(() => expect(server.callsOf('Users').at(-1)).toEqual({ filter: null, first: 20, after: cursorForPage(5, 20) }));
    list!.resize(50);
    await vi.waitFor(() => expect(server.callsOf('Users').at(-1)).toEqual({ filter: null, first: 50, after: null }));
    expect(server.callsOf('Users')).toHaveLength(3);
  });
});
