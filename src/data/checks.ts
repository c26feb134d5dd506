// The checks that a schema cannot make, or not well: ids and theme ids in
// kebab-case (shown escaped when they are not), no fact id twice, no theme id
// twice, every fact's theme declared. One implementation: loadFacts stops at
// the first problem, verify lists them all.
import { printable } from '../errors.js';
import { factsSchema } from './generated/facts-schema.js';
import type { Defaults } from './shape.js';
import type { Fact, FactsFile } from './types.js';

/** Kebab-case, as the schema's slug says; the generated validator leaves this pattern to us. */
export const SLUG = new RegExp(factsSchema.$defs.slug.pattern);

const KEBAB = 'kebab-case (lower-case letters a-z, digits and single hyphens)';

export interface Finding {
  /** Position of the fact, or -1 for a problem of the themes. */
  index: number;
  /** The fact's id, as written. */
  id?: string;
  /** Where, for a message on its own: `facts[3] (id "x")`, `themes[1] (id "y")`. */
  where: string;
  /** The problem as one of a list under its fact (verify). */
  message: string;
  /** The problem on its own, after `where` (loading). */
  alone: string;
}

/**
 * Every problem, in file order, each handed to `report`: the loader's throws,
 * which stops at the first; verify's collects them all.
 */
export function checkReferences(data: FactsFile & { defaults?: Defaults }, report: (finding: Finding) => void): void {
  const check = referenceChecker(data, report);
  for (let index = 0; index < data.facts.length; index++) check(data.facts[index] as Fact, index);
}

/** Where the first fact with an id was: a Map, or for a file too big to keep its ids, a table on disk (src/index/build.ts). */
export interface IdPlaces {
  get(id: string): number | undefined;
  set(id: string, index: number): unknown;
}

/**
 * The themes' problems, reported at once, and a check of one fact at a time,
 * in file order, so that a file read piece by piece (src/index/scan.ts) is
 * checked in the same words as one loaded whole.
 */
export function referenceChecker(
  data: Pick<FactsFile, 'themes'> & { defaults?: Defaults },
  report: (finding: Finding) => void,
  seen: IdPlaces = new Map<string, number>(),
): (fact: Fact, index: number) => void {
  const themes = new Map<string, number>();
  for (const [i, theme] of data.themes.entries()) {
    const where = () => `themes[${i}] (id "${printable(theme.id)}")`;
    // Themes taken from the facts are checked as the facts' theme ids, below.
    if (!data.defaults?.themes && !SLUG.test(theme.id)) report(themeFinding(where(), `the id is not ${KEBAB}`));
    const first = themes.get(theme.id);
    if (first === undefined) themes.set(theme.id, i);
    else report(themeFinding(where(), `the id repeats themes[${first}]`));
  }
  // A file may declare many themes; a message names the first few.
  let list: string | undefined; // made once, at the first unknown theme: a file may have many
  const known = () => {
    if (list !== undefined) return list;
    const names: string[] = [];
    for (const name of themes.keys()) if (names.push(printable(name)) > 12) break;
    list = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ') || 'none';
    return list;
  };

  return (fact, index) => {
    // Messages are made only for a problem: most files have none, and this runs at every start.
    const at = () => ({ index, id: fact.id, where: `facts[${index}] (id "${printable(fact.id)}")` });
    if (!SLUG.test(fact.id)) {
      report({ ...at(), message: `id "${printable(fact.id)}" is not ${KEBAB}`, alone: `the id is not ${KEBAB}` });
    }
    const first = seen.get(fact.id);
    if (first === undefined) seen.set(fact.id, index);
    else report({ ...at(), message: `id "${printable(fact.id)}" repeats facts[${first}]`, alone: `the id repeats facts[${first}]` });
    if (!SLUG.test(fact.theme)) {
      const message = `theme "${printable(fact.theme)}" is not ${KEBAB}`;
      report({ ...at(), message, alone: message });
    } else if (!data.defaults?.themes && !themes.has(fact.theme)) {
      // (Themes taken from the facts hold every fact's theme.)
      const theme = printable(fact.theme);
      report({
        ...at(),
        message: `theme "${theme}" is not one of: ${known()}`,
        alone: `theme "${theme}" is not one of the file's themes (${known()})`,
      });
    }
  };
}

const themeFinding = (where: string, alone: string): Finding => ({ index: -1, where, message: `${where}: ${alone}`, alone });
