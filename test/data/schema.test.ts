// data/facts.schema.json describes the facts format for other tools; the
// bundled data (and the test fixture) must satisfy it.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { MINI } from '../helpers.js';

const read = (url: URL | string) => JSON.parse(readFileSync(url, 'utf8'));
const schema = read(new URL('../../data/facts.schema.json', import.meta.url));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const bundled = read(new URL('../../data/facts.json', import.meta.url));

describe('the facts JSON Schema', () => {
  it.each([
    ['the bundled data', bundled],
    ['the test fixture', read(MINI)],
  ])('accepts %s', (_name, data) => {
    validate(data);
    expect(validate.errors ?? []).toEqual([]);
  });

  const fact = bundled.facts[0];
  it.each([
    ['a fact without a statement', { ...fact, statement: undefined }, /must have required property 'statement'/],
    ['a figure value given as text', { ...fact, figures: [{ value: '3', unit: 'x', text: '3' }] }, /must be number/],
    ['an id that is not kebab-case', { ...fact, id: 'Not_Kebab' }, /must match pattern/],
    ['an unknown field', { ...fact, colour: 'red' }, /must NOT have additional properties/],
    ['a rank position of 0', { ...fact, rank: { position: 0, scope: 'China', text: 'first' } }, /must be >= 1/],
  ])('rejects %s', (_name, broken, message) => {
    const data = { ...bundled, facts: [JSON.parse(JSON.stringify(broken))] };
    expect(validate(data)).toBe(false);
    expect(JSON.stringify(validate.errors)).toMatch(message);
  });
});
