// The words that data/related-words.txt may point a query word to: the
// English words of the facts, normalised as the index normalises them. Shared
// by the script that distils the table and the test that tells when the facts
// have drifted from it; a lookup never loads this module.
import { createHash } from 'node:crypto';
import { isStopWord, terms } from './tokenize.js';
import type { Fact, Theme } from '../data/types.js';

/** Plain words only: numbers and Chinese have no useful neighbours in English word vectors. */
const WORD = /^[a-z]+$/;

/**
 * The words of the statements, tags, sources, sections and theme names,
 * sorted; stop words are left out, as a query never searches for them.
 */
export function targetVocabulary(facts: readonly Fact[], themes: readonly Theme[]): string[] {
  const words = new Set<string>();
  const add = (text: string | null | undefined) => {
    if (text) for (const t of terms(text)) if (WORD.test(t) && !isStopWord(t)) words.add(t);
  };
  for (const f of facts) {
    add(f.statement);
    add(f.tags?.join(' '));
    add(f.source);
    add(f.section);
  }
  for (const t of themes) {
    add(t.id.replace(/-/g, ' '));
    add(t.name);
    add(t.zone);
  }
  return [...words].sort();
}

/** A short fingerprint of the vocabulary, written into the table's header. */
export const vocabularyHash = (words: readonly string[]): string =>
  createHash('sha256').update(words.join('\n')).digest('hex').slice(0, 16);
