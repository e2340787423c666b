import type { ActionItem, Participant } from './types';

/** Whether any participant of a round is still named (a role alone names no one). */
export function hasNames(participants: readonly Participant[]): boolean {
  return participants.some((participant) => participant.name.trim() !== '');
}

/**
 * The participants with their names taken away. Each keeps its id, so that the individual ratings
 * (which point at the id, never the name) stay with it, and its role, by which it is shown instead.
 */
export function withoutNames(participants: readonly Participant[]): Participant[] {
  return participants.map((participant) => ({ ...participant, name: '' }));
}

/**
 * An action's "who" that is exactly a participant's name becomes that participant's role: a group
 * often writes the person who will do it. Other text (a service, a role, a note) is left as written.
 */
export function whoWithoutNames(who: string, participants: readonly Participant[]): string {
  const key = who.trim().toLocaleLowerCase('sv');
  if (key === '') return who;
  const named = participants.find((participant) => participant.name.trim() !== '' && participant.name.trim().toLocaleLowerCase('sv') === key);
  return named ? named.role : who;
}

/** The actions whose "who" names a participant, with the role in its place. */
export function actionsWithoutNames(actions: readonly ActionItem[], participants: readonly Participant[], now: string): ActionItem[] {
  return actions.flatMap((action) => {
    const who = whoWithoutNames(action.who, participants);
    return who === action.who ? [] : [{ ...action, who, updatedAt: now }];
  });
}

/**
 * For a document that will be handed in (a public record once e-mailed): every "who" that is exactly
 * the name of one of the centre's participants, in any round, becomes that participant's role.
 * Nothing else changes, not even `updatedAt`: the stored actions keep what the group wrote.
 */
export function rolesForNames<T extends { readonly who: string }>(actions: readonly T[], participants: readonly Participant[]): T[] {
  return actions.map((action) => {
    const who = whoWithoutNames(action.who, participants);
    return who === action.who ? action : { ...action, who };
  });
}
