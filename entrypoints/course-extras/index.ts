import { readDutyNow } from '../course-page/duty-watch';
import { copyCuesInSlices } from '../course-page/cue-copy';
import { recordScreen } from '../course-page/on-screen';
import { linkPanels } from '../course-page/panel-link';
import { momentSeeker } from '../course-page/pending-seek';
import { shareExtras, sharedCore, sharedExtras } from '../course-page/shared';

/**
 * The course page's rare parts: the side panel's link, the popup's duty reading, a search
 * hit's moment, captions read from the screen, a long copy of the player's cues. The
 * background runs this script in a frame's isolated world (src/sites/page-tools.ts) when
 * the capture script there first needs one of them, so a lecture page does not parse them
 * at load (bench/README.md, "the course page's rare parts").
 */
export default defineUnlistedScript(() => {
  const core = sharedCore();
  // Run twice (two asks at once), or with no capture script here: nothing to do.
  if (!core || sharedExtras()) return;
  const { ctx, loop, sites } = core;
  const panels = linkPanels(ctx, loop);
  const moment = momentSeeker(loop, ctx.signal);
  shareExtras({
    linkPanel: panels.adopt,
    readDuty: () => readDutyNow(sites),
    seekTo: moment.start,
    recordScreen: (box, media, send) => recordScreen(ctx, box, media, send),
    copyCuesInSlices,
  });
});
