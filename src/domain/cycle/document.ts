import type { ActionStatus, BaseService, Centre, CoLocation, Instrument, LocalizedText, LocalItem, Participant } from '../types';

/**
 * The parts every document of the cycle shares. A document is plain, serialisable data with
 * everything it shows written into it (titles and statements included), so that a sealed one
 * reprints the same years later, on a device that never held the centre or its instrument.
 * Nothing in it names a person: participants appear as services and roles only, since a file sent
 * to the city becomes a public record.
 */

export interface DocumentCentre {
  readonly id: string;
  readonly name: string;
  readonly municipality: string;
  readonly district: string;
  readonly services: readonly BaseService[];
  readonly otherServices: string;
  readonly coLocation: CoLocation;
}

export interface DocumentInstrument {
  readonly id: string;
  readonly version: string;
  readonly title: LocalizedText;
  readonly scale: readonly { readonly value: number; readonly label: LocalizedText }[];
}

export interface DocumentGoalRef {
  readonly goalId: string;
  readonly number: number;
  readonly title: LocalizedText;
}

/** An action as a document shows it. */
export interface DocumentAction {
  readonly actionId: string;
  readonly goalId: string;
  readonly what: string;
  readonly who: string;
  /** ISO date or ''. */
  readonly due: string;
  readonly status: ActionStatus;
}

/** A role and how many took part in it; a participant who gave no role counts under ''. */
export interface RoleCount {
  readonly role: string;
  readonly count: number;
}

export function documentCentre(centre: Centre): DocumentCentre {
  return {
    id: centre.id,
    name: centre.name,
    municipality: centre.municipality,
    district: centre.district,
    services: [...centre.services],
    otherServices: centre.otherServices,
    coLocation: centre.coLocation,
  };
}

export function documentInstrument(instrument: Instrument, version: string = instrument.version): DocumentInstrument {
  return {
    id: instrument.id,
    version: version || instrument.version,
    title: instrument.title,
    scale: instrument.scale.levels.map((level) => ({ value: level.value, label: level.label })),
  };
}

export function goalRef(goal: Instrument['goals'][number]): DocumentGoalRef {
  return { goalId: goal.id, number: goal.number, title: goal.title };
}

/** Participants as roles with counts, in the order first seen. Names are dropped here, on purpose. */
export function participantRoles(participants: readonly Pick<Participant, 'role'>[]): RoleCount[] {
  const counts = new Map<string, number>();
  for (const participant of participants) {
    const role = participant.role.trim();
    counts.set(role, (counts.get(role) ?? 0) + 1);
  }
  return [...counts].map(([role, count]) => ({ role, count }));
}

/** The text of a statement a target or a document names: a common item's, or an own statement's. */
export function statementText(instrument: Instrument, localItems: readonly LocalItem[], itemId: string): LocalizedText {
  for (const goal of instrument.goals) {
    const item = goal.items.find((i) => i.id === itemId);
    if (item) return item.statement;
  }
  const own = localItems.find((item) => item.id === itemId)?.text ?? '';
  return { sv: own, en: own };
}
