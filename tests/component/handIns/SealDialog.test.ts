import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import SealDialog from '@/components/handIns/SealDialog.vue';
import { setLocale } from '@/i18n';

afterEach(() => setLocale('sv'));

function mountDialog(seal: () => Promise<unknown>) {
  const dialog = mount(SealDialog, {
    props: { title: 'Lämna in projektplanen?', failedText: 'Det gick inte att lämna in.', seal, testid: 'cycle-hand-in-dialog' },
    slots: { default: () => h('p', 'Det som lämnas in kan inte ändras.') },
    attachTo: document.body,
  });
  dialog.vm.open();
  return dialog;
}

type Dialog = ReturnType<typeof mountDialog>;
const element = (dialog: Dialog) => dialog.get<HTMLDialogElement>('dialog').element;
const confirm = (dialog: Dialog) => dialog.get('[data-testid="cycle-hand-in-confirm"]');

describe('SealDialog', () => {
  it('asks with the caller’s words and seals only when confirmed, then closes', async () => {
    const seal = vi.fn(() => Promise.resolve({ id: 'sealed' }));
    const dialog = mountDialog(seal);
    expect(element(dialog).open).toBe(true);
    expect(dialog.get('h2').text()).toBe('Lämna in projektplanen?');
    expect(dialog.text()).toContain('Det som lämnas in kan inte ändras.');
    expect(seal).not.toHaveBeenCalled();
    await confirm(dialog).trigger('click');
    await flushPromises();
    expect(seal).toHaveBeenCalledOnce();
    expect(element(dialog).open).toBe(false);
  });

  it('cancels without sealing', async () => {
    const seal = vi.fn(() => Promise.resolve({ id: 'sealed' }));
    const dialog = mountDialog(seal);
    await dialog.findAll('button').find((button) => button.text() === 'Avbryt')?.trigger('click');
    expect(element(dialog).open).toBe(false);
    expect(seal).not.toHaveBeenCalled();
  });

  it('says "Lämnar in…" and takes no second tap while it seals', async () => {
    let finish: (value: unknown) => void = () => undefined;
    const seal = vi.fn(() => new Promise((resolve) => (finish = resolve)));
    const dialog = mountDialog(seal);
    await confirm(dialog).trigger('click');
    expect(confirm(dialog).text()).toBe('Lämnar in…');
    expect(confirm(dialog).attributes('disabled')).toBeDefined();
    finish({ id: 'sealed' });
    await flushPromises();
    expect(confirm(dialog).text()).toBe('Lämna in');
  });

  it('stays open and says so when nothing was sealed, or sealing failed, and forgets it when opened again', async () => {
    const seal = vi.fn<() => Promise<unknown>>().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    const dialog = mountDialog(seal);
    await confirm(dialog).trigger('click');
    await flushPromises();
    expect(element(dialog).open).toBe(true);
    expect(dialog.get('[role="alert"]').text()).toBe('Det gick inte att lämna in.');
    await confirm(dialog).trigger('click');
    await flushPromises();
    expect(element(dialog).open).toBe(true);
    expect(dialog.get('[role="alert"]').text()).toBe('Det gick inte att lämna in.');
    element(dialog).close();
    dialog.vm.open();
    await flushPromises();
    expect(dialog.find('[role="alert"]').exists()).toBe(false);
  });

  it('says it in English', () => {
    setLocale('en');
    const dialog = mountDialog(() => Promise.resolve(undefined));
    expect(confirm(dialog).text()).toBe('Hand in');
    expect(dialog.findAll('button').map((button) => button.text())).toContain('Cancel');
  });
});
