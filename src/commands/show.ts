import { NotFoundError } from '../errors.js';
import { printable } from '../options.js';
import { suggest } from '../suggest.js';
import type { Fact, FactsFile } from '../types.js';

export function showFact(data: FactsFile, id: string): Fact {
  const fact = data.facts.find((f) => f.id === id);
  if (fact) return fact;
  const ids = data.facts.map((f) => f.id);
  const close = suggest(id.toLowerCase(), ids, 5);
  const hint = close.length
    ? `; did you mean: ${close.join(', ')}?`
    : "; 'chongqing-facts list' shows every id, 'chongqing-facts search <words>' finds one";
  throw new NotFoundError(`no fact with id '${printable(id)}'${hint}`);
}
