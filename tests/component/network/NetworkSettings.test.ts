import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import NetworkSettings from '@/components/network/NetworkSettings.vue';
import { networkRepository } from '@/db/network';
import { emptyAppDatabase } from '../../fixtures/appDatabase';

beforeEach(emptyAppDatabase);
afterEach(() => {
  vi.unstubAllGlobals();
});

async function settle(): Promise<void> {
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await flushPromises();
}

async function mountSettings() {
  const wrapper = mount(NetworkSettings, { global: { plugins: [createPinia()] } });
  await settle();
  return wrapper;
}

async function typeAndSave(wrapper: Awaited<ReturnType<typeof mountSettings>>, address: string, databases: string): Promise<string> {
  await wrapper.find('[data-testid="network-address"]').setValue(address);
  await wrapper.find('[data-testid="network-databases"]').setValue(databases);
  await wrapper.find('form').trigger('submit');
  // Saving loads the network's code the first time: wait for the answer rather than a fixed time.
  await vi.waitFor(() => expect(wrapper.find('[data-testid="network-message"]').exists()).toBe(true), { timeout: 3_000 });
  await settle();
  return wrapper.find('[data-testid="network-message"]').text();
}

describe('NetworkSettings, typed by hand', () => {
  it('keeps a path of this site and the databases with their labels, and the form for a centre’s login appears', async () => {
    // Setting the network sends nothing by itself: there is no login yet.
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const wrapper = await mountSettings();
    expect(wrapper.find('[data-testid="network-centre-login"]').exists()).toBe(false);
    expect(await typeAndSave(wrapper, ' /couchdb/ ', 'fc-fittja Familjecentralen Fittja\n\nfc-alby Alby\n')).toBe('Nätverket är sparat.');
    expect(await networkRepository.getSettings()).toEqual({ address: '/couchdb', databases: [{ db: 'fc-fittja', label: 'Familjecentralen Fittja' }, { db: 'fc-alby', label: 'Alby' }], centres: {} });
    expect(wrapper.find('[data-testid="network-centre-login"]').exists()).toBe(true);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses another host (the CSP allows only this site) and a database name CouchDB would refuse, and keeps nothing', async () => {
    const wrapper = await mountSettings();
    expect(await typeAndSave(wrapper, 'https://server.example/couchdb', 'fc-fittja')).toBe('Adressen måste vara en sökväg på den här webbplatsen, till exempel /couchdb.');
    expect(await typeAndSave(wrapper, '//server.example/couchdb', 'fc-fittja')).toContain('Adressen måste vara en sökväg');
    expect(await typeAndSave(wrapper, '/couchdb', 'FC_Fittja')).toBe('Ett databasnamn är inte giltigt: små bokstäver, siffror och _$()+-/, en bokstav först.');
    expect((await networkRepository.getSettings()).address).toBe('');
    expect(wrapper.find('[data-testid="network-centre-login"]').exists()).toBe(false);
  });
});
