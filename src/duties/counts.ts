/**
 * Review counts as pages write them: "1 of 3", "1 de 3", "1 sur 3", "1 von 3", "1 av 3",
 * "1/3"; the numbers are what matters. Numbers inside a date ("03/12/2026") are no count.
 */
const PAIR = /(?<![\d/.-])(\d{1,4})\s*(?:of|de|sur|von|van|di|av|из|з|\/|／)\s*(\d{1,4})(?![/.-]?\d)/i;

/** "2 of 3 reviews left", "quedan 2 de 3": the first number is what is still to do. */
const LEFT =
  /(?<!\p{L})(?:left|remaining|to go|quedan?|faltan?|faltam|pendientes?|restantes?|reste|restent|übrig|verbleibend|offen|rimanent[ei]|mancant[ei]|resterend|kvar|återstående|осталось|залишилось)(?!\p{L})/iu;

/** The words around a pair, up to the end of their sentence. */
const near = (before: string, after: string) => `${before.split(/[.;!?]/).pop()!.slice(-40)} ${after.split(/[.;!?]/)[0].slice(0, 40)}`;

/** "You reviewed 1 of 3" → [1, 3] (given, required); "2 of 3 reviews left" → [1, 3]; null when the text has no such pair. */
export function countPair(text: string | null | undefined): [number, number] | null {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  const m = PAIR.exec(t);
  if (!m) return null;
  const [n, of] = [Number(m[1]), Number(m[2])];
  return LEFT.test(near(t.slice(0, m.index), t.slice(m.index + m[0].length))) ? [Math.max(0, of - n), of] : [n, of];
}
