/**
 * Small text readers shared by the site adapters' peer-review readers. Review counts are
 * read as "Add this page" reads them (src/duties/counts.ts).
 */
export { countPair } from '../duties/counts';

export const cleanText = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

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
