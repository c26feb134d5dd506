// verify looks for every figure and qualifier part in its source, and for
// every source that is not a sentence in the whole article: each bounded, so
// that its cost stays linear in the facts file and the article (a ratio test
// as in size.test.ts, ten times the data may take at most 15 times as long;
// and a count of the article searches, which a budget of characters bounds).
import { describe, expect, it } from 'vitest';
import { MAX_FIGURES, MAX_QUALIFIER_PARTS, SEARCH_BUDGET, verifyFacts } from '../../src/data/verify.js';
import type { FactsFile } from '../../src/data/types.js';
import { cpuMs } from '../cpu-time.js';

const LIMIT = 15;

function timed(f: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = cpuMs();
    f();
    best = Math.min(best, cpuMs() - started);
  }
  return best;
}

const file = (facts: FactsFile['facts']): FactsFile => ({ meta: { title: 'T', publisher: 'P', article: 'a.txt' }, themes: [{ id: 'main', name: 'Main', zone: null }], facts });

/** One fact of n figures (texts and qualifiers not in its source), with a source of n characters. */
function figuresFile(n: number): FactsFile {
  const source = `${'ab '.repeat(n / 3)}.`;
  const figures = Array.from({ length: n }, () => ({ value: 1, unit: 'u', text: 'zz 1', qualifier: 'qq, rr' }));
  return file([{ id: 'f', theme: 'main', statement: 'S.', source, section: 'T', figures }]);
}

/** n facts whose sources are not sentences of an article. */
function searchFiles(n: number): [FactsFile, string] {
  const article = `# T\n\n${'Sentence of the article is here. '.repeat(n * 10)}\n`;
  const facts = Array.from({ length: n }, (_, i) => ({ id: `f-${i}`, theme: 'main', statement: 'S.', source: `Missing ${i}.`, section: 'T' }));
  return [file(facts), article];
}

describe('verify: linear in the facts file and the article', () => {
  it('figures × source length: 3,000 and 30,000 of each', () => {
    const small = figuresFile(3000);
    const large = figuresFile(30_000);
    verifyFacts(small, '# T\n\nS.\n');
    const ratio = timed(() => verifyFacts(large, '# T\n\nS.\n')) / timed(() => verifyFacts(small, '# T\n\nS.\n'));
    expect(ratio).toBeLessThan(LIMIT);
  });

  it('says which figures and qualifier parts it did not check', () => {
    const messages = verifyFacts(figuresFile(300), '# T\n\nS.\n').map((p) => p.message);
    expect(messages).toContain(`more than ${MAX_FIGURES} figures: the rest not checked`);
    expect(messages).toContain(`more than ${MAX_QUALIFIER_PARTS} qualifier parts: the rest not checked`);
    expect(messages.filter((m) => m.includes('.text "zz 1" is not in the source'))).toHaveLength(MAX_FIGURES);
    expect(messages.filter((m) => m.includes('.qualifier'))).toHaveLength(MAX_QUALIFIER_PARTS);
  });

  it('sources that are not sentences are searched for in the article up to a budget of characters', () => {
    // 200 such sources and an article of 1 MB: searching for all would cost 200 MB.
    const [data, article] = searchFiles(200);
    const big = article + 'x'.repeat(1024 * 1024);
    const messages = verifyFacts(data, big).map((p) => p.message);
    const searched = messages.filter((m) => m.startsWith('source is not verbatim')).length;
    expect(searched).toBe(Math.floor(SEARCH_BUDGET / (big.length + 'Missing 100.'.length)));
    expect(messages.at(-1)).toBe('source is not a sentence of the article');
  });
});
