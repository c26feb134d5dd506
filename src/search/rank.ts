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
/** A fact must cover this share (0..1) of the weight of its topic's words. */
const MIN_COVERAGE = 0.5;
/** A word counts as covered by a fact, for splitting topics, from this match (similarity x field weight). */
const STRONG_MATCH = 0.5;
/** A query's words left uncovered by one topic form another when they weigh this share of the query. */
const MIN_TOPIC_SHARE = 0.25;
/** At most this many topics in one query. */
const MAX_TOPICS = 3;
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
    // One character is too little to stand for a longer word.
    if (q.length < 2) return out;
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
  // fuse.js counts two swapped letters as two slips, too many for a short
  // word ("laon" for "loan"); those few words are compared directly.
  if (q.length <= 5) {
    for (const v of latinWords(index)) {
      if (Math.abs(v.length - q.length) > 1 || out.has(v)) continue;
      const sim = similarity(q, v);
      if (sim >= MIN_SIMILARITY) out.set(v, sim);
    }
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
  if (q.length === 3) return v.length === 3 && [...q].sort().join('') === [...v].sort().join('') && editDistance(q, v) === 1 ? 0.8 : 0;
  if (v.startsWith(q)) return 0.6 + (0.4 * q.length) / v.length;
  // The same word with an ending the facts lack: "ranked" for "rank".
  if (q.startsWith(v) && v.length >= 4 && q.length - v.length <= 3) return 0.6 + (0.4 * v.length) / q.length;
  // Four letters: a start, or two letters swapped ("laon" for "loan"); one letter off in "york" is "work".
  if (q.length === 4) return v.length === 4 && [...q].sort().join('') === [...v].sort().join('') && editDistance(q, v) === 1 ? 0.75 : 0;
  const d = editDistance(q, v);
  const allowed = q.length >= 8 ? 2 : 1;
  return d <= allowed ? 1 - d / Math.max(q.length, v.length) : 0;
}

/** A query word with the facts' words it may stand for and how much it counts. */
interface QueryWord {
  term: string;
  /** Facts' words with their similarity (0..1). */
  cands: Map<string, number>;
  /** Rarity: how much matching this word says about a fact. */
  weight: number;
}

/** Per fact: the best match of each query word (similarity x field weight), the word and its evidence. */
interface Match {
  doc: number;
  score: number[];
  word: string[];
  evidence: number[];
}

/**
 * How much a query word counts: the rarer among the facts what it most likely
 * means, the more. A word that matches nothing counts by how specific it is
 * (unmatchedWeight): a filler word of a question ("came", "back") barely; a
 * word of a topic the facts lack ("mayor", "比特币") fully, so that the query
 * finds nothing rather than something beside the point.
 */
function weigh(index: SearchIndex, term: string, cands: Map<string, number>): number {
  const n = index.facts.length;
  let meant = '';
  let best = 0;
  for (const [v, sim] of cands) if (sim > best) [meant, best] = [v, sim];
  if (!meant) return unmatchedWeight(term, n);
  return Math.log(1 + n / Math.max(1, docFrequency(index, meant)));
}

function unmatchedWeight(term: string, n: number): number {
  const rarest = Math.log(1 + n);
  // A single Chinese character left over from cutting a query is a particle more often than a topic.
  if (isHan(term)) return term.length === 1 ? 0.2 * rarest : 0.6 * rarest;
  return rarest;
}

/** Each fact's best match for each query word; only facts matching at least one. */
function matchFacts(index: SearchIndex, words: readonly QueryWord[]): Map<number, Match> {
  const matches = new Map<number, Match>();
  words.forEach((w, qi) => {
    for (const [v, sim] of w.cands) {
      const list = postingsOf(index, v) ?? [];
      for (let i = 0; i < list.length; i += 3) {
        const doc = list[i];
        const s = sim * list[i + 1];
        let m = matches.get(doc);
        if (!m) {
          const zeros = () => new Array<number>(words.length).fill(0);
          m = { doc, score: zeros(), word: new Array<string>(words.length).fill(''), evidence: zeros() };
          matches.set(doc, m);
        }
        if (s > m.score[qi]) {
          m.score[qi] = s;
          m.word[qi] = v;
          m.evidence[qi] = list[i + 2];
        }
      }
    }
  });
  return matches;
}

/** The share (0..1) of the weight of `part` (query word positions) that a fact covers. */
function coverage(m: Match, words: readonly QueryWord[], part: readonly number[]): number {
  let got = 0;
  let all = 0;
  for (const qi of part) {
    got += m.score[qi] * words[qi].weight;
    all += words[qi].weight;
  }
  return all > 0 ? got / all : 0;
}

interface Ranked {
  m: Match;
  relevance: number;
}

/**
 * Facts ranked for the query words at `part`: the better covered first; then
 * a fact with a figure (a lookup is mostly for a number); then the words
 * found in more places (statement, tags and source); then the more specific
 * fact (fewer words of its own beside the match); then article order. Among
 * equally good matches, one fact per source sentence first: six facts from
 * one sentence should not push every other sentence off the first page.
 */
function rank(index: SearchIndex, matches: Iterable<Match>, words: readonly QueryWord[], part: readonly number[]): Ranked[] {
  const ranked: (Ranked & { evidence: number; length: number; nth: number })[] = [];
  for (const m of matches) {
    const relevance = Math.round(coverage(m, words, part) * 1000) / 1000;
    if (relevance === 0) continue;
    const evidence = part.reduce((s, qi) => s + m.evidence[qi], 0);
    ranked.push({ m, relevance, evidence, length: index.facts[m.doc].statement.length, nth: 0 });
  }
  const figured = (r: Ranked) => (index.facts[r.m.doc].figures?.length ? 1 : 0);
  const order = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
    b.relevance - a.relevance || figured(b) - figured(a) || b.evidence - a.evidence || a.length - b.length || a.m.doc - b.m.doc;
  ranked.sort(order);
  const seen = new Map<string, number>();
  for (const r of ranked) {
    const source = index.facts[r.m.doc].source;
    r.nth = seen.get(source) ?? 0;
    seen.set(source, r.nth + 1);
  }
  return ranked.sort((a, b) => b.relevance - a.relevance || a.nth - b.nth || order(a, b));
}

/**
 * The query's topics: the words the best fact covers are one topic; what it
 * leaves out, if it weighs enough and other facts cover it, is the next
 * ("gdp and population" has no fact about both, but one for each). Each
 * topic's facts must cover at least MIN_COVERAGE of its words' weight, and
 * the topics together as much of the whole query.
 */
function topics(index: SearchIndex, matches: Map<number, Match>, words: readonly QueryWord[]): Ranked[][] {
  const total = words.reduce((s, w) => s + w.weight, 0);
  let left = words.map((_, qi) => qi);
  const found: Ranked[][] = [];
  let covered = 0;
  while (left.length > 0 && found.length < MAX_TOPICS) {
    const ranked = rank(index, matches.values(), words, left).filter((r) => r.relevance >= MIN_COVERAGE);
    const best = ranked[0];
    if (!best) break;
    const mine = left.filter((qi) => best.m.score[qi] >= STRONG_MATCH);
    if (mine.length === 0) break;
    found.push(ranked);
    covered += mine.reduce((s, qi) => s + words[qi].weight, 0);
    left = left.filter((qi) => !mine.includes(qi) && words[qi].cands.size > 0);
    if (left.reduce((s, qi) => s + words[qi].weight, 0) < MIN_TOPIC_SHARE * total) break;
  }
  // What the topics leave unanswered must not be most of the query.
  return covered >= MIN_COVERAGE * total ? found : [];
}

export function search(index: SearchIndex, query: string, options: SearchOptions = {}): Hit[] {
  const words: QueryWord[] = queryTerms(index, query).map((term) => {
    const cands = candidates(index, term);
    return { term, cands, weight: weigh(index, term, cands) };
  });
  if (words.length === 0) return [];
  const matches = matchFacts(index, words);
  const found = topics(index, matches, words);
  // Several topics take turns: the best fact of each, then the second of each, ...
  const out: Hit[] = [];
  const taken = new Set<number>();
  const longest = Math.max(0, ...found.map((t) => t.length));
  for (let i = 0; i < longest; i++) {
    for (const t of found) {
      const r = t[i];
      if (!r || taken.has(r.m.doc)) continue;
      taken.add(r.m.doc);
      const matched = r.m.word.filter((w, qi) => w !== '' && r.m.score[qi] > 0);
      out.push({ fact: index.facts[r.m.doc], score: Math.round((1 - r.relevance) * 1000) / 1000, matched });
    }
  }
  return out.slice(0, options.limit ?? out.length);
}
