/**
 * The Content-Security-Policy, in one place: vite.config.ts puts it in the built index.html as a
 * <meta> and sends it as a header from `vite preview`; the README shows the header for production
 * servers, and tests/e2e/csp.spec.ts checks that no view breaks it.
 *
 * Nothing in the app is loaded from elsewhere or inline: the service worker is registered from a
 * bundled module (injectRegister: false), Vue and Chart.js set styles through the CSSOM (which
 * style-src does not govern), and a chart's PNG download is a data: URL.
 */
const directives: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** Only a header can carry these: a browser ignores them (with a warning) in a <meta> policy. */
const headerOnly: Readonly<Record<string, string>> = {
  'frame-ancestors': "'none'",
};

function serialize(entries: Readonly<Record<string, string>>): string {
  return Object.entries(entries)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export const metaContentSecurityPolicy = serialize(directives);
export const headerContentSecurityPolicy = serialize({ ...directives, ...headerOnly });

/** Headers for `vite preview`, and the ones a production server should send beside the policy. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': headerContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
