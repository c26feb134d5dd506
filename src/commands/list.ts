import type { Row } from '../format/fields.js';
import type { FactsFile } from '../types.js';

/** Every fact in article order, or those of the chosen themes. */
export function listFacts(data: FactsFile, themes?: readonly string[]): Row[] {
  const keep = themes && new Set(themes);
  return data.facts.filter((f) => !keep || keep.has(f.theme)).map((fact) => ({ fact }));
}
