import { computed, nextTick, useTemplateRef, watch, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { usePresentationKeys, type PresentationControls } from './usePresentationKeys';

/**
 * The slide a presentation shows, kept in the URL (`?slide=3` deep-links it), and the heading (the
 * element with `ref="heading"`) that takes focus on each change so that screen readers hear the new
 * slide's title.
 */
export function useSlideNavigation(total: Ref<number>) {
  const route = useRoute();
  const router = useRouter();
  const slide = computed(() => {
    const n = Number(route.query.slide ?? 1);
    return Number.isInteger(n) ? Math.min(Math.max(n, 1), Math.max(total.value, 1)) : 1;
  });
  const heading = useTemplateRef<HTMLElement>('heading');

  function go(n: number): void {
    void router.replace({ query: { ...route.query, slide: String(Math.min(Math.max(n, 1), Math.max(total.value, 1))) } });
  }

  function fullscreen(): void {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }

  function leaveFullscreen(): void {
    if (document.fullscreenElement) void document.exitFullscreen();
  }

  // The heading takes focus without scrolling.
  watch(slide, () => void nextTick(() => heading.value?.focus({ preventScroll: true })));

  /** Binds the presentation keys: moving between slides is this composable's; the view says what Escape and H do. */
  function bindKeys(own: Pick<PresentationControls, 'exit' | 'toggleHidden'>): void {
    usePresentationKeys({
      next: () => go(slide.value + 1),
      previous: () => go(slide.value - 1),
      first: () => go(1),
      last: () => go(total.value),
      ...own,
    });
  }

  return { slide, go, fullscreen, leaveFullscreen, bindKeys };
}
