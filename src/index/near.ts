// Which words of an on-disk index may be a typo or a start of a query word,
// found with the index's tables instead of a look at every word. rank.ts
// keeps a word for a typo only when similarity() gives it at least 0.7, so
// a lookup need only hand over the words that similarity() can take: a plan
// of whole words, and of words that start or end with a piece, of lengths
// in a range. The plan finds every such word (test/index/near.test.ts checks
// it against every word of big vocabularies); fuse.js and similarity() then
// decide over those alone, as over all words, so the results are the same.
//
// Lengths count code points, as SQLite's length() does; a query word with a
// character beyond the BMP gets no plan (every word is compared instead).

/** Words that start (or end) with one of `keys`, of `min` to `max` characters. */
export interface Span {
  keys: string[];
  min: number;
  max: number;
}

export interface NearPlan {
  /** Words looked up whole. */
  exact: string[];
  starts: Span[];
  ends: Span[];
}

/**
 * What similarity() (rank.ts) can take for `q`, and how each part is found:
 * - a start of a longer word, at most 4x as long: words starting with q;
 * - 3 and 4 letters: the same letters in another order;
 * - 5 and more: q's own starts of 4 letters or more, at most 3 shorter;
 * - 5 to 7 letters, one edit (Damerau: left out, added, changed, two
 *   swapped): every such variant, looked up;
 * - 8 and more, up to two edits: q cut in three pieces (the outer ones the
 *   longer). An edit touches one piece, unless it swaps the two letters
 *   where pieces meet. So with no such swap, a piece is intact: the first
 *   (the word starts with it), the last (ends with it), or the middle, with
 *   one edit in the first piece (starts with a variant of the first piece
 *   and then the middle one). With such a swap, the word is one edit from
 *   q with those letters swapped: cut that in two, a half is intact, or
 *   the edit swaps the letters where the halves meet.
 */
export function nearPlan(q: string, alphabet: readonly string[]): NearPlan | undefined {
  if (/[\ud800-\udfff]/.test(q)) return undefined;
  const n = q.length;
  const plan: NearPlan = { exact: [q], starts: [], ends: [] };
  if (n !== 3) plan.starts.push({ keys: [q], min: n, max: 4 * n });
  if (n === 3 || n === 4) plan.exact.push(...permutations(q));
  if (n >= 5) for (let len = Math.max(4, n - 3); len < n; len++) plan.exact.push(q.slice(0, len));
  if (n >= 5 && n <= 7) plan.exact.push(...oneEdit(q, letters(q, alphabet)));
  if (n >= 8) {
    const a = Math.ceil(n / 3);
    const b = n - a;
    const first = q.slice(0, a);
    const middle = q.slice(a, b);
    plan.starts.push({ keys: [first], min: n - 2, max: n + 2 });
    plan.ends.push({ keys: [q.slice(b)], min: n - 2, max: n + 2 });
    plan.starts.push({ keys: [...new Set(oneEdit(first, letters(q, alphabet)))].map((e) => e + middle), min: n - 2, max: n + 2 });
    const h = Math.floor(n / 2);
    for (const swapped of [swapAt(q, a), swapAt(q, b)]) {
      plan.exact.push(swapped, swapAt(swapped, h));
      plan.starts.push({ keys: [swapped.slice(0, h)], min: n - 1, max: n + 1 });
      plan.ends.push({ keys: [swapped.slice(h)], min: n - 1, max: n + 1 });
    }
  }
  plan.exact = [...new Set(plan.exact)];
  return plan;
}

/** Whether `word` is one the plan finds (what the index's queries find; for tests). */
export function planFinds(plan: NearPlan, word: string): boolean {
  const len = [...word].length;
  const within = (s: Span) => len >= s.min && len <= s.max;
  return (
    plan.exact.includes(word) ||
    plan.starts.some((s) => within(s) && s.keys.some((k) => word.startsWith(k))) ||
    plan.ends.some((s) => within(s) && s.keys.some((k) => word.endsWith(k)))
  );
}

/** The index's letters and the query's: what an edit may put in. */
const letters = (q: string, alphabet: readonly string[]): string[] => [...new Set([...alphabet, ...q])];

/** `w` with the letters at i - 1 and i swapped. */
const swapAt = (w: string, i: number): string => w.slice(0, i - 1) + w.charAt(i) + w.charAt(i - 1) + w.slice(i + 1);

/** Every order of the letters of a short word (at most 24). */
function permutations(q: string): string[] {
  if (q.length <= 1) return [q];
  const out: string[] = [];
  for (let i = 0; i < q.length; i++) for (const rest of permutations(q.slice(0, i) + q.slice(i + 1))) out.push(q.charAt(i) + rest);
  return out;
}

/** Every word one edit from `w`: a letter left out, swapped with the next, changed, or added. */
export function oneEdit(w: string, alphabet: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) {
    out.push(w.slice(0, i) + w.slice(i + 1));
    if (i + 1 < w.length) out.push(swapAt(w, i + 1));
    for (const c of alphabet) out.push(w.slice(0, i) + c + w.slice(i + 1));
  }
  for (let i = 0; i <= w.length; i++) for (const c of alphabet) out.push(w.slice(0, i) + c + w.slice(i));
  return out;
}
