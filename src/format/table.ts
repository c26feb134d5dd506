// Tables for people at a terminal. Loaded only for table output, so that
// JSON lookups never pay for cli-table3 and chalk.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { tokenize } from '../search/tokenize.js';
import type { Fact, Figure, Theme, ThemeSummary } from '../data/types.js';
import type { Row } from './fields.js';
import { displayWidth, wrapText } from './wrap.js';

export interface TableOptions {
  /** Terminal width in columns. */
  width: number;
  /** chalk colour level: 0 none, 1 basic, 2 256 colours, 3 true colour. */
  color: 0 | 1 | 2 | 3;
}

const BORDERLESS_STYLE = { head: [], border: [], 'padding-left': 1, 'padding-right': 1 };

// Fields that are short by nature get their natural width; the long ones
// share what is left, the source (a whole sentence) a little more.
const SHARE: Record<string, number> = { statement: 4, source: 5, context: 5, section: 2, figures: 2, tags: 2, zh: 2, rank: 2 };
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
  if (!widths) return blocks(rows, fields, opts.width, c);
  const table = new Table({
    head: fields.map((f) => c.bold(f)),
    colWidths: widths.map((w) => w + 2),
    style: BORDERLESS_STYLE,
  });
  for (const row of rows) table.push(fields.map((f, i) => cell(row, f, widths[i], c)));
  return `${table.toString()}\n`;
}

function blocks(rows: readonly Row[], fields: readonly string[], width: number, c: ChalkInstance): string {
  const short = fields.filter((f) => !SHARE[f]);
  const long = fields.filter((f) => SHARE[f]);
  // Two borders and two spaces of padding around the text; an id is never
  // broken, so on a terminal narrower than an id the table is as wide as the id.
  const longestId = short.includes('id') ? Math.max(0, ...rows.map((r) => displayWidth(r.fact.id))) : 0;
  const inner = Math.max(10, width - 4, longestId);
  const table = new Table({ colWidths: [inner + 2], style: BORDERLESS_STYLE });
  for (const row of rows) {
    // The short fields share a line, wrapped at the gaps between them.
    const head = short.map((f) => fieldText(row, f)).filter(Boolean);
    if (head.length) {
      const lines = wrapText(head.join('  '), inner).map((line) =>
        line.replace(row.fact.id, c.cyan(row.fact.id)),
      );
      table.push([lines.join('\n')]);
    }
    for (const f of long) {
      if (fieldText(row, f) === '') continue;
      const label = f === 'statement' || f === 'source' ? '' : `${f}: `;
      table.push([cell(row, f, inner, c, label)]);
    }
  }
  return `${table.toString()}\n`;
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

/** A field as table text. */
export function fieldText(row: Row, field: string): string {
  const f = row.fact;
  switch (field) {
    case 'score':
      return row.score === undefined ? '' : row.score.toFixed(3);
    case 'source':
      return `"${f.source}"`;
    case 'figures':
      return (f.figures ?? []).map((g) => g.text).join('; ');
    case 'rank':
      return f.rank?.text ?? '';
    case 'tags':
      return (f.tags ?? []).join(', ');
    case 'zh':
      return (f.zh ?? []).join('、');
    case 'context':
      return row.context ?? '';
    default: {
      const v = (f as unknown as Record<string, unknown>)[field];
      return v === undefined ? '' : String(v);
    }
  }
}

/** Text widths for side-by-side columns, or null when the long ones would be too narrow. */
function columnWidths(rows: readonly Row[], fields: readonly string[], total: number): number[] | null {
  // Each column costs its text width + 2 padding + 1 border, plus one closing border.
  const budget = total - fields.length * 3 - 1;
  const natural = fields.map((f) =>
    Math.max(displayWidth(f), ...rows.map((r) => displayWidth(fieldText(r, f)))),
  );
  // An id is copied into show and cite: it is never wrapped.
  const widths = fields.map((f, i) => (SHARE[f] ? 0 : f === 'id' ? natural[i] : Math.min(natural[i], MAX_SHORT)));
  const left = budget - widths.reduce((a, b) => a + b, 0);
  const long = fields.map((f, i) => (SHARE[f] ? i : -1)).filter((i) => i >= 0);
  // Short fields alone that do not fit side by side go into blocks, one per fact.
  if (long.length === 0) return left >= 0 ? widths : null;
  const shares = long.reduce((s, i) => s + SHARE[fields[i]], 0);
  let spare = left;
  for (const i of long) {
    widths[i] = Math.floor((left * SHARE[fields[i]]) / shares);
    if (widths[i] < Math.min(MIN_LONG, natural[i])) return null;
    spare -= widths[i];
  }
  // A long column that needs less than its share gives the rest to the others.
  for (const i of long) {
    if (natural[i] < widths[i]) {
      spare += widths[i] - natural[i];
      widths[i] = natural[i];
    }
  }
  for (const i of long) {
    if (spare <= 0) break;
    const more = Math.min(spare, natural[i] - widths[i]);
    if (more > 0) {
      widths[i] += more;
      spare -= more;
    }
  }
  return widths.map((w) => Math.max(1, w));
}

export function themesTable(themes: readonly ThemeSummary[], opts: TableOptions): string {
  const c = new Chalk({ level: opts.color });
  const fixed = Math.max(...themes.map((t) => displayWidth(t.id)), 2);
  const count = 5;
  const rest = opts.width - fixed - count - 4 * 3 - 1;
  if (rest < 36) {
    // Too narrow for four columns: a block per theme, as for facts.
    const inner = Math.max(10, opts.width - 4, fixed + count + 2);
    const table = new Table({ colWidths: [inner + 2], style: BORDERLESS_STYLE });
    for (const t of themes) {
      const facts = `${t.facts} facts`;
      const head = `${c.cyan(t.id)}${' '.repeat(Math.max(2, inner - displayWidth(t.id) - facts.length))}${facts}`;
      const body = wrapText(`${t.name}: ${t.zone ?? '—'}`, inner).join('\n');
      table.push([`${head}\n${body}`]);
    }
    return `${table.toString()}\n`;
  }
  const nameW = Math.min(Math.max(...themes.map((t) => displayWidth(t.name)), 4), Math.floor(rest * 0.35));
  const zoneW = rest - nameW;
  const table = new Table({
    head: ['id', 'name', 'zone', 'facts'].map((h) => c.bold(h)),
    colWidths: [fixed + 2, nameW + 2, zoneW + 2, count + 2],
    colAligns: ['left', 'left', 'left', 'right'],
    style: BORDERLESS_STYLE,
  });
  for (const t of themes) {
    table.push([
      c.cyan(t.id),
      wrapText(t.name, nameW).join('\n'),
      wrapText(t.zone ?? '—', zoneW).join('\n'),
      String(t.facts),
    ]);
  }
  return `${table.toString()}\n`;
}

/** `show`: every field of one fact, labelled, the source quoted in full. */
export function factCard(fact: Fact, theme: Theme | undefined, opts: TableOptions, context?: string): string {
  const c = new Chalk({ level: opts.color });
  const entries: [string, string][] = [
    ['statement', fact.statement],
    ['theme', theme ? `${fact.theme} (${theme.name})` : fact.theme],
  ];
  if (fact.figures?.length) entries.push(['figures', fact.figures.map(figureLine).join('\n')]);
  if (fact.rank) entries.push(['rank', rankLine(fact)]);
  if (fact.year !== undefined) entries.push(['year', String(fact.year)]);
  if (fact.date) entries.push(['date', fact.date]);
  entries.push(['source', `"${fact.source}"`]);
  if (fact.section) entries.push(['section', fact.section]);
  if (context) entries.push(['context', context]);
  if (fact.tags?.length) entries.push(['tags', fact.tags.join(', ')]);
  if (fact.zh?.length) entries.push(['zh', fact.zh.join('、')]);

  const labelW = Math.max(...entries.map(([k]) => k.length));
  // The id heads the card across both columns; it is never cut, so the card
  // is at least as wide as the id.
  const valueW = Math.max(20, opts.width - labelW - 2 * 3 - 1, displayWidth(fact.id) - labelW - 3);
  const table = new Table({ colWidths: [labelW + 2, valueW + 2], style: BORDERLESS_STYLE });
  table.push([{ content: c.cyan.bold(fact.id), colSpan: 2 }]);
  for (const [k, v] of entries) {
    const lines = wrapText(v, valueW);
    // In the paragraph, the fact's own sentence stands out.
    table.push([c.bold(k), (k === 'context' ? markPart(lines, v, fact.source, c) : lines).join('\n')]);
  }
  return `${table.toString()}\n`;
}

/** Wrapped lines of `text` with the span of `part` in bold yellow, across line breaks. */
export function markPart(lines: readonly string[], text: string, part: string, c: ChalkInstance): string[] {
  const start = text.indexOf(part);
  if (start < 0 || c.level === 0) return [...lines];
  const end = start + part.length;
  let cursor = 0;
  return lines.map((line) => {
    const at = text.indexOf(line, cursor);
    if (at < 0) return line;
    cursor = at + line.length;
    const from = Math.max(start, at) - at;
    const to = Math.min(end, at + line.length) - at;
    if (from >= to) return line;
    return line.slice(0, from) + c.bold.yellow(line.slice(from, to)) + line.slice(to);
  });
}

function figureLine(g: Figure): string {
  const value = `${groupThousands(g.value)} ${g.unit}`;
  return `${g.text}  (${value}${g.qualifier ? `, ${g.qualifier}` : ''})`;
}

function rankLine(fact: Fact): string {
  const r = fact.rank!;
  return r.position === undefined ? `${r.text} (${r.scope})` : `No. ${r.position} in ${r.scope}: ${r.text}`;
}

/** 3370000000000 -> "3,370,000,000,000"; by hand, as toLocaleString() first loads ICU (~20 ms). */
export function groupThousands(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${digits}${fraction ? `.${fraction}` : ''}`;
}
