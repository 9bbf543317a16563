import { PLAYER_FIELDS } from './player-response';
import { REPLY_EVENT, REQUEST_EVENT } from './bridge';
import { selectors } from './selectors';

/** What the main world can see of YouTube's player (all page objects, none trusted). */
interface PageWindow {
  ytInitialPlayerResponse?: unknown;
  ytplayer?: { config?: { args?: { raw_player_response?: unknown } } };
}

/**
 * Runs in the page's own JavaScript world (document_start), where YouTube's objects live:
 * answers the isolated script's request with the current player response, reduced to the
 * fields MoocMate reads and serialized as a string. After in-page navigation the inline
 * ytInitialPlayerResponse is stale; the player element's getPlayerResponse() and the
 * 'yt-navigate-finish' event's detail are current. Built-ins are taken before the page's
 * scripts run, so a page that replaces them cannot change what is sent.
 */
export function startMainWorldBridge(win: Window & PageWindow, doc: Document): void {
  const stringify = JSON.stringify;
  const Custom = CustomEvent;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const listen = EventTarget.prototype.addEventListener;
  let navigated: unknown = null;

  const serialize = (response: unknown): string | null => {
    try {
      return typeof response === 'object' && response !== null ? stringify(response, PLAYER_FIELDS) : null;
    } catch {
      return null; // a getter that throws, a cycle
    }
  };

  const candidates = (): unknown[] => {
    const out: unknown[] = [];
    try {
      const player = doc.getElementById(selectors.playerId) as (HTMLElement & { getPlayerResponse?: unknown }) | null;
      if (player && typeof player.getPlayerResponse === 'function') out.push(player.getPlayerResponse());
    } catch {
      // not ready
    }
    out.push(navigated);
    try {
      out.push(win.ytInitialPlayerResponse, win.ytplayer?.config?.args?.raw_player_response);
    } catch {
      // a hostile getter
    }
    return out;
  };

  listen.call(doc, REQUEST_EVENT, (e: Event) => {
    const wanted = e instanceof Custom && typeof e.detail === 'string' ? e.detail : '';
    let first: string | null = null;
    let match: string | null = null;
    for (const c of candidates()) {
      const json = serialize(c);
      if (!json) continue;
      first ??= json;
      if (wanted && json.includes(`"videoId":${stringify(wanted)}`)) {
        match = json;
        break;
      }
    }
    const reply = match ?? first;
    if (reply) dispatch.call(doc, new Custom(REPLY_EVENT, { detail: reply }));
  });

  // YouTube's own event after moving to another video: detail.response.playerResponse.
  listen.call(doc, 'yt-navigate-finish', (e: Event) => {
    try {
      const detail: unknown = e instanceof Custom ? e.detail : null;
      const response = (detail as { response?: { playerResponse?: unknown } } | null)?.response?.playerResponse;
      if (response) navigated = response;
    } catch {
      // ignore
    }
  });
}
