// Ranks facts for a query. Each query word is matched against the words of
// the facts (exactly, or through fuse.js for typos and word starts), each
// match is weighted by the field it sits in and by how rare the word is, and
// a fact that matches more of the query's words always ranks higher.
import Fuse from 'fuse.js';
import { docFrequency, factAt, factCount, familyOf, hanWords, hasWord, nearWords, postingsOf, rankInfo, type SearchIndex } from './word-index.js';
import { isDescribing, isKnownWord, isName, isTopicNoun, relatedTerms, wordRank } from './related.js';
import { editDistance } from './suggest.js';
import { derivedForms, family, isDigit, isHan, isStopWord, normalizeWord, terms } from './tokenize.js';
import type { Fact } from '../data/types.js';
import type { RankInfo } from './rank-info.js';

/** Fuzzy matches below this similarity (0..1) are dropped. */
const MIN_SIMILARITY = 0.7;
/** How much "ranked" counts for "ranking". */
const FAMILY_SIMILARITY = 0.9;
/** How much a word close in meaning counts, times its cosine similarity ("credit" for "loan": 0.78). */
const SEMANTIC_SIMILARITY = 0.6;
/** English words this common (frequency rank) that the facts lack are taken as the wording of a question. */
export const COMMON_RANK = 300;
/** How much such a word counts, against the rarest word of the facts. */
const FILLER_WEIGHT = 0.15;
/** A fact must cover more than this share (0..1) of the weight of its topic's words: half is not an answer. */
const MIN_COVERAGE = 0.5;
/** Or more than this share, when the evidence converges: this many of the topic's telling words meet the fact as written. */
const CONVERGING_COVERAGE = 0.35;
const CONVERGING_WORDS = 3;

/** The place the facts are about, and the words a query may call it by: "the city's underground pipes" are Chongqing's. */
const SETTING = 'chongqing';
const SETTING_WORDS = new Set(['city', 'municipality']);

// Units of measure a query may name ("in units", "per kg"), each with the
// words that write the same unit: a fact answers only if it has one of them.
// "Unit" is one only as "units": "a unit" of prosecutors is a body of people.
const KILOGRAMS = ['kg', 'kilo', 'kilogram'];
const YUAN = ['yuan', 'rmb'];
const TONS = ['ton', 'tonne'];
const KILOMETRES = ['km', 'kilometer', 'kilometre'];
const UNITS: ReadonlyMap<string, readonly string[]> = new Map([
  ['unit', ['unit']],
  ...KILOGRAMS.map((w) => [w, KILOGRAMS] as const),
  ...YUAN.map((w) => [w, YUAN] as const),
  ...TONS.map((w) => [w, TONS] as const),
  ...KILOMETRES.map((w) => [w, KILOMETRES] as const),
]);

/** The English words this common (frequency rank) are the basic vocabulary, too common to say what a query is about. */
export const BASIC_VOCABULARY = 2000;
/** A word in at most half of the facts tells them apart (its weight, log(1 + n/df), is at least log 3). */
const TELLING = Math.log(3) - 1e-9;

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
// A comma between digits is a thousands separator ("2,788,000"), not a mark;
// nor is a plus that ends a name ("AI+ action", "C++"): it joins only
// between words ("gdp+population") or after a space ("gdp + population");
// nor an ampersand inside a word ("R&D"). The Unicode form is made on first
// use, for a query beyond ASCII: parsing a property regex costs start-up, and
// an ASCII query means the same with the ASCII classes.
const ASCII_PART_MARKS = /(?<!\d),|,(?!\d)|\+(?=[A-Za-z0-9])|(?<!\S)\+|(?<![A-Za-z])&|&(?![A-Za-z])|;/;
let unicodePartMarks: RegExp | undefined;
const partMarks = (query: string): RegExp =>
  /^[\x00-\x7f]*$/.test(query)
    ? ASCII_PART_MARKS
    : (unicodePartMarks ??= /(?<!\d),|,(?!\d)|\+(?=[\p{L}\p{N}])|(?<!\S)\+|(?<!\p{L})&|&(?!\p{L})|[;\uff0c\uff1b\u3001]/u);
const JOINING_WORDS = new Set(['and', 'plus', 'vs', 'versus', 'also', '和', '与', '及', '以及', '还有']);

/** The query's words, in the parts that its joining words and commas mark. */
export function queryParts(index: SearchIndex, query: string): string[][] {
  return askedParts(index, query).map((p) => p.words);
}

/**
 * What a question asks of its topic beyond being about it: a figure ("how
 * many", "how much", 多少, 几) or a date ("when", "what year", 什么时候). A
 * fact with no figure and no place in a ranking cannot say how many, nor one
 * with no year when: "how many metro lines does chongqing have" is not
 * answered by a station's topping-out, nor "when will line 17 open" by it.
 */
export interface Asks {
  figure: boolean;
  /** A length, a time it takes ("how long", "how fast"): only a figure says it, not a place in a ranking. */
  measure: boolean;
  date: boolean;
  /**
   * What "how many" counts: the last word of the phrase after it ("how many
   * international routes": "route"). A fact that gives a figure of something
   * else (passengers) does not say how many routes.
   */
  counted?: string;
}

// 多少, 几 (regular expressions are written in escapes: the bundle is ASCII).
const HAN_FIGURE = /\u591a\u5c11|\u51e0/;
const HAN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
// An amount in Chinese: digits or the numerals amountInWords reads (the
// tables above) before 万 (ten thousand), 亿 (a hundred million) or 万亿 (a
// trillion). Made on first use: only a query that is not ASCII needs it.
// Each starts only where a run of its characters starts (the look-behind):
// tried at every place inside a long run, it would cost the run's square.
let hanAmount: RegExp | undefined;
const HAN_NUMERALS = Object.keys(HAN_DIGITS).join('') + Object.keys(HAN_UNITS).join('');
const hanAmountPattern = (): RegExp =>
  (hanAmount ??= new RegExp(`(?:(?<![0-9])([0-9]+(?:\\.[0-9]+)?)|(?<![${HAN_NUMERALS}])([${HAN_NUMERALS}]+))(\u4e07\u4ebf|\u4ebf|\u4e07)`, 'g'));
// An amount written short: "800bn" is "800 billion" as the facts write it, "1.2tn" "1.2 trillion" ("100m" may be metres).
const SHORT_AMOUNT = /(?<![0-9A-Za-z.])([0-9]+(?:\.[0-9]+)?)\s?(bn|tn|trn)(?![A-Za-z])/gi;
const mayBeShortAmount = (piece: string): boolean => {
  const low = piece.toLowerCase();
  return low.includes('bn') || low.includes('tn') || low.includes('trn');
};
const isAscii = (text: string): boolean => /^[\x00-\x7f]*$/.test(text);

/**
 * A Chinese amount as the facts' English gives it: 8000亿 is "800 billion",
 * 5000万 "50 million", 一万亿 "1 trillion", 25万 "250000", so that the
 * query meets the figure the facts write in English.
 */
export function amountInWords(number: string, unit: string): string {
  let n = 0;
  if (/^[0-9.]+$/.test(number)) n = Number(number);
  else {
    let digit = 0;
    for (const c of number) {
      const d = HAN_DIGITS[c];
      const u = HAN_UNITS[c];
      if (d !== undefined) digit = d;
      else if (u !== undefined) {
        n += (digit || 1) * u;
        digit = 0;
      }
    }
    n += digit;
  }
  const value = n * (unit === '万亿' ? 1e12 : unit === '亿' ? 1e8 : 1e4);
  const scales: [number, string][] = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];
  for (const [size, name] of scales) if (value >= size) return `${Number((value / size).toPrecision(6))} ${name}`;
  return String(Math.round(value));
}

// Nouns that ask for an amount of their topic ("trading volume", "industry size"), as "how much" does.
const AMOUNTS = new Set(['volume', 'quantity']);
// "How long", "how far", "how fast": a measure.
const MEASURES = new Set(['long', 'far', 'fast']);
const QUESTION_WORDS = new Set(['how', 'what', 'which', 'when', 'where', 'who', 'why']);
// 什么时候, 何时, 哪年, 哪一年.
const HAN_DATE = /\u4ec0\u4e48\u65f6\u5019|\u4f55\u65f6|\u54ea\u4e00?\u5e74/;

/** The query's parts, each with what its question asks for. */
export function askedParts(index: SearchIndex, query: string): { words: string[]; asks: Asks }[] {
  const parts: { words: string[]; asks: Asks }[] = [];
  let count = 0;
  const newPart = () => {
    const part: { words: string[]; asks: Asks } = { words: [], asks: { figure: false, measure: false, date: false } };
    parts.push(part);
    return part;
  };
  for (const piece of query.split(partMarks(query))) {
    let part = newPart();
    // (Tried only where it can match: a regular expression is compiled on its first use, in every run.)
    const spelled = !mayBeShortAmount(piece) ? piece : piece.replace(SHORT_AMOUNT, (_, digits: string, short: string) => `${digits} ${short.toLowerCase().startsWith('b') ? 'billion' : 'trillion'}`);
    const text = isAscii(spelled) ? spelled : spelled.replace(hanAmountPattern(), (_, digits: string | undefined, han: string | undefined, unit: string) => ` ${amountInWords(digits ?? han ?? '', unit)} `);
    let previous = '';
    // After "how many", until the phrase it counts ends (at a function word or a common word: "did", "came").
    let counting = false;
    // "According to the article" names where the asker read it, not what is asked:
    // its words are left out, up to the end of the piece or a question word.
    let source = false;
    for (const t of terms(text)) {
      if (source && !QUESTION_WORDS.has(t)) continue;
      source = previous === 'according' && t === 'to';
      if (source && part.words.at(-1) === 'according') {
        part.words.pop();
        count--;
      }
      if (isHan(t)) {
        if (HAN_FIGURE.test(t)) part.asks.figure = true;
        if (HAN_DATE.test(t)) part.asks.date = true;
      } else if (previous === 'how' && (t === 'many' || t === 'much')) {
        part.asks.figure = true;
        counting = t === 'many';
        previous = t;
        continue;
      }
      if (counting) {
        if (isHan(t) || isStopWord(t)) counting = false;
        else if (!isWording(t) && !isDescribing(t)) {
          // The first word of the phrase that the facts have, or else its last ("international routes").
          part.asks.counted = t;
          if (hasWord(index, t)) counting = false;
        }
      }
      else if (AMOUNTS.has(t)) part.asks.figure = true;
      else if (previous === 'how' && MEASURES.has(t)) part.asks.measure = true;
      else if (t === 'when' || ((previous === 'what' || previous === 'which') && t === 'year')) part.asks.date = true;
      previous = t;
      for (const word of isHan(t) ? segmentHan(t, index) : [t]) {
        if (JOINING_WORDS.has(word)) part = newPart();
        else if (!isStopWord(word) && count < MAX_QUERY_TERMS) {
          part.words.push(word);
          count++;
        }
      }
    }
  }
  return parts.filter((p) => p.words.length > 0);
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
  // And so do the word's forms as another part of speech: "efficient" finds "efficiency".
  for (const d of derivedForms(q)) for (const v of familyOf(index, family(d))) if (v !== q && !out.has(v)) out.set(v, FAMILY_SIMILARITY);
  // "The city" of a query is the one the facts are about: a fact naming it meets the word.
  if (SETTING_WORDS.has(q) && hasWord(index, SETTING)) out.set(SETTING, FAMILY_SIMILARITY);
  // A unit written another way: "kg" is "kilogram", "yuan" is "rmb".
  for (const v of UNITS.get(q) ?? []) if (v !== q && hasWord(index, v) && !out.has(v)) out.set(v, FAMILY_SIMILARITY);
  // A word the facts use is taken as meant; fuzzy matching is for words they don't.
  if (out.size > 0) return withRelated(index, q, out);
  // A closed compound of two fact words ("seaport": sea, port) is a kind of its last: it meets it.
  // (Words only: every split of a long run would cost its square.)
  if (q.length >= 6 && q.length <= MAX_FUZZY_LENGTH && !/\d/.test(q)) {
    for (let i = 3; i <= q.length - 3; i++) {
      const head = q.slice(i);
      const first = q.slice(0, i);
      if (!isStopWord(first) && !isStopWord(head) && hasWord(index, first) && hasWord(index, head)) out.set(head, COMPOUND_SIMILARITY);
    }
    if (out.size > 0) return withRelated(index, q, out);
  }
  // Numbers are exact only (2025 is not a typo of 2026).
  if (q.length < 3 || q.length > MAX_FUZZY_LENGTH || /\d/.test(q)) return out;
  // A real English word is not a typo of another ("fare" is not "far", "mayor"
  // not "major"), nor the start of a longer one ("kind" of "kindergarten").
  // similarity() takes nothing for one, so no word need be compared.
  if (isKnownWord(q)) return withRelated(index, q, out);
  // fuse.js finds the near words; the similarity is then taken from the edit
  // distance, which ranks a transposition ("lapotp") as one slip, not two.
  // An on-disk index hands over only the words that may be near (word-index.ts):
  // kept where similarity() takes them, as fuse's are; fuse.js scores each
  // word alone and breaks ties by their order, so it keeps the order it
  // gives them among all words.
  const near = nearWords(index, q);
  const words = near.all ? near.words : near.words.filter((v) => similarity(q, v) >= MIN_SIMILARITY);
  const fuse = near.all ? (index.fuse ??= new Fuse(words, FUSE_OPTIONS)) : new Fuse(words, FUSE_OPTIONS);
  for (const { item: v } of fuse.search(q)) {
    const sim = similarity(q, v);
    if (sim >= MIN_SIMILARITY) out.set(v, sim);
  }
  // A slip undone, then the word normalised as a query's is: "speceis" is
  // "species", which the facts keep as "specy", too far from the slip for the
  // edit distance; "bann" is "ban".
  for (const fixed of slipsUndone(q)) {
    const v = normalizeWord(fixed);
    if (v !== q && hasWord(index, v) && (out.get(v) ?? 0) < SLIP_SIMILARITY) out.set(v, SLIP_SIMILARITY);
  }
  // fuse.js counts two swapped letters as two slips, too many for a short
  // word ("laon" for "loan"); those few words are compared directly.
  if (q.length <= 5) {
    for (const v of words) {
      if (Math.abs(v.length - q.length) > 1 || out.has(v)) continue;
      const sim = similarity(q, v);
      if (sim >= MIN_SIMILARITY) out.set(v, sim);
    }
  }
  return withRelated(index, q, out);
}

/** How much the last word of a closed compound counts for it ("port" for "seaport"). */
const COMPOUND_SIMILARITY = 0.8;

/** How much a word with one slip undone counts (as a transposition does in similarity()). */
const SLIP_SIMILARITY = 0.8;

/** The word with one slip undone: two neighbouring letters swapped back, or a doubled letter made single. */
function slipsUndone(q: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < q.length; i++) {
    if (q[i] === q[i + 1]) out.push(q.slice(0, i) + q.slice(i + 1));
    else out.push(q.slice(0, i) + (q[i + 1] ?? '') + (q[i] ?? '') + q.slice(i + 2));
  }
  return out;
}

/**
 * The facts' words closest in meaning ("credit": loan), counting less than
 * the word itself or a typo of it would; also for a word the facts use, as
 * they may say the same thing in other facts in other words. The table
 * links a word to one form of a fact word; the facts' other forms of it
 * count the same.
 */
function withRelated(index: SearchIndex, q: string, out: Map<string, number>): Map<string, number> {
  for (const r of relatedTerms(q)) {
    const sim = SEMANTIC_SIMILARITY * r.similarity;
    // The related word's family with it: "cutting" is near "reduce", and so means "reduced" as much.
    for (const v of [r.term, ...familyOf(index, family(r.term))]) if (v !== q && hasWord(index, v) && sim > (out.get(v) ?? 0)) out.set(v, sim);
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
  // Four letters: a start, or two letters swapped ("laon" for "loan"); one letter off in "york" is "work".
  if (q.length === 4) return v.length === 4 && [...q].sort().join('') === [...v].sort().join('') && editDistance(q, v, 1) === 1 ? 0.75 : 0;
  const allowed = q.length >= 8 ? 2 : 1;
  const d = editDistance(q, v, allowed);
  return d <= allowed ? 1 - d / Math.max(q.length, v.length) : 0;
}

/**
 * A word of the basic vocabulary (BASIC_VOCABULARY), or a form of one:
 * "covering" is rarer than "cover" in the text the vectors were made from,
 * but says no more about a topic.
 */
function isBasic(term: string): boolean {
  const rank = wordRank(term);
  const rootRank = wordRank(family(term));
  return (rank !== undefined && rank <= BASIC_VOCABULARY) || (rootRank !== undefined && rootRank <= BASIC_VOCABULARY);
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
  /** A name (of a place, a person): a fact that lacks it is about something else. */
  named: boolean;
  /**
   * A word of the facts, as written, that is no number and not among the
   * BASIC_VOCABULARY most common English words: it says what the query is
   * about ("gdp", "chengdu", "wharf"), where "result" or "size" may be
   * rare among the facts by chance.
   */
  specific: boolean;
  /** A unit of measure ("units", "kg"): the figure asked for is in it, so a fact without it does not give it. */
  unit: boolean;
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
  // A name is never wording, however common ("new york").
  return isWording(term) && !isName(term) ? FILLER_WEIGHT * rarest : rarest;
}

/**
 * A common English word (COMMON_RANK) is the wording of a question, unless
 * it is a noun and nothing else ("university": common in the text the
 * vectors were made from, it names a topic all the same).
 */
function isWording(term: string): boolean {
  const rank = wordRank(term);
  return rank !== undefined && rank <= COMMON_RANK && !isTopicNoun(term);
}

/**
 * Each fact's best match for each query word; only facts matching at least
 * one. Kept in flat arrays, a row per fact (its slot), a column per query
 * word: a big index matches tens of thousands of facts, and an object per
 * fact cost more than the ranking. A Match is made only for the facts that
 * ranking reaches (Matches.match).
 */
class Matches {
  count = 0;
  docs: Int32Array;
  score: Float64Array;
  /** The fact's word that matched (an index into `names`), -1 for none. */
  word: Int32Array;
  evidence: Float64Array;
  readonly names: string[] = [];
  private readonly slotOf: Int32Array;
  private readonly made = new Map<number, Match>();

  constructor(
    size: number,
    readonly width: number,
  ) {
    // slot + 1 by doc; 0 when the fact matched nothing (4 bytes a fact).
    this.slotOf = new Int32Array(size);
    this.docs = new Int32Array(64);
    this.score = new Float64Array(64 * width);
    this.word = new Int32Array(64 * width).fill(-1);
    this.evidence = new Float64Array(64 * width);
  }

  /** The slot of a fact, made on its first match. */
  slot(doc: number): number {
    const known = this.slotOf[doc] ?? 0;
    if (known > 0) return known - 1;
    if (this.count === this.docs.length) this.grow();
    const s = this.count++;
    this.docs[s] = doc;
    this.slotOf[doc] = s + 1;
    return s;
  }

  private grow(): void {
    const grown = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.docs = grown(this.docs, (n) => new Int32Array(n));
    this.score = grown(this.score, (n) => new Float64Array(n));
    const words = grown(this.word, (n) => new Int32Array(n).fill(-1));
    this.word = words;
    this.evidence = grown(this.evidence, (n) => new Float64Array(n));
  }

  /** The Match of a slot, as rank's tests of a fact take it. */
  match(s: number): Match {
    let m = this.made.get(s);
    if (!m) {
      const at = s * this.width;
      const score: number[] = [];
      const word: string[] = [];
      const evidence: number[] = [];
      for (let i = 0; i < this.width; i++) {
        score.push(this.score[at + i] ?? 0);
        word.push(this.names[this.word[at + i] ?? -1] ?? '');
        evidence.push(this.evidence[at + i] ?? 0);
      }
      this.made.set(s, (m = { doc: this.docs[s] ?? 0, score, word, evidence }));
    }
    return m;
  }
}

function matchFacts(index: SearchIndex, words: readonly QueryWord[]): Matches {
  const matches = new Matches(factCount(index), words.length);
  for (const w of words) {
    for (const [v, sim] of w.cands) {
      // Postings are flat triples: fact, field weight, evidence (word-index.ts).
      const list = postingsOf(index, v) ?? [];
      const name = matches.names.push(v) - 1;
      for (let i = 0; i + 2 < list.length; i += 3) {
        const doc = list[i] ?? 0;
        const s = sim * (list[i + 1] ?? 0);
        const at = matches.slot(doc) * matches.width + w.i;
        if (s > (matches.score[at] ?? 0)) {
          matches.score[at] = s;
          matches.word[at] = name;
          matches.evidence[at] = list[i + 2] ?? 0;
        }
      }
    }
  }
  onceInMeaning(matches, words);
  return matches;
}

/**
 * A fact's word met in meaning by several query words is one piece of
 * evidence, not several: "football club league" all near "team" do not make
 * a task force's team an answer. Only the query word that meets it best keeps
 * it. Words that meet it as written (or as a typo or relative) keep theirs.
 */
function onceInMeaning(matches: Matches, words: readonly QueryWord[]): void {
  // Only a word with a candidate in meaning can share one that way.
  const loose = words.filter((w) => [...w.cands.values()].some((sim) => sim <= SEMANTIC_SIMILARITY));
  if (loose.length === 0 || words.length < 2) return;
  const { width } = matches;
  for (let s = 0; s < matches.count; s++) {
    const at = s * width;
    for (const a of loose) {
      const name = matches.word[at + a.i] ?? -1;
      if (name < 0) continue;
      const fact = matches.names[name] ?? '';
      for (const b of words) {
        const other = matches.word[at + b.i] ?? -1;
        if (b === a || other < 0 || matches.names[other] !== fact) continue;
        if ((a.cands.get(fact) ?? 0) > SEMANTIC_SIMILARITY && (b.cands.get(fact) ?? 0) > SEMANTIC_SIMILARITY) continue;
        const lose = (matches.score[at + a.i] ?? 0) >= (matches.score[at + b.i] ?? 0) ? b.i : a.i;
        matches.score[at + lose] = 0;
        matches.word[at + lose] = -1;
        matches.evidence[at + lose] = 0;
      }
    }
  }
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

/**
 * The share of the weight of the part's telling words that a fact covers
 * (of all its words when none is telling). A word nearly every fact has
 * ("chongqing", "zone") is the setting: it must not tip a fact that meets
 * half of the query's topic over the floor ("chongqing football club" is not
 * answered by the airport's "50 million club").
 */
function tellingCoverage(m: Match, part: readonly QueryWord[]): number {
  const telling = part.filter((w) => w.weight >= TELLING);
  return coverage(m, telling.length ? telling : part);
}

interface Ranked {
  m: Match;
  /** What ranking needs of the fact (word-index.ts: rankInfo). */
  info: RankInfo;
  relevance: number;
}

/**
 * Facts ranked for the query words of `part`: the better covered first; then
 * a fact with a figure (a lookup is mostly for a number); then the words
 * found in more places (statement, tags and source); then the more specific
 * fact (fewer words of its own beside the match); then article order. Among
 * equally good matches, one fact per source sentence first: six facts from
 * one sentence should not push every other sentence off the first page.
 *
 * Only the facts that `passes` are kept, and only so many as `wanted`, give
 * or take: coverage decides first, so the facts are taken one level of
 * coverage at a time, best first, and no lower level is looked at once the
 * levels taken hold `wanted` facts that pass. A fact's place within its
 * level depends only on the facts of its level and those above (its source's
 * earlier facts), so the facts kept are those that ranking everything would
 * put first, in the same order. Within a level, testing stops at `wanted`,
 * except in the best level when `bestLevelWhole`.
 */
function rank(
  index: SearchIndex,
  matches: Matches,
  part: readonly QueryWord[],
  wanted: number,
  passes: (r: Ranked) => boolean,
  bestLevelWhole = false,
): Ranked[] {
  // Coverage of every matched fact, from the flat arrays (the sums of coverage(), in its order).
  const relevance = new Float64Array(matches.count);
  const covered: number[] = [];
  for (let s = 0; s < matches.count; s++) {
    let got = 0;
    let all = 0;
    for (const w of part) {
      got += (matches.score[s * matches.width + w.i] ?? 0) * w.weight;
      all += w.weight;
    }
    const r = Math.round((all > 0 ? got / all : 0) * 1000) / 1000;
    relevance[s] = r;
    if (r !== 0) covered.push(s);
  }
  covered.sort((a, b) => (relevance[b] ?? 0) - (relevance[a] ?? 0));

  // A level's facts are ordered on plain keys; a Match is made only for the facts tested.
  interface Entry {
    slot: number;
    doc: number;
    info: Ranked['info'];
    evidence: number;
    nth: number;
  }
  const order = (a: Entry, b: Entry) =>
    (b.info.figured ? 1 : 0) - (a.info.figured ? 1 : 0) || b.evidence - a.evidence || a.info.length - b.info.length || a.doc - b.doc;
  const out: Ranked[] = [];
  const seen = new Map<string | number, number>();
  for (let start = 0; start < covered.length && out.length < wanted; ) {
    const level = relevance[covered[start] ?? 0] ?? 0;
    let end = start;
    while (end < covered.length && relevance[covered[end] ?? 0] === level) end++;
    const ranked: Entry[] = [];
    for (let k = start; k < end; k++) {
      const slot = covered[k] ?? 0;
      const doc = matches.docs[slot] ?? 0;
      const info = rankInfo(index, doc);
      if (!info) continue;
      let evidence = 0;
      for (const w of part) evidence += matches.evidence[slot * matches.width + w.i] ?? 0;
      ranked.push({ slot, doc, info, evidence, nth: 0 });
    }
    // The first level of a search for a few facts, when big: its best facts
    // without sorting it all (see firstTurn).
    if (out.length === 0 && seen.size === 0 && !bestLevelWhole && wanted <= FIRST_TURN_WANTED && ranked.length > FIRST_TURN_FROM) {
      for (const e of firstTurn(ranked, wanted * 4, order)) {
        if (out.length >= wanted) break;
        const r = { m: matches.match(e.slot), info: e.info, relevance: level };
        if (passes(r)) out.push(r);
      }
      if (out.length >= wanted) return out;
      out.length = 0;
    }
    ranked.sort(order);
    for (const r of ranked) {
      r.nth = seen.get(r.info.source) ?? 0;
      seen.set(r.info.source, r.nth + 1);
    }
    ranked.sort((a, b) => a.nth - b.nth || order(a, b));
    // The best level is tested in full when asked (topics' leads look at all of it).
    const whole = bestLevelWhole && out.length === 0;
    for (const e of ranked) {
      if (!whole && out.length >= wanted) break;
      const r = { m: matches.match(e.slot), info: e.info, relevance: level };
      if (passes(r)) out.push(r);
    }
    start = end;
  }
  return out;
}

/** A level this big, when at most this many facts are wanted, is first looked at through firstTurn. */
const FIRST_TURN_FROM = 512;
const FIRST_TURN_WANTED = 64;

/**
 * The first `take` facts of a level as rank() orders it, when nothing was
 * taken before: each source's first fact comes before any source's second,
 * so they are the best fact of each source in `order`, the best first. Found
 * in one pass, without sorting a level that can hold tens of thousands of
 * facts (30,536 hold "automobile" among a million); rank() falls back to
 * sorting when fewer than it wants pass among them. Exported for its test.
 */
export function firstTurn<E extends { info: { source: string | number } }>(level: readonly E[], take: number, order: (a: E, b: E) => number): E[] {
  const best = new Map<string | number, E>();
  for (const e of level) {
    const b = best.get(e.info.source);
    if (!b || order(e, b) < 0) best.set(e.info.source, e);
  }
  const top: E[] = [];
  for (const e of best.values()) {
    if (top.length >= take && order(e, top[top.length - 1] as E) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(top[mid] as E, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, e);
    if (top.length > take) top.pop();
  }
  return top;
}

/** What a fact must pass to answer a part, by name: search and explain() both go through this list. */
const ANSWER_CHECKS: readonly (readonly [string, (r: Ranked, part: readonly QueryWord[], asks: Asks) => boolean])[] = [
  ['covers', (r, part) => covers(r, part)],
  ['realMatch', (r, part) => realMatch(r.m, part)],
  ['namesMet', (r, part) => namesMet(r.m, part)],
  ['unitsMet', (r, part) => unitsMet(r.m, part)],
  ['yearsMet', (r, part) => yearsMet(r.m, part)],
  ['keyMet', (r, part) => keyMet(r.m, part)],
  ['gives', (r, _part, asks) => gives(r.info, asks)],
  ['countedMet', (r, part, asks) => countedMet(r.m, part, asks)],
];

/**
 * The topics of a query: one, unless its parts (queryParts) ask about
 * different things; then each part is a topic of its own, answered by its
 * own facts ("gdp and population": the GDP facts, the population facts),
 * after the facts that are the very best answer to every part. A part
 * nothing answers is left out, so the others still get their facts.
 */
function topics(
  index: SearchIndex,
  matches: Matches,
  words: readonly QueryWord[],
  parts: readonly Part[],
  wanted: number,
): { found: Ranked[][]; answered: number } {
  const answers = (part: readonly QueryWord[], asks: Asks, enough: number, bestLevelWhole = false) =>
    rank(
      index,
      matches,
      part,
      enough,
      (r) => ANSWER_CHECKS.every(([, check]) => check(r, part, asks)),
      bestLevelWhole,
    );
  // The first `wanted` facts of each topic are all that search() can show
  // (taking turns, the first topic's alone fill the page); the leads below
  // may be any of the whole query's facts, so those are all ranked. A
  // part's facts that lead are of its best level, always ranked in full.
  const whole = answers(words, parts.length === 1 ? (parts[0]?.asks ?? NOTHING_ASKED) : NOTHING_ASKED, parts.length <= 1 ? wanted : Infinity);
  if (parts.length <= 1) return whole.length ? { found: [whole], answered: 1 } : { found: [], answered: 0 };
  // Each part's own best facts, taking turns: a fact that touches every part
  // on a shared word ("yangtze" in "yangtze water quality and fish species")
  // must not stand in for the best answer to either.
  const own = parts.map((part) => answers(part.words, part.asks, wanted, true)).filter((t) => t.length > 0);
  // A fact that is among the very best for every part answers the whole query and leads.
  const leads = whole.filter((r) => own.length === parts.length && own.every((t) => t.some((o) => o.m.doc === r.m.doc && o.relevance >= (t[0]?.relevance ?? 1))));
  return { found: leads.length ? [leads, ...own] : own, answered: own.length };
}

/**
 * A fact covers more than half of the part's weight and of its telling
 * words' weight (MIN_COVERAGE), or its evidence converges: several of the
 * part's words meet it, and it covers more than CONVERGING_COVERAGE. A
 * paraphrase says more than the fact in words of its own ("old coal dock
 * turned into an orange grove by the river": "old" and "turned" meet other
 * facts); several words meeting one fact are strong evidence all the same,
 * where one word, or one loose link in meaning, is not.
 */
function covers(r: Ranked, part: readonly QueryWord[]): boolean {
  const floor = converges(r.m, part) ? CONVERGING_COVERAGE : MIN_COVERAGE;
  return r.relevance > floor && tellingCoverage(r.m, part) > floor;
}

/**
 * Whether at least CONVERGING_WORDS telling words of the part (not numbers)
 * meet the fact as written (or as a typo or relative), or all but one of
 * them with more meeting it in meaning ("tenants" its "rent").
 */
function converges(m: Match, part: readonly QueryWord[]): boolean {
  let written = 0;
  let meant = 0;
  for (const w of part) {
    if (w.weight < TELLING || /\d/.test(w.term)) continue;
    const score = scoreOf(m, w);
    if (score > SEMANTIC_SIMILARITY) written++;
    else if (score > 0) meant++;
  }
  return written >= CONVERGING_WORDS || (written >= CONVERGING_WORDS - 1 && written + meant >= CONVERGING_WORDS + 1);
}

const NOTHING_ASKED: Asks = { figure: false, measure: false, date: false };

/** A query's topic: its words, and what its question asks for. */
interface Part {
  words: QueryWord[];
  asks: Asks;
}

/** Whether a fact gives what the question asks for: a figure or a place in a ranking for "how many", a figure for "how long", a year for "when". */
function gives(info: Ranked['info'], asks: Asks): boolean {
  return (!asks.figure || info.figured || info.ranked) && (!asks.measure || info.figured) && (!asks.date || info.dated);
}

/**
 * What "how many" counts is in the fact as written (or as a typo or
 * relative): "how many international routes does jiangbei airport have" is
 * not answered by the airport's passengers, though it is about the airport
 * and gives a figure.
 */
function countedMet(m: Match, part: readonly QueryWord[], asks: Asks): boolean {
  const counted = asks.counted === undefined ? undefined : part.find((w) => w.term === asks.counted);
  return !counted || scoreOf(m, counted) > SEMANTIC_SIMILARITY;
}

/**
 * At least one telling word is met as written (or as a typo or relative),
 * not only in meaning: "hospitals in chongqing" is not answered by a fact
 * that says "Chongqing" (as nearly all do) and something close to "hospital".
 */
function realMatch(m: Match, part: readonly QueryWord[]): boolean {
  // Telling: in at most half of the facts (the weight of such a word is at least log 3).
  // (A query of nothing but such words, "chongqing", is met by any of them.)
  const telling = part.filter((w) => w.weight >= TELLING);
  return (telling.length ? telling : part).some((w) => scoreOf(m, w) > SEMANTIC_SIMILARITY);
}

/**
 * Every telling name of the query is met as written (or as a typo of it): a
 * query that names a place asks about that place. "population of wuhan" is
 * not answered by Chongqing's population, nor "beijing olympics" by an
 * orange fair in Beijing. A name nearly every fact has ("chongqing") is the
 * setting, not a condition.
 */
function namesMet(m: Match, part: readonly QueryWord[]): boolean {
  return part.every((w) => !w.named || w.weight < TELLING || (w.cands.get(m.word[w.i] ?? '') ?? 0) > SEMANTIC_SIMILARITY);
}

/**
 * Every unit of measure the part names is in the fact: "how many laptops
 * did chongqing make, in units" is not answered by the laptop fact, whose
 * figure is its years at the top, nor "orange price per kg" by the oranges'
 * brand value. The unit asked for is what the question wants; a fact
 * without it may be about the topic, but does not say that.
 */
function unitsMet(m: Match, part: readonly QueryWord[]): boolean {
  return part.every((w) => !w.unit || scoreOf(m, w) > SEMANTIC_SIMILARITY);
}

// Without a regular expression: this is tested on every word of every fact tested, and a
// regular expression is compiled on its first use, in every run.
/** A year: 1900 to 2099. */
export const isYear = (term: string): boolean =>
  term.length === 4 && (term.startsWith('19') || term.startsWith('20')) && isDigit(term.charCodeAt(2)) && isDigit(term.charCodeAt(3));

/**
 * Every year the part names is the fact's, in its words or as its year:
 * "how many china-europe trains left chongqing in 2025" is not answered by
 * the trips since the service began, nor "birth rate 2025" by preschools.
 */
function yearsMet(m: Match, part: readonly QueryWord[]): boolean {
  return part.every((w) => !isYear(w.term) || scoreOf(m, w) > 0);
}

/**
 * The part's most specific word (see QueryWord.specific), the rarest among
 * the facts, is met, or the fact meets more of the specific words than it
 * misses: "chengdu gdp 2025" is not answered by an orange fair in Chengdu
 * in 2025, which misses "gdp", though the fair covers more than half of
 * the query's weight. "zhenying wharf transformation" is answered by a fact
 * on Zhenying Wharf that misses "transformation".
 */
function keyMet(m: Match, part: readonly QueryWord[]): boolean {
  const specific = part.filter((w) => w.specific);
  const key = specific.reduce<QueryWord | undefined>((a, w) => (!a || w.weight > a.weight ? w : a), undefined);
  if (!key || scoreOf(m, key) > 0) return true;
  const met = specific.filter((w) => scoreOf(m, w) > 0).length;
  return met > specific.length - met;
}

/** Some fact has the word as written, or a typo or relative of it (not only something close in meaning). */
const metAsWritten = (w: QueryWord): boolean => [...w.cands.values()].some((sim) => sim > SEMANTIC_SIMILARITY);

/**
 * A describing word the facts lack ("busy", "less", "pretty": an adjective
 * or adverb, never a noun), or a verb form (isVerbForm), says what is asked about the part's topic ("how
 * busy is the airport"), so it counts as the wording of a question does,
 * when the part has a topic: a telling word, not a number, that the facts
 * have as written. Without one, the describing word is the topic ("is
 * chongqing expensive") and keeps its full weight, and the query finds nothing.
 */
function describingAsWording(index: SearchIndex, part: readonly QueryWord[]): void {
  const describing = (w: QueryWord) => (isDescribing(w.term) || isVerbForm(w)) && !metAsWritten(w);
  const topic = part.some((w) => !describing(w) && !/\d/.test(w.term) && w.weight >= TELLING && metAsWritten(w));
  if (!topic) return;
  const wording = FILLER_WEIGHT * Math.log(1 + factCount(index));
  for (const w of part) if (describing(w)) w.weight = Math.min(w.weight, wording);
}

/**
 * A verb's -ing or -ed form ("tidied", "swamped", "drowning") says what
 * happened to a topic, as a describing word says what it is like; a noun in
 * -ing ("wedding", "skiing": nouns and nothing else) names one, as a name does.
 */
const isVerbForm = (w: QueryWord): boolean => hasVerbEnding(w.term) && !isTopicNoun(w.term) && !w.named;
// Three letters a to z, then -ing or -ed (tested without a regular expression, compiled in every run).
export function hasVerbEnding(term: string): boolean {
  const stem = term.endsWith('ing') ? term.length - 3 : term.endsWith('ed') ? term.length - 2 : -1;
  if (stem < 3) return false;
  for (let i = stem - 3; i < stem; i++) {
    const c = term.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

// Words joined by hyphens: "eco-friendly", "top-flight".
// Starts only where a run of letters and digits starts: see hanAmountPattern.
const COMPOUND = /(?<![A-Za-z0-9])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+/g;

/**
 * A compound the facts lack ("eco-friendly": no fact has either word as
 * written) names one thing, so it counts as one word the facts lack, not as
 * two: its words share one word's weight. A compound the facts use a word
 * of ("top-flight", "rent-to-own") keeps its words' weights.
 */
function compoundsAsOne(query: string, byTerm: ReadonlyMap<string, QueryWord>): void {
  for (const [compound] of query.matchAll(COMPOUND)) {
    const words = [...new Set(terms(compound))].flatMap((t) => byTerm.get(t) ?? []);
    if (words.length < 2 || words.some(metAsWritten)) continue;
    const weight = Math.max(...words.map((w) => w.weight)) / words.length;
    for (const w of words) w.weight = Math.min(w.weight, weight);
  }
}

/**
 * A part of nothing but the setting (words in most facts: "chengdu and
 * chongqing", "chongqing") is no topic of its own: it joins the part before
 * it (or after it, when first), so that it is not answered by whatever
 * facts name Chongqing.
 */
function settingJoined(parts: Part[]): Part[] {
  if (parts.length <= 1) return parts;
  const out: Part[] = [];
  let pending: Part | undefined;
  const join = (into: Part, part: Part) => {
    into.words.push(...part.words);
    into.asks = {
      figure: into.asks.figure || part.asks.figure,
      measure: into.asks.measure || part.asks.measure,
      date: into.asks.date || part.asks.date,
      // Two "how many"s joined ("how many distributors ... and for how many tons") count two things: neither is a condition.
      counted: into.asks.counted && part.asks.counted ? undefined : (into.asks.counted ?? part.asks.counted),
    };
  };
  // Units and describing words the facts lack say what is asked of a topic ("exact units"), not one of their own.
  const topical = (w: QueryWord) => w.weight >= TELLING && !w.unit && !(isDescribing(w.term) && !metAsWritten(w));
  for (const part of parts) {
    if (!part.words.some(topical)) {
      const last = out.at(-1);
      if (last) join(last, part);
      else if (pending) join(pending, part);
      else pending = { words: [...part.words], asks: part.asks };
      continue;
    }
    if (pending) {
      join(pending, part);
      out.push(pending);
      pending = undefined;
    } else out.push({ words: [...part.words], asks: part.asks });
  }
  if (pending) out.push(pending);
  return out;
}

// Where a query's wording may wrap chatter around what it asks ("quick one
// for a slide: how many cars...", "quick check - did...", "... - confirm all
// three"): a colon, a dash standing between words, a question mark with more
// after it, and the start of a question in mid-query ("for my report how
// many..."). Only a clause that finds nothing on its own is taken as chatter.
const CLAUSE_MARKS = /[:\uff1a]|\s[-\u2013\u2014]+\s|[\u2013\u2014]+|[?\uff1f](?=\s*\S)|\s(?=(?:how|what|which|when|where|who|why)\s)/i;
/** A clause that asks (when it names a topic): it starts as a question does, or ends with a question mark. */
const QUESTION = /^\s*(?:how|what|which|when|where|who|whom|whose|why|did|does|do|is|are|was|were|can|could|will|would|has|have|had|should)\b|[?\uff1f]\s*$/i;

/**
 * Facts for the query, best first. When some topic of the query finds
 * nothing, the clauses of it (CLAUSE_MARKS) that find nothing on their own
 * are taken as chatter around the question and left out, if what remains
 * then answers more: "quick one for a slide: how many cars did chongqing
 * produce in 2025" asks what "how many cars did chongqing produce in 2025"
 * asks. A clause that asks about a topic is never chatter ("for a school
 * project - how many universities are there": the question finds nothing,
 * and so must the query; "..., how has it grown" names none), nor are
 * clauses that say more than the rest ("riverside walks
 * rebuilt - how many km" is not asking for any figure in km): chatter is
 * the lesser part of a query.
 */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): Hit[] {
  const first = searchOnce(index, query, options);
  if (first.complete) return first.hits;
  const clauses = query
    .split(CLAUSE_MARKS)
    .map((text) => ({ text, words: terms(text).filter((t) => !isStopWord(t)).length }))
    .filter((c) => c.words > 0);
  // A search weighs at most MAX_QUERY_TERMS words, so no more clauses than that can be chatter about them:
  // a query of many colons costs as many searches as it has words that count, not as it has clauses.
  if (clauses.length < 2 || clauses.length > MAX_QUERY_TERMS) return first.hits;
  const asks = (text: string) => QUESTION.test(text) && terms(text).some((t) => !isStopWord(t) && !isHan(t) && !isWording(t) && !isDescribing(t));
  const chatter = (c: { text: string }) => !asks(c.text) && searchOnce(index, c.text, { limit: 1 }).hits.length === 0;
  const kept = clauses.filter((c) => !chatter(c));
  const size = (cs: typeof clauses) => cs.reduce((n, c) => n + c.words, 0);
  if (kept.length === 0 || kept.length === clauses.length || size(kept) <= size(clauses) - size(kept)) return first.hits;
  const rest = searchOnce(index, kept.map((c) => c.text).join(' '), options);
  return rest.answered > first.answered ? rest.hits : first.hits;
}

interface Found {
  hits: Hit[];
  /** How many of the query's topics found facts, and whether every one did. */
  answered: number;
  complete: boolean;
}

/** The query's words, weighed, and its topics (parts), as searchOnce ranks them. */
function prepare(index: SearchIndex, query: string): { words: QueryWord[]; parts: Part[] } {
  const termParts = askedParts(index, query);
  const terms = [...new Set(termParts.flatMap((p) => p.words))];
  const words: QueryWord[] = terms.map((term, i) => {
    const cands = candidates(index, term);
    // A word the query says itself is that word's match, not another's
    // ("football club": "football" may not count again through "club").
    for (const other of terms) if (other !== term) cands.delete(other);
    const specific = cands.get(term) === 1 && !/\d/.test(term) && !isBasic(term);
    return { i, term, cands, weight: weigh(index, term, cands), named: isName(term), specific, unit: UNITS.has(term) && (term !== 'unit' || /\bunits\b/i.test(query)) };
  });
  const byTerm = new Map(words.map((w) => [w.term, w]));
  compoundsAsOne(query, byTerm);
  const parts = settingJoined(termParts.map((p) => ({ words: p.words.flatMap((term) => byTerm.get(term) ?? []), asks: p.asks })));
  for (const part of parts) describingAsWording(index, part.words);
  return { words, parts };
}

function searchOnce(index: SearchIndex, query: string, options: SearchOptions): Found {
  const { words, parts } = prepare(index, query);
  if (words.length === 0) return { hits: [], answered: 0, complete: false };
  // Only as many hits as asked for are made: a big index may rank many thousands.
  const wanted = options.limit ?? Infinity;
  const { found, answered } = topics(index, matchFacts(index, words), words, parts, wanted);
  // Several topics take turns: the best fact of each, then the second of each, ...
  const out: Hit[] = [];
  const taken = new Set<number>();
  const longest = found.reduce((n, t) => Math.max(n, t.length), 0);
  for (let i = 0; i < longest && out.length < wanted; i++) {
    for (const t of found) {
      const r = t[i];
      if (!r || taken.has(r.m.doc)) continue;
      taken.add(r.m.doc);
      const matched = words.filter((w) => scoreOf(r.m, w) > 0).map((w) => r.m.word[w.i] ?? '');
      out.push(hitOf(index, r.m.doc, Math.round((1 - r.relevance) * 1000) / 1000, matched));
    }
  }
  return { hits: out.slice(0, options.limit ?? out.length), answered, complete: answered === Math.max(1, parts.length) };
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

/**
 * Why a query finds what it finds, for a maintainer (scripts/explain-search.mjs):
 * per word its weight and best candidates; per part what it asks; for the
 * `top` facts best covered, each check of the answer and whether it passes.
 */
export function explain(index: SearchIndex, query: string, top = 5) {
  const { words, parts } = prepare(index, query);
  const matches = matchFacts(index, words);
  return {
    words: words.map((w) => ({
      term: w.term,
      weight: Math.round(w.weight * 100) / 100,
      telling: w.weight >= TELLING,
      named: w.named,
      specific: w.specific,
      candidates: [...w.cands].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([v, sim]) => `${v} ${sim.toFixed(2)}`),
    })),
    parts: parts.map((part) => ({
      words: part.words.map((w) => w.term),
      asks: part.asks,
      facts: rank(index, matches, part.words, top, () => true).map((r) => ({
        id: factAt(index, r.m.doc)?.id,
        relevance: r.relevance,
        telling: Math.round(tellingCoverage(r.m, part.words) * 1000) / 1000,
        met: part.words.map((w) => `${w.term}:${r.m.word[w.i] || '-'} ${scoreOf(r.m, w).toFixed(2)}`).join(' '),
        converges: converges(r.m, part.words),
        checks: ANSWER_CHECKS.map(([name, check]) => ({ name, passes: check(r, part.words, part.asks) })),
      })),
    })),
  };
}
