import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { createLogger } from './logger.js';

describe('the log', () => {
  it('keeps a database error’s kind and table, never the SQL or its values', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const captured = createLogger('info', sink);
    const pgError = Object.assign(new Error(`insert into "app_user" ("username") values ('张三的身份证 110101199001011234')`), {
      code: '23505', table: 'app_user', constraint: 'app_user_username_unique', detail: 'Key (username)=(张三) already exists.',
    });
    captured.error({ err: new UniqueConstraintViolationException(pgError) }, 'boom');
    const line = lines.join('');
    expect(line).toContain('app_user_username_unique');
    expect(line).toContain('UniqueConstraintViolationException');
    expect(line).not.toContain('110101199001011234');
    expect(line).not.toContain('张三');
  });
});
