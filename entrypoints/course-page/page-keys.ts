import type { PageContext } from './page-context';

/**
 * Alt+Shift+<key> on the course page (the flag, add-word and lecture keys), never while
 * the learner types in a field. `handle` gets the key's code and returns true when it took
 * the key (then the page does not see it).
 */
export function onAltShiftKey(ctx: PageContext, handle: (code: string) => boolean): void {
  ctx.addEventListener(
    window,
    'keydown',
    (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target?.tagName ?? '')) return;
      if (handle(e.code)) e.preventDefault();
    },
    { capture: true },
  );
}
