import { CombinedError } from '@urql/vue';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/i18n';
import { describeError, errorMessage, isUnauthenticated } from './error-message';

const zh = createAppI18n('zh-CN').global.t as (key: string, params: Record<string, unknown>) => string;
const en = createAppI18n('en').global.t as (key: string, params: Record<string, unknown>) => string;

/** A response error as urql hands it over, with the server's extensions. */
const answered = (extensions: Record<string, unknown>, message = 'from the server') =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('error messages', () => {
  it.each([
    [{ code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' }, '用户名或密码错误'],
    [{ code: 'UNAUTHENTICATED', reason: 'LOGIN_LOCKED', retryAfterSeconds: 600 }, '登录失败次数过多，请 10 分钟后再试'],
    [{ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' }, '登录已过期，请重新登录'],
    [{ code: 'UNAUTHENTICATED' }, '请先登录'],
    [{ code: 'FORBIDDEN' }, '没有权限'],
    [{ code: 'NOT_FOUND' }, '未找到'],
    [{ code: 'CONFLICT' }, '数据已被他人修改，请刷新后重试'],
    [{ code: 'BAD_USER_INPUT' }, '提交的内容有误，请检查后重试'],
    [{ code: 'INTERNAL_SERVER_ERROR' }, '服务器出错，请稍后重试'],
  ])('%j reads "%s"', (extensions, text) => {
    expect(errorMessage(answered(extensions), zh)).toBe(text);
  });

  it('rounds a lock’s remaining seconds up to whole minutes, never to zero', () => {
    const minutes = (s: unknown) => describeError(answered({ code: 'UNAUTHENTICATED', reason: 'LOGIN_LOCKED', retryAfterSeconds: s })).params.minutes;
    expect(minutes(61)).toBe(2);
    expect(minutes(60)).toBe(1);
    expect(minutes(5)).toBe(1);
    expect(minutes(undefined)).toBe(1);
    expect(errorMessage(answered({ code: 'UNAUTHENTICATED', reason: 'LOGIN_LOCKED', retryAfterSeconds: 899 }), zh)).toBe(
      '登录失败次数过多，请 15 分钟后再试',
    );
  });

  it('ignores a reason it does not know and falls back to the code', () => {
    expect(errorMessage(answered({ code: 'UNAUTHENTICATED', reason: 'SOMETHING_NEW' }), zh)).toBe('请先登录');
  });

  it('reads the first coded error of several', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('no code'), new GraphQLError('gone', { extensions: { code: 'NOT_FOUND' } })],
    });
    expect(errorMessage(error, zh)).toBe('未找到');
  });

  it('tells a request that never reached the server apart from a server failure', () => {
    const offline = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    expect(errorMessage(offline, zh)).toBe('无法连接服务器，请检查网络后重试');
  });

  it('speaks English when the portal does', () => {
    expect(errorMessage(answered({ code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' }), en)).toBe('Wrong username or password');
    expect(errorMessage(answered({ code: 'UNAUTHENTICATED', reason: 'LOGIN_LOCKED', retryAfterSeconds: 120 }), en)).toBe(
      'Too many failed sign-ins; try again in 2 minutes',
    );
  });

  it('knows when the caller is not signed in', () => {
    expect(isUnauthenticated(answered({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' }))).toBe(true);
    expect(isUnauthenticated(answered({ code: 'FORBIDDEN' }))).toBe(false);
  });
});
