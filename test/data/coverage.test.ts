// Every number in the article is some fact's figure (or its year, date or
// rank), or stands below as a number that is not a fact. When the article or
// the extraction changes, this test names what went missing.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/data/article.js';
import { loadFacts, readArticle } from '../../src/data/load.js';
import { findNumbers } from '../../src/data/numbers.js';

const data = loadFacts();
const article = parseArticle(readArticle(data));

/** Numbers that are not quantities: [words of the sentence, the number as written there]. */
const NOT_FACTS: [string, string][] = [
  // "Six Zones and One Highland", "Two Rivers and Four Banks", "Two Rivers": names of the initiative and of the riverfronts.
  ['framework for building the "Six Zones', 'Six'],
  ['advancing the "Six Zones and One Highland" initiative has been grounded', 'Six'],
  ['guarantee for advancing the "Six Zones', 'Six'],
  ['the "Six Zones and One Highland" initiative has taken root', 'Six'],
  ['expand the achievements of the "Six Zones', 'Six'],
  ['the "Two Rivers and Four Banks" are lush', 'Two'],
  ['the "Two Rivers and Four Banks" are lush', 'Four'],
  ['waterfront along the "Two Rivers and Four Banks"', 'Two'],
  ['waterfront along the "Two Rivers and Four Banks"', 'Four'],
  ['surging tides on the broad Two Rivers', 'Two'],
  ['let the surging tides of the Two Rivers', 'Two'],
  // "In 2025 -" only leads into the list below it; each item carries year 2025.
  ['In 2025 -', '2025'],
  // Names of programmes, models, a metro line and a plan period.
  ['"33618" modern manufacturing cluster system', '33618'],
  ['the "885" working mechanism', '885'],
  ['Chongqing Rail Transit Line 17', '17'],
  ['"Four-Thousand Action Plan"', 'Four'],
  ['"Four-Thousand Action Plan"', 'Thousand'],
  ['"Two-Hour Chongqing" transportation circle', 'Two'],
  ['"Lush Mountains on Both Banks, Thousand-Mile Forest Belt"', 'Thousand'],
  ['the "Nine Governance" initiative', 'Nine'],
  ['"15th Five-Year Plan"', '15th'],
  ['"15th Five-Year Plan"', 'Five'],
  // "two-way flow" describes a direction, not a count.
  ['promoting the two-way flow of factors', 'two'],
  // "fourth-class freight station" and "second-level response" are grades, not amounts.
  ['an obscure fourth-class freight station', 'fourth'],
  ['enabling second-level response capabilities', 'second'],
];

describe('coverage of the article by the facts', () => {
  const uncovered: string[] = [];
  const usedExemptions = new Set<number>();
  for (const s of article.sentences) {
    const citing = data.facts.filter((f) => f.source === s.text);
    const spans = citing.flatMap((f) =>
      [...(f.figures ?? []).map((g) => g.text), f.rank?.text, f.date]
        .filter((t): t is string => !!t)
        .flatMap((t) => occurrences(s.text, t).map((at) => [at, at + t.length] as const)),
    );
    const years = new Set(citing.map((f) => f.year));
    for (const n of findNumbers(s.text)) {
      if (spans.some(([a, b]) => n.index >= a && n.index < b)) continue;
      if (/^\d{4}$/.test(n.text) && years.has(n.value)) continue;
      // Each entry excuses one mention, so a second "Six" in a sentence needs its own.
      const match = NOT_FACTS.findIndex(([words, num], i) => !usedExemptions.has(i) && s.text.includes(words) && num === n.text);
      if (match >= 0) {
        usedExemptions.add(match);
        continue;
      }
      uncovered.push(`${n.text} in: ${s.text}`);
    }
  }

  it('has a fact for every number in the article', () => {
    expect(uncovered).toEqual([]);
  });

  it('keeps the list of non-facts short and current', () => {
    const unused = NOT_FACTS.filter((_, i) => !usedExemptions.has(i));
    expect(unused).toEqual([]);
  });
});

function occurrences(text: string, part: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) out.push(i);
  return out;
}
