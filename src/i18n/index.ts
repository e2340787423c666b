import { computed, readonly, ref } from 'vue';
import { LOCALES, type Locale, type LocalizedText } from '@/domain/types';
import { sv } from './sv';
import {
  formatChange,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatTime,
  interpolate,
  lookup,
  pluralize,
} from './translate';
import type { MessageKey } from './keys';
import type { MessageParams, MessageTree } from './types';

export type { Message, MessageKey } from './keys';

/**
 * The first screen's Swedish ships with the app; the rest of Swedish is fetched while the start page
 * shows and awaited before any other page opens (`loadAllMessages`, called by the router). English
 * is fetched whole when it is first chosen.
 */
const catalogues: Partial<Record<Locale, MessageTree>> = { sv };
let swedish: MessageTree = sv;
let rest: Promise<void> | undefined;

/** Loads the Swedish texts of every page; later calls share the promise (and a failure may be retried). */
export function loadAllMessages(): Promise<void> {
  rest ??= import('./svMore').then(
    ({ svMore }) => {
      swedish = { ...sv, ...svMore };
      catalogues.sv = swedish;
    },
    (failure: unknown) => {
      rest = undefined;
      throw failure;
    },
  );
  return rest;
}
const STORAGE_KEY = 'fc.locale';

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // Storage can be blocked (private mode); Swedish is the default.
  }
  return 'sv';
}

const current = ref<Locale>(initialLocale());

function applyToDocument(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
applyToDocument(current.value);

/** Loads a language's catalogue once; call before mounting so the first render is in that language. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (catalogues[locale]) return;
  if (locale === 'en') catalogues.en = (await import('./en')).en;
}

export function initialLocaleLoaded(): Promise<void> {
  return loadLocale(current.value);
}

/** Switches the language (at once when its catalogue is loaded, else when it arrives) and remembers it. */
export function setLocale(locale: Locale): void {
  if (catalogues[locale]) applyLocale(locale);
  else void loadLocale(locale).then(() => applyLocale(locale));
}

function applyLocale(locale: Locale): void {
  current.value = locale;
  applyToDocument(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered, but the switch still works for this visit.
  }
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = lookup(catalogues[locale] ?? swedish, key) ?? lookup(swedish, key) ?? key;
  return interpolate(locale, template, params);
}

/** The app's i18n: reactive on the locale, so templates re-render when the language changes. */
export function useI18n() {
  return {
    locale: readonly(current),
    setLocale,
    t: (key: MessageKey, params?: MessageParams): string => translate(current.value, key, params),
    /** Plural message `one|other`; `{count}` is available as a parameter. */
    tn: (key: MessageKey, count: number, params?: MessageParams): string =>
      interpolate(current.value, pluralize(current.value, lookup(catalogues[current.value] ?? swedish, key) ?? lookup(swedish, key) ?? key, count), {
        count,
        ...params,
      }),
    text: (value: LocalizedText): string => value[current.value],
    number: (value: number, fractionDigits?: number): string => formatNumber(current.value, value, fractionDigits),
    percent: (fraction: number): string => formatPercent(current.value, fraction),
    /** A score for display: one decimal, decimal comma in Swedish; a dash for no score. */
    score: (value: number | null | undefined): string =>
      value === null || value === undefined ? '–' : formatNumber(current.value, value, 1),
    /** A change with its sign and an arrow, so it reads without colour: "+0,4 ↑", "−0,3 ↓", "±0". */
    change: (value: number | null | undefined): string => formatChange(current.value, value),
    date: (isoDate: string): string => formatDate(current.value, isoDate),
    time: (date: Date): string => formatTime(current.value, date),
    dateTime: (iso: string): string => formatDateTime(current.value, iso),
  };
}

export const currentLocale = computed(() => current.value);
