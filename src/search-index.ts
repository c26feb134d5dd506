// Which facts hold which words, weighted by field, for search.ts. Building it
// tokenizes every fact, the bulk of a lookup's work, so the build stores the
// bundled data's index (dist/search-index.json) and a lookup loads it when it
// was made from the very same facts file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type Fuse from 'fuse.js';
import { family, isHan, terms } from './tokenize.js';
import type { Fact, Theme } from './types.js';

/** How much a word counts by where it stands: the statement and tags say what a fact is about. */
export const FIELD_WEIGHTS = {
  statement: 1,
  tags: 1,
  zh: 1,
  source: 0.6,
  year: 0.5,
  rank: 0.5,
  theme: 0.4,
  section: 0.3,
} as const;

/**
 * For each word, the facts that hold it, flat: fact position, the weight of
 * the best field it occurs in, and the weights of all its fields added up
 * (evidence), repeated. Flat numbers load and scan faster than objects.
 */
export type Postings = number[];

export interface SearchIndex {
  facts: readonly Fact[];
  postings: Map<string, Postings>;
  latin: string[];
  han: string[];
  /** Words by their family root ("rank": rank, ranked, ranking). */
  families: Map<string, string[]>;
  fuse?: Fuse<string>;
}

/** How many facts hold a word. */
export const docFrequency = (index: SearchIndex, term: string): number => (index.postings.get(term)?.length ?? 0) / 3;

export function buildIndex(facts: readonly Fact[], themes: readonly Theme[]): SearchIndex {
  const themeText = new Map(
    themes.map((t) => [t.id, [t.id, t.name, t.zone ?? '', ...(t.zh ?? [])].join(' ')]),
  );
  const postings = new Map<string, Postings>();
  facts.forEach((fact, doc) => {
    const weights = new Map<string, number>();
    const evidence = new Map<string, number>();
    const add = (text: string | undefined, w: number) => {
      if (!text) return;
      for (const t of new Set(terms(text))) {
        if ((weights.get(t) ?? 0) < w) weights.set(t, w);
        evidence.set(t, (evidence.get(t) ?? 0) + w);
      }
    };
    add(fact.statement, FIELD_WEIGHTS.statement);
    add(fact.tags?.join(' '), FIELD_WEIGHTS.tags);
    add(fact.zh?.join(' '), FIELD_WEIGHTS.zh);
    add(fact.source, FIELD_WEIGHTS.source);
    add(fact.year === undefined ? undefined : String(fact.year), FIELD_WEIGHTS.year);
    add(rankWords(fact), FIELD_WEIGHTS.rank);
    add(themeText.get(fact.theme), FIELD_WEIGHTS.theme);
    add(fact.section, FIELD_WEIGHTS.section);
    for (const [t, w] of weights) {
      const list = postings.get(t) ?? [];
      list.push(doc, w, evidence.get(t)!);
      postings.set(t, list);
    }
  });
  return withVocabulary(facts, postings);
}

const ORDINAL = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** A ranking in the words people ask with: "number one", "top", "first", "1st". */
function rankWords(fact: Fact): string | undefined {
  const r = fact.rank;
  if (!r) return undefined;
  const p = r.position;
  const place = p === undefined ? 'top' : `${p} ${ORDINAL[p] ?? ''} ${p === 1 ? '1st number one top best leading' : ''}`;
  return `${r.text} ${r.scope} ${place} rank ranking`;
}

function withVocabulary(
  facts: readonly Fact[],
  postings: Map<string, Postings>,
  roots?: Map<string, string>,
): SearchIndex {
  const latin: string[] = [];
  const han: string[] = [];
  const families = new Map<string, string[]>();
  for (const t of postings.keys()) {
    if (isHan(t)) {
      han.push(t);
      continue;
    }
    latin.push(t);
    const root = roots ? (roots.get(t) ?? t) : family(t);
    const members = families.get(root);
    if (members) members.push(t);
    else families.set(root, [t]);
  }
  return { facts, postings, latin, han, families };
}

/** The index as JSON-ready data; weights are stored in tenths, as whole numbers. */
export interface StoredIndex {
  version: 2;
  /** SHA-256 of the facts file the index was built from. */
  sha256: string;
  facts: number;
  terms: string[];
  /** Postings of each word, in the order of `terms`, weights x10. */
  postings: number[][];
  /** Family roots that differ from their word, by word position. */
  roots: Record<number, string>;
}

export function storeIndex(index: SearchIndex, sha256: string): StoredIndex {
  const terms = [...index.postings.keys()];
  const roots: Record<number, string> = {};
  terms.forEach((t, i) => {
    const root = family(t);
    if (!isHan(t) && root !== t) roots[i] = root;
  });
  const postings = terms.map((t) => index.postings.get(t)!.map((x, i) => (i % 3 === 0 ? x : Math.round(x * 10))));
  return { version: 2, sha256, facts: index.facts.length, terms, postings, roots };
}

/** The stored index for these facts, or undefined when it was built from other bytes. */
export function loadStoredIndex(stored: StoredIndex, facts: readonly Fact[], sha256: string): SearchIndex | undefined {
  if (stored.version !== 2 || stored.sha256 !== sha256 || stored.facts !== facts.length) return undefined;
  const postings = new Map<string, Postings>();
  stored.terms.forEach((t, i) => {
    const list = stored.postings[i];
    for (let j = 1; j < list.length; j += 3) {
      list[j] /= 10;
      list[j + 1] /= 10;
    }
    postings.set(t, list);
  });
  const roots = new Map(Object.entries(stored.roots).map(([i, r]) => [stored.terms[Number(i)], r]));
  return withVocabulary(facts, postings, roots);
}
/** Where the build stores the bundled data's index; found relative to this module, from src/ or dist/. */
export const STORED_INDEX = new URL('../dist/search-index.json', import.meta.url);

/** The stored index when it was built from exactly this file's bytes, else a fresh one. */
export function indexFor(data: { facts: readonly Fact[]; themes: readonly Theme[]; raw: string }): SearchIndex {
  let stored: StoredIndex | undefined;
  try {
    stored = JSON.parse(readFileSync(STORED_INDEX, 'utf8'));
  } catch {
    // No stored index (a run from src/, or a file that is not the bundled one): build it.
  }
  return (stored && loadStoredIndex(stored, data.facts, sha256(data.raw))) ?? buildIndex(data.facts, data.themes);
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
