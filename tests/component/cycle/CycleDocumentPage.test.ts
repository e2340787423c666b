import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import CycleDocumentPage from '@/components/cycle/CycleDocumentPage.vue';
import { setLocale } from '@/i18n';
import { routes } from '@/modules/router';

afterEach(() => {
  vi.unstubAllGlobals();
  setLocale('sv');
  document.title = '';
});

async function mountPage(props: { loading?: boolean; centreName?: string | undefined; due?: string | undefined } = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/');
  await router.isReady();
  const page = mount(CycleDocumentPage, {
    props: {
      centreId: 'centre-1',
      title: 'Lokal projektplan 2026',
      intro: 'Planen för året.',
      due: 'due' in props ? props.due : '1 april 2026',
      loading: props.loading ?? false,
      centreName: 'centreName' in props ? props.centreName : 'Familjecentralen Fittja',
      latest: undefined,
      edited: false,
      seal: () => Promise.resolve(undefined),
    },
    slots: {
      default: () => h('p', { 'data-testid': 'editor' }, 'Redigeraren'),
      document: () => h('p', { 'data-testid': 'document' }, 'Dokumentet'),
    },
    global: { plugins: [createPinia(), router] },
  });
  await flushPromises();
  return page;
}

type Page = Awaited<ReturnType<typeof mountPage>>;
const preview = (page: Page) => page.get('[data-testid="cycle-preview"]');

describe('CycleDocumentPage', () => {
  it('names the document, the centre and when it is due, with the way back to the centre', async () => {
    const page = await mountPage();
    expect(page.get('h1').text()).toBe('Lokal projektplan 2026');
    expect(page.get('header').text()).toContain('Familjecentralen Fittja');
    expect(page.get('header').text()).toContain('Planen för året. Lämnas in senast 1 april 2026.');
    expect(page.get('a.button').text()).toBe('← Tillbaka till centralen');
    expect(page.get('a.button').attributes('href')).toContain('centre-1');
  });

  it('says nothing of a due date the network has not set', async () => {
    const page = await mountPage({ due: undefined });
    expect(page.get('header').text()).not.toContain('Lämnas in senast');
  });

  it('shows the editor, and the document to print once previewed, and the editor again', async () => {
    // happy-dom has no print dialog.
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const page = await mountPage();
    expect(page.find('[data-testid="editor"]').exists()).toBe(true);
    expect(page.find('[data-testid="document"]').exists()).toBe(false);
    expect(preview(page).text()).toBe('Förhandsgranska och skriv ut');
    await preview(page).trigger('click');
    expect(preview(page).attributes('aria-pressed')).toBe('true');
    expect(preview(page).text()).toBe('Tillbaka till redigeringen');
    expect(page.find('[data-testid="editor"]').exists()).toBe(false);
    expect(page.get('[data-testid="document"]').text()).toBe('Dokumentet');
    await page.get('[data-testid="cycle-print"]').trigger('click');
    expect(print).toHaveBeenCalledOnce();
    await preview(page).trigger('click');
    expect(preview(page).text()).toBe('Förhandsgranska och skriv ut');
    expect(page.find('[data-testid="editor"]').exists()).toBe(true);
  });

  it('names the centre and the document in the tab’s title while open, and gives the title back after', async () => {
    document.title = 'Självvärdering';
    const page = await mountPage();
    expect(document.title).toBe('Familjecentralen Fittja – Lokal projektplan 2026');
    page.unmount();
    expect(document.title).toBe('Självvärdering');
  });

  it('says it is loading, or that the centre is not here, instead of an empty page', async () => {
    expect((await mountPage({ loading: true })).get('[role="status"]').text()).toBe('Laddar…');
    const missing = await mountPage({ centreName: undefined });
    expect(missing.text()).toContain('Familjecentralen finns inte på den här enheten.');
    expect(missing.find('[data-testid="editor"]').exists()).toBe(false);
  });

  it('says it in English', async () => {
    setLocale('en');
    const page = await mountPage();
    expect(preview(page).text()).toBe('Preview and print');
    await preview(page).trigger('click');
    expect(preview(page).text()).toBe('Back to editing');
  });
});
