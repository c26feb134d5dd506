import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFacts, readArticle } from '../../src/data/load.js';
import type { Fact, FactsFile } from '../../src/data/types.js';
import { verifyFacts } from '../../src/data/verify.js';
import { cli, MINI } from '../helpers.js';
import { nth } from '../nth.js';

const bundled = loadFacts();
const article = readArticle(bundled);
const good = loadFacts(MINI);

/** The mini facts file with its first fact changed. */
function withFirst(change: (f: Fact) => Fact, extra: Partial<FactsFile> = {}): FactsFile {
  const facts = structuredClone(good.facts);
  facts[0] = change(nth(facts));
  return { ...good, ...extra, facts };
}

describe('verifyFacts', () => {
  it('finds nothing wrong in the bundled data', () => {
    expect(verifyFacts(bundled, article)).toEqual([]);
  });

  it('finds nothing wrong in the test fixture', () => {
    expect(verifyFacts(good, article)).toEqual([]);
  });

  it.each([
    ['a source that is not verbatim', (f: Fact) => ({ ...f, source: f.source.replace('3.37', '3.38') }), /source is not verbatim in the article; it differs from the article at character \d+/],
    ['a source that is only part of a sentence', (f: Fact) => ({ ...f, source: "In 2025, Chongqing's GDP exceeded RMB 3.37 trillion." }), /not a whole sentence/],
    ['a wrong section', (f: Fact) => ({ ...f, section: 'Reform Fuels Internal Growth' }), /is not the heading of its source/],
    ['a figure text not in the source', (f: Fact) => ({ ...f, figures: [{ value: 3.4e12, unit: 'RMB', text: 'RMB 3.4 trillion' }] }), /figures\[0\]\.text "RMB 3.4 trillion" is not in the source/],
    ['a value that disagrees with its text', (f: Fact) => ({ ...f, figures: [{ value: 3.37e9, unit: 'RMB', text: 'RMB 3.37 trillion' }] }), /value 3370000000 does not agree with its text "RMB 3.37 trillion" \(3370000000000\)/],
    ['a figure text with no number', (f: Fact) => ({ ...f, figures: [{ value: 1, unit: 'x', text: 'GDP' }] }), /should state exactly one number, it states 0/],
    ['a qualifier the source lacks', (f: Fact) => ({ ...f, figures: [{ ...nth(f.figures ?? []), qualifier: 'nearly' }] }), /qualifier "nearly" is not in the source/],
    ['a number the source lacks', (f: Fact) => ({ ...f, statement: "Chongqing's GDP exceeded RMB 3.37 trillion in 2024." }), /statement has the number "2024"/],
    ['a number word the source lacks', (f: Fact) => ({ ...f, statement: "Chongqing's GDP exceeded RMB 3.37 trillion, seven times more." }), /statement has the number "seven"/],
    ['an unknown theme', (f: Fact) => ({ ...f, theme: 'sports' }), /theme "sports" is not one of: overview, industry, ecology/],
    ['an id that is not kebab-case', (f: Fact) => ({ ...f, id: 'GDP_2025' }), /not kebab-case/],
    ['a duplicate id', (f: Fact) => ({ ...f, id: 'good-air-quality-days' }), /id "good-air-quality-days" repeats facts\[0\]/],
    ['a rank text not in the source', (f: Fact) => ({ ...f, rank: { position: 1, scope: 'China', text: 'first in China' } }), /rank\.text "first in China" is not in the source/],
  ])('reports %s', (_what, change, message) => {
    const problems = verifyFacts(withFirst(change), article);
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('lists every problem, not only the first', () => {
    const data = withFirst((f) => ({ ...f, theme: 'sports', section: 'Nowhere' }));
    expect(verifyFacts(data, article)).toHaveLength(2);
  });
});

describe('chongqing-facts verify', () => {
  it('passes on the bundled data with a one-line summary', async () => {
    const r = await cli(['verify']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: \d+ facts agree with chongqing-daily-six-zones-one-highland\.txt\n$/);
  });

  it('exits 1 and lists the problems of a broken file', async () => {
    const broken = JSON.parse(readFileSync(MINI, 'utf8'));
    broken.facts[1].source = 'Chongqing made many cars.';
    broken.facts[2].id = broken.facts[0].id;
    const path = MINI.replace('mini-facts.json', 'broken-facts.tmp.json');
    const { writeFileSync, rmSync } = await import('node:fs');
    writeFileSync(path, JSON.stringify(broken));
    try {
      const r = await cli(['verify', '--data', path]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/facts\[1\] \(automobile-production-2025\): source is not verbatim/);
      expect(r.stdout).toMatch(/facts\[2\] \(gdp-2025\): id "gdp-2025" repeats facts\[0\]/);
      expect(r.stderr).toMatch(/problem\(s\) in 4 facts/);
      const json = await cli(['verify', '--data', path, '--json']);
      expect(JSON.parse(json.stdout).ok).toBe(false);
    } finally {
      rmSync(path);
    }
  });
});
