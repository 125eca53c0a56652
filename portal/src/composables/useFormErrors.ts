import type { CombinedError } from '@urql/vue';
import { reactive, ref } from 'vue';
import { describeError, type ErrorDescription } from '@/api/error-message';

type Translate = (key: string, params: Record<string, number | string>) => string;

/**
 * A form's answer from the server: a refused field's sentence shown beside that field (Element Plus's
 * `el-form-item :error`), anything else above the form's buttons. CONFLICT is left to the caller,
 * which reloads what went stale. `fieldOf` maps the server's input field names to the form's props.
 */
export function useFormErrors(t: Translate, fieldOf: Record<string, string>) {
  /** The server's sentence per form field, by the form's own prop names. */
  const fields = reactive<Record<string, string>>({});
  /** A sentence for the whole form, when no field is at fault. */
  const general = ref<string | null>(null);

  function clear(): void {
    for (const key of Object.keys(fields)) delete fields[key];
    general.value = null;
  }

  /** Shows a failed save where it belongs and says what it was. */
  function show(error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>): ErrorDescription {
    const description = describeError(error);
    if (description.code === 'CONFLICT') return description;
    const message = t(description.key, description.params);
    // A field the form does not show (say `parentId`) is the whole form's.
    const field = description.field ? fieldOf[description.field] : undefined;
    if (field && description.code === 'BAD_USER_INPUT') fields[field] = message;
    else general.value = message;
    return description;
  }

  /** Forgets a field's sentence once its value changes. */
  function forget(field: string): void {
    delete fields[field];
  }

  return { fields, general, clear, show, forget };
}

/** Puts the cursor in a form's first text field, once its dialog has opened. */
export function focusFirstField(form: { $el?: unknown } | undefined): void {
  const root = form?.$el;
  if (!(root instanceof HTMLElement)) return;
  root.querySelector<HTMLInputElement>('input:not([disabled]):not([readonly]):not([type="hidden"]):not([type="radio"]):not([type="checkbox"])')?.focus();
}
