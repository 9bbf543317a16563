import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';

/** franc names some languages by their individual code; the pages declare the macrolanguage. */
const INDIVIDUAL_TO_MACRO: Record<string, string> = {
  cmn: 'zh', arb: 'ar', pes: 'fa', zlm: 'ms', swh: 'sw', uzn: 'uz', azj: 'az', ckb: 'ku',
  plt: 'mg', pbu: 'ps', npi: 'ne', fuv: 'ff', ekk: 'et', lvs: 'lv', khk: 'mn',
};

/** The two-letter code for a franc (ISO 639-3) result when there is one, else the code itself. */
export function toBcp47(iso6393: string): string {
  return INDIVIDUAL_TO_MACRO[iso6393] ?? iso6393To1[iso6393] ?? iso6393;
}

/** The primary language subtag of a declared tag ("pt-BR" → "pt", "zh-Hans" → "zh"); '' if none. */
export function primaryLanguage(tag: string): string {
  if (!tag) return '';
  try {
    return new Intl.Locale(tag).language.toLowerCase();
  } catch {
    return tag.split(/[-_]/)[0].toLowerCase();
  }
}

const francPrimary = new Map<string, string>();

/**
 * A franc result as the primary subtag a page would declare, canonical as Intl.Locale makes
 * a declared tag: franc's 'tgl' is 'tl', which Intl.Locale turns into 'fil'.
 */
export function francLanguage(iso6393: string): string {
  let primary = francPrimary.get(iso6393);
  if (primary === undefined) {
    primary = primaryLanguage(toBcp47(iso6393));
    francPrimary.set(iso6393, primary);
  }
  return primary;
}

/** True when a franc result and a declared tag name the same language. */
export function sameLanguage(iso6393: string, declared: string): boolean {
  const d = primaryLanguage(declared);
  return d !== '' && (francLanguage(iso6393) === d || iso6393 === d);
}
