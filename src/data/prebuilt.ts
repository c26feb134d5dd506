// The bundled facts as the build loaded and checked them, with their search
// index, in one file (dist/facts-index.bin): a lookup of the bundled facts
// reads that one file and checks nothing again. Reading the facts file,
// checking its shape and its references, and reading the index apart cost a
// lookup about 4 ms. The file is one line of ASCII JSON (JSON escapes the
// rest; V8 parses a one-byte string faster than UTF-8 text), the facts, then
// their index packed (src/search/packed-index.ts), which a search reads in
// place from the file's bytes: no parsing, and nothing on the heap but what
// the query reads.
import { readFileSync, statSync } from 'node:fs';
import { packagePath } from '../paths.js';
import { readPackedIndex } from '../search/packed-index.js';
import type { SearchIndex } from '../search/word-index.js';
import type { ParsedFacts } from './shape.js';

export const PREBUILT = packagePath('dist/facts-index.bin');
const BUNDLED = packagePath('data/facts.json');

/** 1 when written by this code. */
const VERSION = 1;

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

/** The file's bytes: the facts on the first line, then the packed index. */
export function prebuiltBytes(data: ParsedFacts, index: Buffer, source: Prebuilt['source']): Buffer {
  const prebuilt: Prebuilt = { version: VERSION, source, data };
  const text = `${ascii(prebuilt)}\n`;
  if (!text.startsWith(header(source.bytes))) throw new Error('prebuiltBytes: the header is not first');
  return Buffer.concat([Buffer.from(text, 'latin1'), index]);
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
    const facts = statSync(files.facts);
    if (facts.mtimeMs > statSync(files.prebuilt).mtimeMs) return undefined;
    // Bytes, kept outside the JavaScript heap; the index is read from them in place.
    const bytes = readFileSync(files.prebuilt);
    const start = header(facts.size);
    if (bytes.toString('latin1', 0, start.length) !== start) return undefined;
    const end = bytes.indexOf(10);
    // The facts' line is ASCII, so latin1 reads it as UTF-8 would, without decoding.
    const prebuilt = JSON.parse(bytes.toString('latin1', 0, end)) as Prebuilt;
    let index: SearchIndex | undefined | null = null;
    return { ...prebuilt, index: () => (index === null ? (index = readPackedIndex(bytes.subarray(end + 1), prebuilt.data.facts)) : index) };
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
