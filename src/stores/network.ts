import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { networkRepository, type OutboxEntry, type RefusedDoc } from '@/db/network';
import { EMPTY_NETWORK, isDatabaseName, isNetworkAddress, networkIsSet, normaliseAddress, parseNetworkJson, type NetworkDatabase, type NetworkLogin, type NetworkProblem, type NetworkSettings } from '@/domain/network/network';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { nowIso } from '@/domain/ids';
import type { CouchErrorCode } from '@/network/couch';
import type { FeedState } from '@/network/feed';
import { useInstrumentStore } from './instrument';
import { useSaveStatusStore } from './saveStatus';

/**
 * Whether this device has a network set, read once at start (main.ts, after `load`): only then is
 * the code that talks to a server fetched. Plain, not the store, so that it runs before any view.
 */
export async function networkIsConfigured(): Promise<boolean> {
  return networkIsSet(await networkRepository.getSettings());
}

/**
 * The network: its settings (set once on the About page, or read from the network.json beside the
 * app), the outbox of the centres on this device, and the coordinator's feed. The code that talks
 * to the server is imported only when it is used.
 */
export const useNetworkStore = defineStore('network', () => {
  const settingsQuery = useLiveQuery(() => networkRepository.getSettings());
  const refusedQuery = useLiveQuery(() => networkRepository.listRefused());
  const settings = computed<NetworkSettings>(() => settingsQuery.data.value ?? EMPTY_NETWORK);
  const isSet = computed(() => networkIsSet(settings.value));
  const refused = computed<readonly RefusedDoc[]>(() => refusedQuery.data.value ?? []);
  const feedStates = ref<Record<string, FeedState>>({});
  let feed: { stop: () => void } | undefined;

  async function save(next: NetworkSettings): Promise<void> {
    await useSaveStatusStore().track(() => networkRepository.setSettings(next));
    const { startNetwork, outbox } = await import('@/network');
    startNetwork();
    void outbox.run();
  }

  /** The address and the list of centres; checked like a file, nothing stored when wrong. */
  async function setNetwork(address: string, databases: readonly NetworkDatabase[]): Promise<NetworkProblem | undefined> {
    const normal = normaliseAddress(address);
    if (!isNetworkAddress(normal)) return 'address';
    if (databases.some((entry) => !isDatabaseName(entry.db))) return 'databases';
    await save({ ...settings.value, address: normal, databases: [...databases] });
    return undefined;
  }

  /** Reads `network.json` beside the app: asked for by the user, never fetched by itself. */
  async function loadNetworkJson(): Promise<NetworkProblem | 'unreachable' | undefined> {
    let text: string;
    try {
      const response = await fetch(new URL('network.json', document.baseURI).toString(), { cache: 'no-store' });
      if (!response.ok) return 'unreachable';
      text = await response.text();
    } catch {
      return 'unreachable';
    }
    const parsed = parseNetworkJson(text);
    if (!parsed.ok) return parsed.problem;
    return setNetwork(parsed.address, parsed.databases);
  }

  /** A centre's login; hand-ins sealed before the first one was set wait for `sendEarlier`. */
  async function setCentreLogin(centreId: string, db: string, login: NetworkLogin): Promise<void> {
    const since = settings.value.centres[centreId]?.since ?? nowIso();
    await save({ ...settings.value, centres: { ...settings.value.centres, [centreId]: { db, login, since } } });
  }

  /** "Skicka tidigare inlämningar": the centre's hand-ins sealed before its login was set go too. */
  async function sendEarlier(centreId: string): Promise<void> {
    await useSaveStatusStore().track(() => networkRepository.queueHandIns(centreId, nowIso()));
    await sendNow();
  }

  async function removeCentreLogin(centreId: string): Promise<void> {
    const { [centreId]: _removed, ...centres } = settings.value.centres;
    await save({ ...settings.value, centres });
  }

  /**
   * Logs the coordinator in (the server sets its session cookie) and keeps the name only: the
   * password is used here and forgotten. Resolves to why the server refused, if it did.
   */
  async function logInCoordinator(login: NetworkLogin): Promise<CouchErrorCode | undefined> {
    const current = settings.value.address ? settings.value : await networkRepository.getSettings();
    if (!networkIsSet(current)) return 'server';
    const { logInOnce } = await import('@/network/feed');
    return logInOnce(current.address, login);
  }

  /** Saves the coordinator's login once the server took it; nothing is stored when it did not. */
  async function setCoordinatorLogin(login: NetworkLogin | undefined): Promise<CouchErrorCode | undefined> {
    const { coordinator: _old, ...rest } = settings.value;
    if (!login) {
      await save(rest);
      return undefined;
    }
    const refused = await logInCoordinator(login);
    if (refused) return refused;
    await save({ ...rest, coordinator: { name: login.name } });
    return undefined;
  }

  /** "Logga in igen" on the coordinator's page, when the server's session has ended. */
  async function renewCoordinatorSession(password: string): Promise<CouchErrorCode | undefined> {
    const name = settings.value.coordinator?.name;
    if (name === undefined) return 'unauthorized';
    const refused = await logInCoordinator({ name, password });
    if (!refused) await follow();
    return refused;
  }

  /** Tries every waiting hand-in now ("Försök igen"). */
  async function sendNow(): Promise<void> {
    const { outbox } = await import('@/network');
    await outbox.sendNow();
  }

  /** Follows the centres' databases while the coordinator's page is open. */
  async function follow(): Promise<void> {
    stopFollowing();
    const current = settings.value.address ? settings.value : await networkRepository.getSettings();
    const login = current.coordinator;
    if (!networkIsSet(current) || !login || current.databases.length === 0) return;
    const instruments = useInstrumentStore();
    await instruments.load();
    const { startFeed } = await import('@/network/feed');
    feed = startFeed({
      address: current.address,
      login,
      databases: current.databases.map((entry) => entry.db),
      instruments: () => instruments.all,
      onState: (db, state) => {
        feedStates.value = { ...feedStates.value, [db]: state };
      },
    });
  }

  function stopFollowing(): void {
    feed?.stop();
    feed = undefined;
  }

  return { settings, isSet, refused, feedStates, setNetwork, loadNetworkJson, setCentreLogin, sendEarlier, removeCentreLogin, setCoordinatorLogin, renewCoordinatorSession, sendNow, follow, stopFollowing };
});

/** Why the server did not take a login, for the page that asked. */
export type LoginRefusal = CouchErrorCode;

/** A centre's outbox, live, for its page. */
export function useCentreOutbox(centreId: () => string) {
  const query = useLiveQuery((id) => networkRepository.listOutbox(id), centreId);
  return computed<readonly OutboxEntry[]>(() => query.data.value ?? []);
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useNetworkStore, import.meta.hot));
