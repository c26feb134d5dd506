// One-off: writes data/src/facts.authoring.json from the published
// data/facts.json, so that no fact is typed again by hand. Each source
// becomes the shortest quote (at least QUOTE_WORDS words, around the first
// figure, ranking or date) that no other sentence of the article has; the
// values, sections and whole sentences are dropped, since the build derives
// them; each qualifier becomes a list.
import { readFileSync, writeFileSync } from 'node:fs';
import { importTs } from './import-ts.mjs';

const root = new URL('..', import.meta.url);
const QUOTE_WORDS = 6;
const { parseArticle } = await importTs("export { parseArticle } from './src/data/article.ts';");

const published = JSON.parse(readFileSync(new URL('data/facts.json', root), 'utf8'));
const article = readFileSync(new URL(`data/${published.meta.article}`, root), 'utf8');
const sentences = parseArticle(article).sentences.map((s) => s.text);

function quoteFor(fact) {
  const s = fact.source;
  const anchor = fact.figures?.[0]?.text ?? fact.rank?.text ?? fact.date;
  const from = anchor === undefined ? 0 : s.indexOf(anchor);
  const to = anchor === undefined ? 0 : from + anchor.length;
  const words = [...s.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const min = Math.min(QUOTE_WORDS, words.length);
  let best;
  for (let i = 0; i < words.length; i++) {
    if (anchor === undefined && i > 0) break; // no anchor: a start of the sentence
    for (let j = i + min - 1; j < words.length; j++) {
      const [start, end] = [words[i].start, words[j].end];
      if (start > from || end < to) continue;
      const quote = s.slice(start, end);
      if (best && quote.length >= best.length) break;
      if (sentences.filter((t) => t.includes(quote)).length === 1) {
        best = quote;
        break;
      }
    }
  }
  if (!best) throw new Error(`no unique quote for ${fact.id}`);
  return best;
}

const facts = published.facts.map((f) => {
  const out = { id: f.id, theme: f.theme, statement: f.statement, quote: quoteFor(f) };
  if (f.figures) {
    out.figures = f.figures.map((g) => ({
      text: g.text,
      unit: g.unit,
      ...(g.qualifier === undefined ? {} : { qualifiers: g.qualifier.split(', ') }),
    }));
  }
  for (const key of ['rank', 'year', 'date', 'tags', 'zh']) if (f[key] !== undefined) out[key] = f[key];
  return out;
});

/** JSON with lists of plain values on one line: easier to read and edit than one word a line. */
function format(value, indent = '') {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`);
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

const authoring = { meta: published.meta, themes: published.themes, facts };
writeFileSync(new URL('data/src/facts.authoring.json', root), `${format(authoring)}\n`);
console.log(`wrote data/src/facts.authoring.json: ${facts.length} facts`);
