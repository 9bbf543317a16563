// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render } from '@testing-library/preact';
import type { TrackRecord } from '../../../src/db/schema';
import { setMessageTable } from '../../../src/ui/i18n';
import { resolveMessages } from '../../../src/ui/messages-table';
import { TrackStatus } from '../../../src/ui/track-picker';

const en = resolveMessages(JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')));

const track = (over: Partial<TrackRecord>): TrackRecord => ({
  id: 't1',
  lectureId: 'l1',
  kind: 'captions',
  label: 'English',
  language: 'en',
  source: 'text-track',
  detectedLanguage: 'eng',
  cueCount: 12,
  status: 'ok',
  contentHash: 'h',
  capturedAt: 0,
  ...over,
});

const text = (t: TrackRecord, quiet: boolean) => render(<TrackStatus track={t} quiet={quiet} />).container.textContent;

describe('TrackStatus', () => {
  beforeEach(() => setMessageTable(en));
  afterEach(() => (cleanup(), setMessageTable(null)));

  it('always says the detected language where there is room (the dashboard)', () => {
    expect(text(track({}), false)).toBe('Detected language: English');
  });

  it('in the side panel, says it only when it tells the learner something', () => {
    // Declared English, read as English: nothing to say.
    expect(text(track({}), true)).toBe('');
    // Declared English, read as Spanish; unsure; or nothing declared.
    expect(text(track({ detectedLanguage: 'spa' }), true)).toBe('Detected language: Spanish');
    expect(text(track({ detectedLanguage: 'und' }), true)).toMatch(/not sure|unknown/i);
    expect(text(track({ language: '' }), true)).toBe('Detected language: English');
  });

  it('always shows a capture problem', () => {
    expect(text(track({ status: 'partial', error: 'Line 4 was skipped.' }), true)).toContain('Line 4 was skipped.');
  });
});
