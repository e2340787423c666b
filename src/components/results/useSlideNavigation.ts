import { computed, nextTick, onBeforeUnmount, onMounted, ref, useTemplateRef, watch, type Ref } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import { usePresentationKeys, type PresentationControls } from './usePresentationKeys';

/** How a presentation window is used: alone, as the presenter's laptop view, or as the projector's slide. */
export type PresentationMode = 'single' | 'presenter' | 'projector';

/** What the presenter's and the projector's windows keep in step. */
export interface SharedSlideState {
  slide: number;
  hidden: boolean;
  blank: boolean;
}

export type SlideMessage = { type: 'state'; state: SharedSlideState } | { type: 'hello' } | { type: 'end' };

export function isSlideMessage(value: unknown): value is SlideMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; state?: Partial<Record<keyof SharedSlideState, unknown>> };
  if (message.type === 'hello' || message.type === 'end') return true;
  return (
    message.type === 'state' &&
    typeof message.state?.slide === 'number' &&
    typeof message.state.hidden === 'boolean' &&
    typeof message.state.blank === 'boolean'
  );
}

function modeOf(query: LocationQuery): PresentationMode {
  return query.view === 'presenter' || query.view === 'projector' ? query.view : 'single';
}

/**
 * The slide a presentation shows, kept in the URL (`?slide=3` deep-links it), and the heading (the
 * element with `ref="heading"`) that takes focus on each change so that screen readers hear the new
 * slide's title. A presenter view opens the projector's window on the same address; the two keep
 * the slide, the hidden round and the blanked screen in step over a BroadcastChannel, which works
 * between windows of the same origin without a network.
 */
export function useSlideNavigation(total: Ref<number>) {
  const route = useRoute();
  const router = useRouter();
  const slide = computed(() => {
    const n = Number(route.query.slide ?? 1);
    return Number.isInteger(n) ? Math.min(Math.max(n, 1), Math.max(total.value, 1)) : 1;
  });
  const heading = useTemplateRef<Pick<HTMLElement, 'focus'>>('heading');
  const mode = computed(() => modeOf(route.query));
  /** The screen is black ("." or B), for a pause in the talk; the slide stays where it was. */
  const blank = ref(false);
  /** The browser refused to open the projector's window (a pop-up blocker). */
  const popupBlocked = ref(false);

  function go(n: number): void {
    void router.replace({ query: { ...route.query, slide: String(Math.min(Math.max(n, 1), Math.max(total.value, 1))) } });
  }

  function fullscreen(): void {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }

  function leaveFullscreen(): void {
    if (document.fullscreenElement) void document.exitFullscreen();
  }

  function toggleBlank(): void {
    blank.value = !blank.value;
  }

  // The heading takes focus without scrolling.
  watch(slide, () => void nextTick(() => heading.value?.focus({ preventScroll: true })));

  // Keeping the two windows in step.
  let channel: BroadcastChannel | undefined;
  /** While a state from the other window is applied, the changes it makes are not sent back. */
  let applying = false;
  const shared = computed<SharedSlideState>(() => ({ slide: slide.value, hidden: route.query.hidden === '1', blank: blank.value }));

  function post(message: SlideMessage): void {
    channel?.postMessage(message);
  }

  async function apply(state: SharedSlideState): Promise<void> {
    applying = true;
    try {
      blank.value = state.blank;
      const query: LocationQuery = { ...route.query, slide: String(state.slide) };
      if (state.hidden) query.hidden = '1';
      else delete query.hidden;
      if (query.slide !== route.query.slide || query.hidden !== route.query.hidden) await router.replace({ query });
      // The watchers the change set off run before this resolves.
      await nextTick();
    } finally {
      applying = false;
    }
  }

  function connect(): void {
    if (mode.value === 'single' || channel || typeof BroadcastChannel === 'undefined') return;
    channel = new BroadcastChannel(`fc-presentation:${route.path}`);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isSlideMessage(message)) return;
      if (message.type === 'hello') post({ type: 'state', state: shared.value });
      else if (message.type === 'state') void apply(message.state);
      else if (mode.value === 'projector') window.close();
    };
    // A window that opens late (or reloads) asks the other for where the talk is.
    post({ type: 'hello' });
  }

  // Only a change made here is sent: one that arrived from the other window is not echoed back.
  watch(shared, (state) => {
    if (!applying) post({ type: 'state', state });
  });
  watch(mode, connect);
  onMounted(connect);
  onBeforeUnmount(() => {
    channel?.close();
    channel = undefined;
  });

  /** Opens the projector's window with only the slide, and makes this window the presenter's view. */
  function openPresenter(): void {
    const { view: _view, ...rest } = route.query;
    const href = router.resolve({ path: route.path, query: { ...rest, view: 'projector' } }).href;
    const opened = window.open(href, 'fc-projector', 'popup,width=1280,height=720');
    popupBlocked.value = opened === null;
    if (opened) void router.replace({ query: { ...rest, view: 'presenter' } });
  }

  /** Back to one window: the projector's window closes itself. */
  function closePresenter(): void {
    post({ type: 'end' });
    const { view: _view, ...rest } = route.query;
    void router.replace({ query: rest });
  }

  /** Binds the presentation keys: moving between slides and blanking are this composable's; the view says what Escape and H do. */
  function bindKeys(own: Pick<PresentationControls, 'exit' | 'toggleHidden'>): void {
    usePresentationKeys({
      next: () => go(slide.value + 1),
      previous: () => go(slide.value - 1),
      first: () => go(1),
      last: () => go(total.value),
      toggleBlank,
      ...own,
    });
  }

  return { slide, go, fullscreen, leaveFullscreen, bindKeys, mode, blank, toggleBlank, popupBlocked, openPresenter, closePresenter };
}
