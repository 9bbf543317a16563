import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/language/detect';
import { languageName } from '../../../src/language/names';

const english = [
  'Plants make their own food.',
  'They use light from the sun, water from the soil and carbon dioxide from the air.',
  'This process is called photosynthesis, and it happens mostly in the leaves.',
  'Inside the leaves there is a green substance called chlorophyll.',
  'Chlorophyll catches the energy of light and the plant stores it as sugar.',
];
const spanish = [
  'Las plantas fabrican su propio alimento.',
  'Usan la luz del sol, el agua del suelo y el dióxido de carbono del aire.',
  'Este proceso se llama fotosíntesis y ocurre sobre todo en las hojas.',
  'Dentro de las hojas hay una sustancia verde llamada clorofila.',
  'La clorofila capta la energía de la luz y la planta la guarda como azúcar.',
];

describe('detectLanguage', () => {
  it('names the language of a whole transcript', () => {
    expect(detectLanguage(english)).toBe('eng');
    expect(detectLanguage(spanish)).toBe('spa');
  });
  it('says unknown for too little text instead of guessing from one line', () => {
    expect(detectLanguage(['Plants make their own food.'])).toBe('und');
    expect(detectLanguage([])).toBe('und');
  });
  it('says unknown when the windows disagree', () => {
    // Half English, half Spanish, in four equal windows: a tie, so no answer.
    const half = (lines: string[]) => lines.join(' ').repeat(5).slice(0, 1200);
    expect(detectLanguage([half(english) + half(spanish)])).toBe('und');
    // Three quarters Spanish: a clear lead.
    expect(detectLanguage([half(english).slice(0, 600) + half(spanish) + half(spanish).slice(0, 600)])).toBe('spa');
  });
  it('gives readable names', () => {
    expect(languageName('spa', 'en')).toBe('Spanish');
    expect(languageName('en', 'es')).toBe('inglés');
    expect(languageName('und')).toBe('');
  });
});
