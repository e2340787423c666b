import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import TheUndoToast from '@/components/app/TheUndoToast.vue';
import { db } from '@/db';
import { repository } from '../../fixtures/repository';
import { createCentre, createRound } from '@/domain/records';
import { createAction } from '@/domain/actions';
import { loadLocale, setLocale } from '@/i18n';
import { useActionsStore } from '@/stores/actions';
import { useUndoStore } from '@/stores/undo';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { smallInstrument } from '../../fixtures/instruments';
import { centreInput, roundInput } from '../../fixtures/records';

beforeEach(async () => {
  await emptyAppDatabase();
  setActivePinia(createPinia());
});

function mountToasts() {
  return mount(TheUndoToast, { attachTo: document.body });
}

describe('TheUndoToast', () => {
  it('stacks one toast per pending deletion, each with its own "Ångra" that undoes only that one', async () => {
    const centre = createCentre(centreInput({ name: 'Alby' }));
    await repository.addCentre(centre);
    const first = createRound(centre.id, roundInput({ title: 'A' }), smallInstrument);
    const second = createRound(centre.id, roundInput({ title: 'B' }), smallInstrument);
    await repository.addRound(first);
    await repository.addRound(second);
    await repository.softDeleteRound(first.id, new Date(Date.now() - 1000).toISOString());
    await repository.softDeleteRound(second.id);

    const wrapper = mountToasts();
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="undo-toast"]').map((toast) => toast.find('span').text())).toEqual(['Omgången ”A” togs bort.', 'Omgången ”B” togs bort.']));

    const toasts = wrapper.findAll('[data-testid="undo-toast"]');
    const undoB = toasts[1]?.findAll('button').find((button) => button.text() === 'Ångra');
    // The buttons are told apart by the message they belong to.
    expect(undoB?.attributes('aria-describedby')).toBe(toasts[1]?.find('span').attributes('id'));
    await undoB?.trigger('click');

    await vi.waitFor(async () => expect(await repository.getRound(second.id)).toEqual(second));
    expect(await db.rounds.get(first.id)).toHaveProperty('deletedAt');
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="undo-toast"]').map((toast) => toast.find('span').text())).toEqual(['Omgången ”A” togs bort.']));
    wrapper.unmount();
  });

  it('"Stäng" hides that toast only, and deletes nothing for good', async () => {
    const undo = useUndoStore();
    const put = vi.fn(() => Promise.resolve());
    undo.offer({ key: 'actions.deleted', params: { what: 'Första' } }, put);
    undo.offer({ key: 'actions.deleted', params: { what: 'Andra' } }, put);
    const wrapper = mountToasts();
    await wrapper.vm.$nextTick();
    const close = wrapper.findAll('[data-testid="undo-toast"]')[0]?.findAll('button').find((button) => button.text() === 'Stäng');
    await close?.trigger('click');
    expect(wrapper.findAll('[data-testid="undo-toast"]').map((toast) => toast.find('span').text())).toEqual(['Åtgärden ”Andra” togs bort.']);
    expect(put).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('puts each toast into words where it is shown: switching the language with a toast open changes its text', async () => {
    // An action deleted from a plan: its undo lives in memory, offered by the actions store.
    await useActionsStore().remove(createAction({ what: 'Läxhjälp', who: 'BVC', due: '', status: 'planned' }, 'centre', 'round', 'goal-a'));
    const wrapper = mountToasts();
    await vi.waitFor(() => expect(wrapper.find('[data-testid="undo-toast"]').exists()).toBe(true));
    const text = () => wrapper.find('[data-testid="undo-toast"] span').text();
    const undoButton = () => wrapper.find('[data-testid="undo-toast"] button').text();
    expect(text()).toBe('Åtgärden ”Läxhjälp” togs bort.');
    setLocale('en');
    await loadLocale('en');
    await vi.waitFor(() => expect(text()).toBe('The action “Läxhjälp” was deleted.'));
    expect(undoButton()).toBe('Undo');
    setLocale('sv');
    await vi.waitFor(() => expect(text()).toBe('Åtgärden ”Läxhjälp” togs bort.'));
    wrapper.unmount();
  });
});
