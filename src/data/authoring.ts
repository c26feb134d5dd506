// The authoring form of the bundled facts (data/src/facts.authoring.json):
// a maintainer writes what needs judgement, and this module derives the rest
// to give the published data/facts.json:
//   quote (part of a sentence)  -> source, the whole sentence, and section, its heading
//   figures[].text              -> figures[].value (findNumbers)
//   figures[].qualifiers (list) -> figures[].qualifier, joined by ", "
// Units come from a fixed list with their meaning (data/src/units.json).
// Run by scripts/facts-build.mjs; the CLI never loads it.
import { printable } from '../errors.js';
import { didYouMean } from '../search/suggest.js';
import { parseArticle } from './article.js';
import { findNumbers } from './numbers.js';
import { validateFactsFile } from './shape.js';
import type { Fact, FactsFile, Figure } from './types.js';
import { verifyFacts, whereItDiffers } from './verify.js';

/** A figure as written: its words and unit; the value is read from the words. */
export type AuthoringFigure = Pick<Figure, 'text' | 'unit'> & {
  /** The source's own hedges, each as written there: ["surpassed", "for the first time"]. */
  qualifiers?: string[];
};

/** A fact as written: no source or section (the quote finds them), figures without values. */
export type AuthoringFact = Omit<Fact, 'source' | 'section' | 'figures'> & {
  /** The article's sentence, or a part of it that no other sentence has. */
  quote: string;
  figures?: AuthoringFigure[];
};

export interface AuthoringFile extends Omit<FactsFile, 'facts'> {
  facts: AuthoringFact[];
}

/** Unit -> what it means. */
export type Units = Record<string, string>;

const FACT_KEYS = ['id', 'theme', 'statement', 'quote', 'figures', 'rank', 'year', 'date', 'tags', 'zh'];
const FIGURE_KEYS = ['text', 'unit', 'qualifiers'];

export class AuthoringError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/**
 * The published facts file for `input` (the parsed authoring file), checked
 * as verify checks it. Every problem is listed at once (AuthoringError).
 * `file` names the authoring file in messages.
 */
export function buildFacts(input: unknown, articleText: string, units: Units, file: string): FactsFile {
  const problems: string[] = [];
  if (!isObject(input) || !Array.isArray(input.facts)) throw new AuthoringError([`${file}: must be an object with meta, themes and facts`]);
  const sentences = parseArticle(articleText).sentences;

  const facts = input.facts.map((raw: unknown, i: number): unknown => {
    if (!isObject(raw)) {
      problems.push(`${file}: facts[${i}]: must be an object`);
      return raw;
    }
    const where = `${file}: facts[${i}]${typeof raw.id === 'string' ? ` (id "${printable(raw.id)}")` : ''}`;
    const say = (message: string) => problems.push(`${where}: ${message}`);
    for (const key of Object.keys(raw)) {
      if (!FACT_KEYS.includes(key)) say(`field "${printable(key)}" is not part of the authoring form${didYouMean(key, FACT_KEYS)}`);
    }

    let source: string | undefined;
    let section: string | undefined;
    if (typeof raw.quote !== 'string' || !raw.quote.trim()) say('field "quote" must be a part of an article sentence');
    else {
      const quote = raw.quote;
      const found = sentences.filter((s) => s.text.includes(quote));
      if (found.length === 1) ({ text: source, section } = found[0] as { text: string; section: string });
      else if (found.length === 0) {
        say(`quote is in no sentence of the article${whereItDiffers(quote, sentences.map((s) => s.text).sort())}`);
      } else say(`quote is in ${found.length} sentences of the article; quote more of the one you mean`);
    }

    const figures = Array.isArray(raw.figures)
      ? raw.figures.map((g: unknown, j: number) => figure(g, units, (m) => say(`figures[${j}]: ${m}`)))
      : raw.figures;
    // The published key order: the schema's, with source and section after the statement.
    const { id, theme, statement, rank, year, date, tags, zh } = raw;
    return { id, theme, statement, source, section, figures, rank, year, date, tags, zh };
  });
  if (problems.length) throw new AuthoringError(problems);

  // The shape, as the loader checks it; then the article, as verify does.
  const data = validateFactsFile({ meta: input.meta, themes: input.themes, facts }, file);
  const published: FactsFile = { meta: data.meta, themes: data.themes, facts: data.facts };
  const wrong = verifyFacts(published, articleText);
  if (wrong.length) {
    throw new AuthoringError(wrong.map((p) => `${file}: ${p.index < 0 ? '' : `facts[${p.index}] (id "${printable(p.id ?? '')}"): `}${p.message}`));
  }
  return published;
}

function figure(raw: unknown, units: Units, say: (message: string) => void): unknown {
  if (!isObject(raw)) return raw; // the schema says what is wrong
  for (const key of Object.keys(raw)) {
    if (!FIGURE_KEYS.includes(key)) say(`field "${printable(key)}" is not part of a figure${didYouMean(key, FIGURE_KEYS)}`);
  }
  const { text, unit, qualifiers } = raw;
  if (typeof unit === 'string' && !Object.hasOwn(units, unit)) {
    say(`unit "${printable(unit)}" is not in data/src/units.json; use one of its units, or add this one with its meaning`);
  }
  let value: number | undefined;
  if (typeof text === 'string') {
    const numbers = findNumbers(text);
    if (numbers.length === 1) value = numbers[0]?.value;
    else say(`text "${printable(text)}" should state exactly one number, it states ${numbers.length}`);
  }
  let qualifier: unknown;
  if (qualifiers !== undefined) {
    if (!Array.isArray(qualifiers) || qualifiers.length === 0 || qualifiers.some((q) => typeof q !== 'string' || q.includes(', '))) {
      say('field "qualifiers" must be a list of the source\'s words, none with ", " in it');
    } else qualifier = qualifiers.join(', ');
  }
  return { value, unit, text, qualifier };
}

/** The published file as text: the format data/facts.json has always had. */
export function factsJson(data: FactsFile): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
