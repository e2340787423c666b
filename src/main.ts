import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { initialLocaleLoaded, loadAllMessages } from './i18n';
import { createAppRouter } from './modules/router';
import { installServiceWorker } from './modules/pwa';
import './styles/main.css';

// The first render is in the remembered language, never Swedish first and English a moment later.
await initialLocaleLoaded();

const app = createApp(App);
const router = createAppRouter();
app.use(createPinia());
app.use(router);
// The first paint is the whole page, not the header and then, a moment later, the page under it:
// mounted once the first route's chunk, texts and instrument are here (they load side by side, see
// the router). The start page is in this chunk, so there this is at once. Should a chunk be slow to
// come (a first visit on a poor network), the header shows after a second all the same. Not awaited
// at the top level: a lazy chunk that imports from this one would wait for this module to finish.
void Promise.race([router.isReady().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000))]).then(() => {
  app.mount('#app');
});
installServiceWorker();
// Fetched while the start page shows, so that the next page opens without waiting for its texts, but
// after `load`: the first screen does not need them, and they used to be a seventh of its download.
// A page opened sooner waits for them in the router.
// The network's code (src/network) is fetched only on a device where a network is set: elsewhere
// nothing of it loads and no request goes to a server.
const startNetworkIfSet = async () => {
  const { networkIsConfigured } = await import('./stores/network');
  if (await networkIsConfigured()) (await import('./network')).startNetwork();
};
const fetchTheRest = () => {
  void loadAllMessages().catch(() => undefined);
  void startNetworkIfSet().catch(() => undefined);
};
if (document.readyState === 'complete') fetchTheRest();
else addEventListener('load', fetchTheRest, { once: true });
