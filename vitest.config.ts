import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { wordFrequencyPlugin } from './scripts/word-frequency-plugin';

export default defineConfig({
  plugins: [WxtVitest(), wordFrequencyPlugin()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
  },
});
