// One rule for text shown to people: a facts file (or a user's input) may
// carry characters that a terminal obeys instead of showing — ESC starts
// clear-screen, window-title (OSC 0), hyperlink (OSC 8) and clipboard (OSC 52)
// sequences, CR overwrites a line, bidi controls reorder what is shown and
// zero-width characters hide text. Every such character in data is shown as
// an escape (`\u001b`) before our own layout and colour codes are added, so
// the only controls that reach a terminal are the newlines and SGR colours we
// write ourselves.

/**
 * C0 controls (tab and newline included: in data they are data), DEL, C1
 * controls, the line and paragraph separators, and every format character
 * (general category Cf: bidi marks, embeddings, overrides and isolates,
 * zero-width space/joiners, the soft hyphen, the byte-order mark, invisible
 * operators, interlinear annotation, tags) and every default-ignorable code
 * point (variation selectors, Hangul fillers, Mongolian selectors, ...): all
 * are drawn as nothing, or obeyed, and so could hide or reorder text.
 */
const INVISIBLE_SOURCE = String.raw`[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Cf}\p{Default_Ignorable_Code_Point}]`;
// Made on first use, as the others below: Unicode properties cost a lookup
// time to parse, and most text never needs them (tests/e2e/start-up.test.ts).
let invisible: RegExp | undefined;
let invisibleAll: RegExp | undefined;
// Most text is printable ASCII, which has none of them: one cheap test first.
/**
 * Ranges that hold no character the property regex matches (checked over
 * every code point in test/security/invisible.test.ts): printable ASCII,
 * Latin-1 and Latin letters without the soft hyphen, general punctuation
 * between the zero-width characters and the separators, and between those and
 * the word joiners, CJK punctuation, kana, the unified ideographs, and the
 * fullwidth and halfwidth forms before the halfwidth Hangul filler. Text made
 * of these alone (English and Chinese facts) never builds the property regex,
 * whose construction costs a JSON lookup over half a millisecond.
 */
export const SAFE_RANGES = String.raw`\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205f\u3000-\u30ff\u4e00-\u9fff\uff01-\uff9f`;
const MAYBE_INVISIBLE = new RegExp(`[^${SAFE_RANGES}]`);

/** `\uXXXX` for each UTF-16 unit: a character beyond U+FFFF as its surrogate pair, as JSON writes it. */
const escape = (ch: string) => {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
};

/** Whether `text` holds a character that `visible` would escape. */
export const hasInvisible = (text: string): boolean =>
  MAYBE_INVISIBLE.test(text) && (invisible ??= new RegExp(INVISIBLE_SOURCE, 'u')).test(text);

/** `text` with every control, format and default-ignorable character shown as `\uXXXX`. */
export function visible(text: string): string {
  // Most text has none: testing is cheaper than replacing.
  return hasInvisible(text) ? text.replace((invisibleAll ??= new RegExp(INVISIBLE_SOURCE, 'gu')), escape) : text;
}

/**
 * The same for JSON text: characters that JSON.stringify leaves raw (DEL, C1,
 * format and default-ignorable ones; it escapes C0 itself) become \u escapes, which any
 * JSON parser reads back as the same string. They can stand only inside
 * strings, so this never changes what the JSON means.
 */
const JSON_RAW_SOURCE = String.raw`[\u007f-\u009f\u2028\u2029\p{Cf}\p{Default_Ignorable_Code_Point}]`;
let jsonRaw: RegExp | undefined;
let jsonRawAll: RegExp | undefined;
const MAYBE_RAW_IN_JSON = new RegExp(`[^\\n${SAFE_RANGES}]`);

export function visibleJson(json: string): string {
  return MAYBE_RAW_IN_JSON.test(json) && (jsonRaw ??= new RegExp(JSON_RAW_SOURCE, 'u')).test(json)
    ? json.replace((jsonRawAll ??= new RegExp(JSON_RAW_SOURCE, 'gu')), escape)
    : json;
}
