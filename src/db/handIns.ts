import { roundBefore } from '@/domain/actions';
import { changedAfterHandIn, type AfterHandIn } from '@/domain/cycle/changes';
import { buildCheckIn, type CheckInDocument } from '@/domain/cycle/checkIn';
import { findDeadline, suggestDeadline, type Deadline } from '@/domain/cycle/deadlines';
import { latestHandIn, nextSequence, sealHandIn as seal, type HandIn } from '@/domain/cycle/handIn';
import { buildProjectPlan, type ProjectPlanDocument } from '@/domain/cycle/projectPlan';
import { DEADLINES_SETTING, deadlinesInForce, TEMPLATE_SETTING, templateInForce } from '@/domain/cycle/settings';
import { buildYearlyReport, type SealedCheckIn, type YearlyReportDocument } from '@/domain/cycle/yearlyReport';
import { emptyProjectPlan, emptyYearlyReport } from '@/domain/cycle/editing';
import { actionsUpToRound } from '@/domain/cycle/roundChanges';
import { newId, nowIso } from '@/domain/ids';
import { findInstrument, roundInstrumentRef } from '@/domain/instruments';
import { rolesForNames } from '@/domain/privacy';
import { compareRoundsNewestFirst } from '@/domain/records';
import type { Instrument } from '@/domain/types';
import { db as defaultDb, type AppDatabase } from './database';
import { visible } from './visible';

/**
 * The intent methods of the cycle's hand-ins. A module of its own also because sealing needs the
 * check-in builder and SHA-256, which the first screen must not download: only the hand-in
 * store, which lazily loaded pages use, imports this. Removing hand-ins is the centre purge's
 * (deletions.ts), and src/db/sealed.ts refuses every other write to a stored one.
 */
export function createHandInRepository(db: AppDatabase) {
  // The settings table is read too: the network's template and deadlines are read where the document is built.
  const CHECK_IN_TABLES = [db.centres, db.rounds, db.answers, db.reflections, db.actions, db.localItems, db.instruments, db.handIns, db.projectPlans, db.settings];

  /**
   * The network's deadlines and check-in template as stored, read in the caller's transaction. Never
   * taken from a page's copy: one that had not loaded them yet would seal with the defaults.
   */
  async function cycleSettings() {
    const [deadlines, template] = await Promise.all([db.settings.get(DEADLINES_SETTING), db.settings.get(TEMPLATE_SETTING)]);
    return { deadlines: deadlinesInForce(deadlines?.value), template: templateInForce(template?.value) };
  }

  /**
   * What a round's check-in is built from, read as committed (call inside a transaction over
   * CHECK_IN_TABLES). `shipped` are the instruments that come with the app, which are not stored.
   */
  async function checkInOf(
    roundId: string,
    shipped: readonly Instrument[],
    asOf: string,
    handIns: readonly HandIn[],
  ): Promise<CheckInDocument | undefined> {
    const round = visible(await db.rounds.get(roundId));
    if (!round) return undefined;
    const centre = visible(await db.centres.get(round.centreId));
    if (!centre) return undefined;
    const installed = (await db.instruments.toArray()).map((entry) => entry.instrument);
    const instruments = [...shipped, ...installed];
    const instrument = findInstrument(instruments, roundInstrumentRef(round));
    if (!instrument) return undefined;
    const rounds = (await db.rounds.where('centreId').equals(centre.id).toArray()).filter((r) => !r.deletedAt);
    const before = roundBefore(rounds, roundId);
    const [answers, reflections, actions, localItems, plan, { template }] = await Promise.all([
      db.answers.where('roundId').equals(roundId).toArray(),
      db.reflections.where('roundId').equals(roundId).toArray(),
      db.actions.where('centreId').equals(centre.id).toArray(),
      db.localItems.where('centreId').equals(centre.id).toArray(),
      db.projectPlans.where({ centreId: centre.id, year: Number(round.date.slice(0, 4)) }).first(),
      cycleSettings(),
    ]);
    let previous: Parameters<typeof buildCheckIn>[0]['previous'];
    if (before) {
      const [prevAnswers, prevReflections] = await Promise.all([
        db.answers.where('roundId').equals(before.id).toArray(),
        db.reflections.where('roundId').equals(before.id).toArray(),
      ]);
      // "Since the last check-in" counts from the day it was handed in, when it was.
      const handedIn = latestHandIn(handIns, before.id);
      const prevInstrument = findInstrument(instruments, roundInstrumentRef(before));
      previous = {
        round: before,
        answers: prevAnswers,
        reflections: prevReflections,
        ...(prevInstrument ? { instrument: prevInstrument } : {}),
        ...(handedIn ? { since: handedIn.sealedAt } : {}),
      };
    }
    // The round's check-in is its own work: what later rounds did with its actions is theirs.
    const ordered = [...rounds].sort(compareRoundsNewestFirst);
    const later = new Set(ordered.slice(0, Math.max(0, ordered.findIndex((r) => r.id === roundId))).map((r) => r.id));
    return buildCheckIn({
      centre,
      round,
      answers,
      reflections,
      instrument,
      previous,
      // A "who" that names a participant is written as the role: the document names no one.
      actions: rolesForNames(actionsUpToRound(actions, later), rounds.flatMap((r) => r.participants)),
      localItems,
      // Sub-goals of a goal taken out of focus stay in the plan's draft but are not the plan's.
      ...(plan ? { targets: plan.targets.filter((target) => plan.goalsInFocus.includes(target.goalId)) } : {}),
      template,
      asOf,
    });
  }

  const PLAN_TABLES = [db.centres, db.rounds, db.answers, db.actions, db.localItems, db.instruments, db.handIns, db.projectPlans, db.yearlyReports, db.settings];

  /**
   * The centre's project plan for the year as a document, read against the newest round held by
   * the end of that year (its answers are "now"). The plan is read in the instrument of that round,
   * else in `current` (the one new rounds use). Call inside a transaction over PLAN_TABLES.
   */
  async function projectPlanOf(centreId: string, year: number, shipped: readonly Instrument[], current: Instrument | undefined, asOf: string): Promise<ProjectPlanDocument | undefined> {
    const centre = visible(await db.centres.get(centreId));
    if (!centre) return undefined;
    const installed = (await db.instruments.toArray()).map((entry) => entry.instrument);
    const all = await db.rounds.where('centreId').equals(centreId).toArray();
    const rounds = all.filter((r) => !r.deletedAt && Number(r.date.slice(0, 4)) <= year);
    const latest = [...rounds].sort(compareRoundsNewestFirst)[0];
    const instrument = (latest ? findInstrument([...shipped, ...installed], roundInstrumentRef(latest)) : undefined) ?? current;
    if (!instrument) return undefined;
    const [plan, actions, localItems, answers] = await Promise.all([
      db.projectPlans.where('[centreId+year]').equals([centreId, year]).first(),
      db.actions.where('centreId').equals(centreId).toArray(),
      db.localItems.where('centreId').equals(centreId).toArray(),
      latest ? db.answers.where('roundId').equals(latest.id).toArray() : Promise.resolve([]),
    ]);
    return buildProjectPlan({
      centre,
      plan: plan ?? emptyProjectPlan(newId(), centreId, year, asOf),
      instrument,
      localItems,
      // A "who" that names a participant is written as the role: the document names no one.
      actions: rolesForNames(actions, all.flatMap((r) => r.participants)),
      ...(latest ? { latest: { roundId: latest.id, title: latest.title, date: latest.date, answers: new Map(answers.map((a) => [a.itemId, a])) } } : {}),
      asOf,
    });
  }

  /** The yearly report with the year's sealed check-ins as its columns. Call inside a transaction over PLAN_TABLES. */
  async function yearlyReportOf(centreId: string, year: number, current: Instrument | undefined, asOf: string): Promise<YearlyReportDocument | undefined> {
    const centre = visible(await db.centres.get(centreId));
    if (!centre || !current) return undefined;
    const [stored, handIns, rounds] = await Promise.all([
      db.yearlyReports.where('[centreId+year]').equals([centreId, year]).first(),
      db.handIns.where('centreId').equals(centreId).toArray(),
      db.rounds.where('centreId').equals(centreId).toArray(),
    ]);
    // A "who" of next year's actions that names a participant is written as the role: the document names no one.
    const report = stored && { ...stored, nextYear: { ...stored.nextYear, actions: rolesForNames(stored.nextYear.actions, rounds.flatMap((r) => r.participants)) } };
    const checkIns = handIns.flatMap((handIn): SealedCheckIn[] =>
      handIn.year === year && handIn.document.kind === 'check-in'
        ? [{ id: handIn.id, deadlineId: handIn.deadlineId, sealedAt: handIn.sealedAt, hash: handIn.hash, document: handIn.document }]
        : [],
    );
    return buildYearlyReport({ centre, report: report ?? emptyYearlyReport(newId(), centreId, year, asOf), instrument: current, checkIns });
  }

  /** The first deadline of a kind: a network that splits one into two names the one to use. */
  function deadlineOfKind(deadlines: readonly Deadline[], kind: Deadline['kind'], deadlineId?: string): Deadline {
    const deadline = deadlineId ? findDeadline(deadlineId, deadlines) : deadlines.find((d) => d.kind === kind);
    if (deadline?.kind !== kind) throw new RangeError(`no ${kind} deadline${deadlineId ? ` ${deadlineId}` : ''}`);
    return deadline;
  }

  return {
    /** A centre's hand-ins, oldest first. */
    async listHandIns(centreId: string): Promise<HandIn[]> {
      const handIns = await db.handIns.where('centreId').equals(centreId).toArray();
      return handIns.sort((a, b) => a.sealedAt.localeCompare(b.sealedAt) || a.sequence - b.sequence);
    },

    async getHandIn(id: string): Promise<HandIn | undefined> {
      return db.handIns.get(id);
    },

    /**
     * For every round of the centre that has been handed in, what its check-in says now against
     * its newest hand-in ("ändrad efter inlämning" when they differ). One read of committed data.
     */
    async changesAfterHandIns(centreId: string, shipped: readonly Instrument[], now: string = nowIso()): Promise<Map<string, AfterHandIn>> {
      return db.transaction('r', CHECK_IN_TABLES, async () => {
        const handIns = await db.handIns.where('centreId').equals(centreId).toArray();
        const changes = new Map<string, AfterHandIn>();
        for (const roundId of new Set(handIns.map((handIn) => handIn.roundId).filter((id): id is string => id !== undefined))) {
          const last = latestHandIn(handIns, roundId);
          const current = await checkInOf(roundId, shipped, now, handIns);
          if (last && current) changes.set(roundId, changedAfterHandIn(current, last));
        }
        return changes;
      });
    },

    /** The round's check-in as it reads now from what is stored (to compare with its last hand-in). */
    async currentCheckIn(roundId: string, shipped: readonly Instrument[], now: string = nowIso()): Promise<CheckInDocument | undefined> {
      return db.transaction('r', CHECK_IN_TABLES, async () => {
        const round = await db.rounds.get(roundId);
        const handIns = round ? await db.handIns.where('centreId').equals(round.centreId).toArray() : [];
        return checkInOf(roundId, shipped, now, handIns);
      });
    },

    /**
     * Seals the round's written check-in for a deadline: read and written in one transaction, so
     * the document is built from committed data and a concurrent write lands before or after, never
     * halfway. The network's deadlines and template are read in the same transaction. Returns
     * undefined when the round, its centre or its instrument is not there; throws RangeError when
     * the deadline is not one of the check-in deadlines in force.
     */
    async sealHandIn(roundId: string, deadlineId: string, options: { shipped: readonly Instrument[]; year?: number; now?: string }): Promise<HandIn | undefined> {
      const now = options.now ?? nowIso();
      return db.transaction('rw', CHECK_IN_TABLES, async () => {
        const { deadlines } = await cycleSettings();
        const deadline = findDeadline(deadlineId, deadlines);
        if (deadline?.kind !== 'check-in') throw new RangeError(`sealHandIn: ${deadlineId} is not a check-in deadline`);
        const round = visible(await db.rounds.get(roundId));
        if (!round) return undefined;
        const handIns = await db.handIns.where('centreId').equals(round.centreId).toArray();
        const document = await checkInOf(roundId, options.shipped, now, handIns);
        if (!document) return undefined;
        const suggested = suggestDeadline(round.date, deadlines);
        const year = options.year ?? (suggested?.deadline.id === deadlineId ? suggested.year : Number(round.date.slice(0, 4)));
        const sequence = nextSequence(handIns, round.centreId, deadlineId, year);
        const handIn = seal(document, { centreId: round.centreId, deadlineId, year, roundId, sequence, sealedAt: now });
        await db.handIns.add(handIn);
        return handIn;
      });
    },

    /** The plan as it would be handed in now (for the editor's preview). */
    async currentProjectPlan(centreId: string, year: number, options: DocumentOptions): Promise<ProjectPlanDocument | undefined> {
      return db.transaction('r', PLAN_TABLES, () => projectPlanOf(centreId, year, options.shipped, options.current, options.now ?? nowIso()));
    },

    async currentYearlyReport(centreId: string, year: number, options: DocumentOptions): Promise<YearlyReportDocument | undefined> {
      return db.transaction('r', PLAN_TABLES, () => yearlyReportOf(centreId, year, options.current, options.now ?? nowIso()));
    },

    /** Seals the year's project plan, built from committed data in the transaction that stores the hand-in. */
    async sealProjectPlan(centreId: string, year: number, options: DocumentOptions & { deadlineId?: string }): Promise<HandIn | undefined> {
      const now = options.now ?? nowIso();
      return db.transaction('rw', PLAN_TABLES, async () => {
        const deadline = deadlineOfKind((await cycleSettings()).deadlines, 'project-plan', options.deadlineId);
        const document = await projectPlanOf(centreId, year, options.shipped, options.current, now);
        if (!document) return undefined;
        const handIns = await db.handIns.where('centreId').equals(centreId).toArray();
        const handIn = seal(document, { centreId, deadlineId: deadline.id, year, sequence: nextSequence(handIns, centreId, deadline.id, year), sealedAt: now });
        await db.handIns.add(handIn);
        return handIn;
      });
    },

    async sealYearlyReport(centreId: string, year: number, options: DocumentOptions & { deadlineId?: string }): Promise<HandIn | undefined> {
      const now = options.now ?? nowIso();
      return db.transaction('rw', PLAN_TABLES, async () => {
        const deadline = deadlineOfKind((await cycleSettings()).deadlines, 'yearly-report', options.deadlineId);
        const document = await yearlyReportOf(centreId, year, options.current, now);
        if (!document) return undefined;
        const handIns = await db.handIns.where('centreId').equals(centreId).toArray();
        const handIn = seal(document, { centreId, deadlineId: deadline.id, year, sequence: nextSequence(handIns, centreId, deadline.id, year), sealedAt: now });
        await db.handIns.add(handIn);
        return handIn;
      });
    },
  };
}

/** What building a plan or report needs besides the stored data. */
export interface DocumentOptions {
  /** The instruments that come with the app (not stored). */
  readonly shipped: readonly Instrument[];
  /** The instrument new rounds use: the plan's when the centre has no round yet, the report's always. */
  readonly current: Instrument | undefined;
  readonly now?: string;
}

export type HandInRepository = ReturnType<typeof createHandInRepository>;

export const handInRepository = createHandInRepository(defaultDb);
