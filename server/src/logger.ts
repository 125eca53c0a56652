import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; the level comes from LOG_LEVEL. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'xinfang' }, redact: ['req.headers.authorization', '*.password'] });
}
