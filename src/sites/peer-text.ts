/**
 * Small text readers shared by the site adapters' peer-review readers. Pages write counts
 * as "1 of 3", "1 de 3", "1 sur 3", "1 von 3", "1/3"; the numbers are what matters.
 */
const PAIR = /(\d{1,4})\s*(?:of|de|sur|von|van|di|из|з|\/|／)\s*(\d{1,4})/i;

export const cleanText = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** "You reviewed 1 of 3" → [1, 3]; null when the text has no such pair. */
export function countPair(text: string | null | undefined): [number, number] | null {
  const m = PAIR.exec(cleanText(text));
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** A page's language as it declares it (for the background's date parser); `withLang` is the site's selector for `[lang]`. */
export function pageLang(el: Element | null, doc: Document, withLang: string): string {
  return (el?.closest(withLang)?.getAttribute('lang') || doc.documentElement.lang || '').slice(0, 40);
}

/** An http(s) link resolved against the page; '' when there is none. */
export function absoluteUrl(href: string | null | undefined, base: string): string {
  if (!href?.trim()) return '';
  try {
    const u = new URL(href ?? '', base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : '';
  } catch {
    return '';
  }
}
