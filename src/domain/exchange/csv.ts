import { findInstrument, roundInstrumentRef } from '../instruments';
import { scoreLocalGoal } from '../localItems';
import { scoreRound } from '../scoring';
import { answersByItem, reflectionsByGoal } from '../progress';
import { groupByRound } from '../records';
import type { AnswerValue, Instrument, InstrumentGoal, Locale } from '../types';
import type { ExportFile } from './format';

/**
 * CSV for Swedish Excel: UTF-8 with a byte-order mark (so Excel reads å ä ö), semicolons between
 * fields, decimal comma, CRLF line ends. Text that Excel would run as a formula is prefixed with an
 * apostrophe, so a note that starts with "=" stays a note.
 */

/**
 * One way to write a number in every CSV of the app: a count, a level or a per cent as it is ("12"),
 * a mean or a change always with two decimals and a decimal comma ("3,00" beside "3,75", "-0,25"),
 * through `decimal`, so that a column never mixes "3" and "3,75".
 */
export type CsvCell = string | number | null | CsvDecimal;

export interface CsvDecimal {
  readonly decimal: number;
}

/** A mean or a change: written with two decimals whatever its value; null stays an empty cell. */
export function decimal(value: number | null | undefined): CsvDecimal | null {
  return value === null || value === undefined ? null : { decimal: value };
}

const BOM = '\uFEFF';

export function formatDecimal(value: number, fractionDigits = 2): string {
  return value.toFixed(fractionDigits).replace('.', ',');
}

function cell(value: CsvCell): string {
  if (value === null) return '';
  // A number is never a formula: only text is guarded, so "-0,25" stays a number in Excel.
  if (typeof value === 'object') return formatDecimal(value.decimal);
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
  /** Marks the group's own items and their scores, which are not part of the common instrument. */
  readonly own: string;
}

function answerText(value: AnswerValue | null, instrument: Instrument, locale: Locale, labels: CsvLabels): string {
  if (value === null) return '';
  if (value === 'dont-know') return labels.dontKnow;
  if (value === 'not-relevant') return labels.notRelevant;
  return instrument.scale.levels.find((level) => level.value === value)?.label[locale] ?? '';
}

interface ItemPlace {
  readonly goal: InstrumentGoal;
  /** Position within the goal; own items come after the common ones. */
  readonly index: number;
  readonly number: string;
  readonly text: string;
}

/** Where each item of a round's instrument, and each of the centre's own items, sits. */
function placesFor(instrument: Instrument, file: ExportFile, locale: Locale, labels: CsvLabels): Map<string, ItemPlace> {
  const places = new Map<string, ItemPlace>();
  for (const goal of instrument.goals) {
    goal.items.forEach((item, index) => {
      places.set(item.id, { goal, index, number: `${String(goal.number)}.${String(index + 1)}`, text: item.statement[locale] });
    });
    file.localItems
      .filter((item) => item.goalId === goal.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .forEach((item, index) => {
        places.set(item.id, { goal, index: goal.items.length + index, number: `${String(goal.number)}.${labels.own}${String(index + 1)}`, text: item.text });
      });
  }
  return places;
}

/**
 * One row per answer: where it belongs, the rating as a number and in words, and the note. Each
 * round is read with the instrument version it was answered with; own items are marked in the number.
 */
export function answersCsv(file: ExportFile, instruments: readonly Instrument[], locale: Locale, labels: CsvLabels): string {
  const rows: CsvCell[][] = [[...labels.headers.answers]];
  const known = [...instruments, ...file.instrumentDefinitions];
  const rounds = [...file.rounds].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const answersOf = groupByRound(file.answers);
  for (const round of rounds) {
    const instrument = findInstrument(known, roundInstrumentRef(round));
    if (!instrument) continue;
    const places = placesFor(instrument, file, locale, labels);
    const answers = (answersOf.get(round.id) ?? [])
      .filter((answer) => places.has(answer.itemId))
      .sort((a, b) => {
        const pa = places.get(a.itemId);
        const pb = places.get(b.itemId);
        return (pa?.goal.number ?? 0) - (pb?.goal.number ?? 0) || (pa?.index ?? 0) - (pb?.index ?? 0);
      });
    for (const answer of answers) {
      const place = places.get(answer.itemId);
      if (!place) continue;
      rows.push([
        file.centre.name,
        round.title,
        round.period,
        round.date,
        place.goal.number,
        place.goal.title[locale],
        place.number,
        answer.itemId,
        place.text,
        typeof answer.value === 'number' ? answer.value : null,
        answerText(answer.value, instrument, locale, labels),
        answer.note,
      ]);
    }
  }
  return toCsv(rows);
}

/**
 * One row per goal and round: mean (two decimals), coverage and the counts behind it, and the
 * reflection. A goal with own items gets a second row for them, marked, since they are scored apart.
 */
export function summaryCsv(file: ExportFile, instruments: readonly Instrument[], locale: Locale, labels: CsvLabels): string {
  const rows: CsvCell[][] = [[...labels.headers.summary]];
  const known = [...instruments, ...file.instrumentDefinitions];
  const rounds = [...file.rounds].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const answersOf = groupByRound(file.answers);
  const reflectionsOf = groupByRound(file.reflections);
  for (const round of rounds) {
    const instrument = findInstrument(known, roundInstrumentRef(round));
    if (!instrument) continue;
    const answers = answersByItem(answersOf.get(round.id) ?? []);
    const reflections = reflectionsByGoal(reflectionsOf.get(round.id) ?? []);
    const scores = scoreRound(instrument, answers, reflections);
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
        decimal(score.mean),
        score.rated,
        score.applicable,
        score.coverage === null ? null : Math.round(score.coverage * 100),
        score.dontKnow,
        score.notRelevant,
        score.unanswered,
        score.skipped ? labels.yes : labels.no,
        score.note,
      ]);
      const own = scoreLocalGoal(goal.id, file.localItems, answers, reflections, round);
      if (own.total === 0) return;
      rows.push([
        file.centre.name,
        round.title,
        round.period,
        round.date,
        `${String(goal.number)} ${labels.own}`,
        goal.title[locale],
        decimal(own.mean),
        own.rated,
        own.applicable,
        own.coverage === null ? null : Math.round(own.coverage * 100),
        own.dontKnow,
        own.notRelevant,
        own.unanswered,
        own.skipped ? labels.yes : labels.no,
        '',
      ]);
    });
  }
  return toCsv(rows);
}
