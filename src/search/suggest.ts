// "Did you mean ...?" for themes, fact ids and fields.

/** Damerau-Levenshtein distance (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/**
 * Candidates close to `input`: within a third of its length in edits, or
 * containing it (a partial id), closest first, at most `max`.
 */
export function suggest(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  if (!needle) return [];
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const hay = c.toLowerCase();
    const d = editDistance(needle, hay);
    if (d <= Math.max(1, Math.floor(needle.length / 3))) scored.push({ c, d });
    else if (needle.length >= 3 && hay.includes(needle)) scored.push({ c, d: 100 + hay.length });
  }
  return scored
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0))
    .slice(0, max)
    .map((s) => s.c);
}

/** " (did you mean x or y?)", or "" when nothing is close. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const s = suggest(input, candidates);
  if (s.length === 0) return '';
  const list = s.length === 1 ? s[0] : `${s.slice(0, -1).join(', ')} or ${s[s.length - 1]}`;
  return ` (did you mean ${list}?)`;
}
