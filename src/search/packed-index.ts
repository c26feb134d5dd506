// The build's index of the bundled facts, packed into bytes that a search
// reads in place (src/data/prebuilt.ts stores it after the facts). Parsing
// the whole index as JSON cost every search about 2 ms and half a megabyte of
// young objects, enough to force a garbage collection; a search reads the
// postings of a few dozen words. The words are sorted by their UTF-8 bytes,
// so that one is found by binary search; everything else is offsets.
//
// Layout, every number a little-endian uint32 unless said otherwise:
//   header    version, facts, W (words), R (family roots), M (family members)
//   wordAt    W+1 byte offsets into the word text, word i sorted i-th
//   postAt    W+1 entry offsets into the postings, word i's from postAt[i]
//   order     W word numbers, in the in-memory index's order (its Object.keys)
//   rootAt    R+1 byte offsets into the root text, roots sorted
//   memberAt  R+1 offsets into members, root r's from memberAt[r]
//   members   M word numbers, each root's words in index order
//   words     the words' UTF-8 text, one after another
//   roots     the roots' UTF-8 text
//   postings  6 bytes an entry: fact position (uint32), then the weight of
//             its best field and its evidence, each times ten (uint8)
import { isHan } from './tokenize.js';
import { factRankInfo, type RankInfo } from './rank-info.js';
import type { MemoryIndex, Postings, SearchIndex } from './word-index.js';
import type { Fact } from '../data/types.js';

const VERSION = 1;
const HEADER = 5;
const ENTRY = 6;

/** Weights and evidence are tenths (FIELD_WEIGHTS, rounded sums): stored as whole tenths, and read back as the same numbers. */
function tenths(x: number): number {
  const t = Math.round(x * 10);
  if (t / 10 !== x || t < 0 || t > 255) throw new Error(`packIndex: ${x} is not a tenth between 0 and 25.5`);
  return t;
}

const byBytes = (a: Buffer, b: Buffer) => Buffer.compare(a, b);

/** The in-memory index (built, or read back), packed. */
export function packIndex(index: MemoryIndex): Buffer {
  const keys = Object.keys(index.postings);
  const sorted = keys.map((word, i) => ({ word, i, bytes: Buffer.from(word) })).sort((a, b) => byBytes(a.bytes, b.bytes));
  const idOf = new Map(sorted.map((w, id) => [w.word, id]));
  const rootNames = Object.keys(index.families);
  const roots = rootNames.map((root) => ({ root, bytes: Buffer.from(root) })).sort((a, b) => byBytes(a.bytes, b.bytes));
  const W = sorted.length;
  const R = roots.length;
  const members = roots.flatMap(({ root }) => index.wordFamily(root).map((w) => idOf.get(w) as number));
  const M = members.length;
  const posts = sorted.map(({ word }) => index.wordPostings(word) ?? []);
  const entries = posts.reduce((n, p) => n + p.length / 3, 0);
  const wordBytes = sorted.reduce((n, w) => n + w.bytes.length, 0);
  const rootBytes = roots.reduce((n, r) => n + r.bytes.length, 0);
  const out = Buffer.alloc(4 * (HEADER + 2 * (W + 1) + W + 2 * (R + 1) + M) + wordBytes + rootBytes + ENTRY * entries);
  let at = 0;
  const u32 = (n: number) => (at = out.writeUInt32LE(n, at));
  [VERSION, index.facts.length, W, R, M].forEach(u32);
  let sum = 0;
  u32(0);
  for (const w of sorted) u32((sum += w.bytes.length));
  sum = 0;
  u32(0);
  for (const p of posts) u32((sum += p.length / 3));
  const sortedIdOf = new Map(sorted.map((w, id) => [w.i, id]));
  for (let i = 0; i < W; i++) u32(sortedIdOf.get(i) as number);
  sum = 0;
  u32(0);
  for (const r of roots) u32((sum += r.bytes.length));
  sum = 0;
  u32(0);
  for (const { root } of roots) u32((sum += index.wordFamily(root).length));
  members.forEach(u32);
  for (const w of sorted) at += w.bytes.copy(out, at);
  for (const r of roots) at += r.bytes.copy(out, at);
  for (const p of posts) {
    for (let k = 0; k < p.length; k += 3) {
      at = out.writeUInt32LE(p[k] as number, at);
      at = out.writeUInt8(tenths(p[k + 1] as number), at);
      at = out.writeUInt8(tenths(p[k + 2] as number), at);
    }
  }
  if (at !== out.length) throw new Error('packIndex: the sizes do not add up');
  return out;
}

/** Facts as the index reads them: each one, and what ranking needs of it, by position (src/data/prebuilt.ts reads them from the file one by one). */
export interface StoredFacts {
  count: number;
  factAt(doc: number): Fact | undefined;
  rankInfo(doc: number): RankInfo | undefined;
}

const stored = (facts: readonly Fact[]): StoredFacts => ({
  count: facts.length,
  factAt: (doc) => facts[doc],
  rankInfo: (doc) => factRankInfo(facts[doc]),
});

/**
 * bytes[start, end) against target, as bytes.compare(target, 0, target.length, start, end) orders them:
 * Buffer's compare is JavaScript of Node's, compiled in every run, that checks its five arguments at every
 * step of a binary search (a search made hundreds of them).
 */
export function compareRange(bytes: Uint8Array, start: number, end: number, target: Uint8Array): number {
  const length = end - start;
  const n = Math.min(length, target.length);
  for (let i = 0; i < n; i++) {
    const d = (bytes[start + i] as number) - (target[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return length === target.length ? 0 : length < target.length ? -1 : 1;
}

/** The packed index as a search index over these facts, or undefined when it does not fit them. */
export function readPackedIndex(bytes: Buffer, factList: readonly Fact[] | StoredFacts): SearchIndex | undefined {
  const facts = 'count' in factList ? factList : stored(factList);
  if (bytes.length < 4 * HEADER) return undefined;
  // Read through a DataView: its getUint32 is built into V8, where Buffer's readUInt32LE is JavaScript of
  // Node's that every run compiled, and a search's thousands of calls made V8 optimise it too.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const head = (i: number) => view.getUint32(4 * i, true);
  const [version, count, W, R, M] = [head(0), head(1), head(2), head(3), head(4)];
  if (version !== VERSION || count !== facts.count) return undefined;
  const wordAt = 4 * HEADER;
  const postAt = wordAt + 4 * (W + 1);
  const order = postAt + 4 * (W + 1);
  const rootAt = order + 4 * W;
  const memberAt = rootAt + 4 * (R + 1);
  const members = memberAt + 4 * (R + 1);
  const words = members + 4 * M;
  if (words > bytes.length) return undefined;
  const u32 = (table: number, i: number) => view.getUint32(table + 4 * i, true);
  const roots = words + u32(wordAt, W);
  const postings = roots + u32(rootAt, R);
  if (postings + ENTRY * u32(postAt, W) !== bytes.length) return undefined;

  /** The number of the word (or root) with these bytes in a sorted table, or -1. */
  const find = (key: string, offsets: number, n: number, text: number): number => {
    const target = Buffer.from(key);
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareRange(bytes, text + u32(offsets, mid), text + u32(offsets, mid + 1), target);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const wordOf = (id: number) => bytes.toString('utf8', words + u32(wordAt, id), words + u32(wordAt, id + 1));
  const entriesOf = (id: number) => (id < 0 ? 0 : u32(postAt, id + 1) - u32(postAt, id));

  // What a query read once, it reads from here again.
  const read = new Map<string, Postings | undefined>();
  const familyRead = new Map<string, string[]>();
  let all: string[] | undefined;
  /** Every word, in index order: only a typo or a Chinese word needs them. */
  const allWords = () => (all ??= Array.from({ length: W }, (_, i) => wordOf(u32(order, i))));
  let han: string[] | undefined;
  let latin: string[] | undefined;

  const wordPostings = (term: string): Postings | undefined => {
    if (read.has(term)) return read.get(term);
    const id = find(term, wordAt, W, words);
    let list: Postings | undefined;
    if (id >= 0) {
      list = [];
      for (let at = postings + ENTRY * u32(postAt, id), end = postings + ENTRY * u32(postAt, id + 1); at < end; at += ENTRY) {
        list.push(view.getUint32(at, true), (bytes[at + 4] as number) / 10, (bytes[at + 5] as number) / 10);
      }
    }
    read.set(term, list);
    return list;
  };

  const index: SearchIndex = {
    size: facts.count,
    wordPostings,
    wordFrequency: (term) => (read.has(term) ? (read.get(term)?.length ?? 0) / 3 : entriesOf(find(term, wordAt, W, words))),
    hasWord: (term) => (read.has(term) ? read.get(term) !== undefined : find(term, wordAt, W, words) >= 0),
    wordFamily: (root) => {
      let list = familyRead.get(root);
      if (!list) {
        const r = find(root, rootAt, R, roots);
        list = [];
        if (r >= 0) for (let i = u32(memberAt, r); i < u32(memberAt, r + 1); i++) list.push(wordOf(u32(members, i)));
        familyRead.set(root, list);
      }
      return list;
    },
    hanWords: () => (han ??= allWords().filter(isHan)),
    nearWords: () => ({ words: (latin ??= allWords().filter((t) => !isHan(t))), all: true }),
    factAt: (doc) => facts.factAt(doc),
    rankInfo: (doc) => facts.rankInfo(doc),
    origin: 'stored',
  };
  return index;
}
