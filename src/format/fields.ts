// Which keys a fact record has, and how --fields picks among them.
import { printable, UsageError } from '../errors.js';
import { didYouMean } from '../search/suggest.js';
import type { Fact } from '../data/types.js';
import { plainNumber } from './number.js';

/** A fact as a command returns it; search adds its score and the words it matched, show its paragraph. */
export interface Row {
  fact: Fact;
  score?: number;
  matched?: string[];
  context?: string;
}

export const FACT_FIELDS = [
  'id',
  'theme',
  'statement',
  'source',
  'section',
  'figures',
  'rank',
  'year',
  'date',
  'tags',
  'zh',
] as const;

/** `--fields id,statement` -> ['id', 'statement']; an unknown name is a usage error. */
export function parseFields(spec: string, allowed: readonly string[]): string[] {
  const names = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(`--fields needs at least one field; valid fields: ${allowed.join(', ')}`);
  for (const name of names) {
    if (!allowed.includes(name)) {
      throw new UsageError(
        `unknown field '${printable(name)}'${didYouMean(name, allowed)}; valid fields: ${allowed.join(', ')}`,
      );
    }
  }
  return [...new Set(names)];
}

/**
 * The JSON record for a row. Without chosen fields: the fact as stored (absent
 * optional keys stay absent) plus `score` for search; with them: exactly those
 * keys, null where the fact has no value, so every line has the same shape.
 */
export function record(row: Row, fields?: readonly string[]): Record<string, unknown> {
  const full: Record<string, unknown> = { ...row.fact };
  if (row.score !== undefined) full.score = row.score;
  if (row.context !== undefined) full.context = row.context;
  if (!fields) return full;
  return Object.fromEntries(fields.map((f) => [f, Object.hasOwn(full, f) ? (full[f] ?? null) : null]));
}

/**
 * A field of a row as one line of text, unescaped (each output escapes in its
 * own way): lists joined, numbers in full decimal, absent values empty.
 */
export function fieldValue(row: Row, field: string): string {
  const f = row.fact;
  switch (field) {
    case 'score':
      return row.score === undefined ? '' : row.score.toFixed(3);
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
      const v = Object.hasOwn(f, field) ? (f as unknown as Record<string, unknown>)[field] : undefined;
      // The other fields are text or whole numbers (the schema says so, and loading checks it).
      return typeof v === 'number' ? plainNumber(v) : typeof v === 'string' ? v : '';
    }
  }
}
