import { startMainWorldBridge } from '../src/sites/youtube/main-world';

/**
 * YouTube's player response lives in the page's own JavaScript world, which the course
 * content script (an isolated world) cannot read. This small script runs in that world
 * and answers the content script's request with it, as a string (src/sites/youtube/bridge.ts).
 * It uses no extension API.
 */
export default defineContentScript({
  matches: ['https://www.youtube.com/*', 'https://www.youtube-nocookie.com/*'],
  world: 'MAIN',
  // Embedded players (Khan Academy) are frames.
  allFrames: true,
  // Before the page's scripts, so the built-ins it keeps are the real ones.
  runAt: 'document_start',
  main() {
    startMainWorldBridge(window, document);
  },
});
