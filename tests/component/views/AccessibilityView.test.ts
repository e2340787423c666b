import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The view as a build with these settings shows it (the settings are read once, at load). */
async function mountStatement(env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  // A fresh module graph: the texts of every page are loaded again, as the router would.
  await (await import('@/i18n')).loadAllMessages();
  const { default: AccessibilityView } = await import('@/views/AccessibilityView.vue');
  return mount(AccessibilityView);
}

describe('the accessibility statement', () => {
  it('names the organisation and links its contact once the build sets them, without placeholders', async () => {
    const view = await mountStatement({ VITE_ORGANISATION_NAME: 'Botkyrka kommun', VITE_ACCESSIBILITY_CONTACT: 'tillganglighet@botkyrka.se' });
    expect(view.find('.lead').text()).toMatch(/^Botkyrka kommun står bakom Självvärdering familjecentral\./);
    const contact = view.get('[data-testid="feedback-contact"]');
    expect(contact.element.tagName).toBe('A');
    expect(contact.attributes('href')).toBe('mailto:tillganglighet@botkyrka.se');
    expect(view.text()).not.toContain('Platshållare');
    expect(view.get('a[href="https://www.digg.se/tdosanmalan"]').text()).toBe('Anmäl bristande tillgänglighet till Digg');
  });

  it('marks what the organisation has to fill in while the build leaves it unset', async () => {
    const view = await mountStatement({ VITE_ORGANISATION_NAME: '', VITE_ACCESSIBILITY_CONTACT: '' });
    expect(view.find('.lead').text()).toContain('[Platshållare: namnet på organisationen som driver appen]');
    expect(view.get('[data-testid="feedback-contact"]').classes()).toContain('placeholder');
    expect(view.text()).toContain('Texter inom hakparentes är platshållare');
  });

  it('shows a contact that is neither an address nor an https form as text, never as a link', async () => {
    const view = await mountStatement({ VITE_ORGANISATION_NAME: 'Botkyrka kommun', VITE_ACCESSIBILITY_CONTACT: 'javascript:alert(1)' });
    const contact = view.get('[data-testid="feedback-contact"]');
    expect(contact.element.tagName).toBe('SPAN');
    expect(contact.text()).toBe('javascript:alert(1)');
  });
});
