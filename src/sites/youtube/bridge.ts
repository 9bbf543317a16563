/**
 * The isolated content script and the main-world script (entrypoints/youtube-main.content.ts)
 * talk through two DOM events on `document`. dispatchEvent runs every listener at once, in
 * both worlds, so a request gets its answer before dispatchEvent returns. Only strings
 * cross: a CustomEvent's object detail is not readable from the other world.
 */
export const REQUEST_EVENT = 'moocmate:yt-player-request';
export const REPLY_EVENT = 'moocmate:yt-player-reply';

/**
 * Asks the main world for the current player response of `videoId` (a JSON string, or
 * null when no main-world script answers: Firefox MV2, or the page stopped the event).
 * The page can see and answer these events too, so the caller validates the reply.
 */
export function requestPlayerJson(doc: Document, videoId: string): string | null {
  let reply: string | null = null;
  const onReply = (e: Event): void => {
    if (reply === null && e instanceof CustomEvent && typeof e.detail === 'string') reply = e.detail;
  };
  doc.addEventListener(REPLY_EVENT, onReply);
  try {
    doc.dispatchEvent(new CustomEvent(REQUEST_EVENT, { detail: videoId }));
  } catch {
    // A page listener that throws must not stop the capture.
  } finally {
    doc.removeEventListener(REPLY_EVENT, onReply);
  }
  return reply;
}
