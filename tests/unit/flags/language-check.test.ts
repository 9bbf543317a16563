import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLanguage, checkTranslation } from '../../../src/flags/language-check';
import { sameLanguage, toBcp47 } from '../../../src/language/codes';
import { francKnows } from '../../../src/language/franc-languages';
import { parseVtt } from '../../../src/captions/formats/vtt';
import type { Cue } from '../../../src/captions/types';

const media = (name: string) => parseVtt(readFileSync(join(import.meta.dirname, '../../../demo/course/media', name), 'utf8')).cues;
const renumber = (cues: Cue[]) => cues.map((c, index) => ({ ...c, index }));

describe('language codes', () => {
  it('maps franc codes to the tags pages declare', () => {
    expect(toBcp47('eng')).toBe('en');
    expect(toBcp47('cmn')).toBe('zh');
    expect(toBcp47('pes')).toBe('fa');
    expect(sameLanguage('spa', 'es-419')).toBe(true);
    expect(sameLanguage('por', 'pt-BR')).toBe(true);
    expect(sameLanguage('eng', 'es')).toBe(false);
    expect(sameLanguage('eng', '')).toBe(false);
  });

  it("matches franc's Tagalog with both tags pages use for it (Intl.Locale turns 'tl' into 'fil')", () => {
    for (const tag of ['tl', 'fil', 'fil-PH', 'TL']) expect(sameLanguage('tgl', tag), tag).toBe(true);
    expect(sameLanguage('tgl', 'en')).toBe(false);
  });

  it('knows which declared languages franc-min can name', () => {
    for (const tag of ['en', 'es-419', 'zh-Hant', 'ko', 'el', 'tl', 'fil', 'ms', 'sw', 'fa']) expect(francKnows(tag), tag).toBe(true);
    for (const tag of ['da', 'nb', 'no', 'ca', 'fi', 'sk', 'gl', 'he', '']) expect(francKnows(tag), tag).toBe(false);
  });
});

/** One paragraph per language (about 320-360 characters), in cues of one sentence. */
const paragraph = (s: string): Cue[] => s.split(/(?<=\.)\s+/).map((text, index) => ({ index, start: index * 3, end: index * 3 + 2.8, text }));
const UNKNOWN_TO_FRANC: Record<string, string> = {
  da: 'Velkommen til denne forelæsning om fotosyntese. Planter laver deres egen føde ud af sollys, vand og kuldioxid. Bladene indeholder klorofyl, som opfanger lyset. Det er en meget vigtig proces for livet på jorden. I dag ser vi nærmere på, hvordan det foregår. Først taler vi om lyset, og derefter om vandet og luften.',
  nb: 'Velkommen til denne forelesningen om fotosyntese. Planter lager sin egen mat av sollys, vann og karbondioksid. Bladene inneholder klorofyll, som fanger opp lyset. Dette er en svært viktig prosess for livet på jorden. I dag skal vi se nærmere på hvordan det skjer. Først snakker vi om lyset, og deretter om vannet og lufta.',
  ca: "Benvinguts a aquesta lliçó sobre la fotosíntesi. Les plantes fan el seu propi aliment a partir de la llum del sol, l'aigua i el diòxid de carboni. Les fulles contenen clorofil·la, que capta la llum. És un procés molt important per a la vida a la Terra. Avui veurem com funciona. Primer parlarem de la llum i després de l'aigua i de l'aire.",
  fi: 'Tervetuloa tälle luennolle, joka käsittelee fotosynteesiä. Kasvit valmistavat oman ravintonsa auringonvalosta, vedestä ja hiilidioksidista. Lehdet sisältävät klorofylliä, joka sitoo valoa. Tämä on erittäin tärkeä prosessi elämälle maapallolla. Tänään tarkastelemme, miten se tapahtuu. Ensin puhumme valosta ja sitten vedestä ja ilmasta.',
  sk: 'Vitajte na tejto prednáške o fotosyntéze. Rastliny si vyrábajú vlastnú potravu zo slnečného svetla, vody a oxidu uhličitého. Listy obsahujú chlorofyl, ktorý zachytáva svetlo. Je to veľmi dôležitý proces pre život na Zemi. Dnes sa pozrieme bližšie na to, ako prebieha. Najprv budeme hovoriť o svetle a potom o vode a vzduchu.',
  gl: 'Benvidos a esta lección sobre a fotosíntese. As plantas fan o seu propio alimento a partir da luz do sol, da auga e do dióxido de carbono. As follas conteñen clorofila, que capta a luz. É un proceso moi importante para a vida na Terra. Hoxe imos ver de preto como funciona. Primeiro falaremos da luz e despois da auga e do aire.',
};
const TAGALOG =
  'Maligayang pagdating sa lekturang ito tungkol sa potosintesis. Ang mga halaman ay gumagawa ng sarili nilang pagkain mula sa sikat ng araw, tubig at carbon dioxide. Ang mga dahon ay may klorofil na sumasalo ng liwanag. Ito ay isang napakahalagang proseso para sa buhay sa mundo. Ngayon ay titingnan natin kung paano ito nangyayari. Una ay pag-uusapan natin ang liwanag.';

describe('language check', () => {
  it('finds nothing when a track is in its declared language', () => {
    expect(checkLanguage(media('lecture-1.en.vtt'), 'en')).toEqual([]);
    expect(checkLanguage(media('lecture-1.es.vtt'), 'es')).toEqual([]);
  });

  it('names the language of a track declared as another one', () => {
    const found = checkLanguage(media('lecture-1.es.vtt'), 'en');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.rule === 'language' && f.detail === 'spa')).toBe(true);
  });

  it('finds the wrong-language part inside an otherwise right track', () => {
    const en = media('lecture-1.en.vtt');
    const fr = media('lecture-1.fr.vtt');
    const mixed = renumber([...en, ...en, ...fr, ...fr]);
    const found = checkLanguage(mixed, 'en');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.detail === 'fra')).toBe(true);
    expect(found[0].cueIndex).toBeGreaterThanOrEqual(en.length * 2 - 2);
  });

  it('never flags a track in a language franc-min does not know (it would name a neighbour)', () => {
    for (const [tag, text] of Object.entries(UNKNOWN_TO_FRANC)) expect(checkLanguage(paragraph(text), tag), tag).toEqual([]);
  });

  it("accepts a Tagalog track declared 'tl' or 'fil', and still flags one declared as English", () => {
    expect(checkLanguage(paragraph(TAGALOG), 'tl')).toEqual([]);
    expect(checkLanguage(paragraph(TAGALOG), 'fil')).toEqual([]);
    expect(checkLanguage(paragraph(TAGALOG), 'en')).toMatchObject([{ rule: 'language', detail: 'tgl' }]);
  });

  it('does not judge a track without a declared language or with too little text', () => {
    expect(checkLanguage(media('lecture-1.es.vtt'), '')).toEqual([]);
    expect(checkLanguage(media('lecture-1.es.vtt').slice(0, 1), 'en')).toEqual([]);
  });
});

describe('translation check', () => {
  it('accepts a translation with the original timing', () => {
    expect(checkTranslation(media('lecture-1.en.vtt'), media('lecture-1.es.vtt'))).toBeNull();
  });
  it('flags a translation that belongs to another lesson', () => {
    const found = checkTranslation(media('lecture-1.en.vtt'), media('lecture-2.es.vtt'));
    expect(found).toMatchObject({ rule: 'translation-mismatch', limit: 50 });
    expect(found!.value).toBeLessThan(50);
  });
});
