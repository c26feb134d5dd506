// Ranks facts for a query. Each query word is matched against the words of
// the facts (exactly, or through fuse.js for typos and word starts), each
// match is weighted by the field it sits in and by how rare the word is, and
// a fact that matches more of the query's words always ranks higher.
import Fuse from 'fuse.js';
import { docFrequency, familyOf, latinWords, lookup, postingsOf, type SearchIndex, type Table } from './word-index.js';
import { editDistance } from './suggest.js';
import { family, isHan, isStopWord, terms } from './tokenize.js';
import type { Fact } from '../data/types.js';

/** Fuzzy matches below this similarity (0..1) are dropped. */
const MIN_SIMILARITY = 0.7;
/** How much "ranked" counts for "ranking". */
const FAMILY_SIMILARITY = 0.9;
/** Results whose relevance (0..1) is below this are dropped. */
const MIN_RELEVANCE = 0.25;
/** Longer queries are cut to this many distinct words; beyond it, words add nothing but time. */
const MAX_QUERY_TERMS = 24;
/** fuse.js' bitap handles 32 characters at a time; longer "words" are not typos of ours. */
const MAX_FUZZY_LENGTH = 32;

export interface Hit {
  fact: Fact;
  /** 0 is a perfect match of every query word in a statement or tags; 1 is no match. */
  score: number;
  /** The facts' words (normalised) that the query matched, for highlighting. */
  matched: string[];
}

export interface SearchOptions {
  themes?: readonly string[];
  limit?: number;
}

/** Query words, deduplicated, without stop words; Chinese runs cut into known words. */
export function queryTerms(index: SearchIndex, query: string): string[] {
  const out = new Set<string>();
  for (const t of terms(query)) {
    for (const part of isHan(t) ? segmentHan(t, index.postings) : [t]) if (!isStopWord(part)) out.add(part);
    if (out.size >= MAX_QUERY_TERMS) break;
  }
  return [...out].slice(0, MAX_QUERY_TERMS);
}

/**
 * Chinese has no spaces: "重庆汽车" is cut into the longest known words from
 * the left ("重庆", "汽车"); characters no fact knows stay together, so that
 * an unknown word counts as one unmatched word.
 */
function segmentHan(run: string, known: Table<unknown>): string[] {
  const parts: string[] = [];
  let unknown = '';
  let i = 0;
  while (i < run.length) {
    let len = Math.min(run.length - i, 12);
    const isKnown = (w: string) => !!lookup(known, w) || isStopWord(w);
    while (len > 1 && !isKnown(run.slice(i, i + len))) len--;
    const piece = run.slice(i, i + len);
    if (len > 1 || isKnown(piece)) {
      if (unknown) parts.push(unknown);
      unknown = '';
      parts.push(piece);
    } else {
      unknown += piece;
    }
    i += len;
  }
  if (unknown) parts.push(unknown);
  return parts;
}

/** The facts' words that a query word may stand for, with a similarity from 0 to 1. */
export function candidates(index: SearchIndex, q: string): Map<string, number> {
  const out = new Map<string, number>();
  if (lookup(index.postings, q)) out.set(q, 1);
  if (isHan(q)) {
    for (const v of index.han) {
      if (v === q) continue;
      // A shorter Chinese word inside a longer known one ("脐橙" in "奉节脐橙"),
      // or a name said another way: "江北机场" shares most pairs of characters with "江北国际机场".
      const sim = v.includes(q) ? 0.6 + (0.4 * q.length) / v.length : 0.8 * dice(q, v);
      if (sim >= 0.4) out.set(v, sim);
    }
    return out;
  }
  // Its relatives count almost as much: "ranked" finds "ranking".
  for (const v of familyOf(index, family(q))) if (v !== q) out.set(v, FAMILY_SIMILARITY);
  // A word the facts use is taken as meant; fuzzy matching is for words they don't.
  // Numbers are exact only (2025 is not a typo of 2026).
  if (out.size > 0 || q.length < 3 || q.length > MAX_FUZZY_LENGTH || /\d/.test(q)) return out;
  // fuse.js finds the near words; the similarity is then taken from the edit
  // distance, which ranks a transposition ("lapotp") as one slip, not two.
  index.fuse ??= new Fuse(latinWords(index), { includeScore: true, ignoreLocation: true, threshold: 0.4 });
  for (const { item: v } of index.fuse.search(q)) {
    const sim = similarity(q, v);
    if (sim >= MIN_SIMILARITY) out.set(v, sim);
  }
  return out;
}

/** Dice coefficient of the character pairs of two Chinese words (0..1). */
function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0;
  const pairs = (s: string) => Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2));
  const pa = pairs(a);
  const pb = new Set(pairs(b));
  const shared = pa.filter((p) => pb.has(p)).length;
  return (2 * shared) / (pa.length + b.length - 1);
}

/**
 * 0..1: a typo (one edit in a word of 5+ letters, two in 8+), the start of
 * a longer word ("agri" for "agricultural") or a word with another ending;
 * anything else is 0.
 */
export function similarity(q: string, v: string): number {
  if (/\d/.test(v)) return 0;
  // Three letters: only two swapped ("gpd" for "gdp").
  if (q.length === 3) return v.length === 3 && [...q].sort().join('') === [...v].sort().join('') && editDistance(q, v, 1) === 1 ? 0.8 : 0;
  if (v.startsWith(q)) return 0.6 + (0.4 * q.length) / v.length;
  // The same word with an ending the facts lack: "ranked" for "rank".
  if (q.startsWith(v) && v.length >= 4 && q.length - v.length <= 3) return 0.6 + (0.4 * v.length) / q.length;
  // Four letters: a start only; one letter off in "york" is "work".
  if (q.length === 4) return 0;
  const allowed = q.length >= 8 ? 2 : 1;
  const d = editDistance(q, v, allowed);
  return d <= allowed ? 1 - d / Math.max(q.length, v.length) : 0;
}

export function search(index: SearchIndex, query: string, options: SearchOptions = {}): Hit[] {
  const qs = queryTerms(index, query);
  if (qs.length === 0) return [];
  const n = index.facts.length;
  const keep = options.themes && new Set(options.themes);
  // Per fact and query word: the best match (similarity x field weight), the
  // word that gave it, and that word's evidence.
  const best = new Map<number, { score: number[]; word: string[]; evidence: number[] }>();
  const weights = qs.map((q, qi) => {
    const cands = candidates(index, q);
    let meant = '';
    let meantSim = 0;
    for (const [v, sim] of cands) {
      if (sim > meantSim) [meant, meantSim] = [v, sim];
      const list = postingsOf(index, v)!;
      for (let i = 0; i < list.length; i += 3) {
        const doc = list[i];
        if (keep && !keep.has(index.facts[doc].theme)) continue;
        const s = sim * list[i + 1];
        let b = best.get(doc);
        if (!b) {
          b = { score: new Array(qs.length).fill(0), word: new Array(qs.length).fill(''), evidence: new Array(qs.length).fill(0) };
          best.set(doc, b);
        }
        if (s > b.score[qi]) {
          b.score[qi] = s;
          b.word[qi] = v;
          b.evidence[qi] = list[i + 2];
        }
      }
    }
    // How much this word counts against the others: the rarity of what it most
    // likely means. A word matching nothing counts like the rarest word, fully
    // against coverage.
    return Math.log(1 + n / Math.max(1, docFrequency(index, meant)));
  });
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const required = qs.length <= 2 ? qs.length : Math.ceil((2 * qs.length) / 3);

  const hits: (Hit & { count: number; evidence: number; order: number })[] = [];
  for (const [doc, b] of best) {
    let count = 0;
    let sum = 0;
    let evidence = 0;
    const matched: string[] = [];
    b.score.forEach((s, qi) => {
      if (s === 0) return;
      count++;
      sum += s * weights[qi];
      evidence += b.evidence[qi];
      matched.push(b.word[qi]);
    });
    const relevance = sum / totalWeight;
    if (count < required || relevance < MIN_RELEVANCE) continue;
    const score = Math.round((1 - relevance) * 1000) / 1000;
    hits.push({ fact: index.facts[doc], score, matched, count, evidence, order: doc });
  }
  // More query words matched first; then the better match; then a fact with
  // a figure (a lookup is mostly for a number); then the word found in more
  // places (statement, tags and source); then article order.
  const figured = (h: Hit) => (h.fact.figures?.length ? 1 : 0);
  const order = (a: (typeof hits)[number], b: (typeof hits)[number]) =>
    figured(b) - figured(a) || b.evidence - a.evidence || a.order - b.order;
  hits.sort((a, b) => b.count - a.count || a.score - b.score || order(a, b));
  // Among equally good matches, one fact per source sentence first: six facts
  // from one sentence should not push every other sentence off the first page.
  const seen = new Map<string, number>();
  const nth = new Map(hits.map((h) => {
    const n = seen.get(h.fact.source) ?? 0;
    seen.set(h.fact.source, n + 1);
    return [h, n] as const;
  }));
  hits.sort((a, b) => b.count - a.count || a.score - b.score || nth.get(a)! - nth.get(b)! || order(a, b));
  return hits.slice(0, options.limit ?? hits.length).map(({ fact, score, matched }) => ({ fact, score, matched }));
}
