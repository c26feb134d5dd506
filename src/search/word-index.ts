// Which facts hold which words, weighted by field, for search.ts. Building it
// tokenizes every fact, the bulk of a lookup's work, so the build stores the
// bundled data's index with the facts (src/data/prebuilt.ts), and a lookup of
// the bundled facts uses it.
import type Fuse from 'fuse.js';
import { prebuiltIndex } from '../data/prebuilt.js';
import { family, isHan, terms } from './tokenize.js';
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

/**
 * A word-keyed table; plain objects, so that a stored index is ready the
 * moment JSON.parse returns. Read through lookup(); a fresh one has no
 * prototype at all (table()).
 */
export type Table<T> = Record<string, T>;

/** An empty table without a prototype: no word is ever one of Object's properties. */
const table = <T>(): Table<T> => Object.create(null) as Table<T>;

/** The value for `key`, never one inherited from Object.prototype ("constructor" is a word too). */
export const lookup = <T>(table: Table<T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

export interface SearchIndex {
  facts: readonly Fact[];
  /** Postings by word; a stored index keeps them as text until a query needs them. */
  postings: Table<Postings | string>;
  /** Chinese words, for partial matches. */
  han: string[];
  /** Words by their family root ("rank": rank, ranked, ranking), space-separated when stored. */
  families: Table<string[] | string>;
  fuse?: Fuse<string>;
  /** The words that are not Chinese, made on first use. */
  latin?: string[];
  /** Built now, or read from the build's stored index (a test checks lookups use it). */
  origin: 'built' | 'stored';
}

/**
 * The postings of a word, read from their stored text on first use: parsing
 * a few thousand short strings is faster than parsing as many arrays, and a
 * query only ever needs a handful.
 */
export function postingsOf(index: SearchIndex, term: string): Postings | undefined {
  const p = lookup(index.postings, term);
  if (typeof p !== 'string') return p;
  const list = p.split(' ').map(Number);
  index.postings[term] = list;
  return list;
}

export function familyOf(index: SearchIndex, root: string): string[] {
  const f = lookup(index.families, root);
  if (typeof f !== 'string') return f ?? [];
  const list = f.split(' ');
  index.families[root] = list;
  return list;
}

/** How many facts hold a word. */
export const docFrequency = (index: SearchIndex, term: string): number => (postingsOf(index, term)?.length ?? 0) / 3;

/** The words that are not Chinese, for fuzzy matching; only a typo needs them. */
export const latinWords = (index: SearchIndex): string[] =>
  (index.latin ??= Object.keys(index.postings).filter((t) => !isHan(t)));

export function buildIndex(facts: readonly Fact[], themes: readonly Theme[]): SearchIndex {
  const themeText = new Map(
    themes.map((t) => [t.id, [t.id, t.name, t.zone ?? '', ...(t.zh ?? [])].join(' ')]),
  );
  const postings = table<Postings>();
  facts.forEach((fact, doc) => {
    // Per term: its strongest field's weight, and the sum over the fields it is in.
    const found = new Map<string, { weight: number; evidence: number }>();
    const add = (text: string | undefined, w: number) => {
      if (!text) return;
      for (const t of new Set(terms(text))) {
        const seen = found.get(t);
        if (seen) {
          seen.weight = Math.max(seen.weight, w);
          seen.evidence += w;
        } else {
          found.set(t, { weight: w, evidence: w });
        }
      }
    };
    add(fact.statement, FIELD_WEIGHTS.statement);
    add(fact.tags?.join(' '), FIELD_WEIGHTS.tags);
    add(fact.zh?.join(' '), FIELD_WEIGHTS.zh);
    add(fact.source, FIELD_WEIGHTS.source);
    add(fact.year === undefined ? undefined : String(fact.year), FIELD_WEIGHTS.year);
    add(rankWords(fact), FIELD_WEIGHTS.rank);
    // The figures' plain values, so "32000000" or "2,788,000" finds "32 million", "2.788 million".
    add(fact.figures?.map((g) => String(g.value)).join(' '), FIELD_WEIGHTS.figure);
    add(themeText.get(fact.theme), FIELD_WEIGHTS.theme);
    add(fact.section, FIELD_WEIGHTS.section);
    for (const [t, { weight, evidence }] of found) {
      const list = lookup(postings, t) ?? (postings[t] = []);
      // Sums of field weights such as 1 + 0.6 are rounded back to tenths.
      list.push(doc, weight, Math.round(evidence * 10) / 10);
    }
  });
  const han: string[] = [];
  const families = table<string[]>();
  for (const t of Object.keys(postings)) {
    if (isHan(t)) han.push(t);
    else (lookup(families, family(t)) ?? (families[family(t)] = [])).push(t);
  }
  return { facts, postings, han, families, origin: 'built' };
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

/** The index as JSON: the same tables, postings and families as space-separated text. */
export interface StoredIndex {
  /** 8 when written by this code; a file read back may hold anything. */
  version: number;
  /** The facts file it was built from: its size, and its SHA-256 (for tests and people; a lookup does not hash). */
  source: { bytes: number; sha256: string };
  facts: number;
  postings: Table<string>;
  han: string[];
  families: Table<string>;
}

export function storeIndex(index: SearchIndex, source: StoredIndex['source']): StoredIndex {
  const text = (table: Table<readonly unknown[] | string>) =>
    Object.fromEntries(Object.keys(table).map((k) => [k, joined(table[k])]));
  return { version: 8, source, facts: index.facts.length, postings: text(index.postings), han: index.han, families: text(index.families) };
}

/** A list as stored text; a list still stored (never read) is already text. */
const joined = (v: readonly unknown[] | string | undefined): string => (typeof v === 'string' ? v : (v ?? []).join(' '));

/** The stored index as a search index for these facts, or undefined when it does not fit them. */
export function loadStoredIndex(stored: StoredIndex, facts: readonly Fact[]): SearchIndex | undefined {
  if (stored.version !== 8 || stored.facts !== facts.length) return undefined;
  return { facts, postings: stored.postings, han: stored.han, families: stored.families, origin: 'stored' };
}

/**
 * The index of the build for the bundled facts (src/data/prebuilt.ts),
 * when they were loaded from what the build made; else a fresh one.
 */
export function indexFor(data: { facts: readonly Fact[]; themes: readonly Theme[] }): SearchIndex {
  const stored = prebuiltIndex(data);
  return (stored && loadStoredIndex(stored, data.facts)) ?? buildIndex(data.facts, data.themes);
}
