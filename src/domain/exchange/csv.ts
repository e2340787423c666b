import { scoreRound } from '../scoring';
import { answersByItem, reflectionsByGoal } from '../progress';
import type { AnswerValue, Instrument, Locale } from '../types';
import type { ExportFile } from './format';

/**
 * CSV for Swedish Excel: UTF-8 with a byte-order mark (so Excel reads å ä ö), semicolons between
 * fields, decimal comma, CRLF line ends. Text that Excel would run as a formula is prefixed with an
 * apostrophe, so a note that starts with "=" stays a note.
 */

export type CsvCell = string | number | null;

const BOM = '\uFEFF';

export function formatDecimal(value: number, fractionDigits = 2): string {
  return value.toFixed(fractionDigits).replace('.', ',');
}

function cell(value: CsvCell): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : formatDecimal(value)) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}

export interface CsvLabels {
  readonly headers: {
    readonly answers: readonly string[];
    readonly summary: readonly string[];
  };
  readonly dontKnow: string;
  readonly notRelevant: string;
  readonly yes: string;
  readonly no: string;
}

function answerText(value: AnswerValue | null, instrument: Instrument, locale: Locale, labels: CsvLabels): string {
  if (value === null) return '';
  if (value === 'dont-know') return labels.dontKnow;
  if (value === 'not-relevant') return labels.notRelevant;
  return instrument.scale.levels.find((level) => level.value === value)?.label[locale] ?? '';
}

/** One row per answer: where it belongs, the rating as a number and in words, and the note. */
export function answersCsv(file: ExportFile, instrument: Instrument, locale: Locale, labels: CsvLabels): string {
  const rows: CsvCell[][] = [[...labels.headers.answers]];
  const rounds = new Map(file.rounds.map((round) => [round.id, round]));
  const order = new Map(instrument.goals.flatMap((goal) => goal.items.map((item, index) => [item.id, { goal, item, index }] as const)));
  const answers = [...file.answers].sort((a, b) => {
    const roundA = rounds.get(a.roundId);
    const roundB = rounds.get(b.roundId);
    return (roundA?.date ?? '').localeCompare(roundB?.date ?? '') || a.roundId.localeCompare(b.roundId) ||
      (order.get(a.itemId)?.goal.number ?? 0) - (order.get(b.itemId)?.goal.number ?? 0) || (order.get(a.itemId)?.index ?? 0) - (order.get(b.itemId)?.index ?? 0);
  });
  for (const answer of answers) {
    const round = rounds.get(answer.roundId);
    const place = order.get(answer.itemId);
    if (!round || !place) continue;
    rows.push([
      file.centre.name,
      round.title,
      round.period,
      round.date,
      place.goal.number,
      place.goal.title[locale],
      `${String(place.goal.number)}.${String(place.index + 1)}`,
      answer.itemId,
      place.item.statement[locale],
      typeof answer.value === 'number' ? answer.value : null,
      answerText(answer.value, instrument, locale, labels),
      answer.note,
    ]);
  }
  return toCsv(rows);
}

/** One row per goal and round: mean (two decimals), coverage and the counts behind it, and the reflection. */
export function summaryCsv(file: ExportFile, instrument: Instrument, locale: Locale, labels: CsvLabels): string {
  const rows: CsvCell[][] = [[...labels.headers.summary]];
  const rounds = [...file.rounds].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const round of rounds) {
    const scores = scoreRound(
      instrument,
      answersByItem(file.answers.filter((answer) => answer.roundId === round.id)),
      reflectionsByGoal(file.reflections.filter((reflection) => reflection.roundId === round.id)),
    );
    instrument.goals.forEach((goal, index) => {
      const score = scores.goals[index];
      if (!score) return;
      rows.push([
        file.centre.name,
        round.title,
        round.period,
        round.date,
        goal.number,
        goal.title[locale],
        // Always two decimals, as Excel users expect from a mean: "3,00", not "3".
        score.mean === null ? null : formatDecimal(score.mean),
        score.rated,
        score.applicable,
        score.coverage === null ? null : Math.round(score.coverage * 100),
        score.dontKnow,
        score.notRelevant,
        score.unanswered,
        score.skipped ? labels.yes : labels.no,
        score.note,
      ]);
    });
  }
  return toCsv(rows);
}
