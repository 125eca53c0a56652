import { createI18n } from 'vue-i18n';
import type { Language } from 'element-plus/es/locale/index.mjs';
import elEn from 'element-plus/es/locale/lang/en.mjs';
import elZhCn from 'element-plus/es/locale/lang/zh-cn.mjs';
import { en } from './en';
import { zhCN, type Messages } from './zh-cn';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'xinfang.locale';

/** Element Plus speaks the same language as the portal (its pager, empty states, date pickers). */
export const ELEMENT_LOCALES: Record<Locale, Language> = { 'zh-CN': elZhCn, en: elEn };

const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** The saved choice, else Chinese: the portal is for Chinese county staff first. */
export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isLocale(saved) ? saved : 'zh-CN';
}

/** Creates the portal's i18n instance (Composition API mode). */
export function createAppI18n(locale: Locale = initialLocale()) {
  return createI18n<[Messages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
    datetimeFormats: {
      'zh-CN': { long: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false } },
      en: { long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false } },
    },
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

/** Switches the language and remembers it for the next visit. */
export function setLocale(composer: { locale: { value: string } }, locale: Locale): void {
  composer.locale.value = locale;
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
