// The bundled facts as the build loaded and checked them, with their search
// index, in one file (dist/facts-index.bin): a lookup of the bundled facts
// reads that one file and checks nothing again. Reading the facts file,
// checking its shape and its references, and reading the index apart cost a
// lookup about 4 ms. The file is one line of ASCII JSON (JSON escapes the
// rest; V8 parses a one-byte string faster than UTF-8 text), the facts; then
// a table of where each fact lies in that line and what ranking needs of it;
// then their index packed (src/search/packed-index.ts), which a search reads
// in place from the file's bytes: no parsing, and nothing on the heap but
// what the query reads.
//
// The facts themselves are parsed when first read: all of them by a lookup
// that reads data.facts (list, stats, random), only the hits by a search,
// which ranks from the table and reads each hit's fact alone (parsing the
// whole line cost a search about 1 ms). A fact read alone is the same object
// that data.facts later holds.
//
// The table, every number a little-endian uint32: N (the facts), N+1 offsets
// into the line (fact i is from offset i to one byte before offset i+1, its
// comma or the array's closing bracket), then for each fact its statement's
// length with the top bit set when it has figures, then for each fact the
// position of the first fact with its source sentence (facts of one sentence
// are told apart by it: rank-info.ts).
import { readFileSync, statSync } from 'node:fs';
import { packagePath } from '../paths.js';
import { readPackedIndex, type StoredFacts } from '../search/packed-index.js';
import type { SearchIndex } from '../search/word-index.js';
import { factRankInfo, packRankFlags, unpackRankFlags, type RankInfo } from '../search/rank-info.js';
import type { ParsedFacts } from './shape.js';
import type { Fact } from './types.js';

export const PREBUILT = packagePath('dist/facts-index.bin');
const BUNDLED = packagePath('data/facts.json');

/** 3 when written by this code (1 had no table: every lookup parsed all the facts; 2 kept only the figures' flag). */
const VERSION = 3;
/** The table keeps what ranking needs of a fact (statement length and flags, packRankFlags) as a uint32. */
const UINT32 = 2 ** 32;

/** The first line of the file. */
export interface Prebuilt {
  version: number;
  /** The facts file it was made from: its size, and its SHA-256 (for tests and people; a lookup does not hash). */
  source: { bytes: number; sha256: string };
  /** What loadFacts() made of the file, every check passed. */
  data: ParsedFacts;
}

/** What readPrebuilt gives: the first line parsed, and the index, read in place when asked for. */
export interface PrebuiltFacts extends Prebuilt {
  index: () => SearchIndex | undefined;
}

/** The start of the file, up to the facts file's size: checked before the whole file is parsed. */
const header = (bytes: number) => `{"version":${VERSION},"source":{"bytes":${bytes},`;

/** JSON with every character outside ASCII escaped. */
const ascii = (value: unknown) => JSON.stringify(value).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The file's bytes: the facts on the first line, then the table of the facts, then the packed index. */
export function prebuiltBytes(data: ParsedFacts, index: Buffer, source: Prebuilt['source']): Buffer {
  // The facts' array written apart, so that where each fact lies is known:
  // JSON.stringify writes an array as its items joined by commas, so the line is the same.
  const facts = data.facts.map(ascii);
  const mark = '"facts-go-here"';
  const outline = ascii({ version: VERSION, source, data: { ...data, facts: JSON.parse(mark) as unknown } });
  const at = outline.indexOf(mark);
  if (at < 0 || outline.indexOf(mark, at + 1) >= 0) throw new Error('prebuiltBytes: the facts are not in one place');
  const text = `${outline.slice(0, at)}[${facts.join(',')}]${outline.slice(at + mark.length)}\n`;
  if (text !== `${ascii({ version: VERSION, source, data })}\n`) throw new Error('prebuiltBytes: the line is not the facts as JSON');
  if (!text.startsWith(header(source.bytes))) throw new Error('prebuiltBytes: the header is not first');
  const n = facts.length;
  const table = Buffer.alloc(4 * (1 + (n + 1) + 2 * n));
  let w = table.writeUInt32LE(n, 0);
  let offset = at + 1;
  for (const f of facts) {
    w = table.writeUInt32LE(offset, w);
    offset += f.length + 1;
  }
  w = table.writeUInt32LE(offset, w);
  for (const f of data.facts) {
    const packed = packRankFlags(factRankInfo(f) as RankInfo);
    if (packed >= UINT32) throw new Error('prebuiltBytes: a statement too long for the table');
    w = table.writeUInt32LE(packed, w);
  }
  const first = new Map<string, number>();
  data.facts.forEach((f, doc) => {
    if (!first.has(f.source)) first.set(f.source, doc);
    w = table.writeUInt32LE(first.get(f.source) as number, w);
  });
  return Buffer.concat([Buffer.from(text, 'latin1'), table, index]);
}

/** The facts of the file's line, each parsed when first read, with what ranking needs of them from the table. */
function storedFacts(bytes: Buffer, end: number): { facts: () => Fact[]; stored: StoredFacts; first: number; last: number; tableEnd: number } {
  const at = end + 1;
  // A DataView's getUint32 is V8's own; Buffer's readUInt32LE is JavaScript compiled in every run (packed-index.ts).
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const n = view.getUint32(at, true);
  const u32 = (table: number, i: number) => view.getUint32(at + 4 * (1 + table + i), true);
  const tableEnd = at + 4 * (1 + (n + 1) + 2 * n);
  if (tableEnd > bytes.length) throw new Error('the table is cut short');
  // The array's brackets: just before the first fact, and the last offset's byte before.
  const first = u32(0, 0) - 1;
  const last = u32(0, n);
  if (bytes[first] !== 0x5b || bytes[last - 1] !== 0x5d || last > end) throw new Error('the table does not fit the line');
  const one = new Map<number, Fact>();
  let all: Fact[] | undefined;
  const inRange = (doc: number) => Number.isInteger(doc) && doc >= 0 && doc < n;
  const factAt = (doc: number): Fact | undefined => {
    if (all) return all[doc];
    if (!inRange(doc)) return undefined;
    let fact = one.get(doc);
    if (!fact) one.set(doc, (fact = JSON.parse(bytes.toString('latin1', u32(0, doc), u32(0, doc + 1) - 1)) as Fact));
    return fact;
  };
  const facts = (): Fact[] => {
    if (!all) {
      all = JSON.parse(bytes.toString('latin1', first, last)) as Fact[];
      for (const [doc, fact] of one) all[doc] = fact;
    }
    return all;
  };
  const rankInfo = (doc: number) => {
    if (!inRange(doc)) return undefined;
    return { ...unpackRankFlags(u32(n + 1, doc)), source: u32(2 * n + 1, doc) };
  };
  return { facts, stored: { count: n, factAt, rankInfo }, first, last, tableEnd };
}

/**
 * The prebuilt facts for `path`, when it is the bundled facts file, has the
 * size they were made from, and is not newer than they are (a maintainer
 * who edits data/facts.json without building gets it loaded and checked
 * afresh; an installed package has both files with the same time). Nothing
 * is hashed at run time: a hash costs a lookup 2 to 5 ms in JavaScript and
 * about 12 ms through node:crypto; a test checks the stored SHA-256 instead.
 */
export function readPrebuilt(path: string, files = { facts: BUNDLED, prebuilt: PREBUILT }): PrebuiltFacts | undefined {
  if (path !== files.facts) return undefined;
  try {
    const file = statSync(files.facts);
    if (file.mtimeMs > statSync(files.prebuilt).mtimeMs) return undefined;
    // Bytes, kept outside the JavaScript heap; the index is read from them in place.
    const bytes = readFileSync(files.prebuilt);
    const start = header(file.size);
    if (bytes.toString('latin1', 0, start.length) !== start) return undefined;
    const end = bytes.indexOf(10);
    const { facts, stored, first, last, tableEnd } = storedFacts(bytes, end);
    // The line without its facts: the facts' line is ASCII, so latin1 reads it as UTF-8 would, without decoding.
    const prebuilt = JSON.parse(`${bytes.toString('latin1', 0, first)}[]${bytes.toString('latin1', last, end)}`) as Prebuilt;
    // Where the facts were, in the same place among the keys: read when first asked for.
    Object.defineProperty(prebuilt.data, 'facts', { get: facts, enumerable: true, configurable: true });
    let index: SearchIndex | undefined | null = null;
    return { ...prebuilt, index: () => (index === null ? (index = readPackedIndex(bytes.subarray(tableEnd), stored)) : index) };
  } catch {
    // None (a run from src/ before a build): the file is loaded as any other.
    return undefined;
  }
}

/** The prebuilt index of facts loaded from the prebuilt file, by the loaded object. */
const indexes = new WeakMap<object, () => SearchIndex | undefined>();

export function rememberIndex(data: object, index: () => SearchIndex | undefined): void {
  indexes.set(data, index);
}

/** The index, opened now if it was not before. */
export const prebuiltIndex = (data: object): SearchIndex | undefined => indexes.get(data)?.();
