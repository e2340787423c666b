import * as v from 'valibot';
import { reasonOf, type FieldReason } from './fieldReason';
import { decodeFileBytes, jsonErrorPlace } from './fileText';
import { issuePath } from './issuePath';
import { BASE_SERVICES, CO_LOCATION, type Instrument, type InstrumentGoal, type InstrumentItem, type Locale, type LocalizedText } from './types';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const ID_MESSAGE = 'must be lowercase letters, digits and hyphens';
const VERSION_MESSAGE = 'must be a version such as 1.0.0';

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const localizedText = v.strictObject({ sv: nonEmpty, en: nonEmpty });
const stableId = v.pipe(v.string(), v.regex(ID_PATTERN, ID_MESSAGE));

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

const coLocationSchema = v.picklist(CO_LOCATION);
const evidenceSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('services'), services: v.pipe(v.array(v.picklist(BASE_SERVICES)), v.minLength(1)), reason: localizedText }),
  v.strictObject({ kind: v.literal('placement'), taken: v.array(coLocationSchema), onTheWay: v.array(coLocationSchema), reason: localizedText }),
  v.strictObject({ kind: v.literal('statements'), goalId: stableId, items: v.pipe(v.array(stableId), v.minLength(1)), reason: localizedText }),
]);
const thresholdSchema = v.strictObject({ level: v.number(), reason: localizedText });

// Optional: an instrument file without it (every file before 1.1.0) is read with our default rules.
const pathSchema = v.strictObject({
  rulesVersion: nonEmpty,
  thresholds: v.strictObject({ taken: thresholdSchema, onTheWay: thresholdSchema }),
  steps: v.array(
    v.strictObject({
      step: v.picklist([1, 2, 3, 4] as const),
      seed: localizedText,
      evidence: v.pipe(v.array(evidenceSchema), v.minLength(1, 'a step needs evidence')),
    }),
  ),
  placementChecks: v.array(
    v.strictObject({
      placement: coLocationSchema,
      itemId: stableId,
      below: v.exactOptional(v.number()),
      atLeast: v.exactOptional(v.number()),
      reason: localizedText,
    }),
  ),
});

// Strict like the export: a key the format does not have is refused, not silently dropped. `$schema`
// (the editor's pointer to public/schema/instrument-v1.schema.json) is the one extra allowed, and is not kept.
const instrumentSchema = v.strictObject({
  $schema: v.exactOptional(v.string()),
  id: stableId,
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, VERSION_MESSAGE)),
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
  path: v.exactOptional(pathSchema),
});

/**
 * The instrument file's schema and its parts under the names the published JSON Schema gives them:
 * scripts/jsonSchemas.ts generates public/schema/instrument-v1.schema.json from these.
 */
export const instrumentFileSchema = instrumentSchema;
export const instrumentSchemaParts = { stableId, localizedText, nonEmpty } as const;

/** What is wrong, for the UI to word: a field, or a rule across the file. */
export type InstrumentProblemKind = 'notText' | 'notJson' | 'field' | 'duplicateId' | 'duplicateNumber' | 'scaleOrder' | 'levelCount';

export interface InstrumentProblem {
  /** Where in the file, for example `goals[2].items[0].statement.sv`. */
  readonly path: string;
  /** For developers and logs (English); the UI words `kind` and `reason` instead. */
  readonly message: string;
  readonly kind: InstrumentProblemKind;
  /** For `field`: why the field is invalid. For the rules: the id, number or count involved. */
  readonly reason?: FieldReason;
  readonly detail?: string;
  /** For `notJson`: where in the text the JSON breaks (1-based). */
  readonly line?: number;
  readonly column?: number;
}


export class InstrumentError extends Error {
  constructor(readonly problems: readonly InstrumentProblem[]) {
    super(`Invalid instrument: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`);
    this.name = 'InstrumentError';
  }
}

function fieldProblem(issue: v.BaseIssue<unknown>): InstrumentProblem {
  const reason: FieldReason =
    issue.message === ID_MESSAGE ? { kind: 'format', format: 'id' } : issue.message === VERSION_MESSAGE ? { kind: 'format', format: 'version' } : reasonOf(issue);
  return { path: issuePath(issue.path), message: issue.message, kind: 'field', reason };
}

/** Rules the schema cannot express: ids unique across the file, descriptors matching the scale. */
function semanticProblems(instrument: Instrument): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  const seen = new Set<string>();
  const values = instrument.scale.levels.map((l) => l.value);
  values.forEach((value, i) => {
    if (i > 0 && value <= (values[i - 1] ?? value)) {
      problems.push({ path: `scale.levels[${String(i)}].value`, message: 'scale values must increase', kind: 'scaleOrder', detail: String(value) });
    }
  });
  const numbers = new Set<number>();
  instrument.goals.forEach((goal, g) => {
    if (numbers.has(goal.number)) problems.push({ path: `goals[${String(g)}].number`, message: `duplicate goal number ${String(goal.number)}`, kind: 'duplicateNumber', detail: String(goal.number) });
    numbers.add(goal.number);
    if (seen.has(goal.id)) problems.push({ path: `goals[${String(g)}].id`, message: `duplicate id "${goal.id}"`, kind: 'duplicateId', detail: goal.id });
    seen.add(goal.id);
    goal.items.forEach((item, i) => {
      const at = `goals[${String(g)}].items[${String(i)}]`;
      if (seen.has(item.id)) problems.push({ path: `${at}.id`, message: `duplicate id "${item.id}"`, kind: 'duplicateId', detail: item.id });
      seen.add(item.id);
      if (item.levels && item.levels.length !== values.length) {
        problems.push({
          path: `${at}.levels`,
          message: `expected ${String(values.length)} level descriptors, found ${String(item.levels.length)}`,
          kind: 'levelCount',
          detail: `${String(item.levels.length)}/${String(values.length)}`,
        });
      }
    });
  });
  return problems;
}

export type InstrumentCheck = { ok: true; instrument: Instrument } | { ok: false; problems: InstrumentProblem[] };

/** Validates unknown data as an instrument, returning every problem found instead of throwing. */
export function checkInstrument(data: unknown): InstrumentCheck {
  const result = v.safeParse(instrumentSchema, data);
  if (!result.success) {
    return { ok: false, problems: result.issues.map(fieldProblem) };
  }
  const { $schema: _schema, ...instrument } = result.output;
  const problems = semanticProblems(instrument);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, instrument };
}

/** Validates unknown data (a parsed instrument file) and returns it typed, or throws InstrumentError. */
export function parseInstrument(data: unknown): Instrument {
  const checked = checkInstrument(data);
  if (!checked.ok) throw new InstrumentError(checked.problems);
  return checked.instrument;
}

/** Checks instrument file text; text that is not JSON is a problem like any other. */
export function checkInstrumentText(text: string): InstrumentCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // The engine's message is English and differs per browser: the place is worked out instead.
    const place = jsonErrorPlace(text) ?? { line: 1, column: 1, atEnd: false };
    const at = `line ${String(place.line)}, column ${String(place.column)}`;
    return { ok: false, problems: [{ path: '', message: `not valid JSON at ${at}`, kind: 'notJson', detail: place.atEnd ? 'end' : 'character', line: place.line, column: place.column }] };
  }
  return checkInstrument(data);
}

/** Checks an instrument file's bytes: UTF-8, or UTF-16 with a byte-order mark, as for export files. */
export function checkInstrumentBytes(bytes: Uint8Array): InstrumentCheck {
  const decoded = decodeFileBytes(bytes);
  if (!decoded.ok) return { ok: false, problems: [{ path: '', message: 'not UTF-8 or UTF-16 text', kind: 'notText' }] };
  return checkInstrumentText(decoded.text);
}

/** Parses instrument file text, or throws InstrumentError. */
export function parseInstrumentText(text: string): Instrument {
  const checked = checkInstrumentText(text);
  if (!checked.ok) throw new InstrumentError(checked.problems);
  return checked.instrument;
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
