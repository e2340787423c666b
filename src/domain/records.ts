import { newId, nowIso } from './ids';
import { isIsoDate } from './period';
import type { BaseService, Centre, CoLocation, Instrument, Participant, Round } from './types';

export interface CentreInput {
  name: string;
  municipality: string;
  district: string;
  services: BaseService[];
  otherServices: string;
  coLocation: CoLocation;
}

export interface RoundInput {
  title: string;
  date: string;
  period: string;
  participants: Participant[];
}

/**
 * Longest texts the app stores. The forms and note fields enforce them and the importer checks them,
 * so every backup the app writes can be read back.
 */
export const MAX_NAME = 300;
export const MAX_PERIOD = 50;
export const MAX_TEXT = 10_000;

/** Field → message key suffix; the UI translates. Empty when the input is valid. */
export type FieldErrors<T> = Partial<Record<keyof T, 'required' | 'invalidDate' | 'tooLong'>>;

function tooLong(value: string, max: number): boolean {
  return value.trim().length > max;
}

export function validateCentre(input: CentreInput): FieldErrors<CentreInput> {
  const errors: FieldErrors<CentreInput> = {};
  if (!input.name.trim()) errors.name = 'required';
  else if (tooLong(input.name, MAX_NAME)) errors.name = 'tooLong';
  if (tooLong(input.municipality, MAX_NAME)) errors.municipality = 'tooLong';
  if (tooLong(input.district, MAX_NAME)) errors.district = 'tooLong';
  if (tooLong(input.otherServices, MAX_NAME)) errors.otherServices = 'tooLong';
  return errors;
}

export function validateRound(input: RoundInput): FieldErrors<RoundInput> {
  const errors: FieldErrors<RoundInput> = {};
  if (!input.title.trim()) errors.title = 'required';
  else if (tooLong(input.title, MAX_NAME)) errors.title = 'tooLong';
  if (!isIsoDate(input.date)) errors.date = 'invalidDate';
  if (!input.period.trim()) errors.period = 'required';
  else if (tooLong(input.period, MAX_PERIOD)) errors.period = 'tooLong';
  if (input.participants.some((p) => tooLong(p.name, MAX_NAME) || tooLong(p.role, MAX_NAME))) errors.participants = 'tooLong';
  return errors;
}

export function createCentre(input: CentreInput, now: string = nowIso()): Centre {
  return { id: newId(), ...normalizeCentre(input), createdAt: now, updatedAt: now };
}

export function normalizeCentre(input: CentreInput): CentreInput {
  return {
    name: input.name.trim(),
    municipality: input.municipality.trim(),
    district: input.district.trim(),
    services: [...new Set(input.services)],
    otherServices: input.otherServices.trim(),
    coLocation: input.coLocation,
  };
}

export function normalizeRound(input: RoundInput): RoundInput {
  return {
    title: input.title.trim(),
    date: input.date,
    period: input.period.trim(),
    // A participant row left empty is a row the group added and did not use.
    participants: input.participants
      .map((p) => ({ id: p.id, name: p.name.trim(), role: p.role.trim() }))
      .filter((p) => p.name !== '' || p.role !== ''),
  };
}

export function createRound(centreId: string, input: RoundInput, instrument: Instrument, now: string = nowIso()): Round {
  return {
    id: newId(),
    centreId,
    ...normalizeRound(input),
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    status: 'in-progress',
    createdAt: now,
    updatedAt: now,
  };
}

export function newParticipant(): Participant {
  return { id: newId(), name: '', role: '' };
}

/** Newest meeting first; rounds on the same day by creation time. */
export function compareRoundsNewestFirst(a: Round, b: Round): number {
  return b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);
}

/**
 * The records of each round, in one pass over all of them: filtering the whole list once per round
 * made a centre's results quadratic in its number of rounds.
 */
export function groupByRound<T extends { readonly roundId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const { roundId } = record;
    const group = groups.get(roundId);
    if (group) group.push(record);
    else groups.set(roundId, [record]);
  }
  return groups;
}
