import { useState } from 'preact/hooks';
import type { Cue } from '../captions/types';
import { toSrt, toTxt, toVtt } from '../captions/formats';
import { downloadText } from './download';
import { fileName } from './format';
import { t } from './i18n';

/** Copy and download buttons for one transcript. */
export function TranscriptActions({ cues, title }: { cues: readonly Cue[]; title: string }) {
  const [note, setNote] = useState('');
  const disabled = cues.length === 0;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toTxt([...cues]));
      setNote(t('copied'));
    } catch {
      setNote(t('copyFailed'));
    }
    setTimeout(() => setNote(''), 2500);
  };
  return (
    <div class="actions" role="group" aria-label={t('transcriptActions')}>
      <button type="button" onClick={copy} disabled={disabled}>
        {t('copy')}
      </button>
      <button type="button" onClick={() => downloadText(fileName(title, 'txt'), toTxt([...cues]))} disabled={disabled}>
        TXT
      </button>
      <button type="button" onClick={() => downloadText(fileName(title, 'srt'), toSrt([...cues]), 'application/x-subrip')} disabled={disabled}>
        SRT
      </button>
      <button type="button" onClick={() => downloadText(fileName(title, 'vtt'), toVtt([...cues]), 'text/vtt')} disabled={disabled}>
        VTT
      </button>
      <span class="note" role="status">
        {note}
      </span>
    </div>
  );
}
