import { describe, expect, it } from 'vitest';
import { cite, citations } from '../../src/format/cite.js';
import type { Fact, Meta } from '../../src/data/types.js';

const meta: Meta = { title: 'A & B: 100% {news}', publisher: 'Daily_News', article: 'a.txt' };
const fact: Fact = { id: 'x', theme: 't', statement: 'S.', source: 'Path C:\\berges ~ ^ $5 #1', section: 'Sec' };

describe('cite --format bibtex', () => {
  it('escapes LaTeX specials once, backslash included', () => {
    const out = cite(fact, meta, 'bibtex');
    expect(out).toContain('title     = {A \\& B: 100\\% \\{news\\}}');
    expect(out).toContain('Path C:\\textbackslash{}berges \\textasciitilde{} \\textasciicircum{} \\$5 \\#1');
  });

  it('makes an ASCII key that does not start with a dash', () => {
    expect(cite(fact, { ...meta, publisher: '重庆日报' }, 'bibtex')).toMatch(/^@article\{x,/);
    expect(cite(fact, meta, 'bibtex')).toMatch(/^@article\{daily-news-x,/);
  });
});

describe('nested quotes and several facts', () => {
  const quoted: Fact = { id: 'q', theme: 't', statement: 'S.', source: 'He said "29,500 tons" and “more”, it\'s true.', section: 'Sec' };

  it.each([
    ['text', '"He said \'29,500 tons\' and ‘more’, it\'s true."'],
    ['markdown', '> He said "29,500 tons" and “more”, it\'s true.'],
    ['bibtex', "``He said `29,500 tons' and `more', it's true.''"],
  ] as const)('%s', (format, quote) => {
    expect(cite(quoted, meta, format)).toContain(quote);
  });

  it('bibtex names the section in LaTeX quotes too', () => {
    expect(cite(quoted, meta, 'bibtex')).toContain("note      = {Section ``Sec'': ``He said");
  });

  it('text, markdown and bibtex: one citation per fact, a blank line between', () => {
    for (const format of ['text', 'markdown', 'bibtex'] as const) {
      expect(citations([fact, quoted], meta, format)).toBe(`${cite(fact, meta, format)}\n${cite(quoted, meta, format)}`);
    }
  });

  it('csl-json: an array of CSL items pandoc and Zotero read', () => {
    const items = JSON.parse(citations([fact, quoted], meta, 'csl-json'));
    expect(items).toHaveLength(2);
    expect(items[1]).toEqual({
      id: 'q',
      type: 'article-newspaper',
      title: meta.title,
      'container-title': 'Daily_News',
      publisher: 'Daily_News',
      section: 'Sec',
      note: '"He said \'29,500 tons\' and ‘more’, it\'s true."',
      annote: 'S.',
    });
  });

  it('json: our own shape with the verbatim quote', () => {
    expect(JSON.parse(citations([quoted], meta, 'json'))).toEqual([
      { id: 'q', statement: 'S.', quote: quoted.source, section: 'Sec', title: meta.title, publisher: 'Daily_News' },
    ]);
  });
});
