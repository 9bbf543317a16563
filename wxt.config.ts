import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { wordFrequencyPlugin } from './scripts/word-frequency-plugin';
import { polyfillEsmPlugin } from './scripts/polyfill-esm-plugin';
import { LEXICON_FILE, lexiconFile, lexiconPlugin } from './scripts/lexicon-plugin';
import { CAPTION_HOST_MATCHES, COURSE_SCRIPT_RUN, COURSE_SCRIPTS, COURSE_SITE_MATCHES, SITE_MATCHES } from './src/sites/hosts';

// See docs/architecture.md for why each permission is here.
export default defineConfig({
  // Separate output folders let several builds (tests, a second checkout) run side by side.
  outDir: process.env.MOOCMATE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Vite 8's minifier writes Dexie's "\uffff" as a raw noncharacter and Chromium then
  // refuses the content script as "not UTF-8"; escaping keeps every bundle plain ASCII.
  experimental: { escapeUnicode: true },
  // wordFrequencyPlugin: the trimmed word list for words-to-know (docs/words-to-know.md).
  // polyfillEsmPlugin: webextension-polyfill without the start-up cost of CommonJS interop.
  // lexiconPlugin: the lemmatizer's word lists as a data file loaded on first need, not
  // code the service worker parses at every start (scripts/lexicon-plugin.ts).
  vite: () => ({ plugins: [preact(), wordFrequencyPlugin(), polyfillEsmPlugin(), lexiconPlugin({ lazy: true })] }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: LEXICON_FILE, contents: lexiconFile() });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // contextMenus: add selected text to the glossary; alarms + notifications: peer-review
    // deadline reminders (src/duties).
    permissions: ['storage', 'tabs', 'scripting', 'contextMenus', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Course sites and their caption servers only. Track files on other origins are
    // fetched by the background (a cross-origin <track> without CORS gives the page no
    // cues), so a site the learner turns on may also ask for its caption server.
    host_permissions: [...COURSE_SITE_MATCHES, ...CAPTION_HOST_MATCHES],
    // Manifest V2 (Firefox) lists optional hosts among optional permissions.
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    action: { default_title: '__MSG_extName__' },
    // The course page's scripts, and how they run (src/sites/hosts.ts).
    content_scripts: Object.entries(COURSE_SCRIPTS).map(([site, file]) => ({
      matches: [...SITE_MATCHES[site as keyof typeof SITE_MATCHES]],
      js: [file.slice(1)],
      run_at: COURSE_SCRIPT_RUN.runAt,
      all_frames: COURSE_SCRIPT_RUN.allFrames,
    })),
    commands: {
      // Chrome takes at most four suggested keys, and silently leaves a command without one
      // when the key is one of its own shortcuts: on Linux it refused Alt+Shift+W, A, P, T,
      // X and Z (commands.getAll() gave an empty shortcut). tests/e2e/shortcuts.e2e.ts
      // checks that each suggested key below is really assigned. R, B, N and C are the
      // lecture's in-page keys.
      // The page also answers this key itself (entrypoints/course-tools/flag-ui.ts), for
      // browsers where the shortcut is unassigned.
      'flag-caption': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_cmdFlagCaption__' },
      // G for glossary; likewise answered in the page (entrypoints/course-tools/word-ui.ts).
      'add-word': { suggested_key: { default: 'Alt+Shift+G' }, description: '__MSG_cmdAddWord__' },
      // Opens the review page (src/glossary/background.ts).
      'start-review': { suggested_key: { default: 'Alt+Shift+V' }, description: '__MSG_cmdStartReview__' },
      // Chrome has no built-in command for an extension's side panel; Firefox has one.
      ...(browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdOpenSidePanel__' } }
        : { 'open-side-panel': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdOpenSidePanel__' } }),
    },
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
