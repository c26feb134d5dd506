// The bundled facts as the build loaded and checked them, with their index
// (src/data/prebuilt.ts): what a lookup of the bundled facts reads instead of
// data/facts.json. These tests fail when lookups stop using it, or when it
// could be used for facts it was not made from.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BUNDLED_DATA, loadFacts } from '../../src/data/load.js';
import { PREBUILT, prebuiltIndex, readPrebuilt, type Prebuilt } from '../../src/data/prebuilt.js';
import { packIndex } from '../../src/search/packed-index.js';
import { search } from '../../src/search/rank.js';
import { buildIndex } from '../../src/search/word-index.js';

const fresh = loadFacts(BUNDLED_DATA, { prebuilt: false });
/** The file's three parts: the facts' line, the table of the facts (N, N+1 offsets, N lengths, N sources), then their packed index. */
const parts = () => {
  const bytes = readFileSync(PREBUILT);
  const end = bytes.indexOf(10);
  const n = bytes.readUInt32LE(end + 1);
  const tableEnd = end + 1 + 4 * (1 + (n + 1) + 2 * n);
  return {
    prebuilt: JSON.parse(bytes.toString('latin1', 0, end)) as Prebuilt,
    line: bytes.subarray(0, end),
    table: bytes.subarray(end + 1, tableEnd),
    index: bytes.subarray(tableEnd),
  };
};

describe('the prebuilt bundled facts (npm test builds them first)', () => {
  it('are what a lookup of the bundled facts loads, with their index', () => {
    const data = loadFacts();
    expect(prebuiltIndex(data)).toBeDefined();
    expect(prebuiltIndex(fresh)).toBeUndefined();
  });

  it('parse the facts once, and never their index: a search reads it in place, the same one every time', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const data = loadFacts();
      expect(parse).toHaveBeenCalledTimes(1);
      const index = prebuiltIndex(data);
      expect(index?.origin).toBe('stored');
      expect(prebuiltIndex(data)).toBe(index);
      search(index!, 'car');
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('parse a search’s hits alone, each once, and they are the objects the facts read later hold', () => {
    const data = loadFacts();
    const index = prebuiltIndex(data)!;
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const hits = search(index, 'car');
      expect(hits.length).toBeGreaterThan(1);
      expect(parse).not.toHaveBeenCalled();
      const facts = hits.map((h) => h.fact);
      expect(parse).toHaveBeenCalledTimes(hits.length);
      // Each parsed alone: its own text, never the whole array.
      for (const [text] of parse.mock.calls) expect(text).toMatch(/^\{"id":/);
      expect(hits.map((h) => h.fact)).toEqual(facts);
      expect(parse).toHaveBeenCalledTimes(hits.length);
      // The whole array once asked for, holding the very objects the hits have.
      const all = data.facts;
      expect(parse).toHaveBeenCalledTimes(hits.length + 1);
      for (const f of facts) expect(all).toContain(f);
      expect(data.facts).toBe(all);
      expect(index.factAt(all.length - 1)).toBe(all.at(-1));
      expect(index.factAt(all.length)).toBeUndefined();
      expect(index.factAt(-1)).toBeUndefined();
    } finally {
      parse.mockRestore();
    }
  });

  it('give ranking from their table what it would take from each fact (a key for each source sentence)', () => {
    const index = prebuiltIndex(loadFacts())!;
    const memory = buildIndex(fresh.facts, fresh.themes);
    const firstOf = new Map<string, number>();
    fresh.facts.forEach((f, doc) => {
      if (!firstOf.has(f.source)) firstOf.set(f.source, doc);
      const want = memory.rankInfo(doc)!;
      expect(index.rankInfo(doc)).toEqual({ ...want, source: firstOf.get(f.source) });
    });
    expect(index.rankInfo(fresh.facts.length)).toBeUndefined();
    // Some facts share a sentence, so the keys are put to the test.
    expect(firstOf.size).toBeLessThan(fresh.facts.length);
  });

  it('hold the index the build packs from the facts', () => {
    const index = buildIndex(fresh.facts, fresh.themes);
    expect(parts().index.equals(packIndex(index))).toBe(true);
  });

  it('are the facts a fresh load and check of data/facts.json gives, the bytes read when asked for', () => {
    const { raw, ...data } = loadFacts();
    const { raw: freshRaw, ...expected } = fresh;
    expect(data).toStrictEqual(expected);
    expect(JSON.stringify(data)).toBe(JSON.stringify(expected));
    expect(raw).toBe(freshRaw);
  });

  it('were made from data/facts.json as it is now', () => {
    const { prebuilt } = parts();
    const raw = readFileSync(BUNDLED_DATA);
    expect(prebuilt.source).toEqual({ bytes: raw.length, sha256: createHash('sha256').update(raw).digest('hex') });
  });

  it('are ASCII on the facts’ line (read as latin1, without decoding)', () => {
    expect(parts().line.every((b) => b < 0x80)).toBe(true);
  });

  it('are not used by a non-strict load (verify lists every problem itself)', () => {
    expect(prebuiltIndex(loadFacts(BUNDLED_DATA, { strict: false }))).toBeUndefined();
  });

  describe('are not used, and the file is loaded and checked afresh, for', () => {
    // A copy of the bundled file and the prebuilt one, to change one thing at a time.
    const dir = mkdtempSync(join(tmpdir(), 'cqf-prebuilt-'));
    const copy = () => {
      const files = { facts: join(dir, `facts-${Math.random()}.json`), prebuilt: join(dir, `prebuilt-${Math.random()}.json`) };
      copyFileSync(BUNDLED_DATA, files.facts);
      copyFileSync(PREBUILT, files.prebuilt);
      const t = new Date('2020-01-01');
      utimesSync(files.facts, t, t);
      utimesSync(files.prebuilt, t, t);
      return files;
    };

    it('(the copy itself is used: same path, size and time)', () => {
      const files = copy();
      const read = readPrebuilt(files.facts, files);
      expect(read?.data).toStrictEqual(parts().prebuilt.data);
      expect(read?.index()?.origin).toBe('stored');
      expect(search(read!.index()!, 'car')).toEqual(search(buildIndex(fresh.facts, fresh.themes), 'car'));
    });

    it('another facts file', () => {
      const files = copy();
      expect(readPrebuilt(join(dir, 'other.json'), files)).toBeUndefined();
    });

    it('a facts file changed after the build (newer than the prebuilt one)', () => {
      const files = copy();
      utimesSync(files.facts, new Date('2021-01-01'), new Date('2021-01-01'));
      expect(readPrebuilt(files.facts, files)).toBeUndefined();
    });

    it('a facts file of another size', () => {
      const files = copy();
      writeFileSync(files.facts, `${fresh.raw}\n`);
      const t = new Date('2019-01-01');
      utimesSync(files.facts, t, t);
      expect(readPrebuilt(files.facts, files)).toBeUndefined();
    });

    it('no prebuilt file, or one of another version', () => {
      const files = copy();
      expect(readPrebuilt(files.facts, { ...files, prebuilt: join(dir, 'none.json') })).toBeUndefined();
      writeFileSync(files.prebuilt, Buffer.concat([Buffer.from('{"version":1,'), readFileSync(files.prebuilt).subarray('{"version":3,'.length)]));
      utimesSync(files.prebuilt, new Date('2020-01-01'), new Date('2020-01-01'));
      expect(readPrebuilt(files.facts, files)).toBeUndefined();
    });
  });
});
