import type { CombinedError } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { reactive, ref, type Ref } from 'vue';
import { describeError, reasonOf, type ErrorDescription } from '@/api/error-message';

type Translate = (key: string, params: Record<string, number | string>) => string;
type Failure = Pick<CombinedError, 'graphQLErrors' | 'networkError'>;

/**
 * Where the server's input field goes in the form: a table of field names to the form's props, or a
 * function (a row editor's `disputes.2.parties`, say); a field the form does not show is the whole
 * form's.
 */
export type FieldMap = Record<string, string> | ((field: string) => string | null | undefined);

export interface FormErrorOptions {
  /** The sentence of a refusal, when the form's module words its own (petitionErrorMessage, …); by default the shared sentences. */
  message?: (error: Failure) => string;
  /** The reasons that mean, as CONFLICT does, that the record changed since the form read it (ALREADY_REVIEWED, …). */
  staleReasons?: readonly string[];
  /** What the form does with such a refusal, with its sentence (see `closeStale`). Without it, a stale refusal is left to the caller. */
  onStale?: (message: string) => void;
}

/**
 * A form's answer from the server: a refused field's sentence shown beside that field (Element Plus's
 * `el-form-item :error`), anything else above the form's buttons. A refusal that says the record went
 * stale (CONFLICT, or one of `staleReasons`) goes to `onStale` instead, which reloads what went stale.
 */
export function useFormErrors(t: Translate, fieldOf: FieldMap, options: FormErrorOptions = {}) {
  /** The server's sentence per form field, by the form's own prop names. */
  const fields = reactive<Record<string, string>>({});
  /** A sentence for the whole form, when no field is at fault. */
  const general = ref<string | null>(null);
  const propOf = (field: string) => (typeof fieldOf === 'function' ? fieldOf(field) : fieldOf[field]);

  /** Forgets every field's sentence, leaving the whole form's. */
  function forgetFields(): void {
    for (const key of Object.keys(fields)) delete fields[key];
  }

  function clear(): void {
    forgetFields();
    general.value = null;
  }

  /** Shows a failed save where it belongs and says what it was. */
  function show(error: Failure): ErrorDescription {
    const description = describeError(error);
    const message = options.message ? options.message(error) : t(description.key, description.params);
    const reason = reasonOf(error);
    if (description.code === 'CONFLICT' || (reason !== undefined && options.staleReasons?.includes(reason))) {
      options.onStale?.(message);
      return description;
    }
    const field = description.field && description.code === 'BAD_USER_INPUT' ? propOf(description.field) : null;
    // The server names one fault at a time: an earlier answer's sentence beside another field goes.
    forgetFields();
    if (field) fields[field] = message;
    else general.value = message;
    return description;
  }

  /** Forgets a field's sentence once its value changes. */
  function forget(field: string): void {
    delete fields[field];
  }

  return { fields, general, clear, show, forget, forgetFields };
}

/**
 * What a dialog does with a stale refusal: says so, closes, and has its page reload what went stale,
 * so that the user sees the record as it is now before trying again.
 */
export function closeStale(visible: Ref<boolean>, reload: () => void): (message: string) => void {
  return (message) => {
    ElMessage.error(message);
    visible.value = false;
    reload();
  };
}

/** Puts the cursor in a form's first text field, once its dialog has opened. */
export function focusFirstField(form: { $el?: unknown } | undefined): void {
  const root = form?.$el;
  if (!(root instanceof HTMLElement)) return;
  root.querySelector<HTMLInputElement>('input:not([disabled]):not([readonly]):not([type="hidden"]):not([type="radio"]):not([type="checkbox"])')?.focus();
}
