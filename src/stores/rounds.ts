import { acceptHMRUpdate, defineStore } from 'pinia';
import { repository } from '@/db';
import { createRound, type RoundInput } from '@/domain/records';
import type { Instrument, Round, RoundStatus } from '@/domain/types';
import { currentLocale, translate } from '@/i18n';
import { useSaveStatusStore } from './saveStatus';
import { useUndoStore } from './undo';

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

  async function remove(round: Round): Promise<void> {
    const save = useSaveStatusStore();
    await save.track(() => repository.softDeleteRound(round.id));
    await useUndoStore().offer(
      translate(currentLocale.value, 'undo.roundDeleted', { title: round.title }),
      () => save.track(() => repository.restoreRound(round.id)),
      () => save.track(() => repository.purgeDeleted()),
    );
  }

  return { create, update, setStatus, remove };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRoundsStore, import.meta.hot));
