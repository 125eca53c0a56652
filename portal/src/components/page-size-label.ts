import type { Directive } from 'vue';

/**
 * `v-page-size-label="$t('a11y.pageSize')"` on an ElPagination: names its page-size select for
 * assistive technology. Element Plus renders that select with no label and no prop to give it one,
 * and an unnamed form control fails WCAG 4.1.2 (axe's `label` rule).
 */
export const vPageSizeLabel: Directive<HTMLElement, string> = {
  mounted: label,
  updated: label,
};

function label(el: HTMLElement, binding: { value: string }): void {
  for (const input of el.querySelectorAll('.el-pagination__sizes input')) input.setAttribute('aria-label', binding.value);
}
