// Narrowing facts by theme, year and figure, and sorting them by value. Used
// by list and search alike.
import type { Fact } from '../data/types.js';

export interface Selection {
  themes?: readonly string[];
  year?: number;
  /** Keep facts with a figure of at least / at most this value (of `unit`, when given). */
  min?: number;
  max?: number;
  unit?: string;
}

/** Whether any number filter is set: facts without figures then drop out. */
const numeric = (s: Selection) => s.min !== undefined || s.max !== undefined || s.unit !== undefined;

/** The figures of a fact that satisfy the selection's number filters. */
export function matchingFigures(fact: Fact, s: Selection) {
  const unit = s.unit?.toLowerCase();
  return (fact.figures ?? []).filter(
    (g) =>
      (unit === undefined || g.unit.toLowerCase() === unit) &&
      (s.min === undefined || g.value >= s.min) &&
      (s.max === undefined || g.value <= s.max),
  );
}

export function selects(fact: Fact, s: Selection): boolean {
  // A few themes at most: --theme lists what a person typed.
  if (s.themes && !s.themes.includes(fact.theme)) return false;
  if (s.year !== undefined && fact.year !== s.year) return false;
  return !numeric(s) || matchingFigures(fact, s).length > 0;
}

/** Largest first, by the largest figure that the selection lets through; facts without one last. */
export function byValue<T extends { fact: Fact }>(rows: readonly T[], s: Selection): T[] {
  const value = (r: T) => matchingFigures(r.fact, s).reduce((most, g) => Math.max(most, g.value), -Infinity);
  return rows
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .map((x) => x.r);
}

/** The units the facts use, for help and error messages. */
export function units(facts: readonly Fact[]): string[] {
  return [...new Set(facts.flatMap((f) => (f.figures ?? []).map((g) => g.unit)))].sort();
}
