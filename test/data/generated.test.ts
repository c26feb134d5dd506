// What `npm run facts:build` generates is checked in; these tests fail when a
// generated file is stale, or when the chain schema -> types -> validator
// could drift.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { outputs } from '../../scripts/facts-build.mjs';
import { factsSchema } from '../../src/data/generated/facts-schema.js';
import validate from '../../src/data/generated/validate-facts.js';
import type { Fact, FactsFileInput, Figure, Meta, Rank, Theme } from '../../src/data/types.js';
import { MINI } from '../helpers.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const generated: { path: string; text: string }[] = await outputs();

describe('generated files', () => {
  it.each(generated.map((g) => [g.path, g.text]))('%s is up to date (npm run facts:build)', (path, text) => {
    expect(read(path) === text, `${path} is stale: run npm run facts:build`).toBe(true);
  });

  it('the schema constant is the JSON Schema, value for value', () => {
    expect(factsSchema).toEqual(JSON.parse(read('data/facts.schema.json')));
  });

  it('the validator is self-contained: it loads no Ajv at start-up', () => {
    const code = read('src/data/generated/validate-facts.js');
    expect(code).not.toMatch(/\brequire\(|^import\s/m);
    expect(code).not.toContain('description');
  });
});

describe('the types come from the schema', () => {
  it('a fact needs id, theme, statement and source; the rest is optional', () => {
    expectTypeOf<Pick<Fact, 'id' | 'theme' | 'statement' | 'source'>>().toEqualTypeOf<{
      id: string;
      theme: string;
      statement: string;
      source: string;
    }>();
    expectTypeOf<Fact['section']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Fact['figures']>().toEqualTypeOf<Figure[] | undefined>();
    expectTypeOf<Fact['rank']>().toEqualTypeOf<Rank | undefined>();
    expectTypeOf<Fact['year']>().toEqualTypeOf<number | undefined>();
  });

  it('a figure has a value, a unit and a text, and maybe a qualifier', () => {
    expectTypeOf<Figure>().toEqualTypeOf<{ value: number; unit: string; text: string; qualifier?: string }>();
  });

  it('once loaded, meta has a title and a theme a zone', () => {
    expectTypeOf<Meta['title']>().toEqualTypeOf<string>();
    expectTypeOf<Meta['publisher']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Theme['zone']>().toEqualTypeOf<string | null>();
  });

  it('a file as written is an object with facts or a bare array of facts', () => {
    expectTypeOf<Fact[]>().toExtend<FactsFileInput>();
    expectTypeOf<{ facts: Fact[] }>().toExtend<FactsFileInput>();
    expectTypeOf<{ meta: { title: string } }>().not.toExtend<FactsFileInput>();
  });
});

describe('the generated validator against Ajv compiling the schema itself', () => {
  const full = new Ajv2020({ allErrors: true }).compile(JSON.parse(read('data/facts.schema.json')));
  const mini = JSON.parse(readFileSync(MINI, 'utf8'));
  const bundled = JSON.parse(read('data/facts.json'));
  const f = mini.facts[0];
  // The one planned difference: kebab-case is src/data/checks.ts's (see scripts/facts-build.mjs).
  const KEBAB_ONLY = new Set(['an id not in kebab-case', 'a theme id not in kebab-case']);
  it.each([
    ['the bundled data', bundled],
    ['the test fixture', mini],
    ['a bare array', [f]],
    ['an id not in kebab-case', { facts: [{ ...f, id: 'GDP_2025' }] }],
    ['a theme id not in kebab-case', { ...mini, themes: [{ id: 'Over View', name: 'x' }] }],
    ['an id of spaces', { facts: [{ ...f, id: '  ' }] }],
    ['a title that is a number (meta has a field named "title")', { ...mini, meta: { title: 5 } }],
    ['a description where none belongs (annotations left out, not names)', { ...mini, meta: { description: 'x' } }],
    ['a zone that is a number', { ...mini, themes: [{ id: 'a', name: 'b', zone: 1 }] }],
    ['a fact with an unknown field', [{ ...f, colour: 'red' }]],
    ['a rank position of 0', [{ ...f, rank: { position: 0, scope: 'China', text: 'first' } }]],
    ['an empty tag', [{ ...f, tags: [''] }]],
    ['a string', 'facts'],
  ])('agrees on %s', (name, data) => {
    const expected = full(data);
    expect(validate(data)).toBe(KEBAB_ONLY.has(name) ? true : expected);
    if (KEBAB_ONLY.has(name)) expect(expected).toBe(false);
  });
});
