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
const SPACE = 0x20;
const COLON = 0x3a;
/** Keys are plain lower-case words; nothing else can be in the table. */
const KEY = /^[a-z]+$/;

const BLOCK = 4096;

/** The open file, its size and the blocks read so far. */
let table: { fd: number; size: number; blocks: Map<number, Buffer> } | undefined;
/** Where the words start, after the header's comment lines. */
let start = 0;

function load(): NonNullable<typeof table> {
  if (table) return table;
  try {
    const fd = openSync(RELATED_WORDS, 'r');
    table = { fd, size: fstatSync(fd).size, blocks: new Map() };
  } catch (err) {
    throw new DataError(`cannot read ${RELATED_WORDS} (${(err as NodeJS.ErrnoException).code ?? String(err)}): reinstall chongqing-facts`);
  }
  // The descriptor stays open for the run: the process ends soon after a lookup.
  while (start < table.size && byteAt(start) === 0x23 /* # */) {
    while (start < table.size && byteAt(start) !== NEWLINE) start++;
    start++;
  }
  return table;
}

/** The byte at `at` (past the end: a newline), reading its block on first use. */
function byteAt(at: number): number {
  const t = table!;
  if (at >= t.size) return NEWLINE;
  const n = Math.floor(at / BLOCK);
  let block = t.blocks.get(n);
  if (!block) {
    block = Buffer.allocUnsafe(Math.min(BLOCK, t.size - n * BLOCK));
    let got = 0;
    while (got < block.length) {
      const r = readSync(t.fd, block, got, block.length - got, n * BLOCK + got);
      if (r === 0) throw new DataError(`${RELATED_WORDS} changed while it was read: run again`);
      got += r;
    }
    t.blocks.set(n, block);
  }
  return block[at - n * BLOCK]!;
}

/** Bytes `from` to `to` (exclusive) as a latin1 string: the file is ASCII. */
function textAt(from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += String.fromCharCode(byteAt(i));
  return out;
}

/** -1, 0 or 1 as the line's word at `at` sorts before, equal to or after `term`; ASCII, so bytes compare as characters. */
function compareKey(at: number, term: string): number {
  for (let i = 0; ; i++) {
    const b = byteAt(at + i); // past the end is the end of the line
    const endOfKey = b === SPACE || b === NEWLINE;
    if (i === term.length) return endOfKey ? 0 : 1;
    if (endOfKey) return -1;
    const c = term.charCodeAt(i);
    if (b !== c) return b < c ? -1 : 1;
  }
}

/** The byte range of the line for `term`, or undefined. */
function findLine(term: string): [number, number] | undefined {
  if (!KEY.test(term)) return undefined;
  const { size } = load();
  // lo is always the start of a line, hi the end of the range (exclusive).
  // Plain loops over the bytes: lines are short.
  let lo = start;
  let hi = size;
  while (lo < hi) {
    let line = (lo + hi) >>> 1;
    while (line > lo && byteAt(line - 1) !== NEWLINE) line--;
    let end = line;
    while (end < hi && byteAt(end) !== NEWLINE) end++;
    const c = compareKey(line, term);
    if (c === 0) return [line, end];
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
  const [line, lineEnd] = found;
  let at = line;
  while (at < lineEnd && byteAt(at) !== SPACE) at++;
  let end = at + 1;
  while (end < lineEnd && byteAt(end) !== SPACE) end++;
  // Written in base 36, to keep the table small.
  return Number.parseInt(textAt(at + 1, end), 36);
}

/**
 * The words of the facts nearest in meaning to `term` (normalised), closest
 * first; never the word itself or its own family (rank, ranked, ranking).
 */
export function relatedTerms(term: string): readonly RelatedTerm[] {
  const found = findLine(term);
  if (!found) return [];
  const [line, lineEnd] = found;
  const out: RelatedTerm[] = [];
  // After the key and its rank, " word:78" for each related word.
  let at = line;
  while (at < lineEnd && byteAt(at) !== SPACE) at++;
  at++;
  while (at < lineEnd && byteAt(at) !== SPACE) at++;
  while (at < lineEnd) {
    let colon = at + 1;
    while (colon < lineEnd && byteAt(colon) !== COLON) colon++;
    let end = colon + 1;
    while (end < lineEnd && byteAt(end) !== SPACE) end++;
    out.push({ term: textAt(at + 1, colon), similarity: Number(textAt(colon + 1, end)) / 100 });
    at = end;
  }
  return out;
}
