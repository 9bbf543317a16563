import { pageMatcher } from '../../src/glossary/page-matcher';
import { shareTools, sharedCore, sharedTools } from '../course-page/shared';
import { installFlagUi } from './flag-ui';
import { installLectureUi } from './lecture-ui';
import { installWordUi } from './word-ui';

/**
 * The learner's tools on a course page. The background runs this script in a frame's
 * isolated world (src/sites/page-tools.ts) when the capture script there asks for it:
 * the learner played, sought or pointed at the video, pressed a key, used a browser
 * shortcut, or has the overlay or reading-load playback on.
 */
export default defineUnlistedScript(() => {
  const core = sharedCore();
  // Run twice (two asks at once), or with no capture script here: nothing to do.
  if (!core || sharedTools()) return;
  const { ctx, loop } = core;
  // One copy of the glossary for every caption surface (the popover and the overlay).
  const glossary = pageMatcher(ctx);
  const flags = installFlagUi(ctx, loop);
  const words = installWordUi(ctx, loop, glossary);
  const lecture = installLectureUi(ctx, loop, glossary);
  shareTools({
    flagNow: flags.flagNow,
    addWord: words.addWord,
    key: (code) => flags.key(code) || words.key(code) || lecture.key(code),
  });
});
