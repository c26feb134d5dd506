// Records as lines for scripts and documents: plain (tab-separated, no
// header: what a pipe gets by default), tsv, csv (RFC 4180) and a Markdown
// pipe table. Never coloured. Text from the data keeps the one security rule
// (visible.ts): no control, bidi or zero-width character is written raw; each
// format first escapes what its own syntax needs.
import { visible } from './visible.js';

export const FLAT_FORMATS = ['plain', 'tsv', 'csv', 'markdown'] as const;
export type FlatFormat = (typeof FLAT_FORMATS)[number];

const TSV_ESCAPES = new Map([
  ['\\', '\\\\'],
  ['\t', '\\t'],
  ['\n', '\\n'],
  ['\r', '\\r'],
]);

/**
 * A value for plain and tsv: backslash, tab, newline and carriage return as
 * \\ \t \n \r (the "linear TSV" convention of PostgreSQL's text format and
 * mlr), so every record is one line and every field is between tabs; the
 * other invisible characters as \uXXXX, unambiguous since \ is doubled first.
 */
export function tsvCell(value: string): string {
  return visible(value.replace(/[\\\t\n\r]/g, (ch) => TSV_ESCAPES.get(ch) ?? ch));
}

/**
 * A value for csv: quoted when it holds a comma, a quote or a line break,
 * quotes doubled (RFC 4180). Line breaks and other controls from the data are
 * escaped first (\u000a), so a record is always one line.
 */
export function csvCell(value: string): string {
  // A spreadsheet runs a cell that starts with = @ + or - as a formula (=HYPERLINK,
  // DDE): such text from a facts file gets a leading ' (OWASP's advice), a number
  // such as -2.5 does not.
  const text = /^([=@]|[+-](?![\d.]))/.test(value) ? `'${visible(value)}` : visible(value);
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A value for a Markdown table cell: one line (line breaks and tabs become
 * spaces: a cell cannot hold a newline, and a space renders everywhere, where
 * <br> needs HTML), and backslash, pipe and < escaped with a backslash, so a
 * value cannot end its cell or open an HTML tag.
 */
export function markdownCell(value: string): string {
  return visible(value.replace(/[\t\n\r]/g, ' ').replace(/[\\|<]/g, (ch) => `\\${ch}`));
}

/** The records as text in `format`; `header` names the columns (plain prints none). */
export function flat(format: FlatFormat, header: readonly string[], rows: readonly (readonly string[])[]): string {
  switch (format) {
    case 'plain':
      return rows.map((r) => `${r.map(tsvCell).join('\t')}\n`).join('');
    case 'tsv':
      return [header, ...rows].map((r) => `${r.map(tsvCell).join('\t')}\n`).join('');
    case 'csv':
      // RFC 4180 ends every record with CRLF.
      return [header, ...rows].map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
    case 'markdown': {
      const line = (r: readonly string[]) => `| ${r.map(markdownCell).join(' | ')} |\n`;
      return line(header) + `|${header.map(() => '---|').join('')}\n` + rows.map(line).join('');
    }
  }
}
