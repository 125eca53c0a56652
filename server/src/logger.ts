import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * A database error's message and stack carry the SQL with its values (a petitioner's name, a typed
 * username). The log keeps what identifies the failure, never the values.
 */
function serializeError(err: unknown): unknown {
  if (err instanceof Error && 'sqlState' in err) {
    const e = err as Error & Record<string, unknown>;
    const pick = (k: string) => (typeof e[k] === 'string' ? e[k] : undefined);
    return {
      type: e.name,
      sqlState: pick('sqlState'),
      code: pick('code'),
      table: pick('table'),
      column: pick('column'),
      constraint: pick('constraint'),
      routine: pick('routine'),
    };
  }
  return err instanceof Error ? stdSerializers.err(err) : err;
}

/** Structured JSON logs on stdout (or `destination`); the level comes from LOG_LEVEL. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'xinfang' },
    redact: ['req.headers.authorization', '*.password'],
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}
