import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA, loadFacts, resolveDataPath } from '../../src/data/load.js';
import { MINI } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cqf-'));
const write = (name: string, body: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
  return path;
};
const meta = { title: 'T', publisher: 'P', article: 'a.txt' };
const fact = { id: 'a', theme: 't', statement: 'S.', source: 'Src.', section: 'Sec' };

describe('loadFacts', () => {
  it('loads the bundled file by default', () => {
    expect(loadFacts().facts.length).toBeGreaterThan(0);
    expect(resolveDataPath(undefined, {})).toBe(BUNDLED_DATA);
  });

  it('loads a file of the same format', () => {
    expect(loadFacts(MINI).facts.map((f) => f.id)).toContain('gdp-2025');
  });

  it.each([
    ['bad.json', '{ "meta": ', /bad\.json is not valid JSON/],
    // A bare array of facts and a file without meta are minimal files, accepted (issue 11).
    ['number.json', 42, /number\.json: top level: must be an object or an array of facts/],
    ['nometa.json', { meta: 'T', themes: [], facts: [] }, /nometa\.json: meta: must be an object/],
    ['nofacts.json', { meta, themes: [] }, /field "facts" is missing/],
    [
      'nostatement.json',
      { meta, themes: [], facts: [fact, { ...fact, id: 'b', statement: undefined }] },
      /nostatement\.json: facts\[1\] \(id "b"\): field "statement" is missing/,
    ],
    [
      'badfigure.json',
      { meta, themes: [], facts: [{ ...fact, figures: [{ value: '3', unit: 'x', text: '3' }] }] },
      /facts\[0\] \(id "a"\) figures\[0\]: field "value" must be a number/,
    ],
    ['badyear.json', { meta, themes: [], facts: [{ ...fact, year: 2025.5 }] }, /"year" must be a whole number/],
    ['emptyid.json', { meta, themes: [], facts: [{ ...fact, id: ' ' }] }, /facts\[0\] \(id " "\): field "id" must be a non-empty string/],
  ])('%s is a data error naming the file and the place', (name, body, message) => {
    expect(() => loadFacts(write(name, body))).toThrow(message);
  });
});
