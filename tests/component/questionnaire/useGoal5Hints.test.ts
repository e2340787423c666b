import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { useGoal5Hints } from '@/components/questionnaire/useGoal5Hints';
import { repository } from '../../fixtures/repository';
import { handInRepository } from '@/db/handIns';
import { loadBuiltInInstruments } from '@/instrument';
import { useHandInsStore } from '@/stores/handIns';
import { useQuestionnaireStore } from '@/stores/questionnaire';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { makeCentre, makeRound } from '../../fixtures/records';

const centre = makeCentre({ id: 'centre-hints', name: 'Familjecentralen Tid' });
const spring = makeRound(centre.id, { id: 'round-spring', title: 'Våren 2026', date: '2026-05-05', period: 'VT 2026' });
const autumn = makeRound(centre.id, { id: 'round-autumn', title: 'Hösten 2026', date: '2026-10-20', period: 'HT 2026' });

/** A component that shows the hint for one statement, as GoalSection does. */
const Hint = defineComponent({
  props: { itemId: { type: String, required: true } },
  setup(props) {
    const hintFor = useGoal5Hints();
    return () => h('p', { 'data-testid': 'hint' }, hintFor(props.itemId) ?? '');
  },
});

beforeEach(async () => {
  await emptyAppDatabase();
  setActivePinia(createPinia());
  await repository.addCentre(centre);
  await repository.addRound(spring);
  await repository.addRound(autumn);
});

describe('useGoal5Hints: hand-ins on time', () => {
  it('shows beside the written check-in statement how the year’s check-ins went against their deadlines', async () => {
    // The spring check-in handed in on 10 May, before 15 May; the autumn one not handed in.
    await handInRepository.sealHandIn(spring.id, 'check-in-spring', { shipped: await loadBuiltInInstruments(), now: '2026-05-10T08:00:00.000Z', year: 2026 });
    const questionnaire = useQuestionnaireStore();
    questionnaire.open(autumn.id);
    await vi.waitFor(() => expect(questionnaire.loaded && questionnaire.round?.id === autumn.id).toBe(true));
    const wrapper = mount(Hint, { props: { itemId: 'g5-written-check-in' } });
    // Read as of 1 November: 15 October has passed without a hand-in.
    const handIns = useHandInsStore();
    handIns.now = '2026-11-01T10:00:00.000Z';
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.get('[data-testid="hint"]').text()).toBe('Inlämningar i tid 2026: 1 av 2 med passerad sista dag (0 sent, 1 saknas)');
    });

    // Before 15 October only the spring one counts, and it was on time.
    handIns.now = '2026-06-01T10:00:00.000Z';
    await flushPromises();
    expect(wrapper.get('[data-testid="hint"]').text()).toBe('Inlämningar i tid 2026: 1 av 1 med passerad sista dag');
    // The other statements' hints are not this one.
    expect(mount(Hint, { props: { itemId: 'g5-all-services' } }).get('[data-testid="hint"]').text()).toBe('');
  });
});
