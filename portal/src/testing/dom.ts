import { flushPromises } from '@vue/test-utils';

/**
 * Helpers for what Element Plus teleports to `document.body` (dialogs, drop-downs, messages), out of
 * reach of a mounted wrapper's `find`.
 */
export const byTestId = <T extends Element = HTMLElement>(testid: string, root: ParentNode = document.body): T | null =>
  root.querySelector<T>(`[data-testid="${testid}"]`);

export function mustFind<T extends Element = HTMLElement>(selector: string, root: ParentNode = document.body): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`Nothing on the page matches ${selector}`);
  return element;
}

/** Types into an input (or an Element Plus input found by its data-testid) as a user would. */
export async function typeInto(testid: string, value: string): Promise<void> {
  const input = mustFind<HTMLInputElement>(`[data-testid="${testid}"]`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await flushPromises();
}

export async function click(target: string | Element): Promise<void> {
  const element = typeof target === 'string' ? mustFind(`[data-testid="${target}"]`) : target;
  (element as HTMLElement).click();
  await flushPromises();
}

/** The text of the element with this data-testid, or of the whole page. */
export const textOf = (testid?: string): string => (testid ? (byTestId(testid)?.textContent ?? '') : document.body.textContent ?? '');

/** The form item (label, field and message) that holds the element with this data-testid. */
export const formItemOf = (testid: string): string => mustFind(`[data-testid="${testid}"]`).closest('.el-form-item')?.textContent ?? '';
