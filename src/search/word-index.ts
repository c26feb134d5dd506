// Which facts hold which words, weighted by field, for search.ts. Building it
// tokenizes every fact, the bulk of a lookup's work, so the build stores the
// bundled data's index with the facts, packed (src/search/packed-index.ts,
// src/data/prebuilt.ts), and a lookup of the bundled facts reads it in place.
import type Fuse from 'fuse.js';
import { prebuiltIndex } from '../data/prebuilt.js';
import { family, isHan, terms } from './tokenize.js';
import { factRankInfo, type RankInfo } from './rank-info.js';
import type { Fact, Theme } from '../data/types.js';

/** How much a word counts by where it stands: the statement and tags say what a fact is about. */
export const FIELD_WEIGHTS = {
  statement: 1,
  tags: 0.9,
  zh: 1,
  source: 0.6,
  year: 0.5,
  rank: 0.5,
  figure: 0.8,
  theme: 0.4,
  section: 0.3,
} as const;

/**
 * For each word, the facts that hold it, flat: fact position, the weight of
 * the best field it occurs in, and the weights of all its fields added up
 * (evidence), repeated. Flat numbers load and scan faster than objects.
 */
export type Postings = number[];
/** Postings as read: an on-disk index hands them over as a typed array, decoded once from its blobs. */
export type PostingsView = ArrayLike<number>;

/** A word-keyed table, read through lookup(); it has no prototype at all (table()). */
export type Table<T> = Record<string, T>;

/** An empty table without a prototype: no word is ever one of Object's properties. */
const table = <T>(): Table<T> => Object.create(null) as Table<T>;

/** The value for `key`, never one inherited from Object.prototype ("constructor" is a word too). */
export const lookup = <T>(table: Table<T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/**
 * What ranking (rank.ts) reads of an index, through the accessors below: the
 * postings, families and frequencies of words, and a few things about each
 * fact. Three kinds implement it: the in-memory index of this module, the
 * build's packed index of the bundled facts read in place
 * (src/search/packed-index.ts), and the on-disk SQLite index of big facts
 * files (src/index/disk.ts), so that all rank with the same code.
 */
export interface SearchIndex {
  /** How many facts. */
  readonly size: number;
  wordPostings(term: string): PostingsView | undefined;
  /** How many facts hold a word. */
  wordFrequency(term: string): number;
  hasWord(term: string): boolean;
  /** The words of the family of this root ("rank": rank, ranked, ranking), in index order. */
  wordFamily(root: string): readonly string[];
  /** The Chinese words, in index order. */
  hanWords(): readonly string[];
  /**
   * Words (not Chinese) that may be typos or starts of `q`, in index order:
   * every word of the index, or, for an on-disk one, a superset of those the
   * similarity rules of rank.ts can accept (src/index/near.ts). `all` when
   * it is every word.
   */
  nearWords(q: string): { words: readonly string[]; all: boolean };
  /** The fact at a position, read when asked for. */
  factAt(doc: number): Fact | undefined;
  /** What ranking needs of a fact: whether it has figures, a numbered rank, a year; its statement's length; its source (or a key for it). */
  rankInfo(doc: number): RankInfo | undefined;
  /** A fuse.js matcher over all the words that are not Chinese, kept once made. */
  fuse?: Fuse<string>;
  /** Built now, read in place from the build's packed index (src/search/packed-index.ts; a test checks lookups use it), or an on-disk index. */
  readonly origin: 'built' | 'stored' | 'sqlite';
}

/** The in-memory index: word-keyed tables over the facts. */
export interface MemoryIndex extends SearchIndex {
  facts: readonly Fact[];
  postings: Table<Postings>;
  /** Chinese words, for partial matches. */
  han: string[];
  /** Words by their family root ("rank": rank, ranked, ranking). */
  families: Table<string[]>;
  /** The words that are not Chinese, made on first use. */
  latin?: string[];
  readonly origin: 'built';
}

type MemoryFields = Pick<MemoryIndex, 'facts' | 'postings' | 'han' | 'families' | 'origin'>;

/** The in-memory tables as a SearchIndex. */
function memoryIndex(fields: MemoryFields): MemoryIndex {
  const index: MemoryIndex = {
    ...fields,
    get size() {
      return index.facts.length;
    },
    wordPostings: (term) => lookup(index.postings, term),
    wordFrequency: (term) => (lookup(index.postings, term)?.length ?? 0) / 3,
    hasWord: (term) => !!lookup(index.postings, term),
    wordFamily: (root) => lookup(index.families, root) ?? [],
    hanWords: () => index.han,
    nearWords: () => ({ words: (index.latin ??= Object.keys(index.postings).filter((t) => !isHan(t))), all: true }),
    factAt: (doc) => index.facts[doc],
    rankInfo: (doc) => factRankInfo(index.facts[doc]),
  };
  return index;
}

export const postingsOf = (index: SearchIndex, term: string): PostingsView | undefined => index.wordPostings(term);
export const familyOf = (index: SearchIndex, root: string): readonly string[] => index.wordFamily(root);
export const hasWord = (index: SearchIndex, term: string): boolean => index.hasWord(term);
export const hanWords = (index: SearchIndex): readonly string[] => index.hanWords();
export const factCount = (index: SearchIndex): number => index.size;

/** How many facts hold a word. */
export const docFrequency = (index: SearchIndex, term: string): number => index.wordFrequency(term);

/** The words that are not Chinese that may stand for `q` (all of them for the in-memory index). */
export const nearWords = (index: SearchIndex, q: string): { words: readonly string[]; all: boolean } => index.nearWords(q);

/** The fact at a position, for a hit. */
export const factAt = (index: SearchIndex, doc: number): Fact | undefined => index.factAt(doc);

/** What ranking needs of a fact. */
export const rankInfo = (index: SearchIndex, doc: number) => index.rankInfo(doc);

/** The text of a fact's theme that its words include: id, name, zone and Chinese names. */
export const themeTexts = (themes: readonly Theme[]): Map<string, string> =>
  new Map(themes.map((t) => [t.id, [t.id, t.name, t.zone ?? '', ...(t.zh ?? [])].join(' ')]));

/** A fact's distinct words, each with the weight of its strongest field and the sum over its fields (evidence). */
export type FactWords = Map<string, { weight: number; evidence: number }>;

/** A field whose words are weighed. */
export type WeighedField = keyof typeof FIELD_WEIGHTS;

/**
 * The texts of a fact whose words are weighed, field by field, in the order
 * they are weighed (a field without text is skipped). factWords weighs them;
 * the on-disk build (src/index/postings.ts) weighs the same texts in the same
 * order with typed arrays, and a test compares the two word for word.
 */
export function eachFactText(fact: Fact, themeText: string | undefined, visit: (text: string, field: WeighedField) => void): void {
  const add = (text: string | undefined, field: WeighedField) => {
    if (text) visit(text, field);
  };
  add(fact.statement, 'statement');
  add(fact.tags?.join(' '), 'tags');
  add(fact.zh?.join(' '), 'zh');
  add(fact.source, 'source');
  add(fact.year === undefined ? undefined : String(fact.year), 'year');
  add(rankWords(fact), 'rank');
  // The figures' plain values, so "32000000" or "2,788,000" finds "32 million", "2.788 million".
  add(fact.figures?.map((g) => String(g.value)).join(' '), 'figure');
  add(themeText, 'theme');
  add(fact.section, 'section');
}

/** Sums of field weights such as 1 + 0.6 are rounded back to tenths. */
export const roundEvidence = (sum: number): number => Math.round(sum * 10) / 10;

/**
 * The words of one fact, weighted by field: a word twice in a field counts
 * once; its weight is its strongest field's, its evidence the sum over its fields.
 */
export function factWords(fact: Fact, themeText: string | undefined): FactWords {
  // Per term: its strongest field's weight, and the sum over the fields it is in (once a field: `field` says which it was last met in).
  const found = new Map<string, { weight: number; evidence: number; field: number }>();
  let fieldNo = 0;
  eachFactText(fact, themeText, (text, field) => {
    const w = FIELD_WEIGHTS[field];
    fieldNo++;
    for (const t of terms(text)) {
      const seen = found.get(t);
      if (!seen) found.set(t, { weight: w, evidence: w, field: fieldNo });
      else if (seen.field !== fieldNo) {
        seen.weight = Math.max(seen.weight, w);
        seen.evidence += w;
        seen.field = fieldNo;
      }
    }
  });
  for (const v of found.values()) v.evidence = roundEvidence(v.evidence);
  return found;
}

export function buildIndex(facts: readonly Fact[], themes: readonly Theme[]): MemoryIndex {
  const themeText = themeTexts(themes);
  const postings = table<Postings>();
  facts.forEach((fact, doc) => {
    for (const [t, { weight, evidence }] of factWords(fact, themeText.get(fact.theme))) {
      const list = lookup(postings, t) ?? (postings[t] = []);
      list.push(doc, weight, evidence);
    }
  });
  const han: string[] = [];
  const families = table<string[]>();
  for (const t of Object.keys(postings)) {
    if (isHan(t)) han.push(t);
    else (lookup(families, family(t)) ?? (families[family(t)] = [])).push(t);
  }
  return memoryIndex({ facts, postings, han, families, origin: 'built' });
}

/**
 * A ranking in the words people ask with: "number one", "top", "best".
 * "first", "third" and "1st" need no entry: the tokenizer reads them as 1 and 3.
 */
function rankWords(fact: Fact): string | undefined {
  const r = fact.rank;
  if (!r) return undefined;
  const p = r.position;
  const place = p === undefined ? 'top' : `${p} ${p === 1 ? 'number one top best leading largest biggest' : ''}`;
  return `${r.text} ${r.scope} ${place} rank ranking`;
}

/**
 * The index of the build for the bundled facts (src/data/prebuilt.ts),
 * when they were loaded from what the build made; else a fresh one.
 */
export function indexFor(data: { facts: readonly Fact[]; themes: readonly Theme[] }): SearchIndex {
  return prebuiltIndex(data) ?? buildIndex(data.facts, data.themes);
}
