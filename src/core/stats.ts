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
  const themes = data.themes.map((t) => {
    const facts = data.facts.filter((f) => f.theme === t.id);
    return { ...t, facts: facts.length, withFigures: facts.filter((f) => f.figures?.length).length };
  });
  return {
    facts: data.facts.length,
    withFigures: data.facts.filter((f) => f.figures?.length).length,
    themes,
  };
}

/** The themes in file order, each with how many facts it has. */
export function themeSummaries(data: FactsFile): ThemeSummary[] {
  return stats(data).themes.map(({ withFigures: _, ...t }) => t);
}
