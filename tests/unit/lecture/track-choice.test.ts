import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getDb } from '../../../src/db/schema';
import { ingestTrack } from '../../../src/captions/store';
import { lectureCaptions } from '../../../src/lecture/background';
import { chooseTracks } from '../../../src/lecture/track-choice';
import { dataTracksOf, readPlayerResponse } from '../../../src/sites/youtube/player-response';
import { parseYoutubeXml } from '../../../src/captions/formats/youtube';
import type { LectureCaptionTrack } from '../../../src/messaging/protocol';
import { captured, cues, page } from '../helpers';

const FIXTURES = 'tests/fixtures/captions/youtube/';

/**
 * The real track list of YouTube video GJLlxj_dtq8 (spoken English): Chinese, Czech, English,
 * English (auto-generated), German, Hindi, Japanese, Korean, Spanish. Stored as a capture
 * stores it, then read back as the overlay gets it.
 */
async function youtubeLecture() {
  const player = readPlayerResponse(JSON.parse(readFileSync(FIXTURES + 'player-tracks.innertube.json', 'utf8')))!;
  const data = dataTracksOf(player, null);
  const english = parseYoutubeXml(readFileSync(FIXTURES + 'transcript.xml.static', 'utf8')).cues;
  const p = page({ site: 'youtube', courseKey: 'UCVYamHliCI9rw1tHR1xbkfw', lectureKey: `GJLlxj_dtq8-${Math.random()}` });
  let lectureId = '';
  for (const d of data) {
    const isEnglish = d.language === 'en';
    const r = await ingestTrack(
      getDb(),
      captured({
        page: p,
        track: { kind: d.kind, label: d.label, language: d.language, url: d.url, source: 'platform-data', generated: d.generated },
        cues: isEnglish ? english : cues([`(${d.language}) one line`]),
        detectedLanguage: isEnglish ? 'eng' : 'und',
      }),
      1,
    );
    lectureId = r.lectureId;
  }
  return { data, tracks: (await lectureCaptions({ lectureId }, {})).tracks };
}

describe('the lecture’s language is the spoken one', () => {
  it('the corpus video lists an English automatic track among 9, and the overlay is told which', async () => {
    const { data, tracks } = await youtubeLecture();
    expect(data.map((d) => `${d.language}${d.generated ? '(asr)' : ''}`)).toEqual(['zh', 'cs', 'en', 'en(asr)', 'de', 'hi', 'ja', 'ko', 'es']);
    expect(tracks.filter((t) => t.generated).map((t) => t.label)).toEqual(['English (auto-generated)']);
  });

  it('a Spanish learner gets English (a person’s track, not the automatic one) over Spanish, not Chinese', async () => {
    const { tracks } = await youtubeLecture();
    const choice = chooseTracks(tracks, 'es')!;
    expect(choice.lecture.label).toBe('English');
    expect(choice.translation?.language).toBe('es');
  });

  it('a Chinese learner of English sees English over Chinese', async () => {
    const { tracks } = await youtubeLecture();
    const choice = chooseTracks(tracks, 'zh-CN')!;
    expect(choice.lecture.label).toBe('English');
    expect(choice.translation?.language).toBe('zh');
  });

  it('takes the automatic track when no person’s track is in the spoken language', () => {
    const t = (language: string, generated = false): LectureCaptionTrack => ({
      id: `${language}${generated ? '-asr' : ''}`,
      kind: 'captions',
      label: language,
      language,
      detectedLanguage: 'und',
      ...(generated ? { generated } : {}),
      cues: [{ start: 0, end: 1, text: language }],
    });
    expect(chooseTracks([t('de'), t('fr', true), t('pt')], 'pt-BR')).toMatchObject({ lecture: { id: 'fr-asr' }, translation: { id: 'pt' } });
    // A learner of the spoken language: one line.
    expect(chooseTracks([t('de'), t('fr', true)], 'fr-CA')).toMatchObject({ lecture: { id: 'fr-asr' }, translation: null, translateTo: null });
  });
});

describe('the variant of the learner’s language', () => {
  const track = (id: string, language: string): LectureCaptionTrack => ({
    id,
    kind: id === 'en' ? 'captions' : 'subtitles',
    label: id,
    language,
    detectedLanguage: 'und',
    cues: [{ start: 0, end: 1, text: id }],
  });
  const en = track('en', 'en');
  const under = (learner: string, ...tracks: LectureCaptionTrack[]) => chooseTracks([en, ...tracks], learner)!.translation?.id;

  it('a learner in Taiwan or Hong Kong gets Traditional Chinese, one in China Simplified', () => {
    const hans = track('hans', 'zh-Hans');
    const hant = track('hant', 'zh-Hant');
    expect(under('zh-TW', hans, hant)).toBe('hant');
    expect(under('zh-HK', hans, track('tw', 'zh-TW'))).toBe('tw');
    expect(under('zh-CN', hant, hans)).toBe('hans');
    expect(under('zh', hant, track('plain', 'zh'))).toBe('plain');
  });

  it('the learner’s own region first, then a track meant for a whole region, then any', () => {
    const latam = track('419', 'es-419');
    const spain = track('es-ES', 'es-ES');
    expect(under('es-ES', latam, spain)).toBe('es-ES');
    expect(under('es-MX', spain, latam)).toBe('419');
    expect(under('pt-PT', track('br', 'pt-BR'), track('pt', 'pt-PT'))).toBe('pt');
    expect(under('pt-PT', track('br', 'pt-BR'))).toBe('br');
    expect(under('en_GB', track('x', 'en-US'))).toBeUndefined(); // the lecture is in their language: one line
  });

  it('asks the on-device translator for Traditional Chinese when the learner reads it', () => {
    expect(chooseTracks([en], 'zh-TW')!.translateTo).toBe('zh-Hant');
    expect(chooseTracks([en], 'zh-Hant-HK')!.translateTo).toBe('zh-Hant');
    expect(chooseTracks([en], 'zh-CN')!.translateTo).toBe('zh');
    expect(chooseTracks([en], 'pt-PT')!.translateTo).toBe('pt');
  });
});
