import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, shallowRef } from 'vue';
import { PROGRESSIVE_FIRST, PROGRESSIVE_STEP, useProgressiveList } from '@/composables/useProgressiveList';

const numbers = (count: number, from = 0): number[] => Array.from({ length: count }, (_, i) => from + i);

/** A list of `items` rendered through useProgressiveList, one <li> per shown item. */
function mountList(items: { value: readonly number[] }) {
  return mount(
    defineComponent({
      setup() {
        const shown = useProgressiveList(() => items.value);
        return () => h('ul', shown.value.map((n) => h('li', { key: n }, String(n))));
      },
    }),
  );
}

/** Runs the next animation frame (happy-dom runs them on timers). */
async function frame(): Promise<void> {
  vi.advanceTimersToNextFrame();
  await nextTick();
}

describe('useProgressiveList', () => {
  it('draws a short list whole at once', () => {
    const wrapper = mountList(shallowRef(numbers(12)));
    expect(wrapper.findAll('li')).toHaveLength(12);
  });

  it('draws a long list a slice per frame until every row is there, in order', async () => {
    vi.useFakeTimers();
    try {
      const wrapper = mountList(shallowRef(numbers(130)));
      expect(wrapper.findAll('li')).toHaveLength(PROGRESSIVE_FIRST);
      await frame();
      expect(wrapper.findAll('li')).toHaveLength(PROGRESSIVE_FIRST + PROGRESSIVE_STEP);
      for (let i = 0; i < 5; i++) await frame();
      expect(wrapper.findAll('li').map((li) => Number(li.text()))).toEqual(numbers(130));
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the rows drawn when the list changes, and goes on to the new ones', async () => {
    vi.useFakeTimers();
    try {
      const items = shallowRef<readonly number[]>(numbers(60));
      const wrapper = mountList(items);
      for (let i = 0; i < 3; i++) await frame();
      expect(wrapper.findAll('li')).toHaveLength(60);
      items.value = numbers(200, 1000);
      await nextTick();
      // No flicker back to the first slice.
      expect(wrapper.findAll('li').length).toBeGreaterThanOrEqual(60);
      for (let i = 0; i < 10; i++) await frame();
      expect(wrapper.findAll('li')).toHaveLength(200);
    } finally {
      vi.useRealTimers();
    }
  });
});
