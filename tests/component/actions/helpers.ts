import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { expect, vi } from 'vitest';
import type { Component } from 'vue';
import { repository } from '../../fixtures/repository';
import type { ActionItem } from '@/domain/types';
import { useActionsStore } from '@/stores/actions';
import { useQuestionnaireStore } from '@/stores/questionnaire';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { makeCentre, makeRound } from '../../fixtures/records';

export const centre = makeCentre({ id: 'centre-a', name: 'Familjecentralen Alby', services: ['bvc', 'openPreschool'] });
export const spring = makeRound(centre.id, { id: 'round-spring', title: 'Våren 2026', date: '2026-03-10' });
export const autumn = makeRound(centre.id, { id: 'round-autumn', title: 'Hösten 2026', date: '2026-10-10', createdAt: '2026-10-10T08:00:00.000Z' });

export function makeAction(roundId: string, overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: `action-${roundId}-${overrides.what ?? 'x'}`,
    centreId: centre.id,
    roundId,
    goalId: 'goal-1',
    what: 'x',
    who: 'BVC',
    due: '',
    status: 'planned',
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
    statusHistory: [],
    ...overrides,
  };
}

/** Empties the database, seeds centre and rounds and opens `roundId` in the questionnaire store. */
export async function openRound(roundId: string, actions: readonly ActionItem[] = []): Promise<Pinia> {
  await emptyAppDatabase();
  await repository.addCentre(centre);
  await repository.addRound(spring);
  await repository.addRound(autumn);
  if (actions.length) await repository.addActions(actions);
  const pinia = createPinia();
  setActivePinia(pinia);
  useQuestionnaireStore().open(roundId);
  const store = useActionsStore();
  await vi.waitFor(() => {
    expect(store.loaded).toBe(true);
    expect(store.review).toBeDefined();
  });
  return pinia;
}

export async function settle(wrapper: VueWrapper): Promise<void> {
  await flushPromises();
  await wrapper.vm.$nextTick();
}

export function mountWith(component: Component, pinia: Pinia, props: Record<string, unknown>): VueWrapper {
  return mount(component, { props, global: { plugins: [pinia] }, attachTo: document.body });
}
