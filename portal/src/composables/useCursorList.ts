import { useQuery, type AnyVariables, type TypedDocumentNode, type UseQueryArgs } from '@urql/vue';
import { MAX_PAGE_SIZE, cursorForPage } from '@xinfang/domain';
import { computed, reactive, ref, toValue, watch, type MaybeRefOrGetter, type Ref, type WritableComputedRef } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';

/*
 * Every list of the portal: a page of a GraphQL connection, asked for by its number, and the address
 * bar that keeps a list's filter and page (bookmarkable, and what the back button returns to).
 *
 * Paging is plain page and size. The server's cursor is an offset (`o:N`, see @xinfang/domain's
 * paging.ts), so page N is one request, `after: cursorForPage(N, size)`: nothing walks the pages
 * before it or remembers their end cursors, and any page can be opened from the address directly.
 */

// ---------------------------------------------------------------- reading the address bar

/** One value of the router's query, as it hands it over: a string, repeated keys as an array, or missing. */
export type QueryValue = LocationQuery[string] | undefined;

/** The one string of a query value (the first of repeated keys), or ''. */
export function one(value: QueryValue): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : '';
}

/** A comma-separated list of the allowed values, in their order; anything else in the address is dropped. */
export function many<T extends string>(value: QueryValue, allowed: readonly T[]): T[] {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : []));
  return allowed.filter((a) => parts.includes(a));
}

/** One of the allowed values, or '' for anything else. */
export function oneOf<T extends string>(value: QueryValue, allowed: readonly T[]): T | '' {
  const v = one(value);
  return (allowed as readonly string[]).includes(v) ? (v as T) : '';
}

/** A whole number above zero, or the fallback. */
export function positive(value: QueryValue, fallback: number): number {
  const n = Number(one(value));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** A `1` in the address: a checkbox that is ticked. */
export const flag = (value: QueryValue): boolean => one(value) === '1';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;

/** A `YYYY-MM-DD` date, or '' (the server checks that the day exists). */
export function dateIn(value: QueryValue): string {
  const v = one(value);
  return DATE.test(v) ? v : '';
}

/** A record's id, or '': a hand-edited id goes no further than the address bar. */
export function idIn(value: QueryValue): string {
  const v = one(value);
  return UUID.test(v) ? v : '';
}

// ---------------------------------------------------------------- the page

/** The page sizes a list offers, and the one it opens with (the server's own default is larger: a screen shows about 20 rows). */
export const LIST_PAGE_SIZES: readonly number[] = [20, 50];
export const LIST_PAGE_SIZE = 20;

/**
 * Where a list stands: its page size, its page (from 1), and the cursor that page starts after (null
 * on the first page). `after` always follows from the other two; it is kept because the address has
 * always carried it, and the server is asked for exactly that.
 */
export interface Paging {
  pageSize: number;
  page: number;
  after: string | null;
}

/** Page `page` of `pageSize` rows. */
export const pageAt = (page: number, pageSize: number): Paging => ({ pageSize, page, after: cursorForPage(page, pageSize) });

/**
 * Reads the page from the address bar. A page past the first is taken only with its own cursor beside
 * it (`page=3&after=…`, as the list writes it): a page number without it, or with another page's cursor,
 * is a hand-edited address, and opens the first page.
 */
export function pagingFromQuery(query: LocationQuery, sizes: readonly number[] = LIST_PAGE_SIZES, fallback = LIST_PAGE_SIZE): Paging {
  const size = positive(query.size, fallback);
  const pageSize = sizes.includes(size) ? size : fallback;
  const page = positive(query.page, 1);
  return page > 1 && one(query.after) === cursorForPage(page, pageSize) ? pageAt(page, pageSize) : pageAt(1, pageSize);
}

/** Writes the page into the address bar: only what differs from the first page of the default size. */
export function pagingToQuery(paging: Paging, fallback = LIST_PAGE_SIZE): Record<string, string> {
  const query: Record<string, string> = {};
  if (paging.pageSize !== fallback) query.size = String(paging.pageSize);
  const after = cursorForPage(paging.page, paging.pageSize);
  if (paging.page > 1 && after) {
    query.page = String(paging.page);
    query.after = after;
  }
  return query;
}

/**
 * A list's state kept in the address bar of the route `name`: `state` is what the address says, `go`
 * writes a change into it (pushed, or replaced for what the back button should skip), and `paging`
 * is the page as useCursorList reads and changes it. Asking again for what the address already says
 * calls `reload`: searching twice for the same thing reloads it rather than doing nothing.
 */
export function useAddressState<S extends Paging>(name: string, read: (query: LocationQuery) => S, write: (state: S) => LocationQueryRaw, reload: () => void) {
  const route = useRoute();
  const router = useRouter();
  const state = computed<S>(() => read(route.query));

  function go(next: Partial<S>, replace = false): void {
    const query = write({ ...state.value, ...next });
    if (JSON.stringify(query) === JSON.stringify(write(state.value))) {
      reload();
      return;
    }
    void (replace ? router.replace({ name, query }) : router.push({ name, query }));
  }

  const paging = computed<Paging>({
    get: () => state.value,
    set: (next) => go(next as Partial<S>),
  });
  return { state, go, paging };
}

/**
 * What a list's filter bar holds: a copy of the filter the address bar has applied, which follows the
 * address (a bookmark, the back button) while the user's half-typed changes stay in the bar until a
 * search writes them into the address. `range` is a date-range picker's model over two of its fields.
 */
export function useFilterForm<F extends object>(applied: () => F, empty: () => F) {
  const form = reactive(empty()) as F;
  watch(applied, (filter) => Object.assign(form, Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]))), { immediate: true });

  function range<K extends keyof F & string>(from: K, to: K): WritableComputedRef<string[] | null> {
    const fields = form as Record<K, string>;
    return computed<string[] | null>({
      get: () => (fields[from] && fields[to] ? [fields[from], fields[to]] : null),
      set: (dates) => {
        fields[from] = dates?.[0] ?? '';
        fields[to] = dates?.[1] ?? '';
      },
    });
  }
  return { form, range };
}

// ---------------------------------------------------------------- the list

/** The part of a GraphQL connection a list shows. */
export interface Connection<Node> {
  totalCount: number;
  edges: readonly { node: Node }[];
}

export interface CursorListOptions<Data, Vars extends AnyVariables, Node> {
  query: TypedDocumentNode<Data, Vars>;
  /** The query's variables but the page (`first`, `after`), which the list adds. */
  variables: MaybeRefOrGetter<Omit<Vars, 'first' | 'after'>>;
  /** The connection in the answer. */
  connection: (data: Data) => Connection<Node> | null | undefined;
  /** Where the page is kept: the address bar (useAddressState's `paging`), or by default the list itself, from page 1. */
  paging?: Ref<Paging>;
  /** The page sizes offered; the first page of a list kept by itself has the default size. */
  sizes?: readonly number[];
  /** While true the list asks for nothing (a page that shows one of two lists, or none). */
  pause?: MaybeRefOrGetter<boolean>;
}

/**
 * One page of a connection, the page asked for by its number. The pager changes the page with
 * `goTo` and `resize`; a new search starts again from page 1 with `restart` (a list whose page is in
 * the address bar writes page 1 there itself).
 */
export function useCursorList<Data, Vars extends AnyVariables, Node>(options: CursorListOptions<Data, Vars, Node>) {
  const sizes = options.sizes ?? LIST_PAGE_SIZES;
  const paging = options.paging ?? ref<Paging>(pageAt(1, LIST_PAGE_SIZE));
  // The server refuses more than MAX_PAGE_SIZE rows a page; no size the portal offers comes near it.
  const pageSize = computed(() => Math.min(paging.value.pageSize, MAX_PAGE_SIZE));
  const page = computed(() => paging.value.page);

  const variables = computed(() => ({ ...toValue(options.variables), first: pageSize.value, after: cursorForPage(page.value, pageSize.value) }) as unknown as Vars);
  const pause = computed(() => toValue(options.pause) === true);
  const { data, fetching, error, executeQuery } = useQuery({ query: options.query, variables, pause } as UseQueryArgs<Data, Vars>);

  const connection = computed(() => (data.value ? (options.connection(data.value) ?? null) : null));
  const rows = computed<Node[]>(() => connection.value?.edges.map((e) => e.node) ?? []);
  const total = computed(() => connection.value?.totalCount ?? 0);
  const pages = computed(() => Math.max(1, Math.ceil(total.value / pageSize.value)));

  function goTo(next: number): void {
    if (next !== page.value) paging.value = pageAt(next, pageSize.value);
  }
  function resize(size: number): void {
    paging.value = pageAt(1, size);
  }
  function restart(): void {
    if (page.value !== 1) paging.value = pageAt(1, pageSize.value);
  }

  return { data, fetching, error, executeQuery, rows, total, pages, page, pageSize, sizes, goTo, resize, restart };
}

export type CursorList = Pick<ReturnType<typeof useCursorList>, 'total' | 'pages' | 'page' | 'pageSize' | 'sizes' | 'fetching' | 'goTo' | 'resize'>;
