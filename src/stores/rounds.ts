import { acceptHMRUpdate, defineStore } from 'pinia';
import { repository } from '@/db';
import { createRound, type RoundInput } from '@/domain/records';
import type { Instrument, Round, RoundStatus } from '@/domain/types';
import { useSaveStatusStore } from './saveStatus';

/** Actions on rounds; lists are read live by the views through useLiveQuery. */
export const useRoundsStore = defineStore('rounds', () => {
  async function create(centreId: string, input: RoundInput, instrument: Instrument): Promise<Round> {
    const round = createRound(centreId, input, instrument);
    await useSaveStatusStore().track(() => repository.addRound(round));
    return round;
  }

  async function update(id: string, input: RoundInput): Promise<void> {
    await useSaveStatusStore().track(() => repository.updateRound(id, input));
  }

  async function setStatus(id: string, status: RoundStatus): Promise<void> {
    await useSaveStatusStore().track(() => repository.setRoundStatus(id, status));
  }

  /** Hides the round at once; undo is offered from the database mark (see the undo store). */
  async function remove(round: Round): Promise<void> {
    await useSaveStatusStore().track(() => repository.softDeleteRound(round.id));
  }

  return { create, update, setStatus, remove };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRoundsStore, import.meta.hot));
