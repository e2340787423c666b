import { dueDate, localDay, suggestDeadline, type Deadline, type DeadlineInYear } from '@/domain/cycle/deadlines';
import { HASH_PREFIX } from '@/domain/contentHash';

/** The check-in deadlines a round can be handed in for: its year's and the next year's, the suggested one first. */
export function deadlineOptions(roundDate: string, deadlines: readonly Deadline[]): { options: DeadlineInYear[]; suggested: DeadlineInYear | undefined } {
  const year = Number(roundDate.slice(0, 4));
  const checkIns = deadlines.filter((deadline) => deadline.kind === 'check-in');
  const options = [year, year + 1].flatMap((y) => checkIns.map((deadline) => ({ deadline, year: y, due: dueDate(deadline, y) }))).sort((a, b) => a.due.localeCompare(b.due));
  return { options, suggested: suggestDeadline(roundDate, deadlines) };
}

export function optionKey(option: Pick<DeadlineInYear, 'year'> & { readonly deadline: Pick<Deadline, 'id'> }): string {
  return `${option.deadline.id}@${String(option.year)}`;
}

/** "sha256:3f2a9c1b…": enough of the checksum to compare by eye; the document shows it in full. */
export function hashPrefix(hash: string): string {
  const hex = hash.startsWith(HASH_PREFIX) ? hash.slice(HASH_PREFIX.length) : hash;
  return `${HASH_PREFIX}${hex.slice(0, 8)}…`;
}

/** The Stockholm calendar day a hand-in was sealed on, as the deadlines count it. */
export function sealedDay(sealedAt: string): string {
  return localDay(sealedAt);
}
