// Tables for people at a terminal. Loaded only for table output, so that
// JSON lookups never pay for cli-table3 and chalk.
// Text from the data is escaped (visible.ts) before it is measured, wrapped
// and coloured; every cost is linear in the rows and the text.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { tokenize } from '../search/tokenize.js';
import type { Fact, Figure, Theme, ThemeSummary } from '../data/types.js';
import { fieldValue, type Row } from './fields.js';
import { groupThousands, plainNumber } from './number.js';
import { visible } from './visible.js';
import { MAX_ID_WIDTH } from './width.js';
import { displayWidth, wrapText } from './wrap.js';

export { groupThousands };

export interface TableOptions {
  /** Terminal width in columns. */
  width: number;
  /** chalk colour level: 0 none, 1 basic, 2 256 colours, 3 true colour. */
  color: 0 | 1 | 2 | 3;
  /** ASCII box drawing (+ - |): the locale is not UTF-8. */
  ascii?: boolean;
}

/** cli-table3's box characters in ASCII, for a terminal whose locale is not UTF-8. */
export const ASCII_CHARS = {
  top: '-', 'top-mid': '+', 'top-left': '+', 'top-right': '+',
  bottom: '-', 'bottom-mid': '+', 'bottom-left': '+', 'bottom-right': '+',
  left: '|', 'left-mid': '+', mid: '-', 'mid-mid': '+', right: '|', 'right-mid': '+', middle: '|',
};
const charsFor = (ascii?: boolean) => (ascii ? ASCII_CHARS : {});

const BORDERLESS_STYLE = { head: [], border: [], 'padding-left': 1, 'padding-right': 1 };

// Fields that are short by nature get their natural width; the long ones
// share what is left, the source (a whole sentence) a little more.
const SHARE = new Map<string, number>([
  ['statement', 4], ['source', 5], ['context', 5], ['section', 2], ['figures', 2], ['tags', 2], ['zh', 2], ['rank', 2],
]);
const MAX_SHORT = 30;
/** Narrower long columns than this read badly; the table then gives each fact a block of rows. */
const MIN_LONG = 30;

/**
 * Facts side by side, one row each, when the terminal is wide enough for the
 * long fields; otherwise one block a fact: the short fields on a line, each
 * long field across the whole table below them.
 */
export function factsTable(rows: readonly Row[], fields: readonly string[], opts: TableOptions): string {
  const c = new Chalk({ level: opts.color });
  const widths = columnWidths(rows, fields, opts.width);
  if (!widths) return blocks(rows, fields, opts, c);
  return drawTable(
    { head: fields.map((f) => c.bold(f)), colWidths: widths.map((w) => w + 2), style: BORDERLESS_STYLE, chars: charsFor(opts.ascii) },
    rows.map((row) => fields.map((f, i) => cell(row, f, widths[i] ?? 0, c))),
  );
}

/** Rows per cli-table3 table; see drawTable. */
const CHUNK = 64;
// The next chunk's top border drawn as the line between two rows; no closing border.
const joinTop = (chars: Partial<Record<string, string>> = {}) => ({
  'top-left': chars['left-mid'] ?? '├',
  'top-mid': chars['mid-mid'] ?? '┼',
  'top-right': chars['right-mid'] ?? '┤',
});
const NO_BOTTOM = { bottom: '', 'bottom-left': '', 'bottom-mid': '', 'bottom-right': '' };

/**
 * A cli-table3 table of `rows`, drawn `chunk` rows at a time. cli-table3
 * places each cell by checking every row above it (quadratic: 20,000 rows took
 * 24 s) and passes all rows to one push() call (a stack overflow past about
 * 100,000); chunks of equal column widths, joined where one would close and
 * the next open, give the same table in linear time.
 */
export function drawTable(options: Table.TableConstructorOptions, rows: readonly Table.HorizontalTableRow[], chunk = CHUNK): string {
  const parts: string[] = [];
  for (let start = 0; start === 0 || start < rows.length; start += chunk) {
    const first = start === 0;
    const last = start + chunk >= rows.length;
    const table = new Table({
      ...options,
      head: first ? options.head : [],
      chars: { ...options.chars, ...(first ? {} : joinTop(options.chars)), ...(last ? {} : NO_BOTTOM) },
    });
    for (const row of rows.slice(start, start + chunk)) table.push(row);
    parts.push(table.toString());
  }
  return `${parts.join('\n')}\n`;
}

function blocks(rows: readonly Row[], fields: readonly string[], opts: TableOptions, c: ChalkInstance): string {
  const width = opts.width;
  const short = fields.filter((f) => !SHARE.has(f));
  const long = fields.filter((f) => SHARE.has(f));
  // Two borders and two spaces of padding around the text; an id (up to
  // MAX_ID_WIDTH) is never broken, so on a terminal narrower than an id the
  // table is as wide as the id.
  const longestId = short.includes('id') ? Math.min(MAX_ID_WIDTH, widest(rows, (r) => visible(r.fact.id))) : 0;
  const inner = Math.max(10, width - 4, longestId);
  const cells: string[][] = [];
  for (const row of rows) {
    // The short fields share a line, wrapped at the gaps between them.
    const head = short.map((f) => fieldText(row, f)).filter(Boolean);
    if (head.length) {
      const id = visible(row.fact.id);
      cells.push([wrapText(head.join('  '), inner).map((line) => line.replace(id, c.cyan(id))).join('\n')]);
    }
    for (const f of long) {
      if (fieldText(row, f) === '') continue;
      const label = f === 'statement' || f === 'source' ? '' : `${f}: `;
      cells.push([cell(row, f, inner, c, label)]);
    }
  }
  return drawTable({ colWidths: [inner + 2], style: BORDERLESS_STYLE, chars: charsFor(opts.ascii) }, cells);
}

/** The widest text of `items`, without spreading them into Math.max (a stack overflow for many). */
function widest<T>(items: readonly T[], text: (item: T) => string, least = 0): number {
  let most = least;
  for (const item of items) most = Math.max(most, displayWidth(text(item)));
  return most;
}

function cell(row: Row, field: string, width: number, c: ChalkInstance, label = ''): string {
  const lines = wrapText(label + fieldText(row, field), width);
  const matched = new Set(row.matched ?? []);
  return lines
    .map((line) => {
      if (field === 'id') return c.cyan(line);
      if (field === 'statement' || field === 'source') return highlight(line, matched, c);
      return line;
    })
    .join('\n');
}

/** The words of `line` that the search matched, in bold yellow. */
export function highlight(line: string, matched: ReadonlySet<string>, c: ChalkInstance): string {
  if (matched.size === 0 || c.level === 0) return line;
  let out = '';
  let at = 0;
  for (const t of tokenize(line)) {
    if (!matched.has(t.term)) continue;
    out += line.slice(at, t.start) + c.bold.yellow(line.slice(t.start, t.end));
    at = t.end;
  }
  return out + line.slice(at);
}

/** A field as table text, controls shown as escapes (see visible.ts). */
export function fieldText(row: Row, field: string): string {
  // A table quotes the sentence: it reads as a quotation beside the statement.
  const text = fieldValue(row, field);
  return visible(field === 'source' ? `"${text}"` : text);
}

/** Text widths for side-by-side columns, or null when the long ones would be too narrow. */
function columnWidths(rows: readonly Row[], fields: readonly string[], total: number): number[] | null {
  // Each column costs its text width + 2 padding + 1 border, plus one closing border.
  const budget = total - fields.length * 3 - 1;
  const natural = fields.map((f) => widest(rows, (r) => fieldText(r, f), displayWidth(f)));
  const share = (f: string) => SHARE.get(f) ?? 0;
  // An id is copied into show and cite: it is never wrapped (up to MAX_ID_WIDTH).
  const widths = fields.map((f, i) => (share(f) ? 0 : Math.min(natural[i] ?? 0, f === 'id' ? MAX_ID_WIDTH : MAX_SHORT)));
  const left = budget - widths.reduce((a, b) => a + b, 0);
  const long = fields.map((f, i) => (share(f) ? i : -1)).filter((i) => i >= 0);
  // Short fields alone that do not fit side by side go into blocks, one per fact.
  if (long.length === 0) return left >= 0 ? widths : null;
  const shares = long.reduce((s, i) => s + share(fields[i] ?? ''), 0);
  let spare = left;
  for (const i of long) {
    const width = Math.floor((left * share(fields[i] ?? '')) / shares);
    widths[i] = width;
    if (width < Math.min(MIN_LONG, natural[i] ?? 0)) return null;
    spare -= width;
  }
  // A long column that needs less than its share gives the rest to the others.
  for (const i of long) {
    const need = natural[i] ?? 0;
    const width = widths[i] ?? 0;
    if (need < width) {
      spare += width - need;
      widths[i] = need;
    }
  }
  for (const i of long) {
    if (spare <= 0) break;
    const width = widths[i] ?? 0;
    const more = Math.min(spare, (natural[i] ?? 0) - width);
    if (more > 0) {
      widths[i] = width + more;
      spare -= more;
    }
  }
  return widths.map((w) => Math.max(1, w));
}

export function themesTable(summaries: readonly ThemeSummary[], opts: TableOptions, fields?: readonly string[]): string {
  const c = new Chalk({ level: opts.color });
  if (fields) {
    const value = (t: ThemeSummary, f: string) => {
      const v = Object.hasOwn(t, f) ? (t as unknown as Record<string, unknown>)[f] : undefined;
      return typeof v === 'string' || typeof v === 'number' ? String(v) : Array.isArray(v) ? v.join('、') : '';
    };
    return recordsTable(fields, summaries.map((t) => fields.map((f) => value(t, f))), opts, c);
  }
  const themes = summaries.map((t) => ({ id: visible(t.id), name: visible(t.name), zone: visible(t.zone ?? (opts.ascii ? '-' : '—')), facts: t.facts }));
  const fixed = Math.min(MAX_ID_WIDTH, widest(themes, (t) => t.id, 2));
  const count = 5;
  const rest = opts.width - fixed - count - 4 * 3 - 1;
  if (rest < 36) {
    // Too narrow for four columns: a block per theme, as for facts.
    const inner = Math.max(10, opts.width - 4, fixed + count + 2);
    const cells = themes.map((t) => {
      const facts = `${t.facts} facts`;
      // An id longer than the line is wrapped; the count follows its last line.
      const ids = wrapText(t.id, inner).map((line) => c.cyan(line));
      const last = displayWidth(ids[ids.length - 1] ?? '');
      const gap = inner - last - facts.length;
      const head = gap >= 2 ? `${ids.join('\n')}${' '.repeat(gap)}${facts}` : `${ids.join('\n')}\n${' '.repeat(inner - facts.length)}${facts}`;
      const body = wrapText(`${t.name}: ${t.zone}`, inner).join('\n');
      return [`${head}\n${body}`];
    });
    return drawTable({ colWidths: [inner + 2], style: BORDERLESS_STYLE, chars: charsFor(opts.ascii) }, cells);
  }
  const nameW = Math.min(widest(themes, (t) => t.name, 4), Math.floor(rest * 0.35));
  const zoneW = rest - nameW;
  return drawTable(
    {
      head: ['id', 'name', 'zone', 'facts'].map((h) => c.bold(h)),
      colWidths: [fixed + 2, nameW + 2, zoneW + 2, count + 2],
      colAligns: ['left', 'left', 'left', 'right'],
      style: BORDERLESS_STYLE,
      chars: charsFor(opts.ascii),
    },
    themes.map((t) => [wrapText(t.id, fixed).map((line) => c.cyan(line)).join('\n'), wrapText(t.name, nameW).join('\n'), wrapText(t.zone, zoneW).join('\n'), String(t.facts)]),
  );
}

/** `show`: every field of one fact, labelled, the source quoted in full. */
export function factCard(fact: Fact, theme: Theme | undefined, opts: TableOptions, context?: string): string {
  const c = new Chalk({ level: opts.color });
  // Every value escaped on its own; the newlines between figures are ours.
  const entries: [string, string][] = [
    ['statement', visible(fact.statement)],
    ['theme', visible(theme ? `${fact.theme} (${theme.name})` : fact.theme)],
  ];
  if (fact.figures?.length) entries.push(['figures', fact.figures.map((g) => visible(figureLine(g))).join('\n')]);
  if (fact.rank) entries.push(['rank', visible(rankLine(fact.rank))]);
  if (fact.year !== undefined) entries.push(['year', plainNumber(fact.year)]);
  if (fact.date) entries.push(['date', visible(fact.date)]);
  entries.push(['source', visible(`"${fact.source}"`)]);
  if (fact.section) entries.push(['section', visible(fact.section)]);
  if (context) entries.push(['context', visible(context)]);
  if (fact.tags?.length) entries.push(['tags', visible(fact.tags.join(', '))]);
  if (fact.zh?.length) entries.push(['zh', visible(fact.zh.join('、'))]);

  const id = visible(fact.id);
  const labelW = entries.reduce((w, [k]) => Math.max(w, k.length), 0);
  // The id heads the card across both columns; it is never cut, so the card
  // is at least as wide as the id.
  const valueW = Math.max(20, opts.width - labelW - 2 * 3 - 1, displayWidth(id) - labelW - 3);
  const rows: Table.HorizontalTableRow[] = [[{ content: c.cyan.bold(id), colSpan: 2 }]];
  for (const [k, v] of entries) {
    const lines = wrapText(v, valueW);
    // In the paragraph, the fact's own sentence stands out.
    rows.push([c.bold(k), (k === 'context' ? markPart(lines, v, visible(fact.source), c) : lines).join('\n')]);
  }
  return drawTable({ colWidths: [labelW + 2, valueW + 2], style: BORDERLESS_STYLE, chars: charsFor(opts.ascii) }, rows);
}

/**
 * Wrapped lines of `text` with the span of `part` in bold yellow, across line
 * breaks. The lines are walked along the text once: wrapping drops the white
 * space at line breaks and turns each run of it into one space, nothing more.
 */
export function markPart(lines: readonly string[], text: string, part: string, c: ChalkInstance): string[] {
  const start = text.indexOf(part);
  if (start < 0 || part === '' || c.level === 0) return [...lines];
  const end = start + part.length;
  const space = (i: number) => i < text.length && /\s/.test(text.charAt(i));
  let at = 0;
  return lines.map((line) => {
    while (space(at)) at++;
    let from = -1;
    let to = -1;
    for (let i = 0; i < line.length; i++) {
      if (from < 0 && at >= start) from = i;
      if (to < 0 && at >= end) to = i;
      if (line[i] === ' ' && space(at)) while (space(at)) at++;
      else at++;
    }
    if (to < 0) to = line.length;
    if (from < 0 || from >= to) return line;
    return line.slice(0, from) + c.bold.yellow(line.slice(from, to)) + line.slice(to);
  });
}

function figureLine(g: Figure): string {
  const value = `${groupThousands(g.value)} ${g.unit}`;
  return `${g.text}  (${value}${g.qualifier ? `, ${g.qualifier}` : ''})`;
}

function rankLine(r: NonNullable<Fact['rank']>): string {
  return r.position === undefined ? `${r.text} (${r.scope})` : `No. ${plainNumber(r.position)} in ${r.scope}: ${r.text}`;
}

/** Columns chosen with --fields: each as wide as its text, or an equal share of the width. */
function recordsTable(fields: readonly string[], rows: readonly string[][], opts: TableOptions, c: ChalkInstance): string {
  const cells = rows.map((r) => r.map(visible));
  const share = Math.max(1, Math.floor((opts.width - fields.length * 3 - 1) / fields.length));
  const widths = fields.map((f, i) => Math.min(share, widest(cells, (r) => r[i] ?? '', displayWidth(f))));
  return drawTable(
    { head: fields.map((f) => c.bold(f)), colWidths: widths.map((w) => w + 2), style: BORDERLESS_STYLE, chars: charsFor(opts.ascii) },
    cells.map((r) => r.map((text, i) => wrapText(text, widths[i] ?? 1).join('\n'))),
  );
}

/** A heading above a table (search --stdin: the query), bold, escaped. */
export function heading(text: string, opts: TableOptions): string {
  return new Chalk({ level: opts.color }).bold(wrapText(visible(text), opts.width).join('\n'));
}
