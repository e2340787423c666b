import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import ConfirmDialog from '@/components/common/ConfirmDialog.vue';

type Dialog = InstanceType<typeof ConfirmDialog>;

function mountDialog(props: { tone?: 'danger' | 'primary' } = {}) {
  const wrapper = mount(ConfirmDialog, {
    props: { title: 'Markera som klar?', body: '3 påståenden är obesvarade.', confirmLabel: 'Markera som klar', ...props },
    attachTo: document.body,
  });
  (wrapper.vm as unknown as Dialog).open();
  return wrapper;
}

const confirmButton = (wrapper: ReturnType<typeof mountDialog>) => wrapper.get('button');

describe('ConfirmDialog', () => {
  it('asks with its title and body, and says yes only when the confirm button is pressed', async () => {
    const wrapper = mountDialog();
    const dialog = wrapper.get<HTMLDialogElement>('dialog');
    await vi.waitFor(() => expect(dialog.element.open).toBe(true));
    expect(dialog.text()).toContain('Markera som klar?');
    expect(dialog.text()).toContain('3 påståenden är obesvarade.');

    await wrapper.findAll('button').find((button) => button.text() === 'Avbryt')?.trigger('click');
    expect(dialog.element.open).toBe(false);
    expect(wrapper.emitted('confirm')).toBeUndefined();

    (wrapper.vm as unknown as Dialog).open();
    await confirmButton(wrapper).trigger('click');
    expect(wrapper.emitted('confirm')).toHaveLength(1);
    expect(dialog.element.open).toBe(false);
    wrapper.unmount();
  });

  it('looks like a warning for what removes something, and like an ordinary next step otherwise', () => {
    const removing = mountDialog();
    expect(confirmButton(removing).classes()).toContain('button--danger');
    removing.unmount();
    const movingOn = mountDialog({ tone: 'primary' });
    expect(confirmButton(movingOn).classes()).toContain('button--primary');
    expect(confirmButton(movingOn).classes()).not.toContain('button--danger');
    movingOn.unmount();
  });
});
