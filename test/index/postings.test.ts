// The index build weighs a chunk's words into flat typed arrays
// (src/index/postings.ts: ChunkWords), not with factWords, which the
// in-memory index uses: the two must give the same words, weights, evidence
// and order of first use, or the on-disk search would rank otherwise.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/data/load.js';
import type { Fact } from '../../src/data/types.js';
import { ChunkWords, type EncodedChunk } from '../../src/index/postings.js';
import { factWords, themeTexts } from '../../src/search/word-index.js';
// @ts-expect-error -- a plain ES module script, without types
import { writeSyntheticFacts } from '../../scripts/synthetic-facts.mjs';

type Posting = [doc: number, weight: number, evidence: number];

/** A chunk's postings read back as disk.ts reads them: per word, in the order written, with its first use. */
function decode(chunk: EncodedChunk): { word: string; first: number; postings: Posting[] }[] {
  const out = [];
  for (let k = 0, at = 0; k < chunk.words.length; k++) {
    const end = chunk.ends[k] as number;
    const n = (end - at) / 8;
    const view = new DataView(chunk.data.buffer, chunk.data.byteOffset + at, end - at);
    const postings: Posting[] = [];
    for (let i = 0; i < n; i++) postings.push([view.getUint32(i * 4, true), view.getUint16(n * 4 + i * 2, true) / 100, view.getUint16(n * 6 + i * 2, true) / 100]);
    out.push({ word: chunk.words[k] as string, first: chunk.firsts[k] as number, postings });
    at = end;
  }
  return out;
}

/** What factWords gives for the same facts, in the same shape: words sorted, each with its order of first use. */
function expected(facts: readonly Fact[], firstDoc: number, themeText: (fact: Fact) => string | undefined) {
  const byWord = new Map<string, Posting[]>();
  facts.forEach((fact, i) => {
    for (const [word, { weight, evidence }] of factWords(fact, themeText(fact))) {
      let list = byWord.get(word);
      if (!list) byWord.set(word, (list = []));
      list.push([firstDoc + i, weight, evidence]);
    }
  });
  const first = new Map([...byWord.keys()].map((w, i) => [w, i]));
  return [...byWord]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([word, postings]) => ({ word, first: first.get(word) as number, postings }));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cqf-postings-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a chunk of postings (ChunkWords)', () => {
  it('weighs every fact as factWords does, chunk after chunk (the bundled facts, then synthetic ones past its first sizes)', async () => {
    const bundled = loadFacts();
    const file = join(dir, 'synthetic.json');
    // Over 1,024 words and 65,536 postings: the typed arrays grow.
    await writeSyntheticFacts(file, 3000);
    const synthetic = loadFacts(file);
    const texts = themeTexts(bundled.themes);
    const words = new ChunkWords({ texts: [...texts], deferred: false });
    const chunks: [Fact[], number][] = [
      [bundled.facts, 0],
      [synthetic.facts.slice(0, 2000), 16_384],
      [synthetic.facts.slice(2000), 32_768],
    ];
    chunks.forEach(([facts, first], c) => {
      facts.forEach((fact, i) => words.add(fact, first + i));
      const got = decode(words.encode(c));
      expect(got.length).toBeGreaterThan(c === 0 ? 500 : 1024);
      expect(got).toEqual(expected(facts, first, (fact) => texts.get(fact.theme)));
    });
  });

  it('themes not yet declared: the theme id twice stands for its text, as the build passes it to factWords', () => {
    const { facts } = loadFacts();
    const words = new ChunkWords({ texts: [], deferred: true });
    facts.forEach((fact, i) => words.add(fact, i));
    expect(decode(words.encode(0))).toEqual(expected(facts, 0, (fact) => `${fact.theme} ${fact.theme} `));
  });
});
