import { useEffect, useState } from 'preact/hooks';
import type { MoocMateDb } from '../db/schema';
import { callBackground } from '../messaging/client';
import { buildMatcher, findTerm, type GlossaryMatch, type GlossaryMatcher } from '../glossary/match';
import { meaningText } from '../glossary/mark-text';
import { useLiveQuery } from './use-live-query';

/**
 * The glossary's matcher for an extension page: the background expands the words (it holds
 * the lemmatizer); asked again whenever the glossary table changes.
 */
export function useGlossaryMatcher(db: MoocMateDb): GlossaryMatcher | null {
  const stamp = useLiveQuery(
    async () => `${await db.glossary.count()}:${(await db.glossary.orderBy('updatedAt').last())?.updatedAt ?? 0}`,
    [],
    '',
  );
  const [matcher, setMatcher] = useState<GlossaryMatcher | null>(null);
  useEffect(() => {
    if (!stamp) return;
    let live = true;
    callBackground('glossary.matcher', {})
      .then((data) => live && setMatcher(rememberingFinds(buildMatcher(data))))
      .catch(() => undefined);
    return () => void (live = false);
  }, [stamp]);
  return matcher;
}

/**
 * The matcher, each text's words found once: a transcript line asks three times (its
 * marks, its description, its meanings), and a page with thousands of lines asks again
 * whenever it draws them. A new glossary brings a new matcher, and so a new memory.
 */
export function rememberingFinds(matcher: GlossaryMatcher): GlossaryMatcher {
  const found = new Map<string, GlossaryMatch[]>();
  return {
    find(text) {
      let hits = found.get(text);
      if (!hits) found.set(text, (hits = matcher.find(text)));
      return hits;
    },
  };
}

/** The meanings of a line's glossary words, one line of text (shown when the line has keyboard focus). */
export function GlossaryMeanings({ id, text, matcher }: { id: string; text: string; matcher: GlossaryMatcher | null }) {
  const found = matcher?.find(text) ?? [];
  if (found.length === 0) return null;
  const seen = new Set<string>();
  const parts = found.filter((m) => !seen.has(m.entryId) && seen.add(m.entryId)).map((m) => meaningText(m.term, m.meaning));
  return (
    <p class="cue-gloss" id={id} dir="auto">
      {parts.join(' · ')}
    </p>
  );
}

/** Text with glossary words marked; the meaning shows on hover (title and a tooltip from data-meaning). */
export function GlossaryMarked({ text, matcher }: { text: string; matcher: GlossaryMatcher | null }) {
  const found = matcher?.find(text) ?? [];
  if (found.length === 0) return <>{text}</>;
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const m of found) {
    if (m.start > at) parts.push(text.slice(at, m.start));
    const about = meaningText(m.term, m.meaning);
    parts.push(
      <mark key={m.start} class="gloss" title={about} data-meaning={about} aria-description={about} data-entry-id={m.entryId}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** A sentence with the term in bold (the first place it occurs), as text. */
export function TermInSentence({ sentence, term }: { sentence: string; term: string }) {
  const at = findTerm(sentence, term);
  if (!at) return <>{sentence}</>;
  return (
    <>
      {sentence.slice(0, at.start)}
      <b>{sentence.slice(at.start, at.end)}</b>
      {sentence.slice(at.end)}
    </>
  );
}
