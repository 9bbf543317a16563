import type { GlossaryMatcher } from './match';

/** Styles for the marks renderMarkedText makes; a surface adds them to its own shadow root. */
export const MARK_CSS = `
  mark.mm-gloss { background: #fff3b0; color: #111; border-radius: 3px; padding: 0 1px; position: relative; cursor: help;
                  text-decoration: underline dotted #8a6d00; text-underline-offset: 3px; }
  mark.mm-gloss:focus-visible { outline: 2px solid #0b6bcb; outline-offset: 1px; }
  mark.mm-gloss:focus::after, mark.mm-gloss:hover::after {
    content: attr(data-meaning); position: absolute; left: 0; bottom: calc(100% + 4px); z-index: 1; white-space: pre-wrap;
    width: max-content; max-width: 260px; font: 13px/1.3 system-ui, sans-serif; color: #fff; background: #1d2733; padding: 4px 7px; border-radius: 5px; }
`;

/** What a mark says about its word: the learner's meaning, or the term itself when there is none yet. */
export function meaningText(term: string, meaning: string): string {
  return meaning.trim() ? `${term}: ${meaning.trim()}` : term;
}

/**
 * Replaces parent's children with the text, glossary words wrapped in <mark>. Everything is
 * set with textContent and attributes (caption text is hostile input). Each mark can take
 * keyboard focus and carries its meaning as title (hover), aria-description (screen
 * readers) and data-meaning (the focus tooltip in MARK_CSS; a pseudo-element, so the
 * parent's textContent stays the caption text).
 */
export function renderMarkedText(parent: HTMLElement, text: string, matcher: GlossaryMatcher | null): void {
  const doc = parent.ownerDocument;
  const nodes: Node[] = [];
  let at = 0;
  for (const m of matcher?.find(text) ?? []) {
    if (m.start > at) nodes.push(doc.createTextNode(text.slice(at, m.start)));
    const mark = doc.createElement('mark');
    mark.className = 'mm-gloss';
    mark.textContent = text.slice(m.start, m.end);
    mark.tabIndex = 0;
    const about = meaningText(m.term, m.meaning);
    mark.title = about;
    mark.setAttribute('aria-description', about);
    mark.dataset.meaning = about;
    mark.dataset.entryId = m.entryId;
    nodes.push(mark);
    at = m.end;
  }
  if (at < text.length) nodes.push(doc.createTextNode(text.slice(at)));
  parent.replaceChildren(...nodes);
}
