import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import TheUpdatePrompt from '@/components/app/TheUpdatePrompt.vue';
import { offlineReady } from '@/modules/pwa';

// The service worker's registration exists only in the Vite build: the module's state, without it.
vi.mock('@/modules/pwa', async () => {
  const { ref } = await import('vue');
  const ready = ref(false);
  return {
    offlineReady: ready,
    needRefresh: ref(false),
    applyUpdate: () => undefined,
    dismissUpdate: () => undefined,
    dismissOfflineReady: () => {
      ready.value = false;
    },
  };
});

/** The prompt beside a form field, as on the questionnaire. */
function mountWithField() {
  const Host = defineComponent(() => () => h('div', [h('textarea', { id: 'note' }), h('button', { id: 'other' }, 'Knapp'), h(TheUpdatePrompt)]));
  return mount(Host, { attachTo: document.body });
}

afterEach(() => {
  offlineReady.value = false;
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('TheUpdatePrompt: the "works offline now" note', () => {
  it('goes by itself after a few seconds', async () => {
    vi.useFakeTimers();
    const wrapper = mountWithField();
    offlineReady.value = true;
    await nextTick();
    expect(wrapper.text()).toContain('Appen fungerar nu utan nätverk.');
    vi.advanceTimersByTime(5000);
    await nextTick();
    expect(wrapper.text()).toContain('Appen fungerar nu utan nätverk.');
    vi.advanceTimersByTime(1500);
    await nextTick();
    expect(wrapper.text()).not.toContain('Appen fungerar nu utan nätverk.');
  });

  it('goes at once when a form field takes focus, so that it never covers what is typed', async () => {
    const wrapper = mountWithField();
    offlineReady.value = true;
    await nextTick();
    (document.getElementById('other') as HTMLButtonElement).focus();
    await nextTick();
    expect(wrapper.text()).toContain('Appen fungerar nu utan nätverk.');
    (document.getElementById('note') as HTMLTextAreaElement).focus();
    await nextTick();
    expect(wrapper.text()).not.toContain('Appen fungerar nu utan nätverk.');
  });
});
