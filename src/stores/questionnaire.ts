import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, nextTick, ref, watch } from 'vue';
import { answerRepository } from '@/db/answers';
import { roundRepository } from '@/db/rounds';
import { roundsInYear } from '@/domain/goal5Hints';
import { answersByItem, reflectionsByGoal, resumePosition, roundProgress, firstUnanswered } from '@/domain/progress';
import type { AnswerValue, RoundPosition } from '@/domain/types';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { useInstrumentStore } from './instrument';
import { createRoundBeforeCache } from './roundBefore';
import { useSaveStatusStore, type TrackOptions } from './saveStatus';

/** A remembered focus waits this long for a tap, which stores the position in its own transaction. */
export const POSITION_DELAY_MS = 800;

/** The round being answered: its answers and reflections live from the database, plus progress. */
export const useQuestionnaireStore = defineStore('questionnaire', () => {
  const roundId = ref<string>();

  const roundQuery = useLiveQuery(async (id) => (id ? roundRepository.getRound(id) : undefined), roundId);
  const answersQuery = useLiveQuery(async (id) => (id ? answerRepository.listAnswers(id) : []), roundId);
  const reflectionsQuery = useLiveQuery(async (id) => (id ? answerRepository.listReflections(id) : []), roundId);

  const round = computed(() => roundQuery.data.value);
  const centreId = computed(() => round.value?.centreId);
  const roundDate = computed(() => round.value?.date);

  // Last round's answers, for the cards. Every tap touches this round, so the query reads neither it nor
  // the centre's rounds (at 1000 rounds a re-read of them all after each tap); it runs again when this
  // round's centre or date change (its source), or the rounds' order, or those answers.
  const roundBeforeOf = createRoundBeforeCache();
  const previousQuery = useLiveQuery(async ([id, centre, date]) => {
    if (!id || !centre || date === undefined) return undefined;
    const { previous, dates } = await roundBeforeOf(centre, id);
    return {
      round: previous,
      answers: previous ? answersByItem(await answerRepository.listAnswers(previous.id)) : undefined,
      roundsThisYear: roundsInYear(dates.map((d) => ({ date: d })), date),
    };
  }, () => [roundId.value, centreId.value, roundDate.value] as const);

  const previousRound = computed(() => previousQuery.data.value?.round);
  const previousAnswers = computed(() => previousQuery.data.value?.answers);
  /** The centre's rounds dated in this round's year, this one included (a fact for goal 5). */
  const roundsThisYear = computed(() => previousQuery.data.value?.roundsThisYear);
  const answers = computed(() => answersByItem(answersQuery.data.value ?? []));
  const reflections = computed(() => reflectionsByGoal(reflectionsQuery.data.value ?? []));
  const loaded = computed(
    () => !roundQuery.loading.value && !answersQuery.loading.value && !reflectionsQuery.loading.value,
  );

  /** The instrument version this round was answered with. */
  const instrument = computed(() => useInstrumentStore().forRound(round.value));
  const progress = computed(() => {
    const current = instrument.value;
    return current ? roundProgress(current, answers.value, reflections.value) : undefined;
  });

  function open(id: string): void {
    roundId.value = id;
  }

  /** Opens round `id` and resolves once its record, answers and reflections are read. */
  async function openAndLoad(id: string): Promise<void> {
    open(id);
    // The queries re-subscribe in the next tick; until then `loaded` still speaks of the round before.
    await nextTick();
    const isLoaded = () => loaded.value && roundId.value === id;
    if (isLoaded()) return;
    await new Promise<void>((resolve) => {
      const stop = watch(isLoaded, (done) => {
        if (!done) return;
        stop();
        resolve();
      });
    });
  }

  function resumeAt(): RoundPosition | undefined {
    const current = instrument.value;
    return current ? resumePosition(current, round.value?.position, answers.value, reflections.value) : undefined;
  }

  function nextUnanswered(): RoundPosition | undefined {
    const current = instrument.value;
    return current ? firstUnanswered(current, answers.value, reflections.value) : undefined;
  }

  function write(action: (id: string) => Promise<void>, options?: TrackOptions): Promise<void> {
    const id = roundId.value;
    if (!id) return Promise.resolve();
    return useSaveStatusStore().track(() => action(id), options);
  }

  /** The save status's name for the value of one item's answer in the open round. */
  const answerKey = (itemId: string): string => `answer:${roundId.value ?? ''}:${itemId}`;

  let positionTimer: ReturnType<typeof setTimeout> | undefined;
  function cancelPosition(): void {
    if (positionTimer) clearTimeout(positionTimer);
    positionTimer = undefined;
  }

  // An answer or a note stores the position with it, in the same transaction.
  function setAnswer(goalId: string, itemId: string, value: AnswerValue | null): Promise<void> {
    cancelPosition();
    return write((id) => answerRepository.saveAnswer(id, goalId, itemId, { value }), { key: answerKey(itemId) });
  }
  function setNote(goalId: string, itemId: string, note: string, noteBase?: string, options?: TrackOptions): Promise<void> {
    cancelPosition();
    return write((id) => answerRepository.saveAnswer(id, goalId, itemId, noteBase === undefined ? { note } : { note, noteBase }), options);
  }
  function setReflection(goalId: string, note: string, noteBase?: string, options?: TrackOptions): Promise<void> {
    cancelPosition();
    return write((id) => answerRepository.saveReflection(id, goalId, noteBase === undefined ? { note } : { note, noteBase }), options);
  }
  const setGoalNotRelevant = (goalId: string, notRelevant: boolean) =>
    write((id) => answerRepository.saveReflection(id, goalId, { notRelevant }));
  const rememberPosition = (position: RoundPosition) => write((id) => roundRepository.savePosition(id, position));

  /**
   * Remembers the item the group is working on (a focus), unless it already is the stored
   * position. A focus is mostly the start of a tap: waiting a moment lets the tap's own write
   * carry the position, so that a tap is one transaction, not two.
   */
  function rememberItem(goalId: string, itemId: string): void {
    const position = round.value?.position;
    cancelPosition();
    if (position?.goalId === goalId && position.itemId === itemId) return;
    positionTimer = setTimeout(() => {
      positionTimer = undefined;
      rememberPosition({ goalId, itemId }).catch(() => undefined);
    }, POSITION_DELAY_MS);
  }

  return {
    roundId,
    round,
    instrument,
    answers,
    reflections,
    previousRound,
    previousAnswers,
    roundsThisYear,
    loaded,
    openAndLoad,
    progress,
    open,
    resumeAt,
    nextUnanswered,
    setAnswer,
    setNote,
    setReflection,
    setGoalNotRelevant,
    rememberPosition,
    rememberItem,
    answerKey,
  };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useQuestionnaireStore, import.meta.hot));
