import { callBackground } from '../messaging/client';

/** Opens the lecture's page in a new tab, playing from `time`. */
export async function openLectureAt(lectureId: string, time: number): Promise<void> {
  await callBackground('lecture.openAt', { lectureId, time });
}
