import { describe, expect, it } from 'vitest';
import { cite } from '../../src/format/cite.js';
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
