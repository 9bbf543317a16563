import type { Handlers } from '../messaging/router';
import { lectureToolsWanted } from '../sites/page-tools';
import { captureTrack } from './background';
import { seekOnCapture } from './open-at';

/**
 * The background's answer to a frame's `capture.track`. Where the lecture starts, when
 * MoocMate opened it from a search hit, is told to the frame at once and not awaited:
 * storing a long track takes seconds, and the learner should not watch the first seconds
 * of a lecture they asked to see in the middle. So no page asks at load either.
 */
export const onCaptureTrack: Handlers['capture.track'] = async (req, sender) => {
  void seekOnCapture(req, sender);
  const stored = await captureTrack(req, sender);
  return 'sendCues' in stored ? stored : { ...stored, tools: await lectureToolsWanted() };
};
