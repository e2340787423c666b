import { findInstrument, roundInstrumentRef } from '../instruments';
import { normalizePeriod, termStart } from '../period';
import { series, type Series } from '../comparison';
import { styledLineDataset, type BarDataset, type ChartDataSpec, type LineLikeDataset } from '../charts';
import { styleOf, type CentreStyle } from '../centreStyles';
import { answersByItem, reflectionsByGoal } from '../progress';
import { scoreRound, type RoundScores } from '../scoring';
import { roundPathProfile, type PathProfile, type StepStatus } from '../path';
import type { Answer, GoalReflection, Instrument } from '../types';
import { decimal, toCsv, type CsvCell } from './csv';
import type { ExportFile, ExportedCentre, ExportedRound } from './format';

/**
 * The coordinator's comparison of centres from imported export files. Each centre is compared with
 * its own earlier periods first (over time), not ranked: rows are ordered by name unless a sort by a
 * score is chosen. Everything is scored once per workspace; choosing a period or a sort only picks
 * from that, so 50 centres × 10 rounds stay fast.
 */

/** What the comparison needs of a workspace entry: the file, and where it came from. */
export interface CentreSource {
  readonly file: ExportFile;
  readonly fileName?: string;
  readonly importedAt?: string;
}

export interface Provenance {
  readonly fileName: string;
  readonly exportedAt: string;
  readonly appVersion: string;
  readonly importedAt: string;
}

export interface ScoredCentreRound {
  readonly roundId: string;
  readonly title: string;
  readonly date: string;
  /** The period as compared: "VT 2026" and "vt2026" are the same period. */
  readonly period: string;
  readonly scores: RoundScores;
  /** Seed 002's four steps, read with the rules of the round's own instrument version. */
  readonly profile: PathProfile;
  /** The version the round was answered with: its statements name the profile's evidence. */
  readonly instrument: Instrument;
  /** Not yet marked complete: shown as such, and compared only when the coordinator chooses so. */
  readonly inProgress: boolean;
}

export interface ScoredCentre {
  readonly centreId: string;
  readonly centre: ExportedCentre;
  readonly provenance: Provenance;
  /** Every round, oldest first. */
  readonly rounds: readonly ScoredCentreRound[];
  /** Period → the round compared for it (the newest by date when there are several). */
  readonly byPeriod: ReadonlyMap<string, ScoredCentreRound>;
  /** Period → how many rounds the centre has in it. */
  readonly roundsPerPeriod: ReadonlyMap<string, number>;
  /** Period → the newest round in progress that is left out of the comparison. */
  readonly pendingByPeriod: ReadonlyMap<string, ScoredCentreRound>;
}

export interface CompareOptions {
  /** Rounds not yet complete count in comparisons too ("Ta med pågående omgångar"); off by default. */
  readonly includeInProgress?: boolean;
}

export interface PeriodOption {
  readonly period: string;
  /** How many centres have a round in the period. */
  readonly centres: number;
}

export interface CentreRow {
  readonly centreId: string;
  readonly name: string;
  readonly municipality: string;
  readonly district: string;
  readonly provenance: Provenance;
  /** The compared round of the chosen period; null when the centre has none in it. */
  readonly round: ScoredCentreRound | null;
  /** Rounds of the centre in the period; more than 1 means only the newest is compared. */
  readonly roundsInPeriod: number;
  /** A newer round of the period still in progress, left out of the comparison. */
  readonly pending: ScoredCentreRound | null;
  /** The centre's round in the nearest earlier period it has one in, for the change over time. */
  readonly previous: ScoredCentreRound | null;
}

export type CentreMeasure = { readonly kind: 'overall' } | { readonly kind: 'goal'; readonly goalId: string };

export type CentreSort =
  | { readonly by: 'name' }
  | { readonly by: 'score'; readonly measure: CentreMeasure; readonly direction: 'asc' | 'desc' };

export const NAME_SORT: CentreSort = { by: 'name' };

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** Rounds' answers and reflections, grouped by round in one pass over the file. */
function groupByRound<T extends { roundId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.roundId);
    if (group) group.push(record);
    else groups.set(record.roundId, [record]);
  }
  return groups;
}

function byDate(a: Pick<ExportedRound, 'date' | 'id'>, b: Pick<ExportedRound, 'date' | 'id'>): number {
  return a.date.localeCompare(b.date) || a.id.localeCompare(b.id);
}

/**
 * Scores each round with the instrument version it was answered with: one the device holds, or one
 * the file carries. Goals line up across centres and versions by id; a centre's own items never
 * count (they are not part of any instrument), so centres stay comparable.
 */
export function scoreCentre(source: CentreSource, instruments: readonly Instrument[], options: CompareOptions = {}): ScoredCentre {
  const { file } = source;
  const known = [...instruments, ...file.instrumentDefinitions];
  const answers = groupByRound<Answer>(file.answers);
  const reflections = groupByRound<GoalReflection>(file.reflections);
  const rounds = [...file.rounds].sort(byDate).flatMap((round): ScoredCentreRound[] => {
    const instrument = findInstrument(known, roundInstrumentRef(round));
    if (!instrument) return [];
    const scores = scoreRound(instrument, answersByItem(answers.get(round.id) ?? []), reflectionsByGoal(reflections.get(round.id) ?? []));
    return [{
      roundId: round.id,
      title: round.title,
      date: round.date,
      period: normalizePeriod(round.period),
      scores,
      profile: roundPathProfile(file.centre, scores, instrument),
      instrument,
      inProgress: round.status !== 'complete',
    }];
  });
  return {
    ...indexByPeriod(rounds, options),
    centreId: file.centre.id,
    centre: file.centre,
    provenance: {
      fileName: source.fileName ?? '',
      exportedAt: file.exportedAt,
      appVersion: file.app.version,
      importedAt: source.importedAt ?? '',
    },
    rounds,
  };
}

/** Which round each period compares, given the rounds oldest first. */
function indexByPeriod(rounds: readonly ScoredCentreRound[], options: CompareOptions): Pick<ScoredCentre, 'byPeriod' | 'roundsPerPeriod' | 'pendingByPeriod'> {
  const byPeriod = new Map<string, ScoredCentreRound>();
  const roundsPerPeriod = new Map<string, number>();
  const pendingByPeriod = new Map<string, ScoredCentreRound>();
  // Oldest first, so the newest round of a period is the one left in the map.
  for (const round of rounds) {
    if (round.inProgress && options.includeInProgress !== true) {
      pendingByPeriod.set(round.period, round);
      continue;
    }
    byPeriod.set(round.period, round);
    roundsPerPeriod.set(round.period, (roundsPerPeriod.get(round.period) ?? 0) + 1);
    // Only a round in progress newer than the compared one is worth a mark.
    pendingByPeriod.delete(round.period);
  }
  return { byPeriod, roundsPerPeriod, pendingByPeriod };
}

/** The same scored centre with in-progress rounds counted or not; nothing is scored again. */
export function withCompareOptions(centre: ScoredCentre, options: CompareOptions): ScoredCentre {
  return { ...centre, ...indexByPeriod(centre.rounds, options) };
}

/** Scores every centre once, ordered by name (Swedish collation). */
export function scoreCentres(sources: readonly CentreSource[], instruments: readonly Instrument[], options: CompareOptions = {}): ScoredCentre[] {
  return sources.map((source) => scoreCentre(source, instruments, options)).sort(compareCentreNames);
}

/** The order of scored centres: by name (Swedish collation), then by id. */
export function compareCentreNames(a: ScoredCentre, b: ScoredCentre): number {
  return collator.compare(a.centre.name, b.centre.name) || a.centreId.localeCompare(b.centreId);
}

/**
 * Every period across the files, oldest first: "VT yyyy" before "HT yyyy" of the same year;
 * other texts are placed by the earliest date of a round in them.
 */
export function listPeriods(centres: readonly ScoredCentre[]): PeriodOption[] {
  const found = new Map<string, { earliest: string; centres: number }>();
  for (const centre of centres) {
    // A period with only a round in progress is listed too, so that the round can be shown as such.
    const counts = new Map(centre.roundsPerPeriod);
    for (const period of centre.pendingByPeriod.keys()) if (!counts.has(period)) counts.set(period, 0);
    for (const [period, count] of counts) {
      // Rounds are oldest first, so the first of the period is its earliest.
      const earliest = centre.rounds.find((round) => round.period === period)?.date ?? '';
      const known = found.get(period);
      const counted = count > 0 ? 1 : 0;
      found.set(period, known
        ? { earliest: earliest < known.earliest ? earliest : known.earliest, centres: known.centres + counted }
        : { earliest, centres: counted });
    }
  }
  const keyOf = (period: string, earliest: string) => termStart(period) ?? earliest;
  return [...found]
    .sort(([a, infoA], [b, infoB]) => keyOf(a, infoA.earliest).localeCompare(keyOf(b, infoB.earliest)) || collator.compare(a, b))
    .map(([period, info]) => ({ period, centres: info.centres }));
}

/** The newest period, the default choice; undefined for an empty workspace. */
export function newestPeriod(periods: readonly PeriodOption[]): string | undefined {
  return periods[periods.length - 1]?.period;
}

/** One row per centre for the chosen period, by name. `periods` (oldest first) sets what "earlier" means. */
export function centreRows(centres: readonly ScoredCentre[], period: string, periods: readonly PeriodOption[]): CentreRow[] {
  const order = periods.map((option) => option.period);
  const at = order.indexOf(period);
  const earlier = at > 0 ? order.slice(0, at).reverse() : [];
  return centres.map((centre) => {
    let previous: ScoredCentreRound | null = null;
    for (const candidate of earlier) {
      const round = centre.byPeriod.get(candidate);
      if (round) {
        previous = round;
        break;
      }
    }
    return {
      centreId: centre.centreId,
      name: centre.centre.name,
      municipality: centre.centre.municipality,
      district: centre.centre.district,
      provenance: centre.provenance,
      round: centre.byPeriod.get(period) ?? null,
      roundsInPeriod: centre.roundsPerPeriod.get(period) ?? 0,
      pending: centre.pendingByPeriod.get(period) ?? null,
      previous,
    };
  });
}

export function measureOf(scores: RoundScores | null | undefined, measure: CentreMeasure): number | null {
  if (!scores) return null;
  if (measure.kind === 'overall') return scores.overall;
  return scores.goals.find((goal) => goal.goalId === measure.goalId)?.mean ?? null;
}

/** The change of a measure since the centre's previous period; null when either has no score. */
export function changeSincePrevious(row: CentreRow, measure: CentreMeasure = { kind: 'overall' }): number | null {
  const now = measureOf(row.round?.scores, measure);
  const before = measureOf(row.previous?.scores, measure);
  if (now === null || before === null) return null;
  const difference = now - before;
  return Math.abs(difference) < 1e-9 ? 0 : difference;
}

/** By name (Swedish collation) unless a score is chosen; rows without that score always come last. */
export function sortCentreRows<T extends CentreRow>(rows: readonly T[], sort: CentreSort = NAME_SORT): T[] {
  const byName = (a: T, b: T) => collator.compare(a.name, b.name) || a.centreId.localeCompare(b.centreId);
  if (sort.by === 'name') return [...rows].sort(byName);
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = measureOf(a.round?.scores, sort.measure);
    const vb = measureOf(b.round?.scores, sort.measure);
    if (va === null || vb === null) return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || byName(a, b);
    return sign * (va - vb) || byName(a, b);
  });
}

export interface CentreTimeline {
  readonly centreId: string;
  readonly name: string;
  /** One value per period (oldest first), with the change between the two newest. */
  readonly series: Series;
}

/** Each centre's measure over every period: its development over time. */
export function centreTimelines(centres: readonly ScoredCentre[], periods: readonly PeriodOption[], measure: CentreMeasure): CentreTimeline[] {
  return centres.map((centre) => ({
    centreId: centre.centreId,
    name: centre.centre.name,
    series: series(periods.map((option) => measureOf(centre.byPeriod.get(option.period)?.scores, measure))),
  }));
}

/** Goals on the x axis, one bar per centre. */
export function centreBarData(
  rows: readonly CentreRow[],
  instrument: Instrument,
  goalLabels: readonly string[],
  styles: ReadonlyMap<string, CentreStyle>,
): ChartDataSpec<BarDataset> {
  return {
    labels: [...goalLabels],
    datasets: rows.map((row) => {
      const style = styleOf(styles, row.centreId);
      return {
        label: row.name,
        data: instrument.goals.map((goal) => measureOf(row.round?.scores, { kind: 'goal', goalId: goal.id })),
        backgroundColor: style.color,
        borderColor: '#ffffff',
        borderWidth: 1,
        pointStyle: style.pointStyle,
      };
    }),
  };
}

/** One axis per goal, one polygon per centre. */
export function centreRadarData(
  rows: readonly CentreRow[],
  instrument: Instrument,
  goalLabels: readonly string[],
  styles: ReadonlyMap<string, CentreStyle>,
): ChartDataSpec<LineLikeDataset> {
  return {
    labels: [...goalLabels],
    datasets: rows.map((row) =>
      styledLineDataset(
        row.name,
        instrument.goals.map((goal) => measureOf(row.round?.scores, { kind: 'goal', goalId: goal.id })),
        styleOf(styles, row.centreId),
        true,
      ),
    ),
  };
}

/** Periods on the x axis (oldest first), one line per centre. */
export function centreTrendData(
  timelines: readonly CentreTimeline[],
  periodLabels: readonly string[],
  styles: ReadonlyMap<string, CentreStyle>,
): ChartDataSpec<LineLikeDataset> {
  return {
    labels: [...periodLabels],
    datasets: timelines.map((timeline) => styledLineDataset(timeline.name, [...timeline.series.values], styleOf(styles, timeline.centreId), false)),
  };
}

const PATH_STEPS = [1, 2, 3, 4] as const;

export interface CentreCsvLabels {
  readonly centre: string;
  readonly municipality: string;
  readonly district: string;
  readonly period: string;
  readonly round: string;
  readonly date: string;
  /** One header per goal of the instrument, in its order. */
  readonly goals: readonly string[];
  readonly overall: string;
  readonly change: string;
  readonly rated: string;
  readonly applicable: string;
  readonly coverage: string;
  /** One header per step of the path profile, step 1 first. */
  readonly steps: readonly string[];
  /** A step's status in words: a cell says "taken", never a symbol or a number. */
  readonly stepStatus: Readonly<Record<StepStatus, string>>;
  readonly fileName: string;
  readonly exportedAt: string;
  readonly appVersion: string;
  /** Put after a round's title when the round is still in progress (included only on request). */
  readonly inProgress: string;
}

/**
 * The comparison table as CSV for Swedish Excel (see csv.ts): one row per centre in the order shown,
 * means and changes with two decimals (csv.ts: `decimal`), coverage in per cent, and seed 002's four steps as four columns, each
 * with its status in words (taken / on the way / not yet / not assessed). There is no single stage
 * number: the steps can be taken in any order, so one number would claim an order the seed does not.
 */
export function centreTableCsv(rows: readonly CentreRow[], period: string, instrument: Instrument, labels: CentreCsvLabels): string {
  const header: CsvCell[] = [
    labels.centre,
    labels.municipality,
    labels.district,
    labels.period,
    labels.round,
    labels.date,
    ...instrument.goals.map((goal, index) => labels.goals[index] ?? goal.id),
    labels.overall,
    labels.change,
    labels.rated,
    labels.applicable,
    labels.coverage,
    ...PATH_STEPS.map((step, index) => labels.steps[index] ?? String(step)),
    labels.fileName,
    labels.exportedAt,
    labels.appVersion,
  ];
  const body = rows.map((row): CsvCell[] => {
    const round = row.round;
    const scores = round?.scores;
    const coverage = scores && scores.applicable > 0 ? Math.round((scores.rated / scores.applicable) * 100) : null;
    return [
      row.name,
      row.municipality,
      row.district,
      period,
      // A round in progress is only here when the coordinator chose so, and says so in its cell.
      round ? (round.inProgress ? `${round.title} (${labels.inProgress})` : round.title) : null,
      round?.date ?? null,
      ...instrument.goals.map((goal) => decimal(measureOf(scores, { kind: 'goal', goalId: goal.id }))),
      decimal(scores?.overall),
      decimal(changeSincePrevious(row)),
      scores ? scores.rated : null,
      scores ? scores.applicable : null,
      coverage,
      ...PATH_STEPS.map((step) => {
        const found = round?.profile.steps.find((candidate) => candidate.step === step);
        return found ? labels.stepStatus[found.status] : null;
      }),
      row.provenance.fileName,
      row.provenance.exportedAt,
      row.provenance.appVersion,
    ];
  });
  return toCsv([header, ...body]);
}
