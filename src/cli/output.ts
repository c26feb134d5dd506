// Turns command results into the text the user asked for. Table code is
// imported only when a table is wanted, so JSON stays fast.
import { record, type Row } from '../format/fields.js';
import { rowsToJson, rowsToNdjson, toJson, toNdjson } from '../format/json.js';
import type { Fact, Theme, ThemeSummary } from '../data/types.js';

export type Mode = 'table' | 'json' | 'ndjson';

export interface OutputOptions {
  mode: Mode;
  /** Keys chosen with --fields. */
  fields?: string[];
  width: number;
  color: 0 | 1 | 2 | 3;
}

export async function renderRows(rows: readonly Row[], out: OutputOptions, tableFields: readonly string[]): Promise<string> {
  if (out.mode === 'json') return rowsToJson(rows, out.fields);
  if (out.mode === 'ndjson') return rowsToNdjson(rows, out.fields);
  const { factsTable } = await import('../format/table.js');
  return factsTable(rows, out.fields ?? tableFields, out);
}

export async function renderThemes(themes: readonly ThemeSummary[], out: OutputOptions): Promise<string> {
  if (out.mode === 'json') return toJson(themes);
  if (out.mode === 'ndjson') return toNdjson(themes);
  const { themesTable } = await import('../format/table.js');
  return themesTable(themes, out);
}

/** `show`: one fact; with its paragraph (`context`) when asked for. */
export async function renderFact(
  fact: Fact,
  theme: Theme | undefined,
  out: OutputOptions,
  context?: string,
): Promise<string> {
  const row = { fact, context };
  if (out.mode === 'json') return toJson(record(row, out.fields));
  if (out.mode === 'ndjson') return toNdjson([record(row, out.fields)]);
  const { factCard, factsTable } = await import('../format/table.js');
  return out.fields ? factsTable([row], out.fields, out) : factCard(fact, theme, out, context);
}
