// The least a content script can do at load and still capture the figure-4 page: a lower
// bound for figure 4, measured by `node bench/compare.mjs … minimal` (bench/README.md,
// "the least a capture can cost"). Never shipped: it has none of MoocMate's robustness
// (page changes, site adapters, retries, invalidation) and its listeners do nothing. It
// touches what any capture must touch at load: the page, its video and tracks, the
// extension's messaging, and one listener of each kind a capture script needs to notice
// the learner and the page later. No framework and no webextension-polyfill.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const clean = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const nothing = () => {};
  const opts = { capture: true, passive: true };
  new MutationObserver(nothing).observe(document.documentElement, { childList: true, subtree: true });
  addEventListener('keydown', nothing, true);
  for (const type of ['play', 'seeking', 'pointerover', 'focusin']) document.addEventListener(type, nothing, opts);
  globalThis.navigation?.addEventListener('navigate', nothing);
  api.runtime.onMessage.addListener(() => undefined);
  api.runtime.onConnect.addListener(nothing);
  const videos = [...document.querySelectorAll('video')];
  for (const video of videos) {
    for (const type of ['loadstart', 'emptied']) video.addEventListener(type, nothing);
    video.addEventListener('load', nothing, true);
    video.textTracks.addEventListener('addtrack', nothing);
  }
  // MoocMate's capture messages (docs/messages.md), after the same 300 ms for the page to settle.
  setTimeout(() => {
    for (const video of videos) {
      const u = new URL(video.currentSrc || video.src);
      const src = u.origin + u.pathname;
      const page = {
        site: 'html5',
        courseKey: location.origin,
        courseTitle: clean(document.querySelector('meta[property="og:site_name"]')?.content) || location.hostname,
        courseUrl: `${location.origin}/`,
        lectureKey: src,
        lectureTitle: clean(document.querySelector('h1')?.textContent) || document.title,
        lectureUrl: location.origin + location.pathname + location.search,
        videoSrc: src,
      };
      for (const el of video.querySelectorAll('track')) {
        const t = el.track;
        const data = { page, track: { kind: t.kind, label: t.label, language: t.language, url: el.src }, cues: null };
        if (t.mode !== 'disabled' && el.readyState === 2 && t.cues?.length) data.pageHasCues = true;
        api.runtime.sendMessage({ moocmate: 'capture.track', data });
      }
    }
  }, 300);
})();
