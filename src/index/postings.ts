// One chunk of facts' postings, as the on-disk index stores them: per word,
// the docs that hold it (u32), then their weights and evidence (u16,
// hundredths), each column whole. The build makes them on its own thread or
// in worker threads (words-pool.ts), with this same code either way.
import type { Fact } from '../data/types.js';
import { factWords } from '../search/word-index.js';
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

/** Collects the words of one chunk's facts at a time; encode() hands the chunk over and starts the next. */
export class ChunkWords {
  private readonly themeText: Map<string, string>;
  private readonly words = sharedWords();
  /** Per word, flat triples (doc, weight, evidence), in order of first use. */
  private chunk = new Map<string, number[]>();

  constructor(private readonly themes: ThemeWords) {
    this.themeText = new Map(themes.texts);
  }

  add(fact: Fact, doc: number): void {
    const text = this.themeText.get(fact.theme) ?? (this.themes.deferred ? `${fact.theme} ${fact.theme} ` : undefined);
    for (const [t, { weight, evidence }] of factWords(fact, text, this.words)) {
      let list = this.chunk.get(t);
      if (!list) this.chunk.set(t, (list = []));
      list.push(doc, weight, evidence);
    }
  }

  /** The chunk's postings, words sorted (written in key order, a b-tree fills faster); the collection starts afresh. */
  encode(chunk: number): EncodedChunk {
    const entries = [...this.chunk];
    this.chunk = new Map();
    const order = entries.map((_, i) => i).sort((a, b) => {
      const x = (entries[a] as [string, number[]])[0];
      const y = (entries[b] as [string, number[]])[0];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    let total = 0;
    for (const [, list] of entries) total += (list.length / 3) * 8;
    const data = new Uint8Array(total);
    const view = new DataView(data.buffer);
    const words: string[] = [];
    const firsts = new Uint32Array(entries.length);
    const ends = new Uint32Array(entries.length);
    let at = 0;
    order.forEach((first, k) => {
      const [word, list] = entries[first] as [string, number[]];
      const n = list.length / 3;
      // Little-endian, as disk.ts reads them.
      for (let i = 0; i < n; i++) {
        view.setUint32(at + i * 4, list[i * 3] as number, true);
        view.setUint16(at + n * 4 + i * 2, hundredths(list[i * 3 + 1] as number), true);
        view.setUint16(at + n * 6 + i * 2, hundredths(list[i * 3 + 2] as number), true);
      }
      at += n * 8;
      words.push(word);
      firsts[k] = first;
      ends[k] = at;
    });
    return { chunk, words, firsts, ends, data };
  }
}
