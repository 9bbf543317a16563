import { browser } from 'wxt/browser';
import type { PageContext } from '../course-page/page-context';
import { callBackground } from '../../src/messaging/client';
import { MARK_CSS, renderMarkedText } from '../../src/glossary/mark-text';
import type { PageMatcher } from '../../src/glossary/page-matcher';
import type { CaptureLoop } from '../course-page/capture-loop';
import { msg, watchPageStrings } from './page-i18n';


/** The caption the player shows now (the showing track, else any loaded one). */
function captionNow(media: HTMLVideoElement): string {
  const tracks = [...media.textTracks].filter((t) => t.mode !== 'disabled');
  const track = tracks.find((t) => t.mode === 'showing' && t.activeCues?.length) ?? tracks.find((t) => t.activeCues?.length);
  return [...(track?.activeCues ?? [])].map((c) => (c as VTTCue).getCueAsHTML?.().textContent ?? '').filter(Boolean).join('\n');
}

/** The sentence of the page that holds a selection (a long block is cut by the background). */
function sentenceAround(selection: Selection, term: string): string {
  const node = selection.anchorNode;
  const el = node instanceof Element ? node : node?.parentElement;
  const block = el?.closest('p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6, blockquote, figcaption') ?? el;
  const text = (block?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!text.includes(term)) return term;
  for (const s of new Intl.Segmenter(undefined, { granularity: 'sentence' }).segment(text)) if (s.segment.includes(term)) return s.segment.trim();
  return text;
}

/**
 * Adding words from the page: selected text (Alt+Shift+G, the browser shortcut, or the
 * context menu), and the caption popover, which shows the line on screen as text the
 * learner can select, with glossary words marked (renderMarkedText). Shadow root; text only.
 */
export function installWordUi(ctx: PageContext, loop: CaptureLoop, matcher: PageMatcher): { addWord(selection?: string): Promise<boolean> | null; key(code: string): boolean } {
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;z-index:2147483646;left:0;top:0;';
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${MARK_CSS}
    .pop { font: 15px/1.4 system-ui, sans-serif; color: #111; background: #fff; border: 1px solid #8894a3; border-radius: 8px; padding: 8px 10px;
           box-shadow: 0 4px 16px rgba(0,0,0,.25); width: min(480px, 90vw); }
    .pop[hidden] { display: none; }
    h2 { font-size: 12px; margin: 0 0 4px; color: #445; text-transform: uppercase; letter-spacing: .04em; }
    .line { font-size: 18px; margin: 4px 0 6px; white-space: pre-wrap; user-select: text; unicode-bidi: plaintext; }
    .hint { font-size: 12px; color: #556; margin: 0 0 6px; }
    .row { display: flex; gap: 6px; justify-content: flex-end; }
    button { font: 600 13px system-ui, sans-serif; border-radius: 6px; border: 1px solid #0b6bcb; background: #0b6bcb; color: #fff; padding: 4px 10px; cursor: pointer; }
    button.close { background: #fff; color: #0b6bcb; }
    .toast { margin: 6px 0 0; font: 13px/1.3 system-ui, sans-serif; color: #fff; background: rgba(20,24,28,.92); padding: 6px 8px; border-radius: 6px; max-width: 360px; }
    .toast:empty { display: none; }`;
  const pop = document.createElement('section');
  pop.className = 'pop';
  pop.hidden = true;
  const title = document.createElement('h2');
  const line = document.createElement('p');
  line.className = 'line';
  line.dir = 'auto';
  const hint = document.createElement('p');
  hint.className = 'hint';
  const add = document.createElement('button');
  add.type = 'button';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  // Written when the popover first joins the page, and again when the learner picks another language.
  let locale: { lang: string; dir: 'ltr' | 'rtl' } | null = null;
  const texts = () => {
    if (locale) {
      host.lang = locale.lang;
      host.dir = locale.dir;
    }
    pop.setAttribute('aria-label', msg('glossaryPickTitle'));
    title.textContent = msg('glossaryPickTitle');
    hint.textContent = msg('glossaryPickHint');
    add.textContent = msg('glossaryPickAdd');
    close.setAttribute('aria-label', msg('close'));
  };
  const row = document.createElement('div');
  row.className = 'row';
  row.append(close, add);
  pop.append(title, line, hint, row);
  const toast = document.createElement('p');
  toast.className = 'toast';
  toast.setAttribute('role', 'status');
  root.append(style, pop, toast);
  // In the page only once it has something to show: most lecture loads never need it.
  const mount = () => {
    if (host.isConnected) return;
    texts();
    document.documentElement.append(host);
  };
  watchPageStrings(ctx, (lang, dir) => {
    locale = { lang, dir };
    if (host.isConnected) texts();
  });
  ctx.onInvalidated(() => host.remove());

  let hideToast: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string) => {
    mount();
    toast.textContent = text;
    clearTimeout(hideToast);
    hideToast = setTimeout(() => (toast.textContent = ''), 5000);
  };

  // The popover follows the caption; it is redrawn only when the line or the glossary changes,
  // so a selection the learner is making survives.
  let shown = '';
  let drawnWith: unknown = null;
  const refresh = () => {
    if (pop.hidden) return;
    const media = loop.activeLecture()?.media;
    const box = media?.isConnected ? media.getBoundingClientRect() : null;
    host.style.transform = box ? `translate(${Math.max(4, Math.round(box.left + 8))}px, ${Math.max(4, Math.round(box.bottom - 8))}px) translateY(-100%)` : 'translate(8px, 8px)';
    const text = media ? captionNow(media) : '';
    const m = matcher.current();
    if (text === shown && m === drawnWith) return;
    shown = text;
    drawnWith = m;
    if (text) renderMarkedText(line, text, m);
    else line.textContent = msg('glossaryPickNoCaption');
  };
  matcher.onChange(refresh);
  // Follows the caption only while open.
  let stopFollowing: (() => void) | undefined;
  const open = () => {
    mount();
    pop.hidden = false;
    shown = '\u0000';
    stopFollowing ??= ctx.setInterval(refresh, 250);
    refresh();
  };
  close.addEventListener('click', () => {
    pop.hidden = true;
    stopFollowing?.();
    stopFollowing = undefined;
  });

  /** The learner's selection: in the popover (its own shadow selection) or on the page. */
  const picked = (): { text: string; sentence: string; fromCaption: boolean } | null => {
    const inPop = (root as unknown as { getSelection?: () => Selection | null }).getSelection?.();
    const popText = inPop && !inPop.isCollapsed && line.contains(inPop.anchorNode) ? inPop.toString().trim() : '';
    if (popText) return { text: popText, sentence: shown, fromCaption: true };
    const sel = window.getSelection();
    const text = sel?.toString().trim() ?? '';
    return sel && text ? { text, sentence: sentenceAround(sel, text), fromCaption: false } : null;
  };

  const send = async (term: string, sentence: string, fromCaption: boolean): Promise<boolean> => {
    const lecture = loop.activeLecture();
    const media = lecture?.media;
    try {
      const r = await callBackground('glossary.add', {
        term,
        sentence,
        lectureId: lecture?.lectureId ?? null,
        trackId: null,
        cueIndex: null,
        // The moment belongs to a caption; text elsewhere on a lecture page keeps only the lecture.
        time: fromCaption && media ? media.currentTime : null,
        pageUrl: location.href,
      });
      say(msg(r.created ? 'glossaryAdded' : 'glossaryMerged', r.term));
      return true;
    } catch (err) {
      say(msg('glossaryAddFailed', err instanceof Error ? err.message : String(err)));
      return false;
    }
  };
  add.addEventListener('click', () => {
    const p = picked();
    if (p) void send(p.text, p.sentence, p.fromCaption);
    else say(msg('glossaryEmptyTerm'));
  });

  /**
   * Adds the selection; with none, opens the caption popover. null (decided at once, so the
   * frame stays silent): this frame has neither the selection nor a lecture.
   */
  const addWord = (selection?: string): Promise<boolean> | null => {
    const p = picked();
    if (selection) return p ? send(selection, p.text === selection.trim() ? p.sentence : selection, p.fromCaption) : null;
    if (p) return send(p.text, p.sentence, p.fromCaption);
    if (loop.lectures().length === 0) return null;
    open();
    return Promise.resolve(false);
  };

  return { addWord, key: (code) => code === 'KeyG' && (void addWord(), true) };
}
