import { CONTEXT_REQUEST, KHAN_ORIGIN, contextFromUrl, readContextMessage, type KhanContext } from '../khan/context';

/**
 * Which page embeds this player, when it is a Khan Academy lesson. The Khan page's content
 * script says so by postMessage (src/sites/khan); until it has, the lesson URL the embed
 * is given (`widget_referrer`, set by YouTube's iframe API, or a full document.referrer)
 * names at least the course. Only Khan is recognised: other embedders keep YouTube's identity.
 */
let told: KhanContext | null = null;
let listening: Window | null = null;

export function isEmbedPath(loc: Location): boolean {
  return loc.pathname.startsWith('/embed/');
}

/** Starts listening for the Khan page (once per frame) and asks it. */
export function listenForEmbedder(win: Window): void {
  if (listening === win || win.parent === win) return;
  listening = win;
  win.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== win.parent || e.origin !== KHAN_ORIGIN) return;
    const ctx = readContextMessage(e.data);
    if (ctx) told = ctx;
  });
  // Dropped by the browser unless the parent really is Khan Academy.
  win.parent.postMessage({ type: CONTEXT_REQUEST }, KHAN_ORIGIN);
}

/** The Khan lesson embedding this frame, or null. */
export function khanEmbedder(win: Window, loc: Location, doc: Document): KhanContext | null {
  if (!isEmbedPath(loc) || win.parent === win) return null;
  if (told) return told;
  const hints = [new URL(loc.href).searchParams.get('widget_referrer') ?? '', doc.referrer];
  for (const hint of hints) {
    const ctx = hint ? contextFromUrl(hint) : null;
    if (ctx) return ctx;
  }
  return null;
}

/** For tests. */
export function resetEmbedder(): void {
  told = null;
  listening = null;
}
