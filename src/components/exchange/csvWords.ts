import type { Locale } from '@/domain/types';
import { translate } from '@/i18n';
import type { CsvWords } from '@/stores/exchange';

/** The words of a CSV export in `locale`: its headers, the answers that are not numbers, and the file name's suffix. */
export function csvWords(locale: Locale, kind: 'answers' | 'summary'): CsvWords {
  const say = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return {
    locale,
    labels: {
      headers: { answers: say('exchange.csvHeaderAnswers').split(';'), summary: say('exchange.csvHeaderSummary').split(';') },
      dontKnow: say('questionnaire.dontKnow'),
      notRelevant: say('questionnaire.notRelevant'),
      yes: say('exchange.yes'),
      no: say('exchange.no'),
      own: say('exchange.own'),
    },
    suffix: say(kind === 'answers' ? 'exchange.csvAnswersFile' : 'exchange.csvSummaryFile'),
  };
}
