// Checks that a facts file says what its article says: every source a
// verbatim sentence under its heading, every figure read right, no number in
// a statement that its source lacks; and that it is complete: what loading
// filled in (title, themes) or may lack (publisher, sections) is there.
// Returns the problems; prints nothing.
import { DataError } from '../errors.js';
import { parseArticle } from './article.js';
import { checkReferences, type Finding } from './checks.js';
import { readArticle, type LoadedFacts } from './load.js';
import { findNumbers } from './numbers.js';
import type { Defaults } from './shape.js';
import type { FactsFile } from './types.js';
import { plainNumber } from '../format/number.js';
import { visible } from '../format/visible.js';

export interface Problem {
  /** Position of the fact in the file (0-based), or -1 for the file as a whole. */
  index: number;
  id?: string;
  message: string;
}

export function verifyFacts(data: FactsFile & { defaults?: Defaults }, articleText: string): Problem[] {
  const article = parseArticle(articleText);
  const sentences = new Map<string, string>(); // sentence -> its section
  for (const s of article.sentences) sentences.set(s.text, s.section);
  const problems: Problem[] = gaps(data).map(({ message }) => ({ index: -1, message }));

  // The checks loading makes too (ids, themes), each listed with its fact.
  const references = new Map<number, Finding[]>();
  checkReferences(data, (finding) => {
    if (finding.index < 0) problems.push({ index: -1, message: finding.message });
    else if (references.has(finding.index)) references.get(finding.index)?.push(finding);
    else references.set(finding.index, [finding]);
  });
  const sorted = article.sentences.map((s) => s.text).sort();
  let searched = 0; // characters of the article searched so far

  data.facts.forEach((fact, index) => {
    const add = (message: string) => problems.push({ index, id: fact.id, message });
    const { source } = fact;
    for (const finding of references.get(index) ?? []) add(finding.message);

    const section = sentences.get(source);
    if (section === undefined) {
      // Searching the whole article costs its length for each such fact: done
      // until SEARCH_BUDGET characters have been searched, so that many such
      // facts against a long article cannot take hours.
      searched += articleText.length + source.length;
      if (searched > SEARCH_BUDGET) add('source is not a sentence of the article');
      else if (articleText.includes(source)) add('source is in the article but is not a whole sentence');
      else add(`source is not verbatim in the article${whereItDiffers(source, sorted)}`);
    } else if (fact.section === undefined) {
      add(`field "section" is missing; the source sits under "${section}"`);
    } else if (section !== fact.section) {
      add(`section "${fact.section}" is not the heading of its source; the source sits under "${section}"`);
    }

    // Each figure and qualifier part is looked for in the source: a fact may
    // have only so many checked, or its cost would be figures × source length.
    const figures = fact.figures ?? [];
    if (figures.length > MAX_FIGURES) add(`more than ${MAX_FIGURES} figures: the rest not checked`);
    const lowerSource = source.toLowerCase();
    let parts = 0;
    for (const [j, fig] of figures.slice(0, MAX_FIGURES).entries()) {
      const at = `figures[${j}]`;
      if (!source.includes(fig.text)) add(`${at}.text "${fig.text}" is not in the source`);
      const nums = findNumbers(fig.text);
      if (nums.length !== 1) {
        add(`${at}.text "${fig.text}" should state exactly one number, it states ${nums.length}`);
      } else if (nums[0] && nums[0].value !== fig.value) {
        add(`${at}.value ${plainNumber(fig.value)} does not agree with its text "${fig.text}" (${plainNumber(nums[0].value)})`);
      }
      // A qualifier may join several of the source's hedges: "surpassed, for the first time".
      for (const part of fig.qualifier?.split(', ') ?? []) {
        if (++parts > MAX_QUALIFIER_PARTS) {
          if (parts === MAX_QUALIFIER_PARTS + 1) add(`more than ${MAX_QUALIFIER_PARTS} qualifier parts: the rest not checked`);
          break;
        }
        if (!lowerSource.includes(part.toLowerCase())) add(`${at}.qualifier "${part}" is not in the source`);
      }
    }
    if (fact.rank && !source.includes(fact.rank.text)) add(`rank.text "${fact.rank.text}" is not in the source`);
    if (fact.date && !source.includes(fact.date)) add(`date "${fact.date}" is not in the source`);

    const inSource = new Set(findNumbers(source).map((n) => n.value));
    for (const n of findNumbers(fact.statement)) {
      if (!inSource.has(n.value)) add(`statement has the number "${n.text}", which its source does not`);
    }
  });
  return problems;
}

/**
 * Characters of the article searched in all for sources that are not
 * sentences of it (each search costs the article's length); past this, such
 * sources are only named.
 */
export const SEARCH_BUDGET = 64 * 1024 * 1024;
/** Figures, and qualifier parts, checked against the source in one fact. */
export const MAX_FIGURES = 100;
export const MAX_QUALIFIER_PARTS = 50;

/**
 * ": differs at character N ..." against the sentence that shares the longest
 * start. The sentences come sorted (sort() order), so that sentence stands
 * next to where the source would: a binary search, not a look at every sentence.
 */
export function whereItDiffers(source: string, sorted: readonly string[]): string {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < source) lo = mid + 1;
    else hi = mid;
  }
  let best = { at: 0, sentence: '' };
  for (const s of [sorted[lo - 1], sorted[lo]]) {
    if (s === undefined) continue;
    let i = 0;
    while (i < s.length && i < source.length && s[i] === source[i]) i++;
    if (i > best.at) best = { at: i, sentence: s };
  }
  if (best.at < 10) return '';
  const near = (t: string) => JSON.stringify(t.slice(Math.max(0, best.at - 15), best.at + 15));
  return `; it differs from the article at character ${best.at + 1}: ${near(source)} vs ${near(best.sentence)}`;
}

export interface VerifyReport {
  ok: boolean;
  file: string;
  article: string;
  facts: number;
  problems: Problem[];
}

/** What a complete file has and this one lacks, besides each fact's section. */
function gaps(data: FactsFile & { defaults?: Defaults }): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (data.defaults?.title) out.push({ field: 'meta.title', message: 'meta: field "title" is missing; the file\'s name stands in' });
  if (data.meta.publisher === undefined) out.push({ field: 'meta.publisher', message: 'meta: field "publisher" is missing' });
  if (data.defaults?.themes) {
    out.push({ field: 'themes', message: 'field "themes" is missing; the facts\' theme ids stand in, without names' });
  }
  return out;
}

/** Checks a loaded facts file against the article it names. */
export function verifyData(data: LoadedFacts): VerifyReport {
  if (data.meta.article === undefined) {
    // Nothing to check the sources against; say what else a complete file needs.
    const missing = gaps(data).map((g) => g.field);
    const sections = data.facts.filter((f) => f.section === undefined).length;
    if (sections) missing.push(`section (${sections} fact${sections === 1 ? '' : 's'})`);
    throw new DataError(
      `${data.path}: meta: field "article" is missing, so verify has no article to check the facts against` +
        (missing.length ? `; a complete file also needs: ${missing.join(', ')}` : ''),
    );
  }
  const problems = verifyFacts(data, readArticle(data));
  return { ok: problems.length === 0, file: data.path, article: data.meta.article, facts: data.facts.length, problems };
}

/** One line a problem, "facts[12] (id): message", for people; the data's text shown escaped. */
export function problemLines(report: VerifyReport): string {
  return report.problems
    .map((p) => `${visible(`${p.index < 0 ? 'file' : `facts[${p.index}]${p.id ? ` (${p.id})` : ''}`}: ${p.message}`)}\n`)
    .join('');
}
