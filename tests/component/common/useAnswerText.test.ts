import { afterEach, describe, expect, it } from 'vitest';
import { useAnswerText } from '@/components/common/useAnswerText';
import { setLocale } from '@/i18n';

const scale = [
  { value: 1, label: { sv: 'Inte påbörjat', en: 'Not started' } },
  { value: 3, label: { sv: 'Delvis etablerat', en: 'Partly established' } },
];

afterEach(() => setLocale('sv'));

describe('useAnswerText', () => {
  it('words a level with its number and the scale’s label, and the ways of not rating', () => {
    const answerText = useAnswerText();
    expect(answerText(3, scale)).toBe('3 – Delvis etablerat');
    expect(answerText('dont-know', scale)).toBe('Vet inte');
    expect(answerText('not-relevant', scale)).toBe('Inte aktuellt');
    expect(answerText(null, scale)).toBe('Obesvarat');
    expect(answerText(undefined, scale)).toBe('Obesvarat');
  });

  it('says unanswered in the caller’s words when it has its own', () => {
    expect(useAnswerText()(null, scale, 'coordinator.network.unanswered')).toBe('Inte besvarat');
  });

  it('writes a value the scale lacks as it is, rather than a wrong label', () => {
    expect(useAnswerText()(2, scale)).toBe('2');
  });

  it('says it in English', () => {
    setLocale('en');
    const answerText = useAnswerText();
    expect(answerText(1, scale)).toBe('1 – Not started');
    expect(answerText('dont-know', scale)).toBe('Don’t know');
  });
});
