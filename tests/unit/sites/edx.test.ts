// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { edxAdapter } from '../../../src/sites/edx';
import { pickAdapter } from '../../../src/sites/registry';

const ROOT = join(import.meta.dirname, '../../..');
const PAGES = join(ROOT, 'tests/fixtures/pages/edx');
const CORPUS = '/work/shared/corpus/openedx/xmodule-js-fixtures';

const COURSE = 'course-v1:MoocMateX+PLANT101+2026';
const video = (id: string) => `block-v1:MoocMateX+PLANT101+2026+type@video+block@${id}`;
const handler = (id: string, lang: string) =>
  `https://courses.edx.org/courses/${COURSE}/xblock/${video(id)}/handler/transcript/translation/${lang}`;

/** A page under test, parsed into its own document (test data only, never caption text on screen). */
function open(html: string, url: string) {
  // The window's address too: the player's currentSrc resolves against it, as in a browser.
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const loc = new URL(url) as unknown as Location;
  return { doc, loc, lectures: edxAdapter.findLectures(doc) };
}
const fixture = (name: string, url: string) => open(readFileSync(join(PAGES, name), 'utf8'), url);
const corpus = (name: string, url = 'https://courses.edx.org/courses/course-v1:someOrg+thisCOurse+runAway/courseware/a/b/1') =>
  open(readFileSync(join(CORPUS, name), 'utf8'), url);

afterEach(() => vi.unstubAllGlobals());

describe('edX adapter: a unit with three videos (data-metadata)', () => {
  const url = `https://courses.edx.org/courses/${COURSE}/courseware/week-1/leaves/1?activate_block_id=x`;
  const ids = ['a1b2c3d4e5f60718293a4b5c6d7e8f90', 'b2c3d4e5f60718293a4b5c6d7e8f90a1', 'c3d4e5f60718293a4b5c6d7e8f90a1b2'];

  it('is picked for the page, and finds each video block as its own lecture', () => {
    const { doc, loc, lectures } = fixture('unit-three-videos.html', url);
    expect(edxAdapter.matches(loc, doc)).toBe(true);
    expect(pickAdapter(loc, doc).site).toBe('edx');
    expect(lectures).toHaveLength(3);
    expect(lectures.map((l) => edxAdapter.mediaOf(l)?.tagName ?? null)).toEqual(['VIDEO', 'VIDEO', null]);
  });

  it('names course and lectures from the usage ids and the headings', () => {
    const { doc, loc, lectures } = fixture('unit-three-videos.html', url);
    const infos = lectures.map((l) => edxAdapter.describe(l, doc, loc));
    expect(infos.map((i) => i.lectureKey)).toEqual(ids.map(video));
    // The third block keeps edX's default display name "Video": the unit names it instead.
    expect(infos.map((i) => i.lectureTitle)).toEqual([
      'Lecture 1: Photosynthesis',
      'Lecture 2: Light and chlorophyll',
      'Unit 1: How leaves make food (3)',
    ]);
    for (const info of infos) {
      expect(info).toMatchObject({
        site: 'edx',
        courseKey: COURSE,
        courseTitle: 'How Plants Make Food',
        courseUrl: `https://courses.edx.org/courses/${COURSE}/course/`,
        lectureUrl: `https://courses.edx.org/courses/${COURSE}/courseware/week-1/leaves/1?activate_block_id=x`,
      });
    }
    expect(infos.map((i) => i.videoSrc)).toEqual([
      'https://courses.edx.org/demo/course/media/lecture-1.webm',
      'https://courses.edx.org/demo/course/media/lecture-2.webm',
      'https://www.youtube.com/watch?v=OEoXaMPEzfM',
    ]);
  });

  it('lists one SJSON track per language from the translation handler, resolved against the page', async () => {
    const { doc, loc, lectures } = fixture('unit-three-videos.html', url);
    const tracks = await Promise.all(lectures.map((l) => edxAdapter.dataTracks!(l, doc, loc)));
    expect(tracks[0]).toEqual([
      { kind: 'captions', language: 'en', label: 'English', url: handler(ids[0], 'en'), format: 'sjson' },
      { kind: 'captions', language: 'es', label: 'Español', url: handler(ids[0], 'es'), format: 'sjson' },
    ]);
    expect(tracks[1].map((t) => t.url)).toEqual([handler(ids[1], 'en'), handler(ids[1], 'es')]);
    // A YouTube block's transcript may be kept under its YouTube id: the player sends it, so do we.
    expect(tracks[2].map((t) => [t.language, t.label, t.url])).toEqual([
      ['en', 'English', `${handler(ids[2], 'en')}?videoId=OEoXaMPEzfM`],
      ['zh', '中文', `${handler(ids[2], 'zh')}?videoId=OEoXaMPEzfM`],
    ]);
    expect(lectures.map((l) => edxAdapter.panelTranscript!(l, doc))).toEqual([null, null, null]);
  });
});

describe('edX adapter: other pages', () => {
  it('reads the older markup: one data attribute per setting, "/<lang>" appended, an Org/Course/Run course id', async () => {
    const { doc, loc, lectures } = fixture('old-markup.html', 'https://courses.edx.org/courses/MoocMateX/PLANT100/2014_T1/courseware/week_1/intro/');
    expect(edxAdapter.matches(loc, doc)).toBe(true);
    expect(lectures).toHaveLength(1);
    expect(edxAdapter.mediaOf(lectures[0])).toBeNull();
    expect(edxAdapter.describe(lectures[0], doc, loc)).toMatchObject({
      courseKey: 'MoocMateX/PLANT100/2014_T1',
      courseTitle: 'Plants 100 (archived)',
      lectureKey: 'i4x://MoocMateX/PLANT100/video/intro',
      lectureTitle: 'Welcome to the course',
      videoSrc: 'https://www.youtube.com/watch?v=3_yD_cEKoCk',
    });
    expect(await edxAdapter.dataTracks!(lectures[0], doc, loc)).toEqual([
      {
        kind: 'captions',
        language: 'en',
        label: 'English',
        url: 'https://courses.edx.org/courses/MoocMateX/PLANT100/2014_T1/xblock/i4x:;_;_MoocMateX;_PLANT100;_video;_intro/handler/transcript/translation/en?videoId=3_yD_cEKoCk',
        format: 'sjson',
      },
    ]);
    // The old player's panel is an empty placeholder until it loads a transcript.
    expect(edxAdapter.panelTranscript!(lectures[0], doc)).toBeNull();
  });

  it('falls back to the rendered transcript panel when the player has no settings (times in ms)', async () => {
    const { doc, loc, lectures } = fixture('panel-only.html', `https://courses.edx.org/courses/${COURSE}/courseware/week-3/chlorophyll/1`);
    expect(edxAdapter.matches(loc, doc)).toBe(true);
    expect(lectures).toHaveLength(1);
    expect(await edxAdapter.dataTracks!(lectures[0], doc, loc)).toEqual([]);
    const sjson = JSON.parse(readFileSync(join(PAGES, 'transcripts/lecture-2.en.sjson'), 'utf8')) as { start: number[]; text: string[] };
    const panel = edxAdapter.panelTranscript!(lectures[0], doc)!;
    expect(panel.language).toBe('en');
    expect(panel.label).toBe('English');
    expect(panel.cues).toHaveLength(11);
    expect(panel.cues.map((c) => c.start)).toEqual(sjson.start.map((ms) => ms / 1000));
    // Each line ends where the next begins; the last one 5 s later (the duration is unknown).
    expect(panel.cues[0]).toEqual({ start: 0.5, end: 3.1, text: 'Welcome back. This is lecture two.' });
    expect(panel.cues[10].end).toBe(panel.cues[10].start + 5);
    expect(panel.cues[4].text).toBe('Chlorophyll absorbs red & blue light very well.');
    expect(panel.cues[7].text).toBe('Chlorophyll is found in chloroplasts, small parts inside plant cells.');
    expect(edxAdapter.describe(lectures[0], doc, loc)).toMatchObject({
      lectureKey: video('a0b1c2d3e4f5061728394a5b6c7d8e9f'),
      lectureTitle: 'Why leaves are green',
      courseKey: COURSE,
    });
  });

  it('reads the older panel (li[data-start]) and unreadable settings fail so the loop falls back', async () => {
    const { doc, loc, lectures } = open(
      `<div class="video" id="video_x" data-metadata='{"transcriptLanguages": {"en": "Eng'>
         <ol class="subtitles" lang="fr"><li></li><li data-index="0" data-start="1000">Un</li><li data-index="1" data-start="2500.5">Deux</li></ol>
       </div>`,
      'https://openedx.example.org/courses/course-v1:Uni+B1+T1/courseware/s/u/1',
    );
    expect(lectures).toHaveLength(1);
    await expect(edxAdapter.dataTracks!(lectures[0], doc, loc)).rejects.toThrow();
    // A decimal time is taken as seconds.
    expect(edxAdapter.panelTranscript!(lectures[0], doc)).toEqual({
      language: 'fr',
      label: 'French',
      cues: [
        { start: 1, end: 2500.5, text: 'Un' },
        { start: 2500.5, end: 2505.5, text: 'Deux' },
      ],
    });
    const info = edxAdapter.describe(lectures[0], doc, loc);
    expect(info).toMatchObject({ courseKey: 'course-v1:Uni+B1+T1', lectureKey: 'course-v1:Uni+B1+T1/video_x', courseTitle: '' });
  });

  it('names the lecture in the learning MFE unit iframe with a jump_to link', () => {
    const unit = 'block-v1:MoocMateX+PLANT101+2026+type@vertical+block@90a1b2c3d4e5f60718293a4b5c6d7e8f';
    const { doc, loc, lectures } = fixture('xblock-unit.html', `https://courses.edx.org/xblock/${unit}?show_title=0&view=student_view`);
    expect(lectures).toHaveLength(1);
    const id = video('8f90a1b2c3d4e5f60718293a4b5c6d7e');
    expect(edxAdapter.describe(lectures[0], doc, loc)).toMatchObject({
      courseKey: COURSE,
      courseTitle: '',
      lectureKey: id,
      lectureTitle: 'Lecture 1 in the new learning experience',
      lectureUrl: `https://courses.edx.org/courses/${COURSE}/jump_to/${id}`,
    });
  });

  it('asks the available-translations handler when the markup lists no language', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(['en', 'de']), { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const meta = JSON.stringify({
      transcriptLanguages: {},
      transcriptTranslationUrl: '/t/translation/__lang__',
      transcriptAvailableTranslationsUrl: '/t/available_translations',
    });
    const { doc, loc, lectures } = open(`<div class="video" data-metadata='${meta}'></div>`, 'https://lms.uni.example/courses/course-v1:U+C+R/courseware/a/b/');
    const tracks = await edxAdapter.dataTracks!(lectures[0], doc, loc);
    expect(fetch).toHaveBeenCalledWith('https://lms.uni.example/t/available_translations', expect.objectContaining({ credentials: 'include' }));
    expect(tracks.map((t) => [t.language, t.label, t.url])).toEqual([
      ['en', 'English', 'https://lms.uni.example/t/translation/en'],
      ['de', 'German', 'https://lms.uni.example/t/translation/de'],
    ]);
  });

  it('is not picked for pages without the edX player markup', () => {
    const { doc, loc } = open('<div class="video"><video src="/a.webm"></video></div><section class="subtitles-x"></section>', 'https://courses.edx.org/dashboard');
    expect(edxAdapter.matches(loc, doc)).toBe(false);
    expect(edxAdapter.findLectures(doc)).toEqual([]);
    expect(pickAdapter(loc, doc).site).toBe('html5');
  });
});

describe('edX adapter: the player fixtures from edx-platform (xmodule/js/fixtures)', () => {
  const files = ['video_all.html', 'video_html5.html', 'video_no_captions.html', 'video_autoadvance_disabled.html', 'video_transcript_feedback.html'];
  for (const file of files) {
    it(`${file}: one lecture with English, German and Mandarin transcripts`, async () => {
      const { doc, loc, lectures } = corpus(file);
      expect(edxAdapter.matches(loc, doc)).toBe(true);
      expect(lectures).toHaveLength(1);
      expect(edxAdapter.mediaOf(lectures[0])).toBeNull();
      const tracks = await edxAdapter.dataTracks!(lectures[0], doc, loc);
      expect(tracks.map((t) => [t.language, t.label])).toEqual([
        ['en', 'English'],
        ['de', 'Deutsch'],
        ['zh', '普通话'],
      ]);
      for (const t of tracks) {
        expect(t.format).toBe('sjson');
        expect(t.url.split('?')[0]).toBe(`https://courses.edx.org/transcript/translation/${t.language}`);
      }
    });
  }

  it('uses the block and course ids the newer fixtures carry, and the YouTube stream when there is one', () => {
    const all = corpus('video_all.html', 'https://lms.example/courses/x');
    expect(edxAdapter.describe(all.lectures[0], all.doc, all.loc)).toMatchObject({
      courseKey: 'course-v1:someOrg+thisCOurse+runAway',
      lectureKey: 'block-v1:coursekey+type@video+block@000000000000000000',
      videoSrc: 'https://lms.example/base/fixtures/test.mp4',
    });
    const yt = corpus('video_autoadvance_disabled.html');
    expect(edxAdapter.describe(yt.lectures[0], yt.doc, yt.loc)).toMatchObject({
      courseKey: 'course-v1:someOrg+thisCOurse+runAway',
      lectureKey: 'course-v1:someOrg+thisCOurse+runAway/video_id',
      videoSrc: 'https://www.youtube.com/watch?v=cogebirgzzM',
    });
  });
});
