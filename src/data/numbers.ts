// Finds the numbers in English text, as the article writes them: digits
// ("1,031", "38.6%", "RMB 3.37 trillion"), number words ("Seven", "ten
// minutes"), ordinals ("11th", "third") and "half". verify and the coverage
// test use it to check that facts say what their sentences say.

export interface NumberMention {
  /** The number as a plain value, scale applied: "3.37 trillion" is 3370000000000. */
  value: number;
  /** The words as written, e.g. "3.37 trillion". */
  text: string;
  /** Where `text` starts in the searched string. */
  index: number;
}

// Maps, not objects: a word of the text is never looked up among Object's properties.
const WORDS = new Map(Object.entries({
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
}));
const ORDINALS = new Map(Object.entries({
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
}));
const SCALES = new Map(Object.entries({ thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }));

// "One" and "first" are left out on purpose: "one of", "the first to" are
// everywhere and rarely a quantity. "half" counts ("half a day").
const WORD_ALTERNATIVES = [...WORDS.keys(), ...ORDINALS.keys(), 'half'].join('|');
const NUMBER = new RegExp(
  String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:st|nd|rd|th)?(?:\s+(thousand|million|billion|trillion)\b)?` +
    String.raw`|\b(${WORD_ALTERNATIVES})\b(?:\s+(thousand|million|billion|trillion)\b)?`,
  'gi',
);

export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [whole, digits, digitScale, word, wordScale] = m;
    // Letters glued to digits are a model or a code ("M8"), not a quantity.
    if (digits && /[A-Za-z]/.test(text.charAt(m.index - 1))) continue;
    // One of the two alternatives matched: digits, or else a number word.
    const base = digits ? Number(digits.replace(/,/g, '')) : word ? wordValue(word) : Number.NaN;
    const scale = SCALES.get((digitScale ?? wordScale ?? '').toLowerCase()) ?? 1;
    out.push({ value: round(base * scale), text: whole, index: m.index });
  }
  return out;
}

function wordValue(word: string): number {
  const w = word.toLowerCase();
  return w === 'half' ? 0.5 : (WORDS.get(w) ?? ORDINALS.get(w) ?? Number.NaN);
}

/** Floating-point products such as 3.37 * 1e12 are rounded to what was written. */
function round(n: number): number {
  return Number(n.toPrecision(12));
}
