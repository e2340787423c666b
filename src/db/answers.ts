import { newId, nowIso } from '@/domain/ids';
import { MAX_TEXT } from '@/domain/records';
import type { Answer, AnswerValue, GoalReflection, RoundPosition } from '@/domain/types';
import { TextConflictError } from './connection';
import { db as defaultDb, type AppDatabase } from './database';
import { requireOpenRound } from './visible';

/**
 * A note edit names the stored text it started from (`noteBase`): when the stored note is no longer
 * that text, another tab wrote it meanwhile, and the write is refused instead of overwriting it.
 */
export interface NoteChange {
  note?: string;
  noteBase?: string;
}

function checkNoteBase(stored: string, change: NoteChange): void {
  if (change.note !== undefined && change.noteBase !== undefined && stored !== change.noteBase && stored !== change.note) {
    throw new TextConflictError(stored);
  }
}

/** A round's answers and goal reflections: the group's taps and notes, each one transaction with its round. */
export function createAnswerRepository(db: AppDatabase) {
  /**
   * The round changed now, at `position`. Changes (not a put of the whole round), so that live
   * queries of its date and centre do not run again; `bulkUpdate` reads and writes in two round
   * trips, where `update` takes three.
   */
  async function touchRound(roundId: string, now: string, position: RoundPosition): Promise<void> {
    // A tab that has not yet seen a deletion made elsewhere must not save where no one can see it.
    await requireOpenRound(db, roundId, () => db.rounds.bulkUpdate([{ key: roundId, changes: { updatedAt: now, position } }]));
  }

  return {
    async listAnswers(roundId: string): Promise<Answer[]> {
      return db.answers.where('roundId').equals(roundId).toArray();
    },

    async listReflections(roundId: string): Promise<GoalReflection[]> {
      return db.reflections.where('roundId').equals(roundId).toArray();
    },

    /**
     * Sets the rating and/or the note of one item, and remembers it as where the group is: one
     * transaction, so a tap is either wholly stored or not at all.
     */
    async saveAnswer(
      roundId: string,
      goalId: string,
      itemId: string,
      change: { value?: AnswerValue | null } & NoteChange,
    ): Promise<void> {
      const now = nowIso();
      await db.transaction('rw', db.answers, db.rounds, db.centres, async () => {
        // The answer and the round are written side by side: two round trips to IndexedDB in
        // a tap, not five one after the other (a failed note check still aborts both).
        await Promise.all([
          (async () => {
            const existing = await db.answers.where({ roundId, itemId }).first();
            const answer: Answer = existing ?? { id: newId(), roundId, itemId, value: null, note: '', updatedAt: now };
            checkNoteBase(answer.note, change);
            await db.answers.put({
              ...answer,
              value: change.value === undefined ? answer.value : change.value,
              note: change.note === undefined ? answer.note : change.note.slice(0, MAX_TEXT),
              updatedAt: now,
            });
          })(),
          touchRound(roundId, now, { goalId, itemId }),
        ]);
      });
    },

    async saveReflection(roundId: string, goalId: string, change: { notRelevant?: boolean } & NoteChange): Promise<void> {
      const now = nowIso();
      await db.transaction('rw', db.reflections, db.rounds, db.centres, async () => {
        await Promise.all([
          (async () => {
            const existing = await db.reflections.where({ roundId, goalId }).first();
            const reflection: GoalReflection = existing ?? { id: newId(), roundId, goalId, notRelevant: false, note: '', updatedAt: now };
            checkNoteBase(reflection.note, change);
            await db.reflections.put({
              ...reflection,
              note: change.note === undefined ? reflection.note : change.note.slice(0, MAX_TEXT),
              notRelevant: change.notRelevant ?? reflection.notRelevant,
              updatedAt: now,
            });
          })(),
          touchRound(roundId, now, { goalId }),
        ]);
      });
    },
  };
}

export type AnswerRepository = ReturnType<typeof createAnswerRepository>;

export const answerRepository = createAnswerRepository(defaultDb);
