import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillMessage, localeInfo, resolveMessages, type LocaleFile } from '../../../src/ui/messages-table';
import { setMessageTable, t } from '../../../src/ui/i18n';

const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as LocaleFile;

describe('message table (the interface language chosen in MoocMate)', () => {
  afterEach(() => setMessageTable(null));

  it('turns named placeholders into $1, $2 the way Chrome does, in any case', () => {
    const table = resolveMessages({
      a: { message: 'Backup imported: $Lectures$ lectures, $LINES$ lines.', placeholders: { lectures: { content: '$1' }, lines: { content: '$2' } } },
    });
    expect(fillMessage(table.a, [3, 40])).toBe('Backup imported: 3 lectures, 40 lines.');
  });

  it('fills a missing value with nothing, keeps $$ as one dollar, and leaves an unknown $NAME$ alone', () => {
    expect(fillMessage('Costs $$5 for $1 and $2', ['you'])).toBe('Costs $5 for you and ');
    expect(resolveMessages({ a: { message: 'Hello $WHO$' } }).a).toBe('Hello $WHO$');
  });

  it('falls back to English for a key the language lacks', () => {
    const table = resolveMessages({ copy: { message: 'Copiar' } }, en);
    expect(table.copy).toBe('Copiar');
    expect(table.search).toBe('Search');
  });

  it('t() reads the chosen table first, with its placeholders, and a caption cannot inject markup', () => {
    setMessageTable(resolveMessages({ searchResultsFor: { message: 'نتائج «$QUERY$»', placeholders: { query: { content: '$1' } } } }, en));
    expect(t('searchResultsFor', '<img src=x onerror=alert(1)>')).toBe('نتائج «<img src=x onerror=alert(1)>»');
    expect(t('copy')).toBe('Copy');
  });

  it('knows which languages are written right to left', () => {
    expect(localeInfo('ar')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(localeInfo('fa')).toEqual({ lang: 'fa', dir: 'rtl' });
    expect(localeInfo('pt_BR')).toEqual({ lang: 'pt-BR', dir: 'ltr' });
  });
});
