// Ready-to-paste citations: the statement, the verbatim quote, and where it
// comes from (the dataset's meta), as plain text, Markdown or BibTeX.
import type { Fact, Meta } from '../data/types.js';
import { visible } from './visible.js';

export const CITE_FORMATS = ['text', 'markdown', 'bibtex'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

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
        `"${fact.source}"`,
        `-- ${by}${meta.title}${section ? `, section "${section}"` : ''}`,
        '',
      ].join('\n');
    case 'markdown':
      return [
        fact.statement,
        '',
        `> ${fact.source}`,
        '',
        `-- ${by}*${meta.title}*${section ? `, section "${section}"` : ''}`,
        '',
      ].join('\n');
    case 'bibtex': {
      // A citation key in ASCII; a publisher named in another script leaves just the id.
      const key = `${meta.publisher ?? ''}-${fact.id}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
      const quote = `${section ? `Section "${section}": ` : ''}"${fact.source}"`;
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
