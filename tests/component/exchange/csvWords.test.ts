import { describe, expect, it } from 'vitest';
import { csvWords } from '@/components/exchange/csvWords';
import { translate } from '@/i18n';

describe('the words of a CSV export', () => {
  it('end its file name with a word of its own, not one cut from the button’s label', () => {
    expect(csvWords('sv', 'answers').suffix).toBe('svar');
    expect(csvWords('sv', 'summary').suffix).toBe('sammanfattning');
    expect(csvWords('en', 'answers').suffix).toBe('answers');
    expect(csvWords('en', 'summary').suffix).toBe('summary');
    // The button may be reworded freely: its first word is not the file's.
    expect(translate('en', 'exchange.csvAnswers').split(' ')[0]).not.toBe(csvWords('en', 'answers').suffix);
  });

  it('give the headers in the chosen language', () => {
    expect(csvWords('en', 'summary').labels.headers.summary[0]).toBe('Family centre');
    expect(csvWords('sv', 'summary').labels.headers.summary[0]).toBe('Familjecentral');
  });
});
