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
    [{ code: 'BAD_USER_INPUT', reason: 'EXPORT_TOO_LARGE', rows: 23456, limit: 20000 }, '符合条件的记录有 23456 条，一次最多导出 20000 条。请缩小筛选范围（如缩短时间段、选定单位）后分批导出'],
    [{ code: 'UNAUTHENTICATED' }, '请先登录'],
    [{ code: 'BAD_USER_INPUT', reason: 'UNSTORABLE_CHARACTER', character: 'U+0000', field: 'content' }, '内容中含有无法保存的控制字符（U+0000），常见于从其他系统复制的文字，请删除后重试'],
    [{ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 }, '服务暂时不可用（数据库无法连接），请稍后重试'],
    [{ code: 'FORBIDDEN' }, '没有权限'],
    [{ code: 'NOT_FOUND' }, '未找到'],
    [{ code: 'CONFLICT' }, '数据已被他人修改，请刷新后重试'],
    [{ code: 'BAD_USER_INPUT' }, '提交的内容有误，请检查后重试'],
    [{ code: 'INTERNAL_SERVER_ERROR' }, '服务器出错，请稍后重试'],
    [{ code: 'BAD_USER_INPUT', reason: 'USERNAME_TAKEN', field: 'username' }, '用户名已被使用'],
    [{ code: 'BAD_USER_INPUT', reason: 'ROLE_DOES_NOT_FIT_UNIT', field: 'roles' }, '所选角色与单位类型不符'],
    [{ code: 'BAD_USER_INPUT', reason: 'SELF_LOCKOUT', field: 'active' }, '不能停用自己的账号或取消自己的管理员角色'],
    [{ code: 'BAD_USER_INPUT', reason: 'WRONG_PARENT_KIND', field: 'parentId' }, '该类型单位不能建在此单位之下'],
    [{ code: 'BAD_USER_INPUT', reason: 'NAME_TAKEN', field: 'name' }, '同级已有同名单位'],
    [{ code: 'BAD_USER_INPUT', reason: 'WRONG_CURRENT_PASSWORD', field: 'currentPassword' }, '当前密码不正确'],
    [{ code: 'BAD_USER_INPUT', reason: 'PASSWORD_TOO_SHORT', field: 'password' }, '密码至少 10 位'],
    [{ code: 'BAD_USER_INPUT', reason: 'PASSWORD_TOO_LONG', field: 'password' }, '密码不能超过 200 位'],
    [{ code: 'BAD_USER_INPUT', reason: 'PASSWORD_SAME_AS_USERNAME', field: 'password' }, '密码不能与用户名相同'],
    [{ code: 'BAD_USER_INPUT', reason: 'PASSWORD_UNCHANGED', field: 'newPassword' }, '新密码不能与当前密码相同'],
    // A malformed field without a reason: the field's own sentence, else the code's.
    [{ code: 'BAD_USER_INPUT', field: 'username' }, '用户名须为 3–32 位小写字母、数字、“.”“_”或“-”，以字母或数字开头'],
    [{ code: 'BAD_USER_INPUT', field: 'displayName' }, '姓名须为 1–50 个字'],
    [{ code: 'BAD_USER_INPUT', field: 'somethingElse' }, '提交的内容有误，请检查后重试'],
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

  it('names the input field the server found at fault', () => {
    expect(describeError(answered({ code: 'BAD_USER_INPUT', reason: 'NAME_TAKEN', field: 'name' }))).toEqual({
      key: 'error.NAME_TAKEN',
      params: {},
      code: 'BAD_USER_INPUT',
      reason: 'NAME_TAKEN',
      field: 'name',
    });
    expect(describeError(answered({ code: 'CONFLICT' })).field).toBeUndefined();
  });

  it('has every sentence in English too', () => {
    expect(errorMessage(answered({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_TOO_SHORT', field: 'password' }), en)).toBe(
      'A password has at least 10 characters',
    );
    expect(errorMessage(answered({ code: 'BAD_USER_INPUT', reason: 'SELF_LOCKOUT' }), en)).toBe(
      'You cannot disable your own account or take away your own administrator role',
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
