// Counts per theme, for `themes` and `stats`.
import type { FactsFile, ThemeSummary } from '../data/types.js';

export interface ThemeStats extends ThemeSummary {
  /** How many of the theme's facts carry figures. */
  withFigures: number;
}

export interface Stats {
  facts: number;
  withFigures: number;
  themes: ThemeStats[];
}

export function stats(data: FactsFile): Stats {
  // One pass over the facts, counted by theme id: facts x themes would be quadratic.
  const counts = new Map<string, { facts: number; withFigures: number }>();
  let withFigures = 0;
  for (const f of data.facts) {
    const figured = f.figures?.length ? 1 : 0;
    withFigures += figured;
    const c = counts.get(f.theme) ?? { facts: 0, withFigures: 0 };
    c.facts += 1;
    c.withFigures += figured;
    counts.set(f.theme, c);
  }
  const themes = data.themes.map((t) => ({ ...t, facts: 0, withFigures: 0, ...counts.get(t.id) }));
  return { facts: data.facts.length, withFigures, themes };
}

/** The themes in file order, each with how many facts it has. */
export function themeSummaries(data: FactsFile): ThemeSummary[] {
  return stats(data).themes.map(({ withFigures: _, ...t }) => t);
}
