// Short text renderings of the tools' results, for an assistant to read and
// quote: each fact's id, its statement and its source sentence in quotes.
// The JSON beside them is the CLI's; this text is only ours. Text from a
// facts file is shown with control characters escaped: a --data file may be
// hostile, and an assistant's client may print what it gets.
import { printable } from '../errors.js';
import type { Fact, Meta, ThemeSummary } from './facts-service.js';

/** Text from the facts file, control characters escaped, nothing cut. */
export const clean = (text: string) => printable(text, Infinity);

function factLines(fact: Fact): string[] {
  return [
    `${clean(fact.id)} (theme: ${clean(fact.theme)})`,
    `Statement: ${clean(fact.statement)}`,
    `Source sentence: "${clean(fact.source)}"`,
  ];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function searchText(query: string, facts: readonly Fact[]): string {
  const head = `${plural(facts.length, 'fact')} for "${clean(query)}", best match first. Quote a source sentence as written; cite_fact gives a citation.`;
  const items = facts.map((f, i) => factLines(f).map((line, j) => (j === 0 ? `${i + 1}. ${line}` : `   ${line}`)).join('\n'));
  return [head, ...items].join('\n\n');
}

export function factText(fact: Fact, meta: Meta, context?: string): string {
  const lines = factLines(fact);
  if (fact.section) lines.push(`Section: ${clean(fact.section)}`);
  if (fact.figures?.length) {
    const figure = (g: NonNullable<Fact['figures']>[number]) => `${clean(g.text)}${g.qualifier ? ` (${clean(g.qualifier)})` : ''}`;
    lines.push(`Figures: ${fact.figures.map(figure).join('; ')}`);
  }
  if (fact.rank) lines.push(`Rank: ${clean(fact.rank.text)}`);
  if (context !== undefined) lines.push(`Paragraph: "${clean(context)}"`);
  lines.push(`From: ${meta.publisher ? `${clean(meta.publisher)}, ` : ''}"${clean(meta.title)}"`);
  return lines.join('\n');
}

export function themesText(themes: readonly ThemeSummary[]): string {
  const line = (t: ThemeSummary) =>
    `- ${clean(t.id)}: ${clean(t.name)}${t.zone ? ` (zone: ${clean(t.zone)})` : ''}, ${plural(t.facts, 'fact')}`;
  return [`${plural(themes.length, 'theme')}; pass ids as search_facts' themes:`, ...themes.map(line)].join('\n');
}
