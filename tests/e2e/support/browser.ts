// One resolver for the tests and the scripts; see scripts/chromium.mjs.
export { chromiumArgs, resolveChromium } from '../../../scripts/chromium.mjs';
