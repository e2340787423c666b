import type { Locale } from '@/domain/types';
import type { MessageParams, MessageTree } from './types';

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * Building an Intl formatter costs far more than using one, and a results table formats every cell:
 * one formatter per locale and options, built on first use.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function bcp47(locale: Locale): string {
  return locale === 'sv' ? 'sv-SE' : 'en-GB';
}

export function cachedNumberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!(format instanceof Intl.NumberFormat)) {
    format = new Intl.NumberFormat(bcp47(locale), options);
    formatters.set(key, format);
  }
  return format;
}

function cachedDateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!(format instanceof Intl.DateTimeFormat)) {
    format = new Intl.DateTimeFormat(bcp47(locale), options);
    formatters.set(key, format);
  }
  return format;
}

export function formatNumber(locale: Locale, value: number, fractionDigits?: number): string {
  if (fractionDigits === undefined) return cachedNumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return cachedNumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

export function lookup(catalogue: MessageTree, path: string): string | undefined {
  let node: string | MessageTree | undefined = catalogue;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Replaces `{name}` with the parameter; numbers are formatted for the locale (decimal comma in Swedish). */
export function interpolate(locale: Locale, template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** Picks the `one|other` form by the locale's plural rules. */
export function pluralize(locale: Locale, template: string, count: number): string {
  const [one, other] = template.split('|');
  if (other === undefined) return template;
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === 'one' ? (one ?? other) : other;
}

export function formatDate(locale: Locale, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return cachedDateFormat(locale, { dateStyle: 'long' }).format(new Date(y, m - 1, d));
}

export function formatTime(locale: Locale, date: Date): string {
  return cachedDateFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
}

export function formatDateTime(locale: Locale, iso: string): string {
  return cachedDateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatPercent(locale: Locale, fraction: number): string {
  return cachedNumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

export function formatChange(locale: Locale, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '±0';
  const text = formatNumber(locale, Math.abs(rounded), 1);
  return rounded > 0 ? `+${text} ↑` : `−${text} ↓`;
}
