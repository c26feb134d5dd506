import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle, splitSentences } from '../../src/data/article.js';

describe('splitSentences', () => {
  it.each([
    ['One. Two.', ['One.', 'Two.']],
    ['It is the No. 1 city. Next one.', ['It is the No. 1 city.', 'Next one.']],
    ['A clause; And another;', ['A clause;', 'And another;']],
    ['lowercase; after a semicolon stays', ['lowercase; after a semicolon stays']],
    ['"I was busy. Now I am free!" she said.', ['"I was busy. Now I am free!" she said.']],
    ['Growth of 3.37 trillion. 2025 was good.', ['Growth of 3.37 trillion.', '2025 was good.']],
    ['In 2025 -', ['In 2025 -']],
  ])('%s', (line, expected) => {
    expect(splitSentences(line)).toEqual(expected);
  });
});

describe('parseArticle', () => {
  const text = readFileSync(new URL('../../data/chongqing-daily-six-zones-one-highland.txt', import.meta.url), 'utf8');
  const article = parseArticle(text);

  it('finds the title and the seven section headings', () => {
    expect(article.title).toMatch(/^With Spring in the Air, Chongqing Embarks/);
    expect(article.headings).toHaveLength(7);
    expect(article.headings[0]).toBe('High-Quality Development Enters the Fast Lane');
  });

  it('places each sentence under its heading, the opening ones under the title', () => {
    const gdp = article.sentences.find((s) => s.text.includes('RMB 3.37 trillion'));
    expect(gdp?.section).toBe(article.title);
    const cars = article.sentences.find((s) => s.text.includes('2.788 million units'));
    expect(cars?.section).toBe('High-Quality Development Enters the Fast Lane');
  });

  it('leaves out the photo caption, the credit and the registration line', () => {
    const all = article.sentences.map((s) => s.text).join('\n');
    expect(all).not.toContain('Special photo by');
    expect(all).not.toContain('Source: Chongqing Daily');
    expect(all).not.toContain('50010502003501');
  });
});
