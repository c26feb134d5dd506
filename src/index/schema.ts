// The on-disk index's tables, shared by the build and the reader. An index
// file is checked against exactly these before a query runs (disk.ts): an
// index beside a facts file is anyone's, like the file.

/** Bumped whenever the tables or what they hold change: an index of another version is rebuilt. */
export const INDEX_VERSION = 3;
/** Written in meta, so that a SQLite file of something else is never taken for ours. */
export const INDEX_FORMAT = 'chongqing-facts-index';

/** Facts per chunk of postings and of ranking details: a word's postings are one row per chunk; a build holds one chunk's in memory. */
export const CHUNK_FACTS = 16_384;

/** The tables, made before the facts are written. */
export const TABLES = [
  'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID',
  // One row a fact, in file order (doc); where its JSON lies in the facts file (first byte, length), read from there (source.ts).
  'CREATE TABLE facts (doc INTEGER PRIMARY KEY, id TEXT NOT NULL, theme TEXT NOT NULL, year INTEGER, at INTEGER NOT NULL, bytes INTEGER NOT NULL)',
  // A word's postings in one chunk of facts: doc (u32), weight and evidence (u16, hundredths), each column whole; n of them.
  // Rows in the order written, a chunk after another (found by word through postings_word): a table kept in word
  // order would have each chunk's rows rewrite pages all over it, which at a million facts is most of a build.
  'CREATE TABLE postings (word TEXT NOT NULL, chunk INTEGER NOT NULL, first INTEGER NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL)',
  // Each word: how many facts hold it, its place in the in-memory index's order, family root, Chinese or not, reversed (for typos).
  'CREATE TABLE words (word TEXT PRIMARY KEY, df INTEGER NOT NULL, ord INTEGER NOT NULL, family TEXT NOT NULL, han INTEGER NOT NULL, rev TEXT NOT NULL, len INTEGER NOT NULL) WITHOUT ROWID',
  // Per chunk of facts, what ranking needs of each (float64 pairs): a key of its source sentence, and statement length and flags (rank-info.ts: packRankFlags).
  'CREATE TABLE ranking (chunk INTEGER PRIMARY KEY, data BLOB NOT NULL)',
] as const;

/** The indexes, made once the rows are in: building an index from sorted rows is faster than keeping it up to date row by row. */
/** facts_id (id, then doc) also finds the first repeated id (build.ts): no id is left twice once it is built. */
export const FACT_INDEXES = ['CREATE INDEX facts_id ON facts (id)', 'CREATE INDEX facts_theme ON facts (theme, doc)'] as const;
/** Made once the postings are in; it holds what the words table is made of (build.ts: finishWords). */
export const POSTINGS_INDEXES = ['CREATE INDEX postings_word ON postings (word, chunk, first, n)'] as const;
export const WORD_INDEXES = [
  'CREATE INDEX words_family ON words (family, ord)',
  'CREATE INDEX words_han ON words (han, ord)',
  'CREATE INDEX words_rev ON words (rev)',
] as const;

/** Everything an index file holds. */
export const SCHEMA = [...TABLES, ...FACT_INDEXES, ...POSTINGS_INDEXES, ...WORD_INDEXES];

/**
 * A 53-bit hash of a text (cyrb53): a key for a fact's source sentence, so
 * that ranking can tell facts of one sentence apart without their text.
 */
export function sourceKey(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A word the in-memory index lists first, in numeric order: JavaScript puts array-index keys before all others. */
export function arrayIndexOrder(word: string): number | undefined {
  if (!/^(?:0|[1-9]\d{0,9})$/.test(word)) return undefined;
  const n = Number(word);
  return n < 4294967295 ? n - 4294967296 : undefined;
}
