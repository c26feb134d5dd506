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
 * controls, the Arabic letter mark, zero-width space/non-joiner/joiner, the
 * left-to-right and right-to-left marks, the line and paragraph separators,
 * the bidi embeddings, overrides and isolates, the word joiner and the
 * byte-order mark (zero-width no-break space).
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

const escape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Whether `text` holds a character that `visible` would escape. */
export const hasInvisible = (text: string): boolean => INVISIBLE.test(text);

/** `text` with every control, bidi and zero-width character shown as `\uXXXX`. */
export function visible(text: string): string {
  // Most text has none: testing is cheaper than replacing.
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, escape) : text;
}

/**
 * The same for JSON text: characters that JSON.stringify leaves raw (DEL, C1,
 * bidi and zero-width ones; it escapes C0 itself) become \u escapes, which any
 * JSON parser reads back as the same string. They can stand only inside
 * strings, so this never changes what the JSON means.
 */
const JSON_RAW = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/;
const JSON_RAW_ALL = new RegExp(JSON_RAW.source, 'g');

export function visibleJson(json: string): string {
  return JSON_RAW.test(json) ? json.replace(JSON_RAW_ALL, escape) : json;
}
