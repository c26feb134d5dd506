// The bundled facts as the build loaded and checked them, with their search
// index, in one file (dist/facts-index.json): a lookup of the bundled facts
// reads and parses that one file and checks nothing again. Reading the facts
// file, checking its shape and its references, and reading the index apart
// cost a lookup about 4 ms. The file is ASCII (JSON escapes the rest), which
// Node reads and V8 parses faster than UTF-8 text. It is two lines of JSON,
// the facts and then their index, and the index is parsed only when a search
// asks for it: it is most of the parsing, and list, show and the others never need it.
import { readFileSync, statSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { StoredIndex } from '../search/word-index.js';
import type { ParsedFacts } from './shape.js';

export const PREBUILT = packagePath('dist/facts-index.json');
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

/** What readPrebuilt gives: the first line parsed, the second (the index) as text until it is asked for. */
export interface PrebuiltFacts extends Prebuilt {
  index: () => StoredIndex;
}

/** The start of the file, up to the facts file's size: checked before the whole file is parsed. */
const header = (bytes: number) => `{"version":${VERSION},"source":{"bytes":${bytes},`;

/** JSON with every character outside ASCII escaped. */
const ascii = (value: unknown) => JSON.stringify(value).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The file's text: the facts on the first line, the index on the second. */
export function prebuiltText(data: ParsedFacts, index: StoredIndex, source: Prebuilt['source']): string {
  const prebuilt: Prebuilt = { version: VERSION, source, data };
  const text = `${ascii(prebuilt)}\n${ascii(index)}\n`;
  if (!text.startsWith(header(source.bytes))) throw new Error('prebuiltText: the header is not first');
  return text;
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
    // ASCII, so latin1 reads it as UTF-8 would, without decoding.
    const text = readFileSync(files.prebuilt, 'latin1');
    if (!text.startsWith(header(facts.size))) return undefined;
    const end = text.indexOf('\n');
    let index: StoredIndex | undefined;
    return { ...(JSON.parse(text.slice(0, end)) as Prebuilt), index: () => (index ??= JSON.parse(text.slice(end + 1)) as StoredIndex) };
  } catch {
    // None (a run from src/ before a build): the file is loaded as any other.
    return undefined;
  }
}

/** The prebuilt index of facts loaded from the prebuilt file, by the loaded object. */
const indexes = new WeakMap<object, () => StoredIndex>();

export function rememberIndex(data: object, index: () => StoredIndex): void {
  indexes.set(data, index);
}

/** The index, parsed now if it was not before. */
export const prebuiltIndex = (data: object): StoredIndex | undefined => indexes.get(data)?.();
