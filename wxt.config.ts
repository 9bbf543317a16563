import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See docs/architecture.md for why each permission is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Vite 8's minifier writes Dexie's "\uffff" as a raw noncharacter and Chromium then
  // refuses the content script as "not UTF-8"; escaping keeps every bundle plain ASCII.
  experimental: { escapeUnicode: true },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'tabs', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Track files on other origins are fetched by the background (a cross-origin
    // <track> without CORS gives the page no cues at all).
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'moocmate@moocmate.example',
              // 140 is the first Firefox (an ESR) that knows data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
