import { ref } from 'vue';

/** Service-worker state shown by TheUpdatePrompt: updates wait until the user accepts them. */
export const needRefresh = ref(false);
export const offlineReady = ref(false);
let updateServiceWorker: ((reload?: boolean) => Promise<void>) | undefined;

/**
 * Registers the service worker after `load`: workbox-window is fetched only then, so the first
 * screen does not download it (2 KB gzip of the first load). `immediate`, because the plugin's own
 * wait for `load` would never end once `load` has passed.
 */
export function installServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const start = () => void register().catch(() => undefined);
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}

async function register(): Promise<void> {
  const { registerSW } = await import('virtual:pwa-register');
  updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh() {
      needRefresh.value = true;
    },
    onOfflineReady() {
      offlineReady.value = true;
      // Good news needs no answer: it goes away by itself.
      setTimeout(dismissOfflineReady, 6000);
    },
    onRegisteredSW(_url, registration) {
      // A tablet may stay open for days: look for a new version every hour while online.
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, 60 * 60 * 1000);
    },
  });
}

export async function applyUpdate(): Promise<void> {
  needRefresh.value = false;
  await updateServiceWorker?.(true);
}

export function dismissUpdate(): void {
  needRefresh.value = false;
}

export function dismissOfflineReady(): void {
  offlineReady.value = false;
}
