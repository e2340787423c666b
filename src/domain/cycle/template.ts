import * as v from 'valibot';
import { reasonOf, type FieldReason } from '../fieldReason';
import { issuePath } from '../issuePath';
import type { LocalizedText } from '../types';

/**
 * The written check-in "i mall" (seed 002) as data: which sections it has, in which order, under
 * which headings. The city's own template is not in the seeds, so ours is a default that a network
 * can replace with its own file; the section ids are what the app knows how to fill, the headings
 * and their order are the network's. A sealed check-in carries the template it was written in, so
 * it reprints with the same headings after the network changes its template.
 */

export const OVERALL_SECTIONS = ['summary', 'stage', 'participants'] as const;
export type OverallSectionId = (typeof OVERALL_SECTIONS)[number];

export const GOAL_SECTIONS = ['since-last', 'where-we-stand', 'reflection', 'next-steps', 'targets', 'own-statements'] as const;
export type GoalSectionId = (typeof GOAL_SECTIONS)[number];

export interface TemplateSection<Id extends string> {
  readonly id: Id;
  readonly heading: LocalizedText;
  /** A line under the heading that says what goes there (what the network asks). */
  readonly prompt?: LocalizedText;
}

export interface CheckInTemplate {
  readonly id: string;
  readonly version: string;
  readonly title: LocalizedText;
  readonly overall: readonly TemplateSection<OverallSectionId>[];
  readonly perGoal: readonly TemplateSection<GoalSectionId>[];
}

const text = (sv: string, en: string): LocalizedText => ({ sv, en });

export const DEFAULT_CHECK_IN_TEMPLATE: CheckInTemplate = {
  id: 'familjecentral-avstamning',
  version: '1.0.0',
  title: text('Skriftlig avstämning', 'Written check-in'),
  overall: [
    { id: 'summary', heading: text('Sammanfattning', 'Summary'), prompt: text('Resultat per mål och förändring sedan förra avstämningen.', 'Results per goal and the change since the last check-in.') },
    { id: 'stage', heading: text('Steg på vägen mot familjecentral', 'Stage on the path to a family centre'), prompt: text('Var vi står nu och vid förra avstämningen.', 'Where we stand now and at the last check-in.') },
    { id: 'participants', heading: text('Vilka som deltog', 'Who took part'), prompt: text('Verksamheter och roller i arbetsgruppen.', 'Services and roles in the working group.') },
  ],
  perGoal: [
    { id: 'since-last', heading: text('Vad vi har gjort sedan förra avstämningen', 'What we did since the last check-in'), prompt: text('Åtgärder som är klara, påbörjade eller avbrutna sedan dess.', 'Actions done, started or dropped since then.') },
    { id: 'where-we-stand', heading: text('Var vi står', 'Where we stand') },
    { id: 'reflection', heading: text('Reflektion', 'Reflection') },
    { id: 'next-steps', heading: text('Nästa steg', 'Next steps'), prompt: text('Öppna åtgärder: vem gör vad och när.', 'Open actions: who does what, and when.') },
    { id: 'targets', heading: text('Lokala delmål och målnivåer', 'Local sub-goals and targets') },
    { id: 'own-statements', heading: text('Egna påståenden', 'Own statements') },
  ],
};

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(500));
const localizedText = v.strictObject({ sv: nonEmpty, en: nonEmpty });

function sectionsSchema<const Ids extends readonly [string, ...string[]]>(ids: Ids) {
  return v.pipe(
    v.array(v.strictObject({ id: v.picklist(ids), heading: localizedText, prompt: v.exactOptional(localizedText) })),
    v.minLength(1),
    v.check((sections) => new Set(sections.map((s) => s.id)).size === sections.length, 'a section appears only once'),
  );
}

export const CheckInTemplateSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'id')),
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'version')),
  title: localizedText,
  overall: sectionsSchema(OVERALL_SECTIONS),
  perGoal: sectionsSchema(GOAL_SECTIONS),
});

export interface TemplateProblem {
  readonly path: string;
  readonly message: string;
  readonly reason: FieldReason;
}

export type TemplateCheck = { ok: true; template: CheckInTemplate } | { ok: false; problems: TemplateProblem[] };

/** Validates a network's template file; every problem is named with its place in the file. */
export function checkCheckInTemplate(data: unknown): TemplateCheck {
  const result = v.safeParse(CheckInTemplateSchema, data);
  if (result.success) return { ok: true, template: result.output };
  return { ok: false, problems: result.issues.slice(0, 50).map((issue) => ({ path: issuePath(issue.path), message: issue.message, reason: reasonOf(issue) })) };
}

export function overallSection(template: CheckInTemplate, id: OverallSectionId): TemplateSection<OverallSectionId> | undefined {
  return template.overall.find((section) => section.id === id);
}

export function goalSection(template: CheckInTemplate, id: GoalSectionId): TemplateSection<GoalSectionId> | undefined {
  return template.perGoal.find((section) => section.id === id);
}
