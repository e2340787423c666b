import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { presentationAction, usePresentationKeys, type PresentationControls } from '@/components/results/usePresentationKeys';

type KeyInit = Partial<Pick<KeyboardEvent, 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>>;

const key = (name: string, init: KeyInit = {}) => ({
  key: name,
  shiftKey: init.shiftKey ?? false,
  altKey: init.altKey ?? false,
  ctrlKey: init.ctrlKey ?? false,
  metaKey: init.metaKey ?? false,
});

describe('presentationAction', () => {
  it.each(['ArrowRight', 'ArrowDown', 'PageDown', ' '])('maps %j to next', (name) => {
    expect(presentationAction(key(name))).toBe('next');
  });

  it.each(['ArrowLeft', 'ArrowUp', 'PageUp'])('maps %j to previous', (name) => {
    expect(presentationAction(key(name))).toBe('previous');
  });

  it('maps shift+space to previous', () => {
    expect(presentationAction(key(' ', { shiftKey: true }))).toBe('previous');
  });

  it('maps Home to first and End to last', () => {
    expect(presentationAction(key('Home'))).toBe('first');
    expect(presentationAction(key('End'))).toBe('last');
  });

  it('maps Escape to exit', () => {
    expect(presentationAction(key('Escape'))).toBe('exit');
  });

  it('maps h and H to toggleHidden', () => {
    expect(presentationAction(key('h'))).toBe('toggleHidden');
    expect(presentationAction(key('H', { shiftKey: true }))).toBe('toggleHidden');
  });

  it('maps ".", b and B to toggleBlank, the keys clickers send to black the screen out', () => {
    expect(presentationAction(key('.'))).toBe('toggleBlank');
    expect(presentationAction(key('b'))).toBe('toggleBlank');
    expect(presentationAction(key('B', { shiftKey: true }))).toBe('toggleBlank');
    expect(presentationAction(key('.', { ctrlKey: true }))).toBeUndefined();
  });

  it.each([
    ['ctrl', { ctrlKey: true }],
    ['alt', { altKey: true }],
    ['meta', { metaKey: true }],
  ] as const)('ignores keys pressed with %s', (_name, init) => {
    for (const name of ['ArrowRight', 'ArrowLeft', ' ', 'Home', 'End', 'Escape', 'h', 'PageDown']) {
      expect(presentationAction(key(name, init))).toBeUndefined();
    }
  });

  it.each(['Enter', 'Tab', 'a', 'j', 'x', 'F5', 'Backspace', 'Spacebar', ''])('ignores %j', (name) => {
    expect(presentationAction(key(name))).toBeUndefined();
  });
});

function controls(): PresentationControls {
  return { next: vi.fn(), previous: vi.fn(), first: vi.fn(), last: vi.fn(), exit: vi.fn(), toggleHidden: vi.fn(), toggleBlank: vi.fn() };
}

/** A slide host with a text field, a select, a button, a link and a contenteditable notes area. */
function mountHost(c: PresentationControls) {
  const Host = defineComponent({
    setup() {
      usePresentationKeys(c);
      return () =>
        h('div', [
          h('input', { type: 'text', id: 'field' }),
          h('textarea', { id: 'notes' }),
          h('select', { id: 'choice' }, [h('option', 'a')]),
          h('button', { type: 'button', id: 'reveal' }, 'Visa'),
          h('a', { href: '#x', id: 'link' }, 'Länk'),
          h('div', { contenteditable: 'true', id: 'editable' }, [h('span', { id: 'inside' }, 'text')]),
          h('p', { id: 'plain' }, 'Bild 1'),
        ]);
    },
  });
  return mount(Host, { attachTo: document.body });
}

/**
 * Dispatches a cancelable, bubbling keydown from `target`, so it reaches the window listener. With
 * nothing focused a browser sends keys to the body, so that stands in for "the page".
 */
function press(target: EventTarget, name: string, init: KeyInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`no #${id}`);
  return found;
}

function calls(c: PresentationControls): Record<keyof PresentationControls, number> {
  const count = (fn: () => void): number => vi.mocked(fn).mock.calls.length;
  return {
    next: count(c.next),
    previous: count(c.previous),
    first: count(c.first),
    last: count(c.last),
    exit: count(c.exit),
    toggleHidden: count(c.toggleHidden),
    toggleBlank: count(c.toggleBlank),
  };
}

const none: Record<keyof PresentationControls, number> = { next: 0, previous: 0, first: 0, last: 0, exit: 0, toggleHidden: 0, toggleBlank: 0 };

describe('usePresentationKeys', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('calls the control for each key pressed with nothing focused', () => {
    const c = controls();
    mountHost(c);
    for (const name of ['ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'Home', 'End', 'Escape', 'h', '.', 'b']) press(document.body, name);
    press(document.body, ' ', { shiftKey: true });
    expect(calls(c)).toEqual({ next: 3, previous: 2, first: 1, last: 1, exit: 1, toggleHidden: 1, toggleBlank: 2 });
  });

  it('handles keys that bubble up from the page', () => {
    const c = controls();
    mountHost(c);
    press(element('plain'), 'ArrowDown');
    press(document.documentElement, 'ArrowUp');
    expect(calls(c)).toEqual({ ...none, next: 1, previous: 1 });
  });

  it('calls preventDefault for handled keys only', () => {
    const c = controls();
    mountHost(c);
    expect(press(document.body, 'ArrowRight').defaultPrevented).toBe(true);
    expect(press(document.body, ' ').defaultPrevented).toBe(true);
    expect(press(element('plain'), 'PageDown').defaultPrevented).toBe(true);
    expect(press(document.body, 'Enter').defaultPrevented).toBe(false);
    expect(press(document.body, 'ArrowRight', { ctrlKey: true }).defaultPrevented).toBe(false);
    expect(press(document.body, 'r', { metaKey: true }).defaultPrevented).toBe(false);
  });

  it.each(['field', 'notes', 'choice', 'editable', 'inside'])('ignores keys typed in #%s', (id) => {
    const c = controls();
    mountHost(c);
    const target = element(id);
    target.focus();
    const events = ['ArrowRight', 'ArrowLeft', ' ', 'h', 'Home', 'End', 'Escape'].map((name) => press(target, name));
    expect(calls(c)).toEqual(none);
    expect(events.some((e) => e.defaultPrevented)).toBe(false);
  });

  it('leaves space on a focused button alone, so the button keeps its meaning', () => {
    const c = controls();
    mountHost(c);
    const button = element('reveal');
    button.focus();
    const space = press(button, ' ');
    const shiftSpace = press(button, ' ', { shiftKey: true });
    expect(calls(c)).toEqual(none);
    expect(space.defaultPrevented).toBe(false);
    expect(shiftSpace.defaultPrevented).toBe(false);
  });

  it('leaves space on a focused link alone', () => {
    const c = controls();
    mountHost(c);
    const space = press(element('link'), ' ');
    expect(calls(c)).toEqual(none);
    expect(space.defaultPrevented).toBe(false);
  });

  it('still handles arrows and other keys on a focused button', () => {
    const c = controls();
    mountHost(c);
    const button = element('reveal');
    button.focus();
    const right = press(button, 'ArrowRight');
    press(button, 'ArrowLeft');
    press(button, 'h');
    press(button, 'Escape');
    expect(calls(c)).toEqual({ ...none, next: 1, previous: 1, toggleHidden: 1, exit: 1 });
    expect(right.defaultPrevented).toBe(true);
  });

  it('ignores keys with ctrl, alt or meta held', () => {
    const c = controls();
    mountHost(c);
    press(document.body, 'ArrowRight', { ctrlKey: true });
    press(document.body, 'ArrowLeft', { altKey: true });
    press(document.body, 'h', { metaKey: true });
    expect(calls(c)).toEqual(none);
  });

  it('removes its listener when the component is unmounted', () => {
    const c = controls();
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const host = mountHost(c);
    const added = add.mock.calls.find(([type]) => type === 'keydown');
    expect(added).toBeDefined();
    press(document.body, 'ArrowRight');
    expect(calls(c).next).toBe(1);
    host.unmount();
    expect(remove.mock.calls.some(([type, listener]) => type === 'keydown' && listener === added?.[1])).toBe(true);
    press(document.body, 'ArrowRight');
    press(document.body, 'Escape');
    expect(calls(c)).toEqual({ ...none, next: 1 });
  });
});
