import 'fake-indexeddb/auto';
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, beforeAll } from 'vitest';
import { loadAllMessages, loadLocale } from '@/i18n';

// Every component mounted in a test is unmounted after it, so subscriptions and timers end with it.
enableAutoUnmount(afterEach);

// The app fetches English on demand; tests switch languages synchronously, so it is loaded up front.
beforeAll(async () => {
  await Promise.all([loadLocale('en'), loadAllMessages()]);
});

afterEach(() => {
  localStorage.clear();
});
