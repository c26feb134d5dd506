// One fact at random, repeatable with a seed (mulberry32, a small, well-mixed
// 32-bit generator), so tests and "fact of the day" scripts can pin it.

export function pickRandom<T>(items: readonly T[], seed?: string): T | undefined {
  return pickNth(items.length, seed, (n) => items[n]);
}

/** The same pick from `count` items read by position: an on-disk index reads only the one. */
export function pickNth<T>(count: number, seed: string | undefined, nth: (n: number) => T | undefined): T | undefined {
  if (count === 0) return undefined;
  const r = seed === undefined ? Math.random() : mulberry32(fnv1a(seed));
  return nth(Math.floor(r * count));
}

/** The seed as written, hashed to 32 bits, so 1 and 4294967297 differ. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function mulberry32(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
