// One chunk of facts' postings, as the on-disk index stores them: per word,
// the docs that hold it (u32), then their weights and evidence (u16,
// hundredths), each column whole. The build makes them on its own thread or
// in worker threads (words-pool.ts), with this same code either way.
import type { Fact } from '../data/types.js';
import { eachFactText, FIELD_WEIGHTS, roundEvidence } from '../search/word-index.js';
import { terms } from '../search/tokenize.js';

/** A chunk's postings, encoded: words in the order they are written (sorted), each with its first use in the chunk and its bytes. */
export interface EncodedChunk {
  chunk: number;
  words: string[];
  /** Each word's order of first use in the chunk: the in-memory index's word order (build.ts: finishWords). */
  firsts: Uint32Array;
  /** Where each word's bytes end in `data`. */
  ends: Uint32Array;
  data: Uint8Array;
}

/** What a fact's theme adds to its words: the theme texts (word-index.ts: themeTexts), or, themes not yet declared, the id twice. */
export interface ThemeWords {
  texts: [string, string][];
  deferred: boolean;
}

/** Hundredths: field weights and their sums are tenths and hundredths, stored exactly (a test checks the weights). */
export const hundredths = (x: number): number => {
  const n = Math.round(x * 100);
  if (n / 100 !== x || n < 0 || n > 65535) throw new Error(`a field weight (${x}) is not a whole number of hundredths up to 655.35`);
  return n;
};

/** A text's words (factWords counts a word once a field), remembered for the fields that many facts share (sections, themes, Chinese names): bounded. */
function sharedWords(): (text: string, field: string) => Iterable<string> {
  const memo = new Map<string, string[]>();
  const shared = new Set(['section', 'theme', 'zh', 'rank']);
  return (text, field) => {
    if (!shared.has(field)) return terms(text);
    let words = memo.get(text);
    if (words) return words;
    words = [...new Set(terms(text))];
    if (memo.size >= 10_000) memo.clear();
    memo.set(text, words);
    return words;
  };
}

/** A typed array twice as long (at least `need`), what it held kept. */
function grown<T extends Int32Array | Float64Array>(a: T, need: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Collects the words of one chunk's facts at a time; encode() hands the
 * chunk over and starts the next. The words are weighed as factWords weighs
 * them (word-index.ts: the same texts in the same order, the same rule; a
 * test compares them word for word), but into flat typed arrays, each word
 * looked up once where it occurs: no map or object per fact, which at a
 * million facts was most of the build.
 */
export class ChunkWords {
  private readonly themeText: Map<string, string>;
  private readonly wordsOf = sharedWords();
  /** The chunk's words: their numbers, in order of first use. */
  private ids = new Map<string, number>();
  private words: string[] = [];
  /** Per word number, for the fact being weighed: the doc it was last met in, the field there, and its posting. */
  private lastDoc = new Int32Array(1024);
  private lastField = new Int32Array(1024);
  private slot = new Int32Array(1024);
  /** The chunk's postings in the order met (fact by fact): word number, doc, weight, evidence. */
  private word = new Int32Array(65536);
  private doc = new Int32Array(65536);
  private weight = new Float64Array(65536);
  private evidence = new Float64Array(65536);
  private n = 0;

  constructor(private readonly themes: ThemeWords) {
    this.themeText = new Map(themes.texts);
  }

  add(fact: Fact, doc: number): void {
    const text = this.themeText.get(fact.theme) ?? (this.themes.deferred ? `${fact.theme} ${fact.theme} ` : undefined);
    const from = this.n;
    let fieldNo = 0;
    eachFactText(fact, text, (text, field) => {
      const w = FIELD_WEIGHTS[field];
      fieldNo++;
      for (const t of this.wordsOf(text, field)) {
        let id = this.ids.get(t);
        if (id === undefined) {
          id = this.words.length;
          this.ids.set(t, id);
          this.words.push(t);
          if (id >= this.lastDoc.length) {
            this.lastDoc = grown(this.lastDoc, id + 1);
            this.lastField = grown(this.lastField, id + 1);
            this.slot = grown(this.slot, id + 1);
          }
          this.lastDoc[id] = -1;
        }
        if (this.lastDoc[id] !== doc) {
          // The word's first field in this fact: a posting.
          const at = this.n++;
          if (at >= this.word.length) this.grow();
          this.lastDoc[id] = doc;
          this.lastField[id] = fieldNo;
          this.slot[id] = at;
          this.word[at] = id;
          this.doc[at] = doc;
          this.weight[at] = w;
          this.evidence[at] = w;
        } else if (this.lastField[id] !== fieldNo) {
          // Another field of the same fact: the strongest weight, and the weights added up (once a field).
          const at = this.slot[id] as number;
          this.weight[at] = Math.max(this.weight[at] as number, w);
          this.evidence[at] = (this.evidence[at] as number) + w;
          this.lastField[id] = fieldNo;
        }
      }
    });
    for (let at = from; at < this.n; at++) this.evidence[at] = roundEvidence(this.evidence[at] as number);
  }

  private grow(): void {
    const need = this.n + 1;
    this.word = grown(this.word, need);
    this.doc = grown(this.doc, need);
    this.weight = grown(this.weight, need);
    this.evidence = grown(this.evidence, need);
  }

  /** The chunk's postings, words sorted (written in key order, a b-tree fills faster); the collection starts afresh. */
  encode(chunk: number): EncodedChunk {
    const words = this.words;
    const count = words.length;
    // Per word: how many postings, then where its bytes begin; a word's docs come in file order, as they were met.
    const many = new Int32Array(count);
    for (let at = 0; at < this.n; at++) {
      const id = this.word[at] as number;
      many[id] = (many[id] as number) + 1;
    }
    // The default sort compares UTF-16 code units, as < does, natively: far faster than a comparison function.
    const sorted = [...words].sort();
    const begin = new Int32Array(count);
    const firsts = new Uint32Array(count);
    const ends = new Uint32Array(count);
    let total = 0;
    for (let k = 0; k < count; k++) {
      const id = this.ids.get(sorted[k] as string) as number;
      begin[id] = total;
      total += (many[id] as number) * 8;
      firsts[k] = id;
      ends[k] = total;
    }
    // Every block starts at a multiple of 8: docs as u32, then weights and evidence as u16, each column whole.
    // Little-endian (the build checks the machine is), as disk.ts reads them.
    const data = new Uint8Array(total);
    const u32 = new Uint32Array(data.buffer);
    const u16 = new Uint16Array(data.buffer);
    const next = new Int32Array(count);
    for (let at = 0; at < this.n; at++) {
      const id = this.word[at] as number;
      const n = many[id] as number;
      const i = next[id] as number;
      next[id] = i + 1;
      const b = begin[id] as number;
      u32[b / 4 + i] = this.doc[at] as number;
      u16[(b + n * 4) / 2 + i] = hundredths(this.weight[at] as number);
      u16[(b + n * 6) / 2 + i] = hundredths(this.evidence[at] as number);
    }
    this.ids = new Map();
    this.words = [];
    this.n = 0;
    return { chunk, words: sorted, firsts, ends, data };
  }
}
