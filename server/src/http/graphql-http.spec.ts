import { describe, expect, it } from 'vitest';
import { negotiateMediaType, statusForGraphQLResponse, statusForJson } from './graphql-http.js';
import { isDatabaseUnavailable } from './unavailable.js';

describe('negotiateMediaType', () => {
  it.each([
    [undefined, 'application/graphql-response+json'],
    ['', 'application/graphql-response+json'],
    ['*/*', 'application/graphql-response+json'],
    ['application/*', 'application/graphql-response+json'],
    ['application/json', 'application/json'],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json'],
    ['application/graphql-response+json;q=0.5, application/json', 'application/json'],
    ['text/html, application/json;q=0.1', 'application/json'],
    ['text/html', null],
    ['application/json;q=0, text/html', null],
    ['application/xml, text/*', null],
  ])('answers %s with %s', (accept, expected) => {
    expect(negotiateMediaType(accept)).toBe(expected);
  });
});

describe('statusForJson', () => {
  const body = (...codes: string[]) => JSON.stringify({ errors: codes.map((code) => ({ message: 'x', extensions: { code } })) });

  it('answers request errors of a well-formed request with 200', () => {
    expect(statusForJson(400, body('GRAPHQL_PARSE_FAILED'))).toBe(200);
    expect(statusForJson(400, body('GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED'))).toBe(200);
    expect(statusForJson(503, body('SERVICE_UNAVAILABLE'))).toBe(200);
  });

  it('keeps the status of a request that is not well-formed, and of anything else', () => {
    expect(statusForJson(400, body('BAD_REQUEST'))).toBe(400);
    expect(statusForJson(405, body('BAD_REQUEST'))).toBe(405);
    expect(statusForJson(500, body('INTERNAL_SERVER_ERROR'))).toBe(500);
    expect(statusForJson(400, body('GRAPHQL_PARSE_FAILED', 'BAD_REQUEST'))).toBe(400);
    expect(statusForJson(400, 'not json')).toBe(400);
    expect(statusForJson(200, body('UNAUTHENTICATED'))).toBe(200);
  });
});

describe('statusForGraphQLResponse', () => {
  it('never answers 2xx without data', () => {
    expect(statusForGraphQLResponse(200, JSON.stringify({ errors: [{ message: 'PersistedQueryNotSupported' }] }))).toBe(400);
    expect(statusForGraphQLResponse(200, JSON.stringify({ errors: [{ message: 'x' }], data: null }))).toBe(200);
    expect(statusForGraphQLResponse(200, JSON.stringify({ data: { a: 1 } }))).toBe(200);
    expect(statusForGraphQLResponse(503, JSON.stringify({ errors: [{ message: 'x' }] }))).toBe(503);
  });
});

describe('isDatabaseUnavailable', () => {
  it('recognises a database that cannot be reached, however the driver says it', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    // knex's mark on a connection whose socket ended, thrown as it is (a string) or wrapped.
    expect(isDatabaseUnavailable('Connection ended unexpectedly')).toBe(true);
    expect(isDatabaseUnavailable(new Error('x', { cause: 'Connection ended unexpectedly' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(true);
  });

  it('leaves a query the database refused to the ordinary error handling', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
