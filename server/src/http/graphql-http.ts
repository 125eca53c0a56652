import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest request body /graphql reads; a larger one is refused before it is read. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const APPLICATION_JSON = 'application/json';
export type ResponseMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof APPLICATION_JSON;

/**
 * A request refused at the HTTP layer, before any GraphQL work: answered with its status, a stable
 * `code` and a `reason` saying which rule refused it.
 */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Writes a refusal as a GraphQL-shaped error body, so that every client reads it the same way. */
export function sendRefusal(res: ServerResponse, refusal: HttpRefusal, mediaType: ResponseMediaType = APPLICATION_JSON): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(refusal.status, { 'content-type': `${mediaType}; charset=utf-8`, ...refusal.headers });
  res.end(JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: 'BAD_REQUEST', reason: refusal.reason } }] }));
}

interface MediaRange {
  type: string;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      const value = q ? Number(q.slice(2)) : 1;
      return { type, q: Number.isFinite(value) ? value : 0 };
    })
    .filter((range) => range.type !== '');
}

function qualityOf(ranges: MediaRange[], type: string): number {
  // The most specific range that matches decides (RFC 9110 §12.5.1).
  const exact = ranges.find((r) => r.type === type);
  if (exact) return exact.q;
  const group = ranges.find((r) => r.type === `${type.split('/')[0]}/*`);
  if (group) return group.q;
  return ranges.find((r) => r.type === '*/*')?.q ?? 0;
}

/**
 * The response media type for an Accept header, or null when the client accepts neither (406).
 * Since the specification's watershed (2025-01-01) a request without a preference gets
 * application/graphql-response+json; application/json only when the client prefers it.
 */
export function negotiateMediaType(accept: string | undefined): ResponseMediaType | null {
  if (!accept?.trim()) return GRAPHQL_RESPONSE_JSON;
  const ranges = parseAccept(accept);
  const modern = qualityOf(ranges, GRAPHQL_RESPONSE_JSON);
  const legacy = qualityOf(ranges, APPLICATION_JSON);
  if (modern <= 0 && legacy <= 0) return null;
  return legacy > modern ? APPLICATION_JSON : GRAPHQL_RESPONSE_JSON;
}

const mediaTypeOf = (header: string | undefined) => header?.split(';')[0]?.trim().toLowerCase();

/**
 * Checks what the GraphQL-over-HTTP specification asks of a request before any GraphQL work: the
 * method, the body's media type and the Accept header. Answers the response's media type.
 */
export function checkGraphQLRequest(req: IncomingMessage): ResponseMediaType {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST') {
    throw new HttpRefusal(405, 'METHOD_NOT_ALLOWED', 'GraphQL requests are sent with GET (queries only) or POST.', { allow: 'GET, POST' });
  }
  const mediaType = negotiateMediaType(req.headers.accept);
  if (!mediaType) {
    throw new HttpRefusal(406, 'NOT_ACCEPTABLE', `The Accept header must allow ${GRAPHQL_RESPONSE_JSON} or ${APPLICATION_JSON}.`);
  }
  if (method === 'POST' && mediaTypeOf(req.headers['content-type']) !== APPLICATION_JSON) {
    // Also what makes a cross-site form post impossible: text/plain and form encodings are refused.
    throw new HttpRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.', { 'accept-post': APPLICATION_JSON });
  }
  return mediaType;
}

/**
 * Reads and parses a POST body of at most MAX_BODY_BYTES. A declared length over the limit is refused
 * before a byte is read; an undeclared one as soon as it passes the limit.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const tooLarge = () => new HttpRefusal(413, 'BODY_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, { connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) throw new HttpRefusal(400, 'MISSING_QUERY', 'The request body is empty: send {"query": "..."}.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpRefusal(400, 'INVALID_JSON', 'The request body is not valid JSON.');
  }
  if (Array.isArray(body)) {
    // One operation per request: a batch would multiply every limit by its length.
    throw new HttpRefusal(400, 'BATCH_NOT_SUPPORTED', 'Batched requests are not supported: send one operation per request.');
  }
  return body;
}

/** Codes of GraphQL request errors: the request was well-formed, the operation was not run. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_SUPPORTED', 'SERVICE_UNAVAILABLE']);

/**
 * The status for a response served as application/json. The specification (GraphQL over HTTP,
 * "application/json") says a well-formed request answers 200 whatever its GraphQL request errors,
 * since a client cannot tell a 4xx/5xx JSON body from an intermediary's; a request that was not
 * well-formed (BAD_REQUEST) keeps its 4xx. Under application/graphql-response+json the status
 * stays as it is: 400 for a document that does not parse or validate.
 */
export function statusForJson(status: number, body: string): number {
  if (status < 400) return status;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> };
    const codes = (parsed.errors ?? []).map((e) => e.extensions?.code);
    if (codes.length > 0 && codes.every((code) => typeof code === 'string' && REQUEST_ERROR_CODES.has(code))) return 200;
  } catch {
    // Not a GraphQL response: leave the status alone.
  }
  return status;
}

/**
 * The status for a response served as application/graphql-response+json: one without `data` must
 * not be 2xx. Apollo answers a persisted-query refusal with 200 (for clients that retry with the
 * whole query); with no data in it, it is a 400.
 */
export function statusForGraphQLResponse(status: number, body: string): number {
  if (status >= 300) return status;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    if (!('data' in parsed) && Array.isArray(parsed.errors)) return 400;
  } catch {
    // Not a GraphQL response: leave the status alone.
  }
  return status;
}
