/// <reference types="vite/client" />

declare const __APP_VERSION__: string;
declare const __BUILD_ID__: string;

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

interface ImportMetaEnv {
  /** The organisation that runs the app, named in the accessibility statement (see the README). */
  readonly VITE_ORGANISATION_NAME?: string;
  /** Where accessibility feedback goes: an e-mail address or an https:// form. */
  readonly VITE_ACCESSIBILITY_CONTACT?: string;
}
