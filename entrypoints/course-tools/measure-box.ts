/**
 * The viewport box of an element without reading layout: an IntersectionObserver's first
 * report carries the box the browser computed in its own layout pass, so a line or button
 * that just changed never forces a layout (getBoundingClientRect would).
 */
export function measureBox(el: Element): Promise<DOMRectReadOnly | null> {
  return new Promise((resolve) => {
    const io = new IntersectionObserver(([entry]) => {
      io.disconnect();
      resolve(entry?.boundingClientRect ?? null);
    });
    io.observe(el);
  });
}
