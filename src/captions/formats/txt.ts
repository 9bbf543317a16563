/** Plain-text transcript export. */
import type { Cue } from '../types';
import { formatClock } from './time';

/**
 * One cue per line, the cue's own lines joined with a space; cues with no
 * text are left out. With `timestamps`, each line starts with "[mm:ss] "
 * ("[h:mm:ss] " from one hour on).
 */
export function toTxt(cues: Cue[], opts: { timestamps?: boolean } = {}): string {
  const out: string[] = [];
  for (const cue of cues) {
    const line = cue.text
      .split(/\r\n?|\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join(' ');
    if (line === '') continue;
    out.push(opts.timestamps ? `[${formatClock(cue.start)}] ${line}` : line);
  }
  return out.length === 0 ? '' : out.join('\n') + '\n';
}
