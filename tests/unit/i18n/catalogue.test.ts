import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { currentLocale, setLocale, translate, useI18n, type MessageKey } from '@/i18n';
import type * as I18nModule from '@/i18n';
import { en } from '@/i18n/en';
import { sv as svFirst } from '@/i18n/sv';
import { svMore } from '@/i18n/svMore';
import { formatDate, formatNumber, formatPercent, interpolate, lookup, pluralize } from '@/i18n/translate';
import type { MessageTree } from '@/i18n/types';

/** Every dotted path to a text in a catalogue, with the text. */
function entries(tree: MessageTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, node]): [string, string][] =>
    typeof node === 'string' ? [[`${prefix}${key}`, node]] : entries(node, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** Swedish whole: the first screen's part and the rest. */
const sv: MessageTree = { ...svFirst, ...svMore };
const svEntries = new Map(entries(sv));
const enEntries = new Map(entries(en));

describe('the Swedish catalogue in two parts', () => {
  it('splits by whole groups: no group is in both parts', () => {
    expect(Object.keys(svFirst).filter((group) => group in svMore)).toEqual([]);
  });

  it('has in the first part every text the start page, the header and the toasts use', async () => {
    const { readFile } = await import('node:fs/promises');
    const files = [
      'src/App.vue',
      'src/views/CentrePickerView.vue',
      'src/views/NotFoundView.vue',
      'src/components/centre/CentreSummary.vue',
      'src/components/common/ConfirmDialog.vue',
      ...['LanguageSwitch', 'SaveStatus', 'StoragePersistence', 'TheHeader', 'TheUndoToast', 'TheUpdatePrompt'].map((name) => `src/components/app/${name}.vue`),
    ];
    const groups = new Set<string>();
    for (const file of files) {
      const source = await readFile(file, 'utf8');
      for (const match of source.matchAll(/\bt[n]?\(\s*[`']([a-zA-Z]+)\./g)) groups.add(match[1] ?? '');
    }
    expect([...groups].filter((group) => !(group in svFirst))).toEqual([]);
    expect(groups.size).toBeGreaterThan(5);
  });
});

describe('the Swedish and English catalogues', () => {
  it('have exactly the same key paths', () => {
    expect([...enEntries.keys()].sort()).toEqual([...svEntries.keys()].sort());
  });

  it('have a good number of texts (the walk found the whole tree)', () => {
    expect(svEntries.size).toBeGreaterThan(100);
    expect(svEntries.get('rounds.progress')).toBe('{answered} av {total} påståenden besvarade');
    expect(svEntries.get('centre.coLocationOption.co-located')).toBe('Samlokaliserade i samma lokaler');
  });

  it('have no empty texts', () => {
    const empty = [...svEntries, ...enEntries].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same {param} placeholders for every key', () => {
    const mismatches = [...svEntries]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(enEntries.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatches).toEqual([]);
  });

  it('give plural forms one|other in both languages or in neither', () => {
    const mismatches = [...svEntries]
      .filter(([key, text]) => text.split('|').length !== (enEntries.get(key) ?? '').split('|').length)
      .map(([key]) => key);
    expect(mismatches).toEqual([]);
  });

  it('write plurals as exactly two forms', () => {
    const bad = [...svEntries, ...enEntries].filter(([, text]) => text.includes('|') && text.split('|').length !== 2);
    expect(bad).toEqual([]);
  });

  it('have no unbalanced braces that would show up as literal text', () => {
    const bad = [...svEntries, ...enEntries]
      .filter(([, text]) => text.replace(/\{\w+\}/g, '').includes('{') || text.replace(/\{\w+\}/g, '').includes('}'))
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it('are actually translated: most English texts differ from the Swedish', () => {
    const same = [...svEntries].filter(([key, text]) => enEntries.get(key) === text).map(([key]) => key);
    // Names of the languages, abbreviations and a few texts with only parameters may be equal.
    expect(same.length).toBeLessThan(svEntries.size / 10);
  });
});

describe('lookup', () => {
  it('finds a nested text by its dotted path', () => {
    expect(lookup(sv, 'centre.service.bvc')).toBe('Barnhälsovård (BVC)');
  });

  it('finds nothing for a group, a missing key or a path through a text', () => {
    expect(lookup(sv, 'centre.service')).toBeUndefined();
    expect(lookup(sv, 'centre.nope')).toBeUndefined();
    expect(lookup(sv, 'app.name.more')).toBeUndefined();
  });
});

describe('translate and interpolate', () => {
  it('fills the parameters', () => {
    expect(translate('sv', 'rounds.progress', { answered: 3, total: 35 })).toBe('3 av 35 påståenden besvarade');
    expect(translate('en', 'rounds.progress', { answered: 3, total: 35 })).toBe('3 of 35 statements answered');
  });

  it('writes numbers with a decimal comma in Swedish and a point in English', () => {
    expect(translate('sv', 'app.version', { version: 2.5 })).toBe('Version 2,5');
    expect(translate('en', 'app.version', { version: 2.5 })).toBe('Version 2.5');
  });

  it('inserts strings as they are, without number formatting', () => {
    expect(translate('sv', 'app.version', { version: '1.0.0' })).toBe('Version 1.0.0');
  });

  it('leaves a placeholder without a value visible rather than inventing one', () => {
    expect(translate('sv', 'rounds.progress', { answered: 3 })).toBe('3 av {total} påståenden besvarade');
  });

  it('fills the same parameter everywhere it occurs', () => {
    expect(interpolate('sv', '{n} och {n}', { n: 2 })).toBe('2 och 2');
  });

  it('gives the key itself for an unknown key, so the gap is visible', () => {
    expect(translate('sv', 'does.not.exist' as MessageKey)).toBe('does.not.exist');
  });

  it('does not treat the parameter value as a template', () => {
    expect(translate('sv', 'undo.centreDeleted', { name: '{name}' })).toBe('Familjecentralen ”{name}” togs bort.');
  });
});

describe('number, percent and date formats', () => {
  it('formats 2.5 as 2,5 in Swedish and 2.5 in English', () => {
    expect(formatNumber('sv', 2.5)).toBe('2,5');
    expect(formatNumber('en', 2.5)).toBe('2.5');
  });

  it('rounds to one decimal by default', () => {
    expect(formatNumber('sv', 2.46)).toBe('2,5');
    expect(formatNumber('sv', 3)).toBe('3');
  });

  it('uses a fixed number of decimals when asked', () => {
    expect(formatNumber('sv', 3, 2)).toBe('3,00');
    expect(formatNumber('en', 2.456, 2)).toBe('2.46');
  });

  it('groups thousands with a (non-breaking) space in Swedish and a comma in English', () => {
    expect(formatNumber('sv', 12345).replace(/\s/g, ' ')).toBe('12 345');
    expect(formatNumber('en', 12345)).toBe('12,345');
  });

  it('formats percentages', () => {
    expect(formatPercent('sv', 0.5).replace(/\s/g, ' ')).toBe('50 %');
    expect(formatPercent('en', 0.256)).toBe('26%');
  });

  it('formats a date in words without shifting it by the time zone', () => {
    expect(formatDate('sv', '2026-03-10')).toBe('10 mars 2026');
    expect(formatDate('en', '2026-03-10')).toBe('10 March 2026');
    expect(formatDate('sv', '2026-01-01')).toBe('1 januari 2026');
  });

  it('shows a date it cannot read as it is', () => {
    expect(formatDate('sv', '')).toBe('');
    expect(formatDate('sv', 'okänt')).toBe('okänt');
  });
});

describe('pluralize', () => {
  it.each([
    ['sv', 0, '0 omgångar'],
    ['sv', 1, '1 omgång'],
    ['sv', 2, '2 omgångar'],
    ['en', 0, '0 rounds'],
    ['en', 1, '1 round'],
    ['en', 2, '2 rounds'],
  ] as const)('picks the form for %s and %i', (locale, count, expected) => {
    const template = locale === 'sv' ? svFirst.centres.rounds : en.centres.rounds;
    expect(interpolate(locale, pluralize(locale, template, count), { count })).toBe(expected);
  });

  it('leaves a text without plural forms as it is', () => {
    expect(pluralize('sv', 'Omgångar', 2)).toBe('Omgångar');
  });
});

describe('useI18n', () => {
  afterEach(() => {
    setLocale('sv');
  });

  it('is Swedish to begin with', () => {
    expect(currentLocale.value).toBe('sv');
    expect(useI18n().t('rounds.continue')).toBe('Fortsätt');
  });

  it('pluralizes with tn and makes {count} available', () => {
    const { tn } = useI18n();
    expect(tn('rounds.participants', 1)).toBe('1 deltagare');
    expect(tn('rounds.participants', 2)).toBe('2 deltagare');
    expect(tn('centres.rounds', 0)).toBe('0 omgångar');
    expect(tn('centres.rounds', 1)).toBe('1 omgång');
    expect(tn('centres.rounds', 2)).toBe('2 omgångar');
    setLocale('en');
    expect(tn('rounds.participants', 0)).toBe('0 participants');
    expect(tn('rounds.participants', 1)).toBe('1 participant');
    expect(tn('rounds.participants', 2)).toBe('2 participants');
  });

  it('picks the text of a localized value in the current language', () => {
    const { text } = useI18n();
    expect(text({ sv: 'Mål', en: 'Goal' })).toBe('Mål');
    setLocale('en');
    expect(text({ sv: 'Mål', en: 'Goal' })).toBe('Goal');
  });

  it('formats numbers and dates in the current language', () => {
    const { number, date } = useI18n();
    expect(number(2.5)).toBe('2,5');
    expect(date('2026-05-15')).toBe('15 maj 2026');
    setLocale('en');
    expect(number(2.5)).toBe('2.5');
    expect(date('2026-05-15')).toBe('15 May 2026');
  });
});

describe('setLocale', () => {
  afterEach(() => {
    setLocale('sv');
  });

  it('switches the texts, remembers the choice in localStorage and sets the document language', () => {
    const { t, locale } = useI18n();
    setLocale('en');
    expect(locale.value).toBe('en');
    expect(currentLocale.value).toBe('en');
    expect(t('rounds.continue')).toBe('Continue');
    expect(localStorage.getItem('fc.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    setLocale('sv');
    expect(t('rounds.continue')).toBe('Fortsätt');
    expect(localStorage.getItem('fc.locale')).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
  });

  it('is reactive: a computed text follows the language', async () => {
    const { computed } = await import('vue');
    const { t } = useI18n();
    const label = computed(() => t('save.idle'));
    expect(label.value).toBe('Sparas automatiskt');
    setLocale('en');
    await nextTick();
    expect(label.value).toBe('Saved automatically');
  });

  it('still switches when localStorage refuses to store', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(() => setLocale('en')).not.toThrow();
    expect(currentLocale.value).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('the language at start', () => {
  afterEach(() => {
    vi.resetModules();
    document.documentElement.lang = 'sv';
  });

  async function freshI18n(): Promise<typeof I18nModule> {
    vi.resetModules();
    return import('@/i18n');
  }

  it('is the remembered language', async () => {
    localStorage.setItem('fc.locale', 'en');
    const i18n = await freshI18n();
    expect(i18n.currentLocale.value).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    // main.ts waits for this before mounting, so the first render is already in English.
    await i18n.initialLocaleLoaded();
    expect(i18n.useI18n().t('app.loading')).toBe('Loading…');
  });

  it('is Swedish when nothing is remembered', async () => {
    const i18n = await freshI18n();
    expect(i18n.currentLocale.value).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
  });

  it('is Swedish when the remembered value is not a language the app has', async () => {
    localStorage.setItem('fc.locale', 'de');
    expect((await freshI18n()).currentLocale.value).toBe('sv');
  });

  it('is Swedish when storage cannot be read (private mode)', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect((await freshI18n()).currentLocale.value).toBe('sv');
  });
});
