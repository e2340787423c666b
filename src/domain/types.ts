/**
 * The contract between the layers. Everything here is plain data: no Vue, no Dexie.
 * Instrument types describe the versioned instrument file; record types describe what a
 * working group stores (and, later, exports). Every stored record carries a UUID and `updatedAt`
 * so that exports from several devices can be merged.
 */

export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every supported language. */
export type LocalizedText = Readonly<Record<Locale, string>>;

export interface ScaleLevel {
  readonly value: number;
  readonly label: LocalizedText;
  readonly description: LocalizedText;
}

export interface InstrumentItem {
  readonly id: string;
  readonly statement: LocalizedText;
  readonly help?: LocalizedText;
  /** Item-specific descriptor per scale step, in scale order. */
  readonly levels?: readonly LocalizedText[];
}

export interface InstrumentGoal {
  readonly id: string;
  readonly number: number;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly items: readonly InstrumentItem[];
}

export interface Instrument {
  readonly id: string;
  readonly version: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly scale: { readonly levels: readonly ScaleLevel[] };
  readonly goals: readonly InstrumentGoal[];
  /** The rules of the path profile; without them our default rules (`DEFAULT_PATH_RULES`) apply. */
  readonly path?: PathRules;
}

/** A rating on the scale, or one of the two ways of not rating an item. */
export type AnswerValue = number | 'dont-know' | 'not-relevant';

export const BASE_SERVICES = ['bmm', 'bvc', 'openPreschool', 'socialServices'] as const;
export type BaseService = (typeof BASE_SERVICES)[number];

export const CO_LOCATION = ['co-located', 'near', 'separate'] as const;
export type CoLocation = (typeof CO_LOCATION)[number];

export interface Centre {
  readonly id: string;
  name: string;
  municipality: string;
  district: string;
  services: BaseService[];
  otherServices: string;
  coLocation: CoLocation;
  createdAt: string;
  updatedAt: string;
  /** Set while a deletion can still be undone; such records are hidden everywhere. */
  deletedAt?: string;
}

export interface Participant {
  readonly id: string;
  name: string;
  /** A base service, or free text for other actors and roles. */
  role: string;
}

export type RoundStatus = 'in-progress' | 'complete';

export interface RoundPosition {
  goalId: string;
  itemId?: string;
}

export interface Round {
  readonly id: string;
  readonly centreId: string;
  title: string;
  /** ISO date (YYYY-MM-DD) of the meeting. */
  date: string;
  /** Free text such as "VT 2026" or "HT 2026". */
  period: string;
  participants: Participant[];
  instrumentId: string;
  instrumentVersion: string;
  status: RoundStatus;
  completedAt?: string;
  /** Where the group was last working, so that it can resume exactly there. */
  position?: RoundPosition;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

export interface Answer {
  readonly id: string;
  readonly roundId: string;
  readonly itemId: string;
  value: AnswerValue | null;
  note: string;
  updatedAt: string;
}

/** Per round and goal: the reflection note and whether the goal is relevant this round. */
export interface GoalReflection {
  readonly id: string;
  readonly roundId: string;
  readonly goalId: string;
  notRelevant: boolean;
  note: string;
  updatedAt: string;
}

export const ACTION_STATUSES = ['planned', 'ongoing', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * An action's status over time (src/domain/cycle/actionHistory.ts). A review in October records the
 * October status as a new entry instead of overwriting the May one, so "what was the status on the
 * day of the May hand-in?" has an answer, and the October check-in can say "ongoing → done".
 */
export interface ActionStatusChange {
  readonly status: ActionStatus;
  /** ISO timestamp of the change. */
  readonly at: string;
  /** The round in which the group recorded it (the review of a later round names that round). */
  readonly roundId: string;
}

export type ActionHistory = readonly ActionStatusChange[];

/** One action in a goal's action plan: what, who, by when, and how it is going. */
export interface ActionItem {
  readonly id: string;
  readonly centreId: string;
  /** The round the action was written in (or carried forward into). */
  readonly roundId: string;
  readonly goalId: string;
  what: string;
  /** A service or role. */
  who: string;
  /** ISO date, or '' when no date is set. */
  due: string;
  status: ActionStatus;
  /** The action of the previous round this one continues, when it was carried forward. */
  carriedFromId?: string;
  /**
   * Every status the action has had, oldest first, each with the round it was set in: a later
   * review adds an entry instead of rewriting what an earlier hand-in said (schema v7).
   */
  statusHistory: ActionHistory;
  createdAt: string;
  updatedAt: string;
}

/** One participant's own rating of an item, given before the group agrees on its consensus answer. */
export interface IndividualRating {
  readonly id: string;
  readonly roundId: string;
  readonly itemId: string;
  /** A participant of the round. */
  readonly participantId: string;
  value: AnswerValue | null;
  updatedAt: string;
}

/**
 * A statement a working group adds under a common goal, in its own words (seed 002: each district
 * makes the goals concrete). It belongs to the centre and is asked in every round from then on; its
 * answers are stored like any answer (the item id is the local item's UUID) but scored apart from
 * the common instrument, so that centres stay comparable.
 */
export interface LocalItem {
  readonly id: string;
  readonly centreId: string;
  readonly goalId: string;
  text: string;
  /** One descriptor per scale step, in scale order; empty when the group gave none. */
  levels: string[];
  /** No longer asked in new answers; rounds that answered it still show it. */
  retired: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The rules behind the path profile (src/domain/pathRules.ts): data, part of the instrument's optional `path` block. */
export type PathStepNumber = 1 | 2 | 3 | 4;

export type PathEvidenceRule =
  /** Base services that take part, from the centre's profile. */
  | { readonly kind: 'services'; readonly services: readonly BaseService[]; readonly reason: LocalizedText }
  /** Where the services are, from the centre's profile: `taken` places count fully, `onTheWay` places partly. */
  | { readonly kind: 'placement'; readonly taken: readonly CoLocation[]; readonly onTheWay: readonly CoLocation[]; readonly reason: LocalizedText }
  /** Named statements of one goal, read by the mean of those the group rated. */
  | { readonly kind: 'statements'; readonly goalId: string; readonly items: readonly string[]; readonly reason: LocalizedText };

export interface PathStepRule {
  readonly step: PathStepNumber;
  /** The seed's words for the step, quoted as they stand (Swedish) with a translation. */
  readonly seed: LocalizedText;
  readonly evidence: readonly PathEvidenceRule[];
}

export interface PathThreshold {
  readonly level: number;
  readonly reason: LocalizedText;
}

/** A goal-3 answer that contradicts the profile's placement: `placement` with the item rated below `below` or at least `atLeast`. */
export interface PlacementCheck {
  readonly placement: CoLocation;
  readonly itemId: string;
  readonly below?: number;
  readonly atLeast?: number;
  readonly reason: LocalizedText;
}

export interface PathRules {
  /** Names this set of rules; stored with the instrument version, it never changes once published. */
  readonly rulesVersion: string;
  readonly thresholds: { readonly taken: PathThreshold; readonly onTheWay: PathThreshold };
  readonly steps: readonly PathStepRule[];
  readonly placementChecks: readonly PlacementCheck[];
}
