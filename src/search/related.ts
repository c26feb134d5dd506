// English words known to exist, and the words of the facts that are close to
// them in meaning, from data/related-words.txt (distilled from word vectors by
// scripts/distill-related-words.mjs). The file is sorted, one line per word,
// so a lookup opens it on first use and binary-searches its bytes, reading
// only the blocks the search lands on (a few dozen KB of its 500): nothing is
// parsed beyond the one line asked for, and a lookup that never asks reads
// nothing at all. Reading the whole file cost every search about half a
// millisecond, and half a megabyte.
import { fstatSync, openSync, readSync } from 'node:fs';
import { packagePath } from '../paths.js';
import { DataError } from '../errors.js';

export interface RelatedTerm {
  /** A normalised word of the facts. */
  term: string;
  /** Cosine similarity of the two words' vectors, 0..1 (two decimals). */
  similarity: number;
}

export const RELATED_WORDS = packagePath('data/related-words.txt');

const NEWLINE = 0x0a;
/** Keys are plain lower-case words; nothing else can be in the table. */
const KEY = /^[a-z]+$/;

/** Bytes read on each side of where a step of the search lands, and at a time while looking further for a line's ends: longer than most lines. */
const CHUNK = 128;

/** The open file (-1: not yet) and its size. */
let fd = -1;
let size = 0;
/** Where the words start, after the header's comment lines. */
let start = 0;

function load(): void {
  if (fd >= 0) return;
  try {
    const opened = openSync(RELATED_WORDS, 'r');
    size = fstatSync(opened).size;
    fd = opened;
  } catch (err) {
    throw new DataError(`cannot read ${RELATED_WORDS} (${(err as NodeJS.ErrnoException).code ?? String(err)}): reinstall chongqing-facts`);
  }
  // The descriptor stays open for the run: a lookup's process ends soon after.
  while (start < size && bytes(start, start + 1)[0] === 0x23 /* # */) start = lineEnd(start, size) + 1;
}

/** The file's bytes from `from` to `to` (exclusive), read where they lie. */
function bytes(from: number, to: number): Buffer {
  const buf = Buffer.allocUnsafe(to - from);
  for (let got = 0; got < buf.length; ) {
    const n = readSync(fd, buf, got, buf.length - got, from + got);
    if (n === 0) throw new DataError(`${RELATED_WORDS} changed while it was read: reinstall chongqing-facts`);
    got += n;
  }
  return buf;
}

/** The start of the line holding `at`, no earlier than `lo` (a line start). */
function lineStart(lo: number, at: number): number {
  while (at > lo) {
    const from = Math.max(lo, at - CHUNK);
    const nl = bytes(from, at).lastIndexOf(NEWLINE);
    if (nl >= 0) return from + nl + 1;
    at = from;
  }
  return lo;
}

/** The end (its newline, or `hi`) of the line holding `at`. */
function lineEnd(at: number, hi: number): number {
  while (at < hi) {
    const to = Math.min(hi, at + CHUNK);
    const nl = bytes(at, to).indexOf(NEWLINE);
    if (nl >= 0) return at + nl;
    at = to;
  }
  return hi;
}

/** Lines already found (or not), by word: a search asks about each of its words several times. */
const found = new Map<string, string | undefined>();

/**
 * The line for `term` (normalised), or undefined: a binary search over byte
 * offsets, each step reading the line it lands on (a few reads of a file in
 * the page cache, where reading all of it cost half a millisecond).
 */
function findLine(term: string): string | undefined {
  if (!KEY.test(term)) return undefined;
  if (found.has(term)) return found.get(term);
  const line = searchLine(term);
  // Bounded: the MCP server runs one process for many queries.
  if (found.size >= 10_000) found.clear();
  found.set(term, line);
  return line;
}

function searchLine(term: string): string | undefined {
  // lo is always the start of a line, hi the end of the range (exclusive).
  load();
  let hi = size;
  let lo = start;
  while (lo < hi) {
    const at = (lo + hi) >>> 1;
    // One read for the line a step lands on, in all but the rare long line:
    // CHUNK bytes on each side of where it lands, within the range.
    const from = Math.max(lo, at - CHUNK);
    const to = Math.min(hi, at + CHUNK);
    const window = bytes(from, to);
    const before = at > from ? window.lastIndexOf(NEWLINE, at - from - 1) : -1;
    const line = before >= 0 ? from + before + 1 : from === lo ? lo : lineStart(lo, from);
    const after = window.indexOf(NEWLINE, Math.max(0, line - from));
    const end = after >= 0 ? from + after : to === hi ? hi : lineEnd(to, hi);
    const text = (line >= from && end <= to ? window.subarray(line - from, end - from) : bytes(line, end)).toString('latin1');
    const space = text.indexOf(' ');
    const key = space < 0 ? text : text.slice(0, space);
    // ASCII: code units compare as bytes.
    if (key === term) return text;
    if (key < term) lo = end + 1;
    else hi = line;
  }
  return undefined;
}

/** Whether `term` (normalised, as queryTerms gives it) is an English word, rather than a typo. */
export const isKnownWord = (term: string): boolean => findLine(term) !== undefined;

/** How common an English word is: 1 for the most common; undefined for a word not known. */
export function wordRank(term: string): number | undefined {
  const line = findLine(term);
  // Written in base 36, to keep the table small (parsing stops at a mark: !, * or +).
  return line === undefined ? undefined : Number.parseInt(line.split(' ')[1] ?? '', 36);
}

/** The mark after a word's rank: ! for a name, * for a describing word, + for a topic noun, none for the rest. */
function markOf(term: string): string | undefined {
  const rank = findLine(term)?.split(' ')[1];
  return rank?.[rank.length - 1];
}

/**
 * Whether `term` is a name (a place, a people, a person: "wuhan", "chengdu"),
 * which the table marks with a ! after its rank: a query that names one asks
 * about that one, not about another close to it.
 */
export const isName = (term: string): boolean => markOf(term) === '!';

/**
 * Whether `term` is a describing word, an adjective or adverb and never a
 * noun ("busy", "pretty", "less"), which the table marks with a *: in a
 * query it says what is asked about a topic rather than naming one.
 */
export const isDescribing = (term: string): boolean => markOf(term) === '*';

/**
 * Whether `term` is a noun and nothing else ("university", "government"),
 * which the table marks with a +: however common, it names a topic.
 */
export const isTopicNoun = (term: string): boolean => markOf(term) === '+';

/**
 * The words of the facts nearest in meaning to `term` (normalised), closest
 * first; never the word itself or its own family (rank, ranked, ranking).
 */
export function relatedTerms(term: string): readonly RelatedTerm[] {
  const line = findLine(term);
  if (line === undefined) return [];
  // After the key and its rank, " word:78" for each related word.
  return line
    .split(' ')
    .slice(2)
    .map((pair) => {
      const colon = pair.indexOf(':');
      return { term: pair.slice(0, colon), similarity: Number(pair.slice(colon + 1)) / 100 };
    });
}
