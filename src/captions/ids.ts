/**
 * Stable ids from a site's own keys. The content script and the background both derive
 * them, so a page can name its lecture before the background has stored anything.
 */
export function stableId(prefix: string, key: string): string {
  // Two 32-bit FNV-1a hashes with different seeds: short, stable, and collisions are
  // negligible at the scale of one learner's library.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 13);
  }
  return `${prefix}_${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}

export const courseIdFor = (site: string, courseKey: string) => stableId('c', `${site}|${courseKey}`);
export const lectureIdFor = (site: string, lectureKey: string) => stableId('l', `${site}|${lectureKey}`);
export const trackIdFor = (lectureId: string, kind: string, language: string, label: string) =>
  stableId('t', `${lectureId}|${kind}|${language}|${label}`);
