// Broken and minimal facts files, each through both the JSON Schema (full Ajv,
// compiled from data/facts.schema.json as another tool would) and the loader
// (the generated validator, then the shared checks). The two must agree on
// what is a facts file; the loader adds what a schema cannot say (repeats,
// undeclared themes) and says everything in one line that names the place.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/data/load.js';
import { MINI } from '../helpers.js';
import { cpuMs } from '../cpu-time.js';

const schema = JSON.parse(readFileSync(new URL('../../data/facts.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true }).compile(schema);
const mini = JSON.parse(readFileSync(MINI, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'cqf-fixtures-'));

/** The mini fixture with a change; `null` as a value deletes the key. */
function variant(change: (d: typeof mini) => unknown): unknown {
  const d = structuredClone(mini);
  return change(d) ?? d;
}
const fact = (i: number, patch: Record<string, unknown>) =>
  variant((d) => {
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) Reflect.deleteProperty(d.facts[i], k);
      else d.facts[i][k] = v;
    }
  });
const minimal = { id: 'metro-lines', theme: 'transport', statement: 'S.', source: 'Src.' };

type Expect = 'accepts' | RegExp;
// name, file body, what the schema says (an error keyword), what the loader says
const CASES: [string, unknown, Expect, Expect][] = [
  // minimal files (issue 11): accepted by both
  ['a bare array of facts', [minimal], 'accepts', 'accepts'],
  ['only facts', { facts: [minimal] }, 'accepts', 'accepts'],
  ['no meta', variant((d) => { delete d.meta; }), 'accepts', 'accepts'],
  ['no themes', variant((d) => { delete d.themes; }), 'accepts', 'accepts'],
  ['a fact without a section', fact(1, { section: null }), 'accepts', 'accepts'],
  ['a theme without a zone', variant((d) => { delete d.themes[0].zone; }), 'accepts', 'accepts'],
  ['an empty list of facts', [], 'accepts', 'accepts'],
  // shape: both refuse
  ['a number', 42, /"type"/, /top level: must be an object or an array of facts/],
  ['null', null, /"type"/, /top level: must be an object or an array of facts/],
  ['no facts', { meta: mini.meta }, /"required"/, /top level: field "facts" is missing/],
  ['meta as text', variant((d) => { d.meta = 'T'; }), /"type"/, /: meta: must be an object/],
  ['a title of spaces', variant((d) => { d.meta.title = '  '; }), /"pattern"/, /: meta: field "title" must be a non-empty string/],
  ['a fact as text', variant((d) => { d.facts[2] = 'gdp'; }), /"type"/, /: facts\[2\]: must be an object/],
  ['a fact without a source', fact(1, { source: null }), /"required"/, /facts\[1\] \(id "automobile-production-2025"\): field "source" is missing/],
  ['in a bare array, a fact without a statement', [{ ...minimal, statement: undefined }], /"required"/, /: facts\[0\] \(id "metro-lines"\): field "statement" is missing/],
  ['a statement of spaces', fact(0, { statement: ' ' }), /"pattern"/, /facts\[0\] \(id "gdp-2025"\): field "statement" must be a non-empty string/],
  ['a number as statement', fact(0, { statement: 7 }), /"type"/, /facts\[0\] \(id "gdp-2025"\): field "statement" must be a string/],
  ['an unknown field', fact(3, { figure: [] }), /"additionalProperties"/, /facts\[3\] \(id "good-air-quality-days"\): field "figure" is not part of the facts format \(did you mean figures\?\)/],
  ['an unknown field that is a terminal escape', fact(0, { '\u001b]0;pwned\u0007': 1 }), /"additionalProperties"/, /facts\[0\] \(id "gdp-2025"\): field "\\u001b\]0;pwned\\u0007" is not part of the facts format$/],
  ['an unknown top-level field', variant((d) => { d.fact = []; }), /"additionalProperties"/, /top level: field "fact" is not part of the facts format \(did you mean facts\?\)/],
  ['a figure value given as text', variant((d) => { d.facts[0].figures[0].value = '3'; }), /"type"/, /facts\[0\] \(id "gdp-2025"\) figures\[0\]: field "value" must be a number/],
  ['a figure without a unit', variant((d) => { delete d.facts[0].figures[0].unit; }), /"required"/, /facts\[0\] \(id "gdp-2025"\) figures\[0\]: field "unit" is missing/],
  ['a year with a fraction', fact(0, { year: 2025.5 }), /"type"/, /facts\[0\] \(id "gdp-2025"\): field "year" must be a whole number/],
  ['a rank position of 0', fact(0, { rank: { position: 0, scope: 'China', text: 'first' } }), /"minimum"/, /facts\[0\] \(id "gdp-2025"\) rank: field "position" must be at least 1/],
  ['a rank without scope', fact(0, { rank: { text: 'first' } }), /"required"/, /facts\[0\] \(id "gdp-2025"\) rank: field "scope" is missing/],
  ['a rank as text', fact(0, { rank: 'first' }), /"type"/, /facts\[0\] \(id "gdp-2025"\) rank: must be an object/],
  ['tags as text', fact(0, { tags: 'gdp' }), /"type"/, /facts\[0\] \(id "gdp-2025"\): field "tags" must be an array/],
  ['a tag that is a number', fact(0, { tags: ['gdp', 5] }), /"type"/, /facts\[0\] \(id "gdp-2025"\): field "tags" must be an array of strings/],
  ['an empty tag', fact(0, { tags: ['gdp', ''] }), /"pattern"/, /facts\[0\] \(id "gdp-2025"\): field "tags" must be an array of non-empty strings/],
  ['a zone that is a number', variant((d) => { d.themes[1].zone = 3; }), /"type"/, /themes\[1\] \(id "industry"\): field "zone" must be a string or null/],
  ['an id of spaces', fact(0, { id: ' ' }), /"pattern"/, /facts\[0\] \(id " "\): field "id" must be a non-empty string/],
  // ids: the schema's pattern; the loader's shared checks, the id escaped
  ['an id that is not kebab-case', fact(2, { id: 'Laptop_Production' }), /"pattern"/, /facts\[2\] \(id "Laptop_Production"\): the id is not kebab-case/],
  ['an id with an escape sequence', fact(1, { id: 'x\u001b[2Jy' }), /"pattern"/, /facts\[1\] \(id "x\\u001b\[2Jy"\): the id is not kebab-case/],
  ['an id that would run in a shell', fact(1, { id: 'x$(touch /tmp/pwned)' }), /"pattern"/, /facts\[1\] \(id "x\$\(touch \/tmp\/pwned\)"\): the id is not kebab-case/],
  ['a theme id that is not kebab-case', variant((d) => { d.themes[2].id = 'Eco Logy'; }), /"pattern"/, /themes\[2\] \(id "Eco Logy"\): the id is not kebab-case/],
  ['a fact theme that is not kebab-case', fact(3, { theme: 'eco\nlogy' }), /"pattern"/, /facts\[3\] \(id "good-air-quality-days"\): theme "eco\\u000alogy" is not kebab-case/],
  ['no themes, and a fact theme that is not kebab-case', variant((d) => { delete d.themes; d.facts[0].theme = 'A'; }), /"pattern"/, /facts\[0\] \(id "gdp-2025"\): theme "A" is not kebab-case/],
  // what a schema cannot say: only the loader refuses
  ['an unknown theme', fact(1, { theme: 'sports' }), 'accepts', /facts\[1\] \(id "automobile-production-2025"\): theme "sports" is not one of the file's themes \(overview, industry, ecology\)/],
  ['a repeated id', fact(2, { id: 'gdp-2025' }), 'accepts', /facts\[2\] \(id "gdp-2025"\): the id repeats facts\[0\]/],
  ['a repeated theme id', variant((d) => { d.themes[2].id = 'industry'; }), 'accepts', /themes\[2\] \(id "industry"\): the id repeats themes\[1\]/],
];

describe('facts files through the schema and the loader', () => {
  it.each(CASES)('%s', (name, body, bySchema, byLoader) => {
    const valid = ajv(body);
    if (bySchema === 'accepts') expect(ajv.errors ?? []).toEqual([]);
    else {
      expect(valid).toBe(false);
      expect(JSON.stringify(ajv.errors)).toMatch(bySchema);
    }

    const path = join(dir, `${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(path, JSON.stringify(body));
    if (byLoader === 'accepts') {
      expect(loadFacts(path).facts).toHaveLength(Array.isArray(body) ? body.length : (body as typeof mini).facts.length);
    } else {
      let message = '';
      try {
        loadFacts(path);
      } catch (err) {
        message = (err as Error).message;
        expect((err as { exitCode?: number }).exitCode).toBe(2);
      }
      expect(message.startsWith(`${path}: `)).toBe(true);
      expect(message).toMatch(byLoader);
      // One line, nothing raw from the file.
      expect(message).not.toMatch(/[\u0000-\u001f]/);
    }
  });
});

describe('a minimal file once loaded', () => {
  const path = join(dir, 'my-city.json');
  writeFileSync(path, JSON.stringify([minimal, { ...minimal, id: 'parks', theme: 'green' }, { ...minimal, id: 'bus' }]));
  const data = loadFacts(path);

  it('is titled by its file name, with no publisher or article', () => {
    expect(data.meta).toEqual({ title: 'my-city.json' });
    expect(data.defaults).toEqual({ title: true, themes: true });
  });

  it("has the facts' own themes, in order of first use, named by their ids", () => {
    expect(data.themes).toEqual([
      { id: 'transport', name: 'transport', zone: null },
      { id: 'green', name: 'green', zone: null },
    ]);
  });

  it('keeps the facts as written', () => {
    expect(data.facts[0]).toEqual(minimal);
  });
});

describe('the loaded form', () => {
  it('has one key order, the schema\'s, whatever the file\'s', () => {
    const shuffled = variant((d) => {
      const f = d.facts[0];
      d.facts[0] = { zh: f.zh, figures: [{ qualifier: 'exceeded', text: 'RMB 3.37 trillion', unit: 'RMB', value: 3370000000000 }], year: f.year, tags: f.tags, section: f.section, source: f.source, statement: f.statement, theme: f.theme, id: f.id };
      d.themes[1] = { zh: d.themes[1].zh, zone: d.themes[1].zone, name: d.themes[1].name, id: d.themes[1].id };
    });
    const path = join(dir, 'shuffled.json');
    writeFileSync(path, JSON.stringify(shuffled));
    const data = loadFacts(path);
    expect(JSON.stringify(data.facts[0])).toBe(JSON.stringify(loadFacts(MINI).facts[0]));
    expect(Object.keys(data.themes[1] ?? {})).toEqual(['id', 'name', 'zone', 'zh']);
  });

  it('gives a theme without a zone the zone null, in its place', () => {
    const path = join(dir, 'nozone.json');
    writeFileSync(path, JSON.stringify(variant((d) => { delete d.themes[1].zone; })));
    expect(Object.entries(loadFacts(path).themes[1] ?? {}).slice(0, 3)).toEqual([
      ['id', 'industry'],
      ['name', 'High-quality development'],
      ['zone', null],
    ]);
  });
});

describe('loading costs time linear in the file', () => {
  const time = (n: number, broken: boolean) => {
    const facts = Array.from({ length: n }, (_, i) => ({ ...minimal, id: `f${i}`, tags: ['a', 'b'], figures: [{ value: i, unit: 'u', text: `${i}` }] }));
    // Broken: no fact has its statement; the first error ends the load.
    if (broken) for (const f of facts) delete (f as { statement?: string }).statement;
    const path = join(dir, `size-${n}-${broken}.json`);
    writeFileSync(path, JSON.stringify(facts));
    const start = cpuMs();
    try {
      loadFacts(path);
    } catch {
      // a data error is the point when broken
    }
    return cpuMs() - start;
  };
  it.each([false, true])('broken: %s', (broken) => {
    time(2000, broken);
    const small = Math.min(time(2000, broken), time(2000, broken));
    const large = Math.min(time(20000, broken), time(20000, broken));
    expect(large / small).toBeLessThan(30); // linear ~10, quadratic ~100
  });
});
