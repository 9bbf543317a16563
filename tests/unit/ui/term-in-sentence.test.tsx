// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { TermInSentence } from '../../../src/ui/glossary-marks';

const drawn = (sentence: string, term: string) => {
  const div = document.createElement('div');
  render(<TermInSentence sentence={sentence} term={term} />, div);
  return div.innerHTML;
};

describe('the word in bold in a review prompt', () => {
  it('is the word itself, not the same letters inside another word', () => {
    expect(drawn('The scatter plot shows the cat.', 'cat')).toBe('The scatter plot shows the <b>cat</b>.');
    expect(drawn('İstanbul has many cats.', 'cats')).toBe('İstanbul has many <b>cats</b>.');
    expect(drawn('Took in carbon dioxide.', 'carbon dioxide')).toBe('Took in <b>carbon dioxide</b>.');
  });

  it('leaves the sentence as text when the word is not in it (or is only part of a word)', () => {
    expect(drawn('Each category <b>counts</b>.', 'cat')).toBe('Each category &lt;b&gt;counts&lt;/b&gt;.');
  });
});
