import { acceptHMRUpdate, defineStore } from 'pinia';
import { onScopeDispose, ref } from 'vue';

export type PersistenceState = 'checking' | 'persistent' | 'not-persistent' | 'unsupported';

/** What the device tells us: network state and whether our storage survives pressure on space. */
export const useDeviceStore = defineStore('device', () => {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
  const persistence = ref<PersistenceState>('checking');
  const usage = ref<{ used: number; quota: number }>();

  const update = () => {
    online.value = navigator.onLine;
  };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onScopeDispose(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });

  async function refreshUsage(): Promise<void> {
    if (!navigator.storage?.estimate) return;
    const estimate = await navigator.storage.estimate();
    if (estimate.usage !== undefined && estimate.quota !== undefined) {
      usage.value = { used: estimate.usage, quota: estimate.quota };
    }
  }

  /** Asks the browser to keep our data under storage pressure; called once at start. */
  async function requestPersistence(): Promise<void> {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.persist || !storage.persisted) {
      persistence.value = 'unsupported';
      return;
    }
    try {
      const granted = (await storage.persisted()) || (await storage.persist());
      persistence.value = granted ? 'persistent' : 'not-persistent';
    } catch {
      persistence.value = 'unsupported';
    }
    await refreshUsage().catch(() => undefined);
  }

  return { online, persistence, usage, requestPersistence, refreshUsage };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDeviceStore, import.meta.hot));
