import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { wordFrequencyPlugin } from './scripts/word-frequency-plugin';
import { lexiconPlugin } from './scripts/lexicon-plugin';

export default defineConfig({
  // The real word lists in tests: lexiconReady() does nothing here.
  plugins: [WxtVitest(), wordFrequencyPlugin(), lexiconPlugin({ lazy: false })],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
  },
});
