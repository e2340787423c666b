import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ActionHistory, TrackedAction } from '@/domain/cycle/actionHistory';
import type { HandIn } from '@/domain/cycle/handIn';
import type { ProjectPlan } from '@/domain/cycle/projectPlan';
import type { YearlyReport } from '@/domain/cycle/yearlyReport';
import type { ExportFile } from '@/domain/exchange/format';
import { sealedHandIns } from './sealed';
import type { ActionItem, Answer, Centre, GoalReflection, IndividualRating, Instrument, LocalItem, Round } from '@/domain/types';

export interface Setting {
  key: string;
  value: string;
}

/** A centre's export file held in the coordinator's workspace, apart from the group's own data. */
/**
 * A hand-in waiting to be sent to the network's server, or sent. Written in IndexedDB, so a hand-in
 * waits through a closed tab, a reload or a day offline, and goes once the server answers.
 */
export interface OutboxEntry {
  handInId: string;
  centreId: string;
  status: 'waiting' | 'sent';
  queuedAt: string;
  /** Failed tries since the last success; the next try waits longer (see retryDelayMs). */
  attempts: number;
  /** Not before this moment (ISO); empty for "as soon as there is a connection". */
  nextAttemptAt: string;
  sentAt?: string;
  /** Why the last try failed, as a message key's code (`offline`, `unauthorized`, `forbidden`, `server`). */
  error?: string;
}

export interface WorkspaceEntry {
  /** The centre's id: a newer file of the same centre replaces the older one. */
  id: string;
  fileName: string;
  importedAt: string;
  file: ExportFile;
  /** Set while the removal from the workspace can still be undone; such an entry is hidden. */
  deletedAt?: string;
}

/** An instrument a network loaded as a file (the shipped one is never stored). */
export interface InstalledInstrument {
  /** `id@version`: a version is installed once and never changes. */
  key: string;
  instrument: Instrument;
  fileName: string;
  installedAt: string;
}

export const DATABASE_NAME = 'familjecentral';

/**
 * Schema history. Never edit a published version: add a new one with an upgrade function, and a
 * test in tests/unit/db/migrations.test.ts that opens a database created by the version before.
 */
export const SCHEMA_V1 = {
  centres: 'id, name',
  rounds: 'id, centreId',
  answers: 'id, roundId, &[roundId+itemId]',
  reflections: 'id, roundId, &[roundId+goalId]',
} as const;

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  centres: 'id, name, updatedAt',
  rounds: 'id, centreId, [centreId+date], updatedAt',
  settings: 'key',
} as const;

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  workspace: 'id',
} as const;

export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  actions: 'id, roundId, centreId',
  ratings: 'id, roundId, &[roundId+itemId+participantId]',
} as const;

export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  localItems: 'id, centreId',
  instruments: 'key',
} as const;

export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  centres: 'id, name, updatedAt, deletedAt',
  rounds: 'id, centreId, [centreId+date], updatedAt, deletedAt',
  workspace: 'id, deletedAt',
} as const;

export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  handIns: 'id, centreId, [centreId+deadlineId+year], roundId',
  projectPlans: 'id, &[centreId+year]',
  yearlyReports: 'id, &[centreId+year]',
} as const;

/** v10 (network): the outbox of hand-ins waiting to be sent to the network's server. */
export const SCHEMA_V10_NETWORK = {
  outbox: 'handInId, centreId, status',
} as const;

/**
 * v11: indexes for the lookups that read whole tables before: an own item's answers and ratings
 * (`itemId`), the rounds of an instrument version, and a centre's project plans and yearly reports
 * (`centreId`, a plain index beside the unique [centreId+year]).
 */
export const SCHEMA_V11 = {
  answers: `${SCHEMA_V1.answers}, itemId`,
  ratings: `${SCHEMA_V4.ratings}, itemId`,
  rounds: `${SCHEMA_V6.rounds}, [instrumentId+instrumentVersion]`,
  projectPlans: `${SCHEMA_V7.projectPlans}, centreId`,
  yearlyReports: `${SCHEMA_V7.yearlyReports}, centreId`,
} as const;

/**
 * The coordinator's stored files, brought to the current export format like an imported file. The
 * format upgrades load only when a database this old is opened (almost never), not with the first
 * screen; Dexie.waitFor keeps the upgrade transaction open while the module loads.
 */
async function upgradeWorkspaceFiles(tx: Transaction): Promise<void> {
  const { upgradeToCurrent } = await Dexie.waitFor(import('@/domain/exchange/upgrade'));
  await tx
    .table<{ file: Record<string, unknown> }>('workspace')
    .toCollection()
    .modify((entry) => {
      const upgraded = upgradeToCurrent(entry.file);
      if (upgraded.ok) entry.file = upgraded.data;
    });
}

export class AppDatabase extends Dexie {
  centres!: EntityTable<Centre, 'id'>;
  rounds!: EntityTable<Round, 'id'>;
  answers!: EntityTable<Answer, 'id'>;
  reflections!: EntityTable<GoalReflection, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  workspace!: EntityTable<WorkspaceEntry, 'id'>;
  actions!: EntityTable<ActionItem, 'id'>;
  ratings!: EntityTable<IndividualRating, 'id'>;
  localItems!: EntityTable<LocalItem, 'id'>;
  instruments!: EntityTable<InstalledInstrument, 'key'>;
  handIns!: EntityTable<HandIn, 'id'>;
  projectPlans!: EntityTable<ProjectPlan, 'id'>;
  yearlyReports!: EntityTable<YearlyReport, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'handInId'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // v2: settings table, indexes for merge by updatedAt; v1 answers could lack a note and v1
    // rounds a status, which every reader now relies on.
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table<Partial<Answer>>('answers')
          .toCollection()
          .modify((answer) => {
            answer.note ??= '';
            if (answer.value === undefined) answer.value = null;
          });
        await tx
          .table<Partial<Round>>('rounds')
          .toCollection()
          .modify((round) => {
            round.status ??= 'in-progress';
            round.participants ??= [];
          });
        await tx
          .table<Partial<GoalReflection>>('reflections')
          .toCollection()
          .modify((reflection) => {
            reflection.note ??= '';
            reflection.notRelevant ??= false;
          });
      });
    // v3: the coordinator's workspace of imported centre files.
    this.version(3).stores(SCHEMA_V3);
    // v4: action plans per goal and participants' individual ratings. The workspace's files were
    // stored in export format 1: upgraded like an imported file, so that each holds an ExportFile.
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(upgradeWorkspaceFiles);
    // v5: the group's own items and network instruments. Workspace files move to export format 3
    // the same way (they gain empty lists of own items and instrument definitions).
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(upgradeWorkspaceFiles);
    // v6: deletions that can be undone are marked in the database (deletedAt), so that every tab and
    // every start finds them; the index finds them without reading every record. No data changes:
    // records without the mark are simply not in the index.
    this.version(6).stores(SCHEMA_V6);
    // v7: the cycle's hand-ins (sealed, never changed: see sealed.ts), project plans and yearly
    // reports. Actions gain a status history. What an action was before is not known: its status
    // is recorded from its last save (historyOf), not from its creation, so that an action done
    // last month is not claimed to have been done all along (and so missing from "done since").
    this.version(7)
      .stores(SCHEMA_V7)
      .upgrade(async (tx) => {
        await tx
          .table<Omit<TrackedAction, 'statusHistory'> & { statusHistory?: ActionHistory }>('actions')
          .toCollection()
          .modify((action) => {
            // As historyOf does for an action without one; written out so the first download needs no history rules.
            if (!action.statusHistory || action.statusHistory.length === 0) action.statusHistory = [{ status: action.status, at: action.updatedAt, roundId: action.roundId }];
          });
      });
    // v8: no new tables or indexes. Workspace files move to export format 4 (the cycle's documents
    // and action histories), upgraded like an imported file, so that each still holds an ExportFile.
    this.version(8)
      .stores(SCHEMA_V7)
      .upgrade(upgradeWorkspaceFiles);
    // v10 (network): a new table only, nothing to upgrade. Version 9 is another change's: Dexie
    // applies each version's tables on top of the ones before, so the two add up in either order.
    this.version(10).stores(SCHEMA_V10_NETWORK);
    // v11: new indexes only (IndexedDB builds them from the stored records); no record changes.
    this.version(11).stores(SCHEMA_V11);
    this.use(sealedHandIns);
  }
}

export const db = new AppDatabase();
