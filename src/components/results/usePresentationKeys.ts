import { onBeforeUnmount, onMounted } from 'vue';

export interface PresentationControls {
  next: () => void;
  previous: () => void;
  first: () => void;
  last: () => void;
  exit: () => void;
  toggleHidden: () => void;
  /** Blacks the screen out and back ("." or B, the keys presentation clickers send). */
  toggleBlank: () => void;
}

/**
 * Keys a presentation clicker or a laptop sends: arrows, PageUp/PageDown, space (shift+space back),
 * Home/End, Escape to leave, H to hide or reveal the new round and "." or B to black the screen out. Keys typed into a control other
 * than a button are left alone.
 */
export function presentationAction(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>): keyof PresentationControls | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case ' ':
      return event.shiftKey ? 'previous' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'exit';
    case 'h':
    case 'H':
      return 'toggleHidden';
    case '.':
    case 'b':
    case 'B':
      return 'toggleBlank';
    default:
      return undefined;
  }
}

export function usePresentationKeys(controls: PresentationControls): void {
  function onKey(event: KeyboardEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    const action = presentationAction(event);
    if (!action) return;
    // Space and Enter on a focused button keep their own meaning.
    if (event.key === ' ' && target?.closest('button, a')) return;
    event.preventDefault();
    controls[action]();
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
