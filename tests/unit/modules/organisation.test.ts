import { afterEach, describe, expect, it, vi } from 'vitest';
import { contactHref } from '@/modules/organisation';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('the organisation running the app', () => {
  it('is unset unless the build names it, so that the statement shows its placeholders', async () => {
    vi.stubEnv('VITE_ORGANISATION_NAME', '  ');
    vi.stubEnv('VITE_ACCESSIBILITY_CONTACT', '');
    const { organisation } = await import('@/modules/organisation');
    expect(organisation).toEqual({});
  });

  it('takes the name and contact from the build settings', async () => {
    vi.stubEnv('VITE_ORGANISATION_NAME', 'Botkyrka kommun');
    vi.stubEnv('VITE_ACCESSIBILITY_CONTACT', ' tillganglighet@botkyrka.se ');
    const { organisation } = await import('@/modules/organisation');
    expect(organisation).toEqual({ name: 'Botkyrka kommun', contact: 'tillganglighet@botkyrka.se' });
  });

  it('links an e-mail address as mail and an https form as itself, and nothing else', () => {
    expect(contactHref('tillganglighet@botkyrka.se')).toBe('mailto:tillganglighet@botkyrka.se');
    expect(contactHref('https://www.botkyrka.se/synpunkter')).toBe('https://www.botkyrka.se/synpunkter');
    expect(contactHref('javascript:alert(1)')).toBeUndefined();
    expect(contactHref('http://example.se')).toBeUndefined();
    expect(contactHref('08-530 610 00')).toBeUndefined();
  });
});
