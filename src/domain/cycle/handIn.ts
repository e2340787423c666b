import { contentHash, HASH_PREFIX } from '../contentHash';
import { newId, nowIso } from '../ids';
import type { CheckInDocument } from './checkIn';
import type { ProjectPlanDocument } from './projectPlan';
import type { YearlyReportDocument } from './yearlyReport';

/**
 * A hand-in is a document of record: what the centre sent for a deadline, sealed on the day with a
 * content hash. It is never changed: a correction is a new hand-in with the next sequence number,
 * and every earlier one stays readable. The hash is over the canonical JSON of the document alone,
 * so anyone holding the file can check it; the record around it says who, for which deadline, when.
 */

export type HandInDocument = CheckInDocument | ProjectPlanDocument | YearlyReportDocument;
export type HandInKind = HandInDocument['kind'];

export interface HandIn {
  readonly id: string;
  readonly centreId: string;
  readonly deadlineId: string;
  readonly year: number;
  /** The round a check-in was written from. */
  readonly roundId?: string;
  readonly kind: HandInKind;
  /** 1 for the first hand-in for this deadline and year, 2 for the next, … */
  readonly sequence: number;
  readonly sealedAt: string;
  readonly document: HandInDocument;
  /** `sha256:<hex>` of the canonical document. */
  readonly hash: string;
}

/** What a document shows of its hand-in. */
export type DocumentSealInfo = Pick<HandIn, 'sealedAt' | 'sequence' | 'hash'>;

export interface SealOptions {
  readonly centreId: string;
  readonly deadlineId: string;
  readonly year: number;
  readonly roundId?: string;
  readonly sequence: number;
  readonly sealedAt?: string;
  readonly id?: string;
}

/** Freezes every object and array below `value`, so nothing in a sealed hand-in can be written. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Seals a document into a hand-in. The document is copied first, so the caller's object (still
 * bound to the live round) can change without reaching into the sealed copy, and the copy is frozen.
 */
export function sealHandIn(document: HandInDocument, options: SealOptions): HandIn {
  if (!Number.isInteger(options.sequence) || options.sequence < 1) throw new RangeError('sealHandIn: sequence starts at 1');
  const sealed = structuredClone(document);
  const handIn: HandIn = {
    id: options.id ?? newId(),
    centreId: options.centreId,
    deadlineId: options.deadlineId,
    year: options.year,
    ...(options.roundId !== undefined ? { roundId: options.roundId } : {}),
    kind: sealed.kind,
    sequence: options.sequence,
    sealedAt: options.sealedAt ?? nowIso(),
    document: sealed,
    hash: contentHash(sealed),
  };
  return deepFreeze(handIn);
}

/** The document is what was sealed: its hash still matches and its kind is the record's. */
export function isIntact(handIn: Pick<HandIn, 'document' | 'hash' | 'kind'>): boolean {
  try {
    return handIn.document.kind === handIn.kind && contentHash(handIn.document) === handIn.hash;
  } catch {
    // A document that cannot be written as JSON cannot be the one that was sealed.
    return false;
  }
}

/** The first 8 hex digits, in two groups, for reading aloud and comparing by eye: "3f2a 9c1b". */
export function shortHash(hash: string): string {
  const hex = hash.startsWith(HASH_PREFIX) ? hash.slice(HASH_PREFIX.length) : hash;
  return `${hex.slice(0, 4)} ${hex.slice(4, 8)}`;
}

export function nextSequence(handIns: readonly Pick<HandIn, 'centreId' | 'deadlineId' | 'year' | 'sequence'>[], centreId: string, deadlineId: string, year: number): number {
  return (
    handIns
      .filter((h) => h.centreId === centreId && h.deadlineId === deadlineId && h.year === year)
      .reduce((max, h) => Math.max(max, h.sequence), 0) + 1
  );
}

/** A round's hand-ins, first first. */
export function handInsOfRound<T extends Pick<HandIn, 'roundId' | 'sequence' | 'sealedAt'>>(handIns: readonly T[], roundId: string): T[] {
  return handIns.filter((h) => h.roundId === roundId).sort((a, b) => a.sequence - b.sequence || a.sealedAt.localeCompare(b.sealedAt));
}

export function latestHandIn<T extends Pick<HandIn, 'roundId' | 'sequence' | 'sealedAt'>>(handIns: readonly T[], roundId: string): T | undefined {
  const ofRound = handInsOfRound(handIns, roundId);
  return ofRound[ofRound.length - 1];
}
