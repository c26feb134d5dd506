// Parsing and checking option values that commander hands over as strings.
import { InvalidArgumentError } from 'commander';
import { UsageError } from './errors.js';
import { didYouMean } from './suggest.js';
import type { Theme } from './types.js';

/** `--theme a,b --theme c` -> ['a', 'b', 'c']. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim())];
}

export function positiveInt(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('must be a positive whole number');
  }
  return Number(value);
}

/** Checks theme ids against the data; an unknown one is a usage error with the valid ids. */
export function checkThemes(ids: string[] | undefined, themes: readonly Theme[]): string[] | undefined {
  if (!ids) return undefined;
  const valid = themes.map((t) => t.id);
  const wanted = ids.filter(Boolean);
  if (wanted.length === 0) throw new UsageError(`--theme needs a theme id; valid themes: ${valid.join(', ')}`);
  for (const id of wanted) {
    if (!valid.includes(id)) {
      throw new UsageError(`unknown theme '${printable(id)}'${didYouMean(id, valid)}; valid themes: ${valid.join(', ')}`);
    }
  }
  return [...new Set(wanted)];
}

/** User text made safe to echo in a message: control characters shown as escapes, long text cut. */
export function printable(text: string, max = 60): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
