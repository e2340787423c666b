import { afterEach, describe, expect, it, vi } from 'vitest';
import ActionReview from '@/components/actions/ActionReview.vue';
import { repository } from '../../fixtures/repository';
import type { ActionItem, InstrumentGoal } from '@/domain/types';
import { setLocale } from '@/i18n';
import { loadDefaultInstrument } from '@/instrument';
import { reviewSettingKey } from '@/stores/actions';
import { autumn, makeAction, mountWith, openRound, settle, spring } from './helpers';

afterEach(() => {
  setLocale('sv');
});

let goals: readonly InstrumentGoal[] = [];

const open = makeAction(spring.id, { what: 'Öppen mottagning', who: 'BVC', due: '2026-06-30', status: 'ongoing' });
const planned = makeAction(spring.id, { what: 'Föräldragrupp', goalId: 'goal-2', createdAt: '2026-03-10T10:00:00.000Z' });
const done = makeAction(spring.id, { what: 'Klar sak', status: 'done' });
const dropped = makeAction(spring.id, { what: 'Struken', status: 'dropped' });

async function mountReview(actions: readonly ActionItem[] = [open, planned, done, dropped], roundId = autumn.id) {
  if (goals.length === 0) goals = (await loadDefaultInstrument()).goals;
  const pinia = await openRound(roundId, actions);
  const wrapper = mountWith(ActionReview, pinia, { goals });
  await settle(wrapper);
  return wrapper;
}

function items(wrapper: Awaited<ReturnType<typeof mountReview>>) {
  return wrapper.findAll('[data-testid="review-item"]');
}

function button(wrapper: Awaited<ReturnType<typeof mountReview>>, text: string) {
  const found = wrapper.findAll('button').find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

describe('ActionReview', () => {
  it('lists only the open actions of the previous round, with goal, who, due and status', async () => {
    const wrapper = await mountReview();
    expect(wrapper.get('h2').text()).toBe('Öppna åtgärder från förra omgången');
    expect(wrapper.text()).toContain('Våren 2026');
    expect(items(wrapper).map((i) => i.get('.action-review__what').text())).toEqual(['Öppen mottagning', 'Föräldragrupp']);
    const first = items(wrapper)[0];
    expect(first?.text()).toMatch(/^Mål 1: /);
    expect(first?.text()).toContain('BVC');
    expect(first?.text()).toContain('30 juni 2026');
    expect(first?.get('select').element.value).toBe('ongoing');
    expect(items(wrapper)[1]?.text()).toMatch(/^Mål 2: /);
  });

  it('flags an open action past its date as overdue, and not one without a date', async () => {
    // Only Date is faked: the database's own timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-12T09:00:00'));
    try {
      const wrapper = await mountReview();
      const [late, undated] = items(wrapper);
      expect(late?.find('[data-testid="action-overdue"]').text()).toBe('Försenad');
      expect(undated?.find('[data-testid="action-overdue"]').exists()).toBe(false);
      vi.setSystemTime(new Date('2026-06-30T09:00:00'));
      const onTheDay = await mountReview();
      expect(onTheDay.find('[data-testid="action-overdue"]').exists()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is not shown in the first round', async () => {
    const wrapper = await mountReview([open], spring.id);
    expect(wrapper.find('[data-testid="action-review"]').exists()).toBe(false);
  });

  it('is not shown when the previous round has no open actions', async () => {
    const wrapper = await mountReview([done, dropped]);
    expect(wrapper.find('[data-testid="action-review"]').exists()).toBe(false);
  });

  it('carries one action forward: a copy in this round, the original left as it was', async () => {
    const wrapper = await mountReview();
    await wrapper.get('button[aria-label="Ta med ”Öppen mottagning” till den här omgången"]').trigger('click');
    await vi.waitFor(async () => expect(await repository.listActions(autumn.id)).toHaveLength(1));
    const [copy] = await repository.listActions(autumn.id);
    expect(copy).toMatchObject({ what: 'Öppen mottagning', status: 'ongoing', goalId: 'goal-1', carriedFromId: open.id, roundId: autumn.id });
    expect(copy?.id).not.toBe(open.id);
    expect((await repository.listActions(spring.id)).find((a) => a.id === open.id)).toEqual(open);
    await vi.waitFor(() => expect(items(wrapper).map((i) => i.get('.action-review__what').text())).toEqual(['Föräldragrupp']));
    expect(wrapper.get('[role="status"]').text()).toBe('1 åtgärd togs med till den här omgången.');
  });

  it('carries all forward, after which the review goes away', async () => {
    const wrapper = await mountReview();
    await button(wrapper, 'Ta med alla').trigger('click');
    await vi.waitFor(async () => expect((await repository.listActions(autumn.id)).map((a) => a.carriedFromId).sort()).toEqual([open.id, planned.id].sort()));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="action-review"]').exists()).toBe(false));
    expect(wrapper.get('[role="status"]').text()).toBe('2 åtgärder togs med till den här omgången.');
  });

  it('updates the status of the original: an action marked done leaves the review and is not carried', async () => {
    const wrapper = await mountReview();
    await items(wrapper)[0]?.get('select').setValue('done');
    await vi.waitFor(async () => expect((await repository.listActions(spring.id)).find((a) => a.id === open.id)?.status).toBe('done'));
    await vi.waitFor(() => expect(items(wrapper)).toHaveLength(1));
    expect(await repository.listActions(autumn.id)).toEqual([]);
  });

  it('remembers per round that the review is done', async () => {
    const wrapper = await mountReview();
    await button(wrapper, 'Klar med genomgången').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="action-review"]').exists()).toBe(false));
    expect(await repository.getSetting(reviewSettingKey(autumn.id))).toBe('done');
    expect(await repository.listActions(autumn.id)).toEqual([]);
  });

  it('stays dismissed when opened again', async () => {
    const pinia = await openRound(autumn.id, [open]);
    await repository.setSetting(reviewSettingKey(autumn.id), 'done');
    if (goals.length === 0) goals = (await loadDefaultInstrument()).goals;
    const wrapper = mountWith(ActionReview, pinia, { goals });
    await settle(wrapper);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="action-review"]').exists()).toBe(false));
  });

  it('does not offer actions already carried forward', async () => {
    const copy = makeAction(autumn.id, { what: 'Kopia', carriedFromId: open.id });
    const wrapper = await mountReview([open, planned, copy]);
    expect(items(wrapper).map((i) => i.get('.action-review__what').text())).toEqual(['Föräldragrupp']);
  });

  it('is translated', async () => {
    setLocale('en');
    const wrapper = await mountReview();
    expect(wrapper.get('h2').text()).toBe('Open actions from the previous round');
    expect(button(wrapper, 'Carry forward all').exists()).toBe(true);
  });
});
