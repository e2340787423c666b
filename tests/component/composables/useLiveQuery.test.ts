import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref, type Ref, type VNodeChild } from 'vue';
import { useLiveQuery, type LiveQuery } from '@/composables/useLiveQuery';
import type { Repository } from '../../fixtures/repository';
import { createCentre, createRound } from '@/domain/records';
import type { Answer, Centre } from '@/domain/types';
import { freshDatabase } from '../../fixtures/database';
import { smallInstrument } from '../../fixtures/instruments';
import { centreInput, roundInput } from '../../fixtures/records';

/** Lets IndexedDB and the live query settle, then checks nothing more arrives. */
async function settle(): Promise<void> {
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await flushPromises();
}

/** Mounts a component whose setup runs `use` and renders its result with `render`. */
function mountWith<T>(use: () => T, render: (value: T) => VNodeChild) {
  let value!: T;
  const wrapper = mount(
    defineComponent({
      setup() {
        value = use();
        return () => h('div', [render(value)]);
      },
    }),
  );
  return { wrapper, value: () => value };
}

/** A component that lists centre names from a live repository read. */
function mountCentreList(repo: Repository) {
  const querier = vi.fn(() => repo.listCentres());
  const { wrapper, value } = mountWith(
    (): LiveQuery<Centre[]> => useLiveQuery(querier),
    (query) =>
      query.loading.value
        ? h('p', 'Laddar…')
        : h('ul', (query.data.value ?? []).map((centre) => h('li', { key: centre.id }, centre.name))),
  );
  return { wrapper, querier, query: value };
}

/** A component that lists the answers of the round chosen by `roundId`. */
function mountAnswerList(repo: Repository, roundId: Ref<string>) {
  const querier = vi.fn((id: string) => repo.listAnswers(id));
  const { wrapper, value } = mountWith(
    (): LiveQuery<Answer[]> => useLiveQuery(querier, roundId),
    (query) =>
      h(
        'ul',
        (query.data.value ?? []).map((answer) => h('li', { key: answer.id }, `${answer.itemId}=${String(answer.value)}`)),
      ),
  );
  return { wrapper, querier, query: value };
}

async function twoRounds(repo: Repository) {
  const centre = createCentre(centreInput());
  await repo.addCentre(centre);
  const first = createRound(centre.id, roundInput({ title: 'Första' }), smallInstrument);
  const second = createRound(centre.id, roundInput({ title: 'Andra' }), smallInstrument);
  await repo.addRound(first);
  await repo.addRound(second);
  return { first, second };
}

describe('useLiveQuery', () => {
  it('is loading until the first result arrives, then shows it', async () => {
    const { repo } = freshDatabase();
    await repo.addCentre(createCentre(centreInput({ name: 'Alby' })));
    const { wrapper, query } = mountCentreList(repo);
    expect(wrapper.text()).toBe('Laddar…');
    expect(query().data.value).toBeUndefined();
    await vi.waitFor(() => expect(wrapper.text()).toBe('Alby'));
    expect(query().loading.value).toBe(false);
    expect(query().error.value).toBeUndefined();
  });

  it('updates when a write happens, without being asked', async () => {
    const { repo } = freshDatabase();
    const { wrapper } = mountCentreList(repo);
    await vi.waitFor(() => expect(wrapper.find('ul').exists()).toBe(true));
    expect(wrapper.findAll('li')).toHaveLength(0);

    await repo.addCentre(createCentre(centreInput({ name: 'Östberga' })));
    await vi.waitFor(() => expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['Östberga']));

    await repo.addCentre(createCentre(centreInput({ name: 'Alby' })));
    await vi.waitFor(() => expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['Alby', 'Östberga']));
  });

  it('updates on an update and a soft delete as well', async () => {
    const { repo } = freshDatabase();
    const centre = createCentre(centreInput({ name: 'Alby' }));
    await repo.addCentre(centre);
    const { wrapper } = mountCentreList(repo);
    await vi.waitFor(() => expect(wrapper.text()).toBe('Alby'));
    await repo.updateCentre(centre.id, centreInput({ name: 'Alby gård' }));
    await vi.waitFor(() => expect(wrapper.text()).toBe('Alby gård'));
    await repo.softDeleteCentre(centre.id);
    await vi.waitFor(() => expect(wrapper.findAll('li')).toHaveLength(0));
  });

  it('does not react to writes in another database', async () => {
    const mine = freshDatabase();
    const other = freshDatabase();
    const { wrapper, querier } = mountCentreList(mine.repo);
    await vi.waitFor(() => expect(wrapper.find('ul').exists()).toBe(true));
    await settle();
    const calls = querier.mock.calls.length;
    await other.repo.addCentre(createCentre(centreInput()));
    await settle();
    expect(querier.mock.calls.length).toBe(calls);
    expect(wrapper.findAll('li')).toHaveLength(0);
  });

  it('re-subscribes when its source changes, and then follows the new source only', async () => {
    const { repo } = freshDatabase();
    const { first, second } = await twoRounds(repo);
    await repo.saveAnswer(first.id, 'goal-a', 'a-1', { value: 1 });
    await repo.saveAnswer(second.id, 'goal-a', 'a-1', { value: 4 });
    const roundId = ref(first.id);
    const { wrapper, querier } = mountAnswerList(repo, roundId);
    await vi.waitFor(() => expect(wrapper.text()).toBe('a-1=1'));
    expect(querier).toHaveBeenLastCalledWith(first.id);

    roundId.value = second.id;
    await vi.waitFor(() => expect(wrapper.text()).toBe('a-1=4'));
    expect(querier).toHaveBeenLastCalledWith(second.id);

    // The old round changes: nothing is read for it any more.
    await settle();
    querier.mockClear();
    await repo.saveAnswer(first.id, 'goal-a', 'a-2', { value: 2 });
    await settle();
    expect(querier.mock.calls.every(([id]) => id === second.id)).toBe(true);
    expect(wrapper.text()).toBe('a-1=4');

    // The new round changes: it is shown.
    await repo.saveAnswer(second.id, 'goal-a', 'a-2', { value: 'dont-know' });
    await vi.waitFor(() => expect(wrapper.findAll('li').map((li) => li.text()).sort()).toEqual(['a-1=4', 'a-2=dont-know']));
  });

  it('forgets the old result while the new source loads, so old data is never shown for the new source', async () => {
    const { repo } = freshDatabase();
    const { first, second } = await twoRounds(repo);
    await repo.saveAnswer(first.id, 'goal-a', 'a-1', { value: 1 });
    const roundId = ref(first.id);
    const { wrapper, query } = mountAnswerList(repo, roundId);
    await vi.waitFor(() => expect(wrapper.text()).toBe('a-1=1'));
    roundId.value = second.id;
    await wrapper.vm.$nextTick();
    expect(query().data.value).toBeUndefined();
    expect(query().loading.value).toBe(true);
    await vi.waitFor(() => expect(query().loading.value).toBe(false));
    expect(query().data.value).toEqual([]);
  });

  it('stops on unmount: no more reads and no more updates', async () => {
    const { repo } = freshDatabase();
    const { wrapper, querier, query } = mountCentreList(repo);
    await vi.waitFor(() => expect(query().loading.value).toBe(false));
    await settle();
    const reads = querier.mock.calls.length;
    const before = query().data.value;

    wrapper.unmount();
    await repo.addCentre(createCentre(centreInput({ name: 'Efter' })));
    await settle();

    expect(querier.mock.calls.length).toBe(reads);
    expect(query().data.value).toBe(before);
    expect(query().data.value).toEqual([]);
  });

  it('stops on unmount after the source has changed too', async () => {
    const { repo } = freshDatabase();
    const { first, second } = await twoRounds(repo);
    const roundId = ref(first.id);
    const { wrapper, querier, query } = mountAnswerList(repo, roundId);
    roundId.value = second.id;
    await vi.waitFor(() => expect(query().loading.value).toBe(false));
    await settle();
    wrapper.unmount();
    querier.mockClear();
    await repo.saveAnswer(first.id, 'goal-a', 'a-1', { value: 1 });
    await repo.saveAnswer(second.id, 'goal-a', 'a-1', { value: 2 });
    roundId.value = first.id;
    await settle();
    expect(querier).not.toHaveBeenCalled();
    expect(query().data.value).toEqual([]);
  });

  it('reports a failing read as an error and stops loading', async () => {
    const failure = new Error('read failed');
    const { value: query } = mountWith(
      (): LiveQuery<number> => useLiveQuery(() => Promise.reject(failure)),
      () => null,
    );
    await vi.waitFor(() => expect(query().loading.value).toBe(false));
    expect(query().error.value).toBe(failure);
    expect(query().data.value).toBeUndefined();
  });
});
