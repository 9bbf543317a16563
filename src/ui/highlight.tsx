import { normalise } from '../captions/terms';

const PIECES = /([\p{L}\p{N}\p{M}]+)/u;

/**
 * Caption text with the searched words marked. Text goes through Preact's escaping: cue
 * text is hostile input and never becomes HTML.
 */
export function Highlighted({ text, needles }: { text: string; needles: readonly string[] }) {
  if (needles.length === 0) return <>{text}</>;
  const parts = text.split(PIECES);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const n = normalise(part);
        return needles.some((q) => n.includes(q)) ? <mark key={i}>{part}</mark> : part;
      })}
    </>
  );
}
