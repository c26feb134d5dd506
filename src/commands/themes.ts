import type { FactsFile, ThemeSummary } from '../types.js';

/** The themes in file order, each with how many facts it has. */
export function themeSummaries(data: FactsFile): ThemeSummary[] {
  const counts = new Map<string, number>();
  for (const f of data.facts) counts.set(f.theme, (counts.get(f.theme) ?? 0) + 1);
  return data.themes.map((t) => ({ ...t, facts: counts.get(t.id) ?? 0 }));
}
