import { browser } from 'wxt/browser';
import { getDb, type TrackSource } from '../db/schema';
import type { Handlers } from '../messaging/router';
import { addFileReport, FetchTrackError, fetchTrackFile, prepareCuesFromFile, prepareCuesFromPage, type Prepared } from './capture';
import { ingestTrack } from './store';

/** Host permission for a caption file's host (the fixed course sites, or one the learner allowed). */
const mayRead = (pattern: string) => browser.permissions.contains({ origins: [pattern] });

/** Background handler: a caption track seen on a page becomes stored cues. */
export const captureTrack: Handlers['capture.track'] = async ({ page, track: info, cues, pageError, pageHasCues }) => {
  const { format = 'auto', source: declared, ...track } = info;
  let prepared: Prepared;
  let source: TrackSource;
  if (cues) {
    prepared = prepareCuesFromPage(cues);
    source = declared ?? 'text-track';
    if (track.url) {
      const file = await fetchTrackFile(track.url, fetch, mayRead).catch(() => null);
      if (file) prepared = addFileReport(prepared, prepareCuesFromFile(file.body, { url: track.url, contentType: file.contentType }));
    }
  } else if (track.url && pageHasCues) {
    // The player parsed this file; reading it here gives the same cues without a copy in
    // the page. When it cannot be read (no permission for its host, a network error), the
    // page sends the player's cues instead: nothing is stored now.
    source = declared ?? 'text-track';
    const file = await fetchTrackFile(track.url, fetch, mayRead).catch(() => null);
    if (!file) return { sendCues: true };
    prepared = prepareCuesFromFile(file.body, { url: track.url, contentType: file.contentType, format, generated: track.generated });
    if (prepared.cues.length === 0) return { sendCues: true };
  } else if (track.url) {
    source = declared ?? 'track-file';
    try {
      const file = await fetchTrackFile(track.url, fetch, mayRead);
      prepared = prepareCuesFromFile(file.body, { url: track.url, contentType: file.contentType, format, generated: track.generated });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      prepared = { cues: [], status: 'error', error: pageError ? `${pageError} ${message}` : message };
      if (err instanceof FetchTrackError && err.needsPermission) prepared.needsPermission = err.needsPermission;
    }
  } else {
    source = declared ?? 'text-track';
    prepared = { cues: [], status: 'error', error: pageError ?? 'The page gave no captions and no caption file.' };
  }
  // franc builds its trigram tables when its module runs: at the first capture, not at
  // each start of the service worker (bench figure 8).
  const { detectLanguage } = await import('../language/detect');
  return ingestTrack(getDb(), {
    page,
    track: { ...track, source },
    ...prepared,
    detectedLanguage: detectLanguage(prepared.cues.map((c) => c.text)),
  });
};
