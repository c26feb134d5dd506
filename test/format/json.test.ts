import { describe, expect, it } from 'vitest';
import { parseFields, record } from '../../src/format/fields.js';
import { rowsToJson, rowsToNdjson } from '../../src/format/json.js';
import type { Fact } from '../../src/data/types.js';

const fact: Fact = { id: 'x', theme: 'overview', statement: 'S.', source: 'Src.', section: 'Sec', year: 2025 };

describe('record', () => {
  it.each([
    [{ fact }, undefined, { ...fact }],
    [{ fact, score: 0.25 }, undefined, { ...fact, score: 0.25 }],
    [{ fact, score: 0.25 }, ['score', 'id'], { score: 0.25, id: 'x' }],
    [{ fact }, ['id', 'figures'], { id: 'x', figures: null }],
  ])('%j with %j', (row, fields, expected) => {
    expect(record(row, fields)).toEqual(expected);
  });
});

describe('parseFields', () => {
  const allowed = ['id', 'statement', 'source'];
  it('accepts a comma list, trims and drops repeats', () => {
    expect(parseFields(' id, statement,id ', allowed)).toEqual(['id', 'statement']);
  });
  it.each([
    ['id,stament', /unknown field 'stament' \(did you mean statement\?\); valid fields: id, statement, source/],
    [',', /at least one field/],
  ])('%s is a usage error', (spec, message) => {
    expect(() => parseFields(spec, allowed)).toThrow(message);
  });
});

describe('JSON and NDJSON', () => {
  it('JSON is one parseable array', () => {
    expect(JSON.parse(rowsToJson([{ fact }, { fact }]))).toHaveLength(2);
    expect(rowsToJson([])).toBe('[]\n');
  });
  it('NDJSON is one object a line and nothing for no rows', () => {
    expect(rowsToNdjson([{ fact }, { fact }], ['id'])).toBe('{"id":"x"}\n{"id":"x"}\n');
    expect(rowsToNdjson([])).toBe('');
  });
});
