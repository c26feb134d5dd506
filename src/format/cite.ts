// Ready-to-paste citations: the statement, the verbatim quote, and where it
// comes from (the dataset's meta), as plain text, Markdown or BibTeX.
import type { Fact, Meta } from '../data/types.js';
import { visible } from './visible.js';
import { toJson } from './json.js';

export const CITE_FORMATS = ['text', 'markdown', 'bibtex'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];
/** The CLI's formats: also CSL-JSON (pandoc, Zotero) and our own JSON, which hold several facts in one array. */
export const ALL_CITE_FORMATS = [...CITE_FORMATS, 'csl-json', 'json'] as const;
export type AnyCiteFormat = (typeof ALL_CITE_FORMATS)[number];

/** Double quotes inside a quotation made single, straight or curly: "a 'b' c". */
const innerQuotes = (text: string) => text.replace(/"/g, "'").replace(/\u201c/g, '\u2018').replace(/\u201d/g, '\u2019');

/** Double quotes inside a quotation as LaTeX's single ones, `a', pair by pair; an unpaired one as '. */
const latexInner = (text: string) =>
  text.replace(/"([^"]*)"/g, "`$1'").replace(/\u201c([^\u201d]*)\u201d/g, "`$1'").replace(/["\u201c\u201d]/g, "'");

/**
 * Citations of several facts: text, markdown and bibtex one after another,
 * a blank line between; csl-json and json one array.
 */
export function citations(facts: readonly Fact[], meta: Meta, format: AnyCiteFormat): string {
  if (format === 'csl-json') return toJson(facts.map((f) => cslItem(f, meta)));
  if (format === 'json') return toJson(facts.map((f) => citationRecord(f, meta)));
  return facts.map((f) => cite(f, meta, format)).join('\n');
}

const sectionOf = (fact: Fact, meta: Meta) => (fact.section === meta.title ? undefined : fact.section);

/**
 * A CSL-JSON item as pandoc and Zotero read it: the article as a newspaper
 * article, the fact's sentence as a quotation in `note`, the statement in
 * `annote`, the fact id as the item id (a citation key).
 */
function cslItem(fact: Fact, meta: Meta): Record<string, unknown> {
  const section = sectionOf(fact, meta);
  return {
    id: fact.id,
    type: 'article-newspaper',
    title: meta.title,
    ...(meta.publisher === undefined ? {} : { 'container-title': meta.publisher, publisher: meta.publisher }),
    ...(section === undefined ? {} : { section }),
    ...(meta.language === undefined ? {} : { language: meta.language }),
    note: `"${innerQuotes(fact.source)}"`,
    annote: fact.statement,
  };
}

/** Our JSON: the fact's id, statement, verbatim quote and section, and the article it comes from. */
function citationRecord(fact: Fact, meta: Meta): Record<string, unknown> {
  return {
    id: fact.id,
    statement: fact.statement,
    quote: fact.source,
    section: sectionOf(fact, meta) ?? null,
    title: meta.title,
    publisher: meta.publisher ?? null,
  };
}

export function cite(rawFact: Fact, rawMeta: Meta, format: CiteFormat): string {
  // Pasted into a terminal first, so controls in the data are shown as escapes (visible.ts).
  const fact = { id: visible(rawFact.id), statement: visible(rawFact.statement), source: visible(rawFact.source), section: rawFact.section === undefined ? undefined : visible(rawFact.section) };
  const meta = { title: visible(rawMeta.title), publisher: rawMeta.publisher === undefined ? undefined : visible(rawMeta.publisher) };
  // The opening paragraphs sit under the title itself: no section to name then.
  const section = fact.section === meta.title ? undefined : fact.section;
  // A minimal facts file may name no publisher.
  const by = meta.publisher === undefined ? '' : `${meta.publisher}, `;
  switch (format) {
    case 'text':
      return [
        fact.statement,
        `"${innerQuotes(fact.source)}"`,
        `-- ${by}${meta.title}${section ? `, section "${section}"` : ''}`,
        '',
      ].join('\n');
    case 'markdown':
      return [
        md(fact.statement),
        '',
        `> ${md(fact.source)}`,
        '',
        `-- ${meta.publisher === undefined ? '' : `${md(meta.publisher)}, `}*${md(meta.title)}*${section ? `, section "${md(section)}"` : ''}`,
        '',
      ].join('\n');
    case 'bibtex': {
      // A citation key in ASCII; a publisher named in another script leaves just the id.
      const key = `${meta.publisher ?? ''}-${fact.id}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
      // LaTeX quotes: ``outer'' and `inner' (a straight " typesets as a closing quote).
      const latex = (text: string, q: [string, string]) => `${q[0]}${text}${q[1]}`;
      const quote = `${section ? `Section ${latex(section, ['``', "''"])}: ` : ''}${latex(latexInner(fact.source), ['``', "''"])}`;
      return [
        `@article{${key},`,
        `  title     = {${bib(meta.title)}},`,
        ...(meta.publisher === undefined
          ? []
          : [`  journal   = {${bib(meta.publisher)}},`, `  publisher = {${bib(meta.publisher)}},`]),
        `  note      = {${bib(quote)}},`,
        `  annote    = {${bib(fact.statement)} (chongqing-facts id ${bib(fact.id)})},`,
        '}',
        '',
      ].join('\n');
    }
  }
}

/**
 * Text that Markdown shows as written: no HTML tag, link, emphasis or code
 * span of the data's making (a facts file may carry `<img src=...>` or
 * `[click](https://...)`); each special character backslash-escaped.
 */
function md(text: string): string {
  return text.replace(/[\\<>[\]*_`]/g, '\\$&');
}

const BIB_SPECIAL = new Map([
  ['\\', '\\textbackslash{}'],
  ['~', '\\textasciitilde{}'],
  ['^', '\\textasciicircum{}'],
]);

/** Text safe inside a braced BibTeX field: LaTeX's special characters escaped. */
function bib(text: string): string {
  // One pass, so that the braces of \textbackslash{} are not escaped again.
  return text.replace(/[\\~^{}%&$#_]/g, (ch) => BIB_SPECIAL.get(ch) ?? `\\${ch}`);
}
