import * as v from 'valibot';
import { issuePath } from './issuePath';
import type { Instrument, InstrumentGoal, InstrumentItem, Locale, LocalizedText } from './types';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const localizedText = v.strictObject({ sv: nonEmpty, en: nonEmpty });
const stableId = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be lowercase letters, digits and hyphens'));

const itemSchema = v.strictObject({
  id: stableId,
  statement: localizedText,
  help: v.exactOptional(localizedText),
  levels: v.exactOptional(v.array(localizedText)),
});

const goalSchema = v.strictObject({
  id: stableId,
  number: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: localizedText,
  description: localizedText,
  items: v.pipe(v.array(itemSchema), v.minLength(1, 'a goal needs at least one item')),
});

const instrumentSchema = v.object({
  id: stableId,
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0')),
  title: localizedText,
  description: localizedText,
  scale: v.strictObject({
    levels: v.pipe(
      v.array(
        v.strictObject({
          value: v.pipe(v.number(), v.integer()),
          label: localizedText,
          description: localizedText,
        }),
      ),
      v.minLength(2, 'a scale needs at least two levels'),
    ),
  }),
  goals: v.pipe(v.array(goalSchema), v.minLength(1, 'an instrument needs at least one goal')),
});

export interface InstrumentProblem {
  /** Where in the file, for example `goals[2].items[0].statement.sv`. */
  readonly path: string;
  readonly message: string;
}

export class InstrumentError extends Error {
  constructor(readonly problems: readonly InstrumentProblem[]) {
    super(`Invalid instrument: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`);
    this.name = 'InstrumentError';
  }
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return issuePath(issue.path);
}

/** Rules the schema cannot express: ids unique across the file, descriptors matching the scale. */
function semanticProblems(instrument: Instrument): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  const seen = new Set<string>();
  const values = instrument.scale.levels.map((l) => l.value);
  values.forEach((value, i) => {
    if (i > 0 && value <= (values[i - 1] ?? value)) {
      problems.push({ path: `scale.levels[${String(i)}].value`, message: 'scale values must increase' });
    }
  });
  const numbers = new Set<number>();
  instrument.goals.forEach((goal, g) => {
    if (numbers.has(goal.number)) problems.push({ path: `goals[${String(g)}].number`, message: `duplicate goal number ${String(goal.number)}` });
    numbers.add(goal.number);
    if (seen.has(goal.id)) problems.push({ path: `goals[${String(g)}].id`, message: `duplicate id "${goal.id}"` });
    seen.add(goal.id);
    goal.items.forEach((item, i) => {
      const at = `goals[${String(g)}].items[${String(i)}]`;
      if (seen.has(item.id)) problems.push({ path: `${at}.id`, message: `duplicate id "${item.id}"` });
      seen.add(item.id);
      if (item.levels && item.levels.length !== values.length) {
        problems.push({
          path: `${at}.levels`,
          message: `expected ${String(values.length)} level descriptors, found ${String(item.levels.length)}`,
        });
      }
    });
  });
  return problems;
}

/** Validates unknown data (a parsed instrument file) and returns it typed, or throws InstrumentError. */
export function parseInstrument(data: unknown): Instrument {
  const result = v.safeParse(instrumentSchema, data);
  if (!result.success) {
    throw new InstrumentError(result.issues.map((issue) => ({ path: pathOf(issue), message: issue.message })));
  }
  const instrument: Instrument = result.output;
  const problems = semanticProblems(instrument);
  if (problems.length > 0) throw new InstrumentError(problems);
  return instrument;
}

/** Parses instrument file text; a file that is not JSON gets the same kind of error. */
export function parseInstrumentText(text: string): Instrument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InstrumentError([{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
  }
  return parseInstrument(data);
}

export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

export function allItems(instrument: Instrument): InstrumentItem[] {
  return instrument.goals.flatMap((goal) => goal.items);
}

export function findGoal(instrument: Instrument, goalId: string): InstrumentGoal | undefined {
  return instrument.goals.find((goal) => goal.id === goalId);
}

export function goalOfItem(instrument: Instrument, itemId: string): InstrumentGoal | undefined {
  return instrument.goals.find((goal) => goal.items.some((item) => item.id === itemId));
}
