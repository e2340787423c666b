import {
  applyProjectPlanEdit,
  applyYearlyReportEdit,
  emptyProjectPlan,
  emptyYearlyReport,
  projectPlanText,
  yearlyReportText,
  type ProjectPlanEdit,
  type YearlyReportEdit,
} from '@/domain/cycle/editing';
import type { ProjectPlan } from '@/domain/cycle/projectPlan';
import type { YearlyReport } from '@/domain/cycle/yearlyReport';
import { newId, nowIso } from '@/domain/ids';
import { TextConflictError } from './connection';
import { db as defaultDb, type AppDatabase } from './database';

/**
 * The group's project plans and yearly reports while they are being written (one of each per centre
 * and year). Every edit is one transaction that reads what is stored and writes it back changed, so
 * edits from two tabs to different fields both land. No hashing here: the questionnaire reads a
 * plan's targets through this and must not download the sealing code (that is in handIns.ts).
 */
export function createCycleDocumentRepository(db: AppDatabase) {
  const planOf = (centreId: string, year: number) => db.projectPlans.where('[centreId+year]').equals([centreId, year]).first();
  const reportOf = (centreId: string, year: number) => db.yearlyReports.where('[centreId+year]').equals([centreId, year]).first();

  return {
    getProjectPlan(centreId: string, year: number): Promise<ProjectPlan | undefined> {
      return planOf(centreId, year);
    },

    getYearlyReport(centreId: string, year: number): Promise<YearlyReport | undefined> {
      return reportOf(centreId, year);
    },

    /**
     * Applies one edit to the centre's plan for the year, creating the plan on its first edit. A
     * text edit with `base` fails with TextConflictError when the stored text is no longer the one
     * the edit started from (another tab wrote it).
     */
    async editProjectPlan(centreId: string, year: number, edit: ProjectPlanEdit, base?: string, now: string = nowIso()): Promise<ProjectPlan> {
      return db.transaction('rw', db.projectPlans, async () => {
        const stored = (await planOf(centreId, year)) ?? emptyProjectPlan(newId(), centreId, year, now);
        const current = projectPlanText(stored, edit);
        if (base !== undefined && current !== undefined && current !== base) throw new TextConflictError(current);
        const next = applyProjectPlanEdit(stored, edit, now);
        if (next !== stored) await db.projectPlans.put(next);
        return next;
      });
    },

    async editYearlyReport(centreId: string, year: number, edit: YearlyReportEdit, base?: string, now: string = nowIso()): Promise<YearlyReport> {
      return db.transaction('rw', db.yearlyReports, async () => {
        const stored = (await reportOf(centreId, year)) ?? emptyYearlyReport(newId(), centreId, year, now);
        const current = yearlyReportText(stored, edit);
        if (base !== undefined && current !== undefined && current !== base) throw new TextConflictError(current);
        const next = applyYearlyReportEdit(stored, edit, now);
        if (next !== stored) await db.yearlyReports.put(next);
        return next;
      });
    },
  };
}

export type CycleDocumentRepository = ReturnType<typeof createCycleDocumentRepository>;

export const cycleDocumentRepository = createCycleDocumentRepository(defaultDb);
