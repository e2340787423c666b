import { expect, type Locator, type Page } from '@playwright/test';

/**
 * What does not fit, under `selector`: an element whose content is wider than its box (it would be
 * cut or scroll), a visible control outside the viewport, or (inside a clipping box) an element
 * that reaches past the box that clips it. Each finding names the element, for a readable failure.
 */
export async function layoutProblems(page: Page, selector = 'body', options: { oneScreen?: boolean } = {}): Promise<string[]> {
  return page.evaluate(({ rootSelector, oneScreen }) => {
    const root = document.querySelector(rootSelector);
    if (!root) return [`no ${rootSelector}`];
    const problems: string[] = [];
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    const viewWidth = document.documentElement.clientWidth;
    const viewHeight = window.innerHeight;
    for (const element of [root, ...root.querySelectorAll('*')]) {
      if (!(element instanceof HTMLElement) || element instanceof HTMLCanvasElement) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      // Screen-reader-only text is clipped on purpose.
      if (rect.width <= 1 && rect.height <= 1) continue;
      // Content wider than the box, where the box does not scroll on purpose (a table wrapper does).
      // A text field scrolls its own text by design (a long name, a placeholder).
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll' || element.matches('input, textarea, select');
      if (!scrolls && element.scrollWidth > element.clientWidth + 1 && style.display !== 'inline') {
        problems.push(`${name(element)} overflows its box: ${String(element.scrollWidth)} > ${String(element.clientWidth)}`);
      }
      const isControl = element.matches('button, a[href], input, select, textarea, summary');
      if (isControl && (rect.left < -1 || rect.right > viewWidth + 1)) {
        problems.push(`${name(element)} is outside the viewport's width: ${String(Math.round(rect.left))}–${String(Math.round(rect.right))} of ${String(viewWidth)}`);
      }
      // A box that clips (the slide frame): nothing in it may reach past its bottom or right edge.
      const clip = element.parentElement?.closest<HTMLElement>('[data-clips]');
      const clipScrolls = clip ? ['auto', 'scroll'].includes(getComputedStyle(clip).overflowY) : false;
      if (clip && !clipScrolls) {
        const box = clip.getBoundingClientRect();
        if (rect.bottom > box.bottom + 1 || rect.right > box.right + 1) {
          problems.push(`${name(element)} is cut off by ${name(clip).slice(0, 30)}: ${String(Math.round(rect.bottom))} > ${String(Math.round(box.bottom))}`);
        }
      }
      // A view that is one screen (the presentation) has every control on it, none below.
      if (oneScreen && isControl && rect.bottom > viewHeight + 1) {
        problems.push(`${name(element)} is below the viewport: ${String(Math.round(rect.bottom))} > ${String(viewHeight)}`);
      }
    }
    return problems;
  }, { rootSelector: selector, oneScreen: options.oneScreen ?? false });
}

export async function expectLayoutFits(page: Page, what: string, selector = 'body', options: { oneScreen?: boolean } = {}): Promise<void> {
  expect(await layoutProblems(page, selector, options), `${what} fits`).toEqual([]);
}

/** The computed font size of every element under `scope` that holds text of its own. */
export async function textFontSizes(scope: Locator): Promise<{ text: string; size: number }[]> {
  return scope.evaluate((root) =>
    [root, ...root.querySelectorAll('*')].flatMap((element) => {
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
      if (!own || !(element instanceof HTMLElement) || element.offsetParent === null) return [];
      return [{ text: own.slice(0, 40), size: parseFloat(getComputedStyle(element).fontSize) }];
    }),
  );
}
