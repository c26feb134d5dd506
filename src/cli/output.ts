// The one output path: every command hands its result here with the format
// the user chose (or the default: the human form on a terminal, plain lines on
// a pipe) and prints what comes back. Table and chart code is imported only
// when wanted, so JSON and plain lookups stay fast.
import { fieldValue, record, type Row } from '../format/fields.js';
import { flat, type FlatFormat } from '../format/flat.js';
import { toJson, toNdjson } from '../format/json.js';
import { statsChart } from '../format/chart.js';
import { visible } from '../format/visible.js';
import type { Fact, Theme, ThemeSummary } from '../data/types.js';
import type { Stats } from '../core/stats.js';
import type { DatasetInfo } from '../core/info.js';
import { problemLines, type VerifyReport } from '../data/verify.js';

/** Formats of the record commands (search, list, show, themes; random adds `text`). */
export const FORMATS = ['table', 'plain', 'tsv', 'csv', 'markdown', 'json', 'ndjson'] as const;
export const RANDOM_FORMATS = ['text', ...FORMATS] as const;
export const STATS_FORMATS = ['chart', 'plain', 'tsv', 'csv', 'markdown', 'json'] as const;
export const INFO_FORMATS = ['text', 'plain', 'json'] as const;
export const VERIFY_FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number] | 'text' | 'chart';

export interface OutputOptions {
  format: Format;
  /** Keys chosen with --fields. */
  fields?: string[];
  width: number;
  color: 0 | 1 | 2 | 3;
  /** Box drawing and bars in ASCII: the locale is not UTF-8. */
  ascii: boolean;
}

const isFlat = (f: Format): f is FlatFormat => f === 'plain' || f === 'tsv' || f === 'csv' || f === 'markdown';

/** Key-value records (themes, stats, info) with --fields applied. */
function pick(value: object, fields?: readonly string[]): Record<string, unknown> {
  if (!fields) return { ...value };
  return Object.fromEntries(fields.map((f) => [f, Object.hasOwn(value, f) ? ((value as Record<string, unknown>)[f] ?? null) : null]));
}

const cellText = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Facts (search, list, random with a record format). */
export async function renderRows(rows: readonly Row[], out: OutputOptions, defaultFields: readonly string[]): Promise<string> {
  const fields = out.fields ?? defaultFields;
  if (out.format === 'json') return toJson(rows.map((r) => record(r, out.fields)));
  if (out.format === 'ndjson') return toNdjson(rows.map((r) => record(r, out.fields)));
  if (isFlat(out.format)) return flat(out.format, fields, rows.map((r) => fields.map((f) => fieldValue(r, f))));
  const { factsTable } = await import('../format/table.js');
  return factsTable(rows, fields, out);
}

/** `search --stdin`: each record with its query (a key in JSON, the first column in lines), a heading per query in a table. */
export async function renderBatch(
  batch: readonly { query: string; rows: readonly Row[] }[],
  out: OutputOptions,
  defaultFields: readonly string[],
): Promise<string> {
  const records = () => batch.flatMap((b) => b.rows.map((r) => ({ query: b.query, ...record(r, out.fields) })));
  if (out.format === 'json') return toJson(records());
  if (out.format === 'ndjson') return toNdjson(records());
  const fields = out.fields ?? defaultFields;
  if (isFlat(out.format)) {
    const rows = batch.flatMap((b) => b.rows.map((r) => [b.query, ...fields.map((f) => fieldValue(r, f))]));
    return flat(out.format, ['query', ...fields], rows);
  }
  const { factsTable, heading } = await import('../format/table.js');
  const parts = batch.filter((b) => b.rows.length > 0).map((b) => `${heading(`query: ${b.query}`, out)}\n${factsTable(b.rows, fields, out)}`);
  return parts.join('\n');
}

export const THEME_FIELDS = ['id', 'name', 'zone', 'facts'] as const;

export async function renderThemes(themes: readonly ThemeSummary[], out: OutputOptions): Promise<string> {
  if (out.format === 'json') return toJson(themes.map((t) => pick(t, out.fields)));
  if (out.format === 'ndjson') return toNdjson(themes.map((t) => pick(t, out.fields)));
  const fields = out.fields ?? THEME_FIELDS;
  if (isFlat(out.format)) return flat(out.format, fields, themes.map((t) => fields.map((f) => cellText(pick(t, [f])[f]))));
  const { themesTable } = await import('../format/table.js');
  return themesTable(themes, out, out.fields);
}

/** `show`: one fact; with its paragraph (`context`) when asked for. */
export async function renderFact(
  fact: Fact,
  theme: Theme | undefined,
  out: OutputOptions,
  fields: readonly string[],
  context?: string,
): Promise<string> {
  const row = { fact, context };
  if (out.format === 'json') return toJson(record(row, out.fields));
  if (out.format === 'ndjson') return toNdjson([record(row, out.fields)]);
  if (isFlat(out.format)) return renderRows([row], out, fields);
  const { factCard, factsTable } = await import('../format/table.js');
  return out.fields ? factsTable([row], out.fields, out) : factCard(fact, theme, out, context);
}

/** `random`: two lines for a shell greeting (`text`), or the fact as a record. */
export async function renderRandom(fact: Fact, out: OutputOptions, defaultFields: readonly string[]): Promise<string> {
  if (out.format === 'json') return toJson(record({ fact }, out.fields));
  if (out.format === 'text') return `${visible(fact.statement)}\n  > ${visible(fact.source)} (${visible(fact.id)})\n`;
  return renderRows([{ fact }], out, defaultFields);
}

export const STATS_FIELDS = ['id', 'facts', 'withFigures'] as const;

/** `stats`: a bar chart, the counts as JSON, or one line per theme: id, facts, facts with figures. */
export function renderStats(s: Stats, out: OutputOptions): string {
  if (out.format === 'json') return toJson(s);
  if (isFlat(out.format)) return flat(out.format, STATS_FIELDS, s.themes.map((t) => [t.id, String(t.facts), String(t.withFigures)]));
  return statsChart(s, out.width, out.ascii);
}

const INFO_KEYS = ['title', 'publisher', 'facts', 'themes', 'file', 'article', 'sha256'] as const;

/** `info`: aligned for people (`text`), `key<TAB>value` lines (`plain`), or JSON; absent keys left out. */
export function renderInfo(info: DatasetInfo, out: OutputOptions): string {
  if (out.format === 'json') return toJson(info);
  const rows = INFO_KEYS.filter((k) => info[k] !== undefined).map((k): [string, string] => [k, String(info[k])]);
  if (out.format === 'plain') return flat('plain', ['key', 'value'], rows);
  return rows.map(([k, v]) => `${k.padEnd(9)} ${visible(v)}\n`).join('');
}

/** `verify`: "ok: ..." or one problem a line (the same on a terminal and a pipe), or the report as JSON. */
export function renderVerify(report: VerifyReport, out: OutputOptions): string {
  if (out.format === 'json') return toJson(report);
  if (report.ok) return `ok: ${report.facts} facts agree with ${visible(report.article)}\n`;
  return problemLines(report);
}
