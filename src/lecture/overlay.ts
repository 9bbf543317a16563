/**
 * The dual-caption overlay: a shadow root laid over the video the learner watches. It only
 * writes styles and text; the caller gives it the video's box without reading layout.
 * Every caption line goes through renderLine(), the one place that turns cue text into DOM.
 */
import { MARK_CSS, renderMarkedText } from '../glossary/mark-text';
import type { GlossaryMatcher } from '../glossary/match';

/** Caption text is text: never markup. Glossary words are marked (with their meaning) when a matcher is given. */
export function renderLine(el: HTMLElement, text: string, matcher: GlossaryMatcher | null = null): void {
  if (matcher) renderMarkedText(el, text, matcher);
  else el.textContent = text;
}

const SIZES = { small: 0.8, medium: 1, large: 1.3 } as const;

const CSS = `
  .box { position: absolute; left: 0; right: 0; display: flex; flex-direction: column; align-items: center; gap: 0.2em;
         pointer-events: none; font: 600 1em/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  .line { max-width: 92%; padding: 0.1em 0.45em; border-radius: 0.25em; background: rgba(8, 10, 12, 0.84); color: #fff;
          text-align: center; white-space: pre-line; text-shadow: 0 1px 2px #000; overflow-wrap: anywhere; }
  .bottom { color: #ffe27a; font-size: 0.9em; font-weight: 500; }
  .status { font-size: 0.62em; font-weight: 600; background: #0b57a8; color: #fff; padding: 0.15em 0.55em; border-radius: 0.3em; }
  .line:empty, .status:empty { display: none; }
  /* Glossary words take the pointer (hover shows the meaning); the rest lets clicks reach the player. */
  .line mark.mm-gloss { pointer-events: auto; }
  ${MARK_CSS}`;

export interface OverlayLook {
  size: keyof typeof SIZES;
  /** Percent of the video's height above the lowest place. */
  lift: number;
}

export class CaptionOverlay {
  readonly host: HTMLElement;
  private readonly box: HTMLElement;
  private readonly top: HTMLElement;
  private readonly bottom: HTMLElement;
  private readonly status: HTMLElement;
  private look: OverlayLook = { size: 'medium', lift: 0 };
  private visible = false;

  /** `glossary` gives the learner's glossary when it has arrived (null until then). */
  constructor(
    doc: Document = document,
    private readonly glossary: () => GlossaryMatcher | null = () => null,
  ) {
    this.host = doc.createElement('div');
    this.host.setAttribute('data-moocmate', 'captions');
    // Fixed: placed in viewport coordinates, in the page and inside a full-screen element alike.
    this.host.style.cssText = 'position:fixed;z-index:2147483645;top:0;left:0;display:none;pointer-events:none;';
    const root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    this.box = doc.createElement('div');
    this.box.className = 'box';
    this.status = doc.createElement('div');
    this.status.className = 'status';
    this.status.setAttribute('role', 'status');
    this.top = doc.createElement('div');
    this.top.className = 'line top';
    this.bottom = doc.createElement('div');
    this.bottom.className = 'line bottom';
    for (const el of [this.top, this.bottom]) el.dir = 'auto';
    this.box.append(this.status, this.top, this.bottom);
    root.append(style, this.box);
  }

  /** Puts the overlay in `parent`: the page, or the element in full screen (the top layer shows only that). */
  mount(parent: Element): void {
    if (this.host.parentNode !== parent) parent.append(this.host);
  }

  setLanguages(top: string, bottom: string): void {
    this.top.lang = top;
    this.bottom.lang = bottom;
  }

  show(top: string, bottom: string): void {
    const matcher = this.glossary();
    renderLine(this.top, top, matcher);
    renderLine(this.bottom, bottom, matcher);
  }

  /** The learner's interface language, for the notes; the two lines keep their own. */
  setUiLocale(lang: string, dir: 'ltr' | 'rtl'): void {
    this.status.lang = lang;
    this.status.dir = dir;
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }

  setLook(look: OverlayLook): void {
    this.look = look;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (!visible) this.host.style.display = 'none';
  }

  /** Lays the overlay over the video whose viewport rect is `box` (null: hide). */
  place(box: DOMRectReadOnly | null): void {
    if (!this.visible || !box || box.width < 160 || box.height < 90) {
      this.host.style.display = 'none';
      return;
    }
    const h = box.height;
    const size = Math.min(40, Math.max(13, h * 0.052)) * SIZES[this.look.size];
    // Keep above the player's control bar (about 12% of the height, at least 48 px), plus the learner's lift.
    const bottom = Math.max(48, h * 0.12) + (h * this.look.lift) / 100;
    const s = this.host.style;
    // Write only what changed: an unchanged style costs nothing, a rewritten one a new layout.
    const set = (style: CSSStyleDeclaration, key: 'display' | 'width' | 'height' | 'fontSize' | 'transform' | 'bottom', value: string) => {
      if (style[key] !== value) style[key] = value;
    };
    set(s, 'display', 'block');
    set(s, 'width', `${Math.round(box.width)}px`);
    set(s, 'height', `${Math.round(h)}px`);
    set(s, 'fontSize', `${Math.round(size)}px`);
    set(s, 'transform', `translate(${Math.round(box.left)}px, ${Math.round(box.top)}px)`);
    set(this.box.style, 'bottom', `${Math.round(bottom)}px`);
  }

  remove(): void {
    this.host.remove();
  }
}
