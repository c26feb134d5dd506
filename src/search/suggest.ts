// "Did you mean ...?" for themes, fact ids and fields.

/**
 * Damerau-Levenshtein distance (optimal string alignment), or `max + 1` when
 * it is more than `max`. Only cells within `max` of the diagonal are computed,
 * two rows back kept, and the work stops once a whole row is past `max`: the
 * cost is length x max, not length x length, so a 100,000-character input
 * costs little.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length;
  const band = Math.min(max, Math.max(a.length, m));
  const far = band + 1; // any distance past the band
  let older = new Array<number>(m + 2).fill(far);
  let prev = new Array<number>(m + 2).fill(far);
  let cur = new Array<number>(m + 2).fill(far);
  for (let j = 0; j <= Math.min(m, band); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(m, i + band);
    const first = from === 1 && i <= band ? i : far;
    cur[from - 1] = first;
    let rowMin = first;
    // Every cell of a row starts as `far`, so `?? far` only restates that for the type checker.
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? far) + 1, (cur[j - 1] ?? far) + 1, (prev[j - 1] ?? far) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (older[j - 2] ?? far) + 1);
      d = Math.min(d, far);
      cur[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    // The next row reads one cell to the right of this row's band.
    if (to + 1 <= m) cur[to + 1] = far;
    if (rowMin > max) return max + 1;
    [older, prev, cur] = [prev, cur, older];
  }
  return Math.min(prev[m] ?? far, max + 1);
}

/** Inputs longer than this get no "did you mean": no id is that long, and comparing costs length x length. */
const MAX_COMPARED = 100;

/**
 * Candidates close to `input`: within a third of its length in edits, or
 * containing it (a partial id), closest first, at most `max`.
 */
export function suggest(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  if (!needle || needle.length > MAX_COMPARED) return [];
  const allowed = Math.max(1, Math.floor(needle.length / 3));
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const hay = c.toLowerCase();
    const d = editDistance(needle, hay, allowed);
    if (d <= allowed) scored.push({ c, d });
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
