// English words known to exist, and the words of the facts that are close to
// them in meaning, from data/related-words.txt (distilled from word vectors by
// scripts/distill-related-words.mjs). The file is sorted, one line per word,
// so a lookup reads it on first use and binary-searches its bytes: nothing
// is parsed beyond the one line asked for, and a lookup that never asks reads
// nothing at all.
import { readFileSync } from 'node:fs';
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
const SPACE = 0x20;
const COLON = 0x3a;
/** Keys are plain lower-case words; nothing else can be in the table. */
const KEY = /^[a-z]+$/;

let table: Buffer | undefined;
/** Where the words start, after the header's comment lines. */
let start = 0;

function load(): Buffer {
  if (table) return table;
  try {
    table = readFileSync(RELATED_WORDS);
  } catch (err) {
    throw new DataError(`cannot read ${RELATED_WORDS} (${(err as NodeJS.ErrnoException).code ?? String(err)}): reinstall chongqing-facts`);
  }
  while (start < table.length && table[start] === 0x23 /* # */) start = table.indexOf(NEWLINE, start) + 1 || table.length;
  return table;
}

/** -1, 0 or 1 as the line's word at `at` sorts before, equal to or after `term`; ASCII, so bytes compare as characters. */
function compareKey(buf: Buffer, at: number, term: string): number {
  for (let i = 0; ; i++) {
    const b = buf[at + i] ?? NEWLINE; // past the end is the end of the line
    const endOfKey = b === SPACE || b === NEWLINE;
    if (i === term.length) return endOfKey ? 0 : 1;
    if (endOfKey) return -1;
    const c = term.charCodeAt(i);
    if (b !== c) return b < c ? -1 : 1;
  }
}

/** The table and the byte range of the line for `term`, or undefined. */
function findLine(term: string): [Buffer, number, number] | undefined {
  if (!KEY.test(term)) return undefined;
  const buf = load();
  // lo is always the start of a line, hi the end of the range (exclusive).
  // Plain loops over the bytes: lines are short, and a call into
  // Buffer.indexOf costs more than scanning them.
  let lo = start;
  let hi = buf.length;
  while (lo < hi) {
    let line = (lo + hi) >>> 1;
    while (line > lo && buf[line - 1] !== NEWLINE) line--;
    let end = line;
    while (end < hi && buf[end] !== NEWLINE) end++;
    const c = compareKey(buf, line, term);
    if (c === 0) return [buf, line, end];
    if (c < 0) lo = end + 1;
    else hi = line;
  }
  return undefined;
}

/** Whether `term` (normalised, as queryTerms gives it) is an English word, rather than a typo. */
export const isKnownWord = (term: string): boolean => findLine(term) !== undefined;

/** How common an English word is: 1 for the most common; undefined for a word not known. */
export function wordRank(term: string): number | undefined {
  const found = findLine(term);
  if (!found) return undefined;
  const [buf, line, lineEnd] = found;
  let at = line;
  while (at < lineEnd && buf[at] !== SPACE) at++;
  let end = at + 1;
  while (end < lineEnd && buf[end] !== SPACE) end++;
  // Written in base 36, to keep the table small (parsing stops at a mark: !, * or +).
  return Number.parseInt(buf.toString('latin1', at + 1, end), 36);
}

/** The mark after a word's rank: ! for a name, * for a describing word, + for a topic noun, none for the rest. */
function markOf(term: string): number | undefined {
  const found = findLine(term);
  if (!found) return undefined;
  const [buf, line, lineEnd] = found;
  let at = line;
  while (at < lineEnd && buf[at] !== SPACE) at++;
  at++;
  while (at < lineEnd && buf[at] !== SPACE) at++;
  return buf[at - 1];
}

/**
 * Whether `term` is a name (a place, a people, a person: "wuhan", "chengdu"),
 * which the table marks with a ! after its rank: a query that names one asks
 * about that one, not about another close to it.
 */
export const isName = (term: string): boolean => markOf(term) === 0x21; /* ! */

/**
 * Whether `term` is a describing word, an adjective or adverb and never a
 * noun ("busy", "pretty", "less"), which the table marks with a *: in a
 * query it says what is asked about a topic rather than naming one.
 */
export const isDescribing = (term: string): boolean => markOf(term) === 0x2a; /* * */

/**
 * Whether `term` is a noun and nothing else ("university", "government"),
 * which the table marks with a +: however common, it names a topic.
 */
export const isTopicNoun = (term: string): boolean => markOf(term) === 0x2b; /* + */

/**
 * The words of the facts nearest in meaning to `term` (normalised), closest
 * first; never the word itself or its own family (rank, ranked, ranking).
 */
export function relatedTerms(term: string): readonly RelatedTerm[] {
  const found = findLine(term);
  if (!found) return [];
  const [buf, line, lineEnd] = found;
  const out: RelatedTerm[] = [];
  // After the key and its rank, " word:78" for each related word.
  let at = line;
  while (at < lineEnd && buf[at] !== SPACE) at++;
  at++;
  while (at < lineEnd && buf[at] !== SPACE) at++;
  while (at < lineEnd) {
    let colon = at + 1;
    while (colon < lineEnd && buf[colon] !== COLON) colon++;
    let end = colon + 1;
    while (end < lineEnd && buf[end] !== SPACE) end++;
    out.push({ term: buf.toString('latin1', at + 1, colon), similarity: Number(buf.toString('latin1', colon + 1, end)) / 100 });
    at = end;
  }
  return out;
}
