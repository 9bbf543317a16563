import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countForm, resolveMessages, type LocaleFile } from '../../../src/ui/messages-table';
import { countKey, setMessageTable, t, tn } from '../../../src/ui/i18n';

const file = (folder: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales', folder, 'messages.json'), 'utf8')) as LocaleFile;
const use = (folder: string) => setMessageTable(resolveMessages(file(folder), file('en')));

afterEach(() => setMessageTable(null));

describe('counts in the learner’s language (tn)', () => {
  it('English says 1 word, 2 words, 0 words', () => {
    use('en');
    expect([0, 1, 2].map((n) => tn('glossaryCount', n))).toEqual(['0 words', '1 word', '2 words']);
    expect(tn('lineCount', 1)).toBe('1 line');
    expect(tn('exportDone', 1)).toBe('Backup saved: 1 lecture.');
    // Two counts in one sentence: each takes its own form.
    const imported = (lectures: number, lines: number) => t('importDone', tn('importLectures', lectures), tn('importLines', lines));
    expect(imported(1, 1)).toBe('Backup imported: 1 lecture, 1 line.');
    expect(imported(2, 1)).toBe('Backup imported: 2 lectures, 1 line.');
    expect(imported(1, 36)).toBe('Backup imported: 1 lecture, 36 lines.');
  });

  it('French counts 0 and 1 alike, by its own rules', () => {
    use('fr');
    expect([0, 1, 2].map((n) => tn('glossaryCount', n))).toEqual(['0 mot', '1 mot', '2 mots']);
    expect(t('importDone', tn('importLectures', 1), tn('importLines', 2))).toBe('Sauvegarde importée\u00a0: 1 leçon, 2 lignes.');
  });

  it('languages that say every count alike keep one text', () => {
    use('ja');
    expect(tn('glossaryCount', 1)).toBe(tn('glossaryCount', 2).replace('2', '1'));
  });

  it('every count key has its one-form in every language, with the same placeholders', () => {
    const en = file('en');
    const counts = Object.keys(en).filter((k) => k.endsWith('One') && k.slice(0, -3) in en);
    expect(counts.length).toBeGreaterThanOrEqual(5);
    for (const folder of ['en', 'es', 'pt_BR', 'zh_CN', 'ja', 'ko', 'ar', 'fa', 'hi', 'id', 'vi', 'tr', 'ru', 'fr']) {
      const m = file(folder);
      for (const k of counts) {
        expect(m[k], `${folder} ${k}`).toBeDefined();
        expect(m[k].placeholders, `${folder} ${k}`).toEqual(m[k.slice(0, -3)].placeholders);
      }
    }
  });

  it('flags, duties and the glossary count in words, not with (s)', () => {
    use('en');
    expect([1, 2].map((n) => tn('learnerCount', n))).toEqual(['1 learner', '2 learners']);
    expect([1, 4].map((n) => tn('dutiesOwed', n))).toEqual(['You owe 1 review.', 'You owe 4 reviews.']);
    expect([1, 5].map((n) => tn('dutyInHours', n))).toEqual(['in 1 hour', 'in 5 hours']);
    expect(tn('glossaryDeleteConfirm', 1)).toBe('Delete 1 word from your glossary?');
    // The forum message's count is its second placeholder.
    expect(t(countKey('dutyForumMessage', 1), 'Essay', 1, 'Friday', 'https://x.example')).toContain('"Essay" and it still needs 1 review before Friday.');
    expect(t(countKey('dutyForumMessage', 2), 'Essay', 2, 'Friday', 'https://x.example')).toContain('still needs 2 reviews before');
    use('es');
    expect([1, 3].map((n) => tn('popupDutyReviews', n))).toEqual(['1 revisión por hacer', '3 revisiones por hacer']);
    use('fr');
    expect([0, 1, 2].map((n) => tn('learnerCount', n))).toEqual(['0 apprenant', '1 apprenant', '2 apprenants']);
  });

  it('the background picks the same form from its own text’s localeCode (English when it has none)', () => {
    expect([0, 1, 2].map((n) => countForm('dutyInDays', n, 'fr'))).toEqual(['dutyInDaysOne', 'dutyInDaysOne', 'dutyInDays']);
    expect([0, 1].map((n) => countForm('dutyInDays', n, ''))).toEqual(['dutyInDays', 'dutyInDaysOne']);
    expect(countForm('dutyInHours', 1, 'localeCode')).toBe('dutyInHoursOne'); // the key itself: no table
  });

  it('no language writes a count with (s), (es) or (ões)', () => {
    for (const folder of ['en', 'es', 'pt_BR', 'fr']) {
      const m = file(folder);
      const bracketed = Object.entries(m).filter(([, v]) => /\((s|es|ões)\)/.test(v.message));
      expect(bracketed.map(([k]) => `${folder} ${k}`)).toEqual([]);
    }
  });
});
