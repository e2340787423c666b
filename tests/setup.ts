import 'fake-indexeddb/auto';
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach } from 'vitest';

// Every component mounted in a test is unmounted after it, so subscriptions and timers end with it.
enableAutoUnmount(afterEach);

afterEach(() => {
  localStorage.clear();
});
