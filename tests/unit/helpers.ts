import { MoocMateDb } from '../../src/db/schema';
import type { CapturedTrack } from '../../src/captions/store';
import type { Cue } from '../../src/captions/types';
import type { PageInfo } from '../../src/messaging/protocol';

let n = 0;
/** A fresh database per test (fake-indexeddb, in memory). */
export function freshDb(): MoocMateDb {
  return new MoocMateDb(`test-${++n}-${Math.random().toString(36).slice(2)}`);
}

export function page(over: Partial<PageInfo> = {}): PageInfo {
  return {
    site: 'html5',
    courseKey: 'https://uni.example',
    courseTitle: 'Uni',
    courseUrl: 'https://uni.example/',
    lectureKey: 'https://uni.example/media/l1.webm',
    lectureTitle: 'Lecture 1',
    lectureUrl: 'https://uni.example/l1.html',
    videoSrc: 'https://uni.example/media/l1.webm',
    ...over,
  };
}

export function cues(texts: string[], step = 2): Cue[] {
  return texts.map((text, index) => ({ index, start: index * step, end: index * step + step - 0.2, text }));
}

export function captured(over: Partial<CapturedTrack> = {}): CapturedTrack {
  return {
    page: page(),
    track: { kind: 'captions', label: 'English', language: 'en', source: 'track-file', url: 'https://uni.example/l1.en.vtt' },
    cues: cues(['Plants make food from light.', 'This is called photosynthesis.', 'Leaves hold chlorophyll.']),
    status: 'ok',
    detectedLanguage: 'eng',
    ...over,
  };
}
