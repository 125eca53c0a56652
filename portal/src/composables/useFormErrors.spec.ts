import { describe, expect, it, vi } from 'vitest';
import { useFormErrors } from './useFormErrors';

const t = (key: string) => `«${key}»`;
/** A refusal as urql hands it over. */
const refused = (extensions: Record<string, unknown>) => ({ graphQLErrors: [{ extensions }], networkError: undefined }) as never;

describe('a form’s refusals', () => {
  it('puts a refused field beside its field, by the form’s own name for it, and anything else above the buttons', () => {
    const errors = useFormErrors(t, { 'petitioner.phone': 'phone' });
    errors.show(refused({ code: 'BAD_USER_INPUT', field: 'petitioner.phone' }));
    expect(errors.fields).toEqual({ phone: '«error.BAD_USER_INPUT»' });
    expect(errors.general.value).toBeNull();
    // A field the form does not show is the whole form's; the earlier field's sentence goes.
    errors.show(refused({ code: 'BAD_USER_INPUT', field: 'parentId' }));
    expect(errors.fields).toEqual({});
    expect(errors.general.value).toBe('«error.BAD_USER_INPUT»');
    errors.show(refused({ code: 'FORBIDDEN', field: 'petitioner.phone' }));
    expect(errors.fields).toEqual({});
    expect(errors.general.value).toBe('«error.FORBIDDEN»');
  });

  it('maps a row editor’s fields with a function, and words the sentence as the form’s module does', () => {
    const errors = useFormErrors(t, (field) => field.replace(/^addDisputes\./, 'disputes.'), { message: () => '纠纷概要不能为空' });
    errors.show(refused({ code: 'BAD_USER_INPUT', field: 'addDisputes.2.summary' }));
    expect(errors.fields).toEqual({ 'disputes.2.summary': '纠纷概要不能为空' });
    errors.forgetFields();
    expect(errors.fields).toEqual({});
  });

  it('hands a stale refusal, CONFLICT or a reason that means the same, to the form, and shows it nowhere itself', () => {
    const onStale = vi.fn();
    const errors = useFormErrors(t, {}, { staleReasons: ['ALREADY_REVIEWED'], onStale });
    expect(errors.show(refused({ code: 'CONFLICT' })).code).toBe('CONFLICT');
    errors.show(refused({ code: 'BAD_USER_INPUT', reason: 'ALREADY_REVIEWED' }));
    expect(onStale.mock.calls).toEqual([['«error.CONFLICT»'], ['«error.BAD_USER_INPUT»']]);
    expect(errors.general.value).toBeNull();
    // Without a handler, as before: the caller decides.
    const plain = useFormErrors(t, {});
    plain.show(refused({ code: 'CONFLICT' }));
    expect(plain.general.value).toBeNull();
  });
});
