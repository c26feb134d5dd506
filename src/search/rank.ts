// Ranks facts for a query. Each query word is matched against the words of
// the facts (exactly, or through fuse.js for typos and word starts), each
// match is weighted by the field it sits in and by how rare the word is, and
// a fact that matches more of the query's words always ranks higher.
import Fuse from 'fuse.js';
import { docFrequency, factAt, factCount, familyOf, hanWords, hasWord, nearWords, postingsOf, rankInfo, type SearchIndex } from './word-index.js';
import { isKnownWord, relatedTerms, wordRank } from './related.js';
import { editDistance } from './suggest.js';
import { family, isHan, isStopWord, terms } from './tokenize.js';
import type { Fact } from '../data/types.js';

/** Fuzzy matches below this similarity (0..1) are dropped. */
const MIN_SIMILARITY = 0.7;
/** How much "ranked" counts for "ranking". */
const FAMILY_SIMILARITY = 0.9;
/** How much a word close in meaning counts, times its cosine similarity ("credit" for "loan": 0.78). */
const SEMANTIC_SIMILARITY = 0.6;
/** English words this common (frequency rank) that the facts lack are taken as the wording of a question. */
const COMMON_RANK = 300;
/** How much such a word counts, against the rarest word of the facts. */
const FILLER_WEIGHT = 0.15;
/** A fact must cover more than this share (0..1) of the weight of its topic's words: half is not an answer. */
const MIN_COVERAGE = 0.5;
/** A fact answers a part of a query when it matches one of its words this well (similarity x field weight). */
const STRONG_MATCH = 0.5;

/** Longer queries are cut to this many distinct words; beyond it, words add nothing but time. */
const MAX_QUERY_TERMS = 24;
/** fuse.js' bitap handles 32 characters at a time; longer "words" are not typos of ours. */
const MAX_FUZZY_LENGTH = 32;
const FUSE_OPTIONS = { includeScore: true, ignoreLocation: true, threshold: 0.4 };

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
  return [...new Set(queryParts(index, query).flat())];
}

// Where a query asks about two things at once: "gdp and population",
// "gdp, population", "空气质量和森林". Only there is a query split into
// topics; "chengdu gdp" asks about one thing, the GDP of Chengdu.
// A comma between digits is a thousands separator ("2,788,000"), not a mark.
const PART_MARKS = /(?<!\d),|,(?!\d)|[;+&，；、]/;
const JOINING_WORDS = new Set(['and', 'plus', 'vs', 'versus', 'also', '和', '与', '及', '以及', '还有']);

/** The query's words, in the parts that its joining words and commas mark. */
export function queryParts(index: SearchIndex, query: string): string[][] {
  const parts: string[][] = [];
  let count = 0;
  for (const piece of query.split(PART_MARKS)) {
    let part: string[] = [];
    parts.push(part);
    for (const t of terms(piece)) {
      for (const word of isHan(t) ? segmentHan(t, index) : [t]) {
        if (JOINING_WORDS.has(word)) parts.push((part = []));
        else if (!isStopWord(word) && count < MAX_QUERY_TERMS) {
          part.push(word);
          count++;
        }
      }
    }
  }
  return parts.filter((p) => p.length > 0);
}

/**
 * Chinese has no spaces: "重庆汽车" is cut into the longest known words from
 * the left ("重庆", "汽车"); characters no fact knows stay together, so that
 * an unknown word counts as one unmatched word.
 */
function segmentHan(run: string, known: SearchIndex): string[] {
  const parts: string[] = [];
  let unknown = '';
  let i = 0;
  while (i < run.length) {
    let len = Math.min(run.length - i, 12);
    const isKnown = (w: string) => hasWord(known, w) || isStopWord(w);
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
  if (hasWord(index, q)) out.set(q, 1);
  if (isHan(q)) {
    // One character is too little to stand for a longer word.
    if (q.length < 2) return out;
    for (const v of hanWords(index)) {
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
  if (out.size > 0) return withRelated(index, q, out);
  // Numbers are exact only (2025 is not a typo of 2026).
  if (q.length < 3 || q.length > MAX_FUZZY_LENGTH || /\d/.test(q)) return out;
  // A real English word is not a typo of another ("fare" is not "far", "mayor"
  // not "major"), nor the start of a longer one ("kind" of "kindergarten").
  const edits = !isKnownWord(q);
  // fuse.js finds the near words; the similarity is then taken from the edit
  // distance, which ranks a transposition ("lapotp") as one slip, not two.
  // A big on-disk index hands over only the words that may be near (word-index.ts).
  const near = nearWords(index, q);
  const fuse = near.all ? (index.fuse ??= new Fuse(near.words, FUSE_OPTIONS)) : new Fuse(near.words, FUSE_OPTIONS);
  for (const { item: v } of fuse.search(q)) {
    const sim = similarity(q, v, edits);
    if (sim >= MIN_SIMILARITY) out.set(v, sim);
  }
  // fuse.js counts two swapped letters as two slips, too many for a short
  // word ("laon" for "loan"); those few words are compared directly.
  if (edits && q.length <= 5) {
    for (const v of near.words) {
      if (Math.abs(v.length - q.length) > 1 || out.has(v)) continue;
      const sim = similarity(q, v);
      if (sim >= MIN_SIMILARITY) out.set(v, sim);
    }
  }
  return withRelated(index, q, out);
}

/**
 * The facts' words closest in meaning ("credit": loan), counting less than
 * the word itself or a typo of it would; also for a word the facts use, as
 * they may say the same thing in other facts in other words.
 */
function withRelated(index: SearchIndex, q: string, out: Map<string, number>): Map<string, number> {
  for (const r of relatedTerms(q)) {
    const sim = SEMANTIC_SIMILARITY * r.similarity;
    if (hasWord(index, r.term) && sim > (out.get(r.term) ?? 0)) out.set(r.term, sim);
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
export function similarity(q: string, v: string, edits = true): number {
  if (/\d/.test(v)) return 0;
  if (!edits) return 0;
  // Three letters: only two swapped ("gpd" for "gdp").
  if (q.length === 3) return v.length === 3 && [...q].sort().join('') === [...v].sort().join('') && editDistance(q, v, 1) === 1 ? 0.8 : 0;
  if (v.startsWith(q)) return 0.6 + (0.4 * q.length) / v.length;
  // The same word with an ending the facts lack: "ranked" for "rank".
  if (q.startsWith(v) && v.length >= 4 && q.length - v.length <= 3) return 0.6 + (0.4 * v.length) / q.length;
  // Four letters: a start, or two letters swapped ("laon" for "loan"); one letter off in "york" is "work".
  if (q.length === 4) return v.length === 4 && [...q].sort().join('') === [...v].sort().join('') && editDistance(q, v, 1) === 1 ? 0.75 : 0;
  const allowed = q.length >= 8 ? 2 : 1;
  const d = editDistance(q, v, allowed);
  return d <= allowed ? 1 - d / Math.max(q.length, v.length) : 0;
}

/** A query word with the facts' words it may stand for and how much it counts. */
interface QueryWord {
  /** Its place among the query's words: where its matches stand in a Match. */
  i: number;
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
  const n = factCount(index);
  let meant = '';
  let best = 0;
  for (const [v, sim] of cands) if (sim > best) [meant, best] = [v, sim];
  if (!meant) return unmatchedWeight(term, n);
  // A word met only in meaning counts as a word the facts lack would: by how
  // specific it is itself, not by how rare the loosely related word is.
  if (best <= SEMANTIC_SIMILARITY) return unmatchedWeight(term, n);
  return Math.log(1 + n / Math.max(1, docFrequency(index, meant)));
}

function unmatchedWeight(term: string, n: number): number {
  const rarest = Math.log(1 + n);
  // A single Chinese character left over from cutting a query is a particle more often than a topic.
  if (isHan(term)) return term.length === 1 ? 0.2 * rarest : 0.6 * rarest;
  // A common English word the facts lack is the wording of a question; a
  // rarer one, or one that is no English word at all, names a topic.
  const rank = wordRank(term);
  if (rank === undefined) return rarest;
  return rank <= COMMON_RANK ? FILLER_WEIGHT * rarest : rarest;
}

/** Each fact's best match for each query word; only facts matching at least one. */
function matchFacts(index: SearchIndex, words: readonly QueryWord[]): Map<number, Match> {
  const matches = new Map<number, Match>();
  for (const w of words) {
    for (const [v, sim] of w.cands) {
      // Postings are flat triples: fact, field weight, evidence (word-index.ts).
      const list = postingsOf(index, v) ?? [];
      for (let i = 0; i + 2 < list.length; i += 3) {
        const [doc = 0, weight = 0, evidence = 0] = [list[i], list[i + 1], list[i + 2]];
        const s = sim * weight;
        let m = matches.get(doc);
        if (!m) {
          const zeros = () => new Array<number>(words.length).fill(0);
          m = { doc, score: zeros(), word: new Array<string>(words.length).fill(''), evidence: zeros() };
          matches.set(doc, m);
        }
        if (s > scoreOf(m, w)) {
          m.score[w.i] = s;
          m.word[w.i] = v;
          m.evidence[w.i] = evidence;
        }
      }
    }
  }
  return matches;
}

const scoreOf = (m: Match, w: QueryWord): number => m.score[w.i] ?? 0;

/** The share (0..1) of the weight of `part` that a fact covers. */
function coverage(m: Match, part: readonly QueryWord[]): number {
  let got = 0;
  let all = 0;
  for (const w of part) {
    got += scoreOf(m, w) * w.weight;
    all += w.weight;
  }
  return all > 0 ? got / all : 0;
}

interface Ranked {
  m: Match;
  /** What ranking needs of the fact (word-index.ts: rankInfo). */
  info: { figured: boolean; length: number; source: string | number };
  relevance: number;
}

/**
 * Facts ranked for the query words of `part`: the better covered first; then
 * a fact with a figure (a lookup is mostly for a number); then the words
 * found in more places (statement, tags and source); then the more specific
 * fact (fewer words of its own beside the match); then article order. Among
 * equally good matches, one fact per source sentence first: six facts from
 * one sentence should not push every other sentence off the first page.
 */
function rank(index: SearchIndex, matches: Iterable<Match>, part: readonly QueryWord[]): Ranked[] {
  const ranked: (Ranked & { evidence: number; nth: number })[] = [];
  for (const m of matches) {
    const info = rankInfo(index, m.doc);
    const relevance = Math.round(coverage(m, part) * 1000) / 1000;
    if (!info || relevance === 0) continue;
    const evidence = part.reduce((s, w) => s + (m.evidence[w.i] ?? 0), 0);
    ranked.push({ m, info, relevance, evidence, nth: 0 });
  }
  const figured = (r: Ranked) => (r.info.figured ? 1 : 0);
  const order = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
    b.relevance - a.relevance ||
    figured(b) - figured(a) ||
    b.evidence - a.evidence ||
    a.info.length - b.info.length ||
    a.m.doc - b.m.doc;
  ranked.sort(order);
  const seen = new Map<string | number, number>();
  for (const r of ranked) {
    r.nth = seen.get(r.info.source) ?? 0;
    seen.set(r.info.source, r.nth + 1);
  }
  return ranked.sort((a, b) => b.relevance - a.relevance || a.nth - b.nth || order(a, b));
}

/**
 * The topics of a query: one, unless its parts (queryParts) ask about
 * different things. A fact that answers every part comes first; without
 * one, each part is a topic of its own, answered by its own facts ("gdp and
 * population" has no fact about both, but one for each). A part nothing
 * answers is left out, so the others still get their facts.
 */
function topics(index: SearchIndex, matches: Map<number, Match>, words: readonly QueryWord[], parts: readonly QueryWord[][]): Ranked[][] {
  const answers = (part: readonly QueryWord[]) =>
    rank(index, matches.values(), part).filter((r) => r.relevance > MIN_COVERAGE && realMatch(r.m, part));
  const whole = answers(words);
  const best = whole[0];
  const answersEveryPart = (r: Ranked) => parts.every((p) => p.some((w) => scoreOf(r.m, w) >= STRONG_MATCH));
  if (parts.length <= 1 || (best && answersEveryPart(best))) return whole.length ? [whole] : [];
  return parts.map(answers).filter((t) => t.length > 0);
}

/**
 * At least one telling word is met as written (or as a typo or relative),
 * not only in meaning: "hospitals in chongqing" is not answered by a fact
 * that says "Chongqing" (as nearly all do) and something close to "hospital".
 */
function realMatch(m: Match, part: readonly QueryWord[]): boolean {
  // Telling: in at most half of the facts (the weight of such a word is at least log 3).
  // (A query of nothing but such words, "chongqing", is met by any of them.)
  const telling = part.filter((w) => w.weight >= Math.log(3) - 1e-9);
  return (telling.length ? telling : part).some((w) => scoreOf(m, w) > SEMANTIC_SIMILARITY);
}

export function search(index: SearchIndex, query: string, options: SearchOptions = {}): Hit[] {
  const termParts = queryParts(index, query);
  const terms = [...new Set(termParts.flat())];
  const words: QueryWord[] = terms.map((term, i) => {
    const cands = candidates(index, term);
    // A word the query says itself is that word's match, not another's
    // ("football club": "football" may not count again through "club").
    for (const other of terms) if (other !== term) cands.delete(other);
    return { i, term, cands, weight: weigh(index, term, cands) };
  });
  if (words.length === 0) return [];
  const byTerm = new Map(words.map((w) => [w.term, w]));
  const parts = termParts.map((p) => p.flatMap((term) => byTerm.get(term) ?? []));
  const found = topics(index, matchFacts(index, words), words, parts);
  // Several topics take turns: the best fact of each, then the second of each, ...
  const out: Hit[] = [];
  const taken = new Set<number>();
  const longest = found.reduce((n, t) => Math.max(n, t.length), 0);
  // Only as many hits as asked for are made: a big index may rank many thousands.
  const wanted = options.limit ?? Infinity;
  for (let i = 0; i < longest && out.length < wanted; i++) {
    for (const t of found) {
      const r = t[i];
      if (!r || taken.has(r.m.doc)) continue;
      taken.add(r.m.doc);
      const matched = words.filter((w) => scoreOf(r.m, w) > 0).map((w) => r.m.word[w.i] ?? '');
      out.push(hitOf(index, r.m.doc, Math.round((1 - r.relevance) * 1000) / 1000, matched));
    }
  }
  return out.slice(0, options.limit ?? out.length);
}

/** A hit whose fact is read when first asked for: a big index has many hits, and a caller shows a few. */
function hitOf(index: SearchIndex, doc: number, score: number, matched: string[]): Hit {
  let fact: Fact | undefined;
  return {
    get fact() {
      return (fact ??= factAt(index, doc) as Fact);
    },
    score,
    matched,
  };
}
