import { mount } from '@vue/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import ImportProblems from '@/components/exchange/ImportProblems.vue';
import type { ImportProblem } from '@/domain/exchange/schema';
import { loadAllMessages } from '@/i18n';

beforeAll(() => loadAllMessages());

function items(problems: readonly ImportProblem[]): string[] {
  return mount(ImportProblems, { props: { problems } }).findAll('li').map((item) => item.text());
}

describe('ImportProblems', () => {
  it('says a file is not UTF-8, and where JSON breaks, in words of its own', () => {
    expect(items([{ code: 'notText', path: '' }])).toEqual([
      'Filen är inte sparad som UTF-8-text (eller UTF-16 med byte-ordningsmärke) och kan därför inte läsas utan att tecken som å, ä och ö förvanskas. Spara filen som UTF-8 och försök igen.',
    ]);
    expect(items([{ code: 'notJson', path: '', line: 12, column: 5, detail: 'character' }])).toEqual(['Filen är inte giltig JSON: fel på rad 12, kolumn 5.']);
    expect(items([{ code: 'notJson', path: '', line: 1, column: 48, detail: 'end' }])).toEqual([
      'Filen är inte giltig JSON: den tar slut för tidigt, på rad 1, kolumn 48. Den kan ha kapats.',
    ]);
  });

  it('words types and missing fields in Swedish, not as the validator names them', () => {
    expect(
      items([
        { code: 'invalidField', path: 'formatVersion', reason: { kind: 'type', expected: 'number', received: '"3"' } },
        { code: 'invalidField', path: 'rounds', reason: { kind: 'type', expected: 'Array', received: 'Object' } },
        { code: 'invalidField', path: 'rounds[0].title', reason: { kind: 'missing' } },
        { code: 'invalidField', path: 'exportedAt', reason: { kind: 'format', format: 'timestamp' } },
      ]),
    ).toEqual([
      'Fel vid formatVersion: väntade ett tal, fick "3".',
      'Fel vid rounds: väntade en lista, fick ett objekt.',
      'Fel vid rounds[0].title: fältet saknas.',
      'Fel vid exportedAt: väntade en tidpunkt som 2026-05-15T10:00:00Z eller 2026-05-15T12:00:00+02:00: ett datum som finns, år 2000–2100, och tidszon som Z eller ±tt:mm.',
    ]);
  });

  it('lists the first 20 problems, each with its place, and how many more there are', () => {
    const problems: ImportProblem[] = Array.from({ length: 23 }, (_, index) => ({ code: 'invalidField', path: `answers[${String(index)}].updatedAt`, reason: { kind: 'format', format: 'timestamp' } }));
    const shown = items(problems);
    expect(shown).toHaveLength(21);
    expect(shown[19]).toContain('answers[19].updatedAt');
    expect(shown[20]).toBe('och 3 fel till.');
    expect(items(problems.slice(0, 21))[20]).toBe('och 1 fel till.');
  });
});
