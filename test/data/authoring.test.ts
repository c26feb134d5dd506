// The authoring form (data/src/facts.authoring.json) and what the build
// derives from it; that data/facts.json is what it gives is checked in
// generated.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuthoringError, buildFacts, type AuthoringFact } from '../../src/data/authoring.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const article = read('data/chongqing-daily-six-zones-one-highland.txt');
const units = JSON.parse(read('data/src/units.json'));
const authoring = JSON.parse(read('data/src/facts.authoring.json'));
const FILE = 'facts.authoring.json';

const gdp: AuthoringFact = {
  id: 'gdp-2025',
  theme: 'overview',
  statement: "In 2025, Chongqing's GDP exceeded RMB 3.37 trillion.",
  quote: "Chongqing's GDP exceeded",
  figures: [{ text: 'RMB 3.37 trillion', unit: 'RMB', qualifiers: ['exceeded'] }],
  year: 2025,
};
const file = (...facts: unknown[]) => ({ meta: authoring.meta, themes: authoring.themes, facts });
const build = (...facts: unknown[]) => buildFacts(file(...facts), article, units, FILE);
const problems = (...facts: unknown[]): string => {
  try {
    build(...facts);
  } catch (err) {
    return err instanceof AuthoringError ? err.problems.join('\n') : (err as Error).message;
  }
  return '';
};

describe('the build derives', () => {
  const [fact] = build(gdp).facts;

  it('the whole sentence from a unique part of it', () => {
    expect(fact?.source).toBe("A range of statistics testifies to this progress: In 2025, Chongqing's GDP exceeded RMB 3.37 trillion.");
  });

  it('the heading the sentence sits under', () => {
    expect(fact?.section).toMatch(/^With Spring in the Air/);
    const [cars] = build({ ...gdp, id: 'cars', quote: '2.788 million units', figures: undefined, year: undefined, statement: 'Cars.' }).facts;
    expect(cars?.section).toBe('High-Quality Development Enters the Fast Lane');
  });

  it('each value from its text, and the qualifier from the list', () => {
    expect(fact?.figures).toEqual([{ value: 3370000000000, unit: 'RMB', text: 'RMB 3.37 trillion', qualifier: 'exceeded' }]);
    const [many] = build({
      id: 'gdp-800',
      theme: 'overview',
      statement: 'Its GDP passed RMB 800 billion.',
      quote: 'RMB 800 billion for the first time in 2025',
      figures: [{ text: 'RMB 800 billion', unit: 'RMB', qualifiers: ['surpassed', 'for the first time'] }],
    }).facts;
    expect(many?.figures?.[0]?.qualifier).toBe('surpassed, for the first time');
  });

  it('the published key order', () => {
    expect(Object.keys(fact ?? {})).toEqual(['id', 'theme', 'statement', 'source', 'section', 'figures', 'year']);
  });
});

describe('the build refuses', () => {
  it.each([
    ['a unit not in the list', { ...gdp, figures: [{ text: 'RMB 3.37 trillion', unit: 'yuan' }] }, /facts\[0\] \(id "gdp-2025"\): figures\[0\]: unit "yuan" is not in data\/src\/units\.json/],
    ['a quote in no sentence', { ...gdp, quote: "Chongqing's GDP surpassed" }, /quote is in no sentence of the article/],
    ['a quote across two sentences', { ...gdp, quote: 'trillion. Its' }, /quote is in no sentence of the article/],
    ['a quote in several sentences', { ...gdp, quote: 'Chongqing' }, /quote is in \d+ sentences of the article; quote more of the one you mean/],
    ['no quote', { ...gdp, quote: undefined }, /field "quote" must be a part of an article sentence/],
    ['a figure text without a number', { ...gdp, figures: [{ text: 'GDP', unit: 'RMB' }] }, /figures\[0\]: text "GDP" should state exactly one number, it states 0/],
    ['a figure text with two numbers', { ...gdp, figures: [{ text: '2025, Chongqing\'s GDP exceeded RMB 3.37 trillion', unit: 'RMB' }] }, /it states 2/],
    ['a value written by hand', { ...gdp, figures: [{ text: 'RMB 3.37 trillion', unit: 'RMB', value: 3 }] }, /figures\[0\]: field "value" is not part of a figure/],
    ['a source written by hand', { ...gdp, source: 'x' }, /field "source" is not part of the authoring form/],
    ['a misspelt field', { ...gdp, tag: ['x'] }, /field "tag" is not part of the authoring form \(did you mean tags\?\)/],
    ['qualifiers as one string', { ...gdp, figures: [{ text: 'RMB 3.37 trillion', unit: 'RMB', qualifiers: 'exceeded' }] }, /field "qualifiers" must be a list/],
    ['a qualifier the source lacks', { ...gdp, figures: [{ text: 'RMB 3.37 trillion', unit: 'RMB', qualifiers: ['nearly'] }] }, /facts\[0\] \(id "gdp-2025"\): figures\[0\]\.qualifier "nearly" is not in the source/],
    ['a number the source lacks', { ...gdp, statement: 'In 2024, GDP exceeded RMB 3.37 trillion.' }, /statement has the number "2024"/],
    ['an unknown theme', { ...gdp, theme: 'sports' }, /theme "sports" is not one of/],
    ['a shape the schema refuses', { ...gdp, year: 'twenty' }, /facts\[0\] \(id "gdp-2025"\): field "year" must be a whole number/],
  ])('%s', (_what, fact, message) => {
    expect(problems(fact)).toMatch(message);
  });

  it('lists every problem at once', () => {
    const list = problems({ ...gdp, figures: [{ text: 'GDP', unit: 'yuan' }] }, { ...gdp, id: 'b', quote: 'nowhere at all' });
    expect(list.split('\n')).toHaveLength(3);
  });
});

describe('the units', () => {
  it('each has a meaning, and each is used by a fact', () => {
    const used = new Set(authoring.facts.flatMap((f: AuthoringFact) => (f.figures ?? []).map((g) => g.unit)));
    for (const [unit, meaning] of Object.entries(units)) {
      expect(typeof meaning === 'string' && meaning.length > 3, unit).toBe(true);
      expect(used.has(unit), `${unit} is used`).toBe(true);
    }
  });
});
