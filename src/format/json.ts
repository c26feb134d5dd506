// JSON for scripts: never coloured, nothing but the data.
import { record, type Row } from './fields.js';
import { visibleJson } from './visible.js';

// Standard JSON; characters a terminal would obey and JSON.stringify leaves raw are \u-escaped.
export function toJson(value: unknown): string {
  return `${visibleJson(JSON.stringify(value, null, 2))}\n`;
}

export function rowsToJson(rows: readonly Row[], fields?: readonly string[]): string {
  return toJson(rows.map((r) => record(r, fields)));
}

/** One compact record a line, for `jq -c` and `while read`; no rows, no output. */
export function toNdjson(values: readonly unknown[]): string {
  return values.map((v) => `${visibleJson(JSON.stringify(v))}\n`).join('');
}

export function rowsToNdjson(rows: readonly Row[], fields?: readonly string[]): string {
  return toNdjson(rows.map((r) => record(r, fields)));
}
