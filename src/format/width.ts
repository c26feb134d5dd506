// How many terminal columns a string takes: Chinese, Japanese and Korean
// characters and emoji take two (a joined emoji sequence or one with a skin
// tone counts once), combining marks and controls none. Our own, because
// string-width 4 (cli-table3's) rebuilds a large emoji regex on every call,
// which showed up as the slowest part of drawing a table. One pass over the
// text, without copying it into an array: cost and memory are linear.

/**
 * The most columns an id may claim in a table or chart. Real ids are short;
 * a longer one is wrapped in its cell, so that one hostile id cannot make
 * every row as wide as itself (a table would grow with rows × id length).
 */
export const MAX_ID_WIDTH = 64;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ANSI = /\u001b\[[0-9;]*m/g;

export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const plain = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  let width = 0;
  let joined = false; // the character after a zero-width joiner draws inside the previous emoji
  for (let i = 0; i < plain.length; ) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < plain.length, so there is a code point at i
    const cp = plain.codePointAt(i)!;
    const next = i + (cp > 0xffff ? 2 : 1);
    if (joined) {
      joined = false;
    } else if (cp === 0x200d) {
      joined = true;
    } else if (plain.charCodeAt(next) === 0xfe0f && (emoji ??= /\p{Extended_Pictographic}/u).test(plain.slice(i, next))) {
      // A text-style symbol followed by the emoji selector (U+FE0F) is drawn as a two-column emoji.
      width += 2;
    } else {
      width += charWidth(cp, plain, i, next);
    }
    i = next;
  }
  return width;
}

// Made on first use: Unicode properties cost time to parse, and only symbols need them.
let emojiPresentation: RegExp | undefined;
let emoji: RegExp | undefined;

/** The columns of the code point `cp` at text[start, end), alone: what displayWidth gives that one code point. */
export function charWidth(cp: number, text: string, start: number, end: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0; // controls
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return 0; // skin tones colour the emoji before them
  if (cp >= 0x1100 && (isWide(cp) || (emojiPresentation ??= /\p{Emoji_Presentation}/u).test(text.slice(start, end)))) return 2;
  return 1;
}

/** East Asian wide and fullwidth characters (the ranges is-fullwidth-code-point uses). */
function isWide(cp: number): boolean {
  return (
    cp <= 0x115f ||
    cp === 0x2329 ||
    cp === 0x232a ||
    (cp >= 0x2e80 && cp <= 0x3247 && cp !== 0x303f) ||
    (cp >= 0x3250 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0xa4c6) ||
    (cp >= 0xa960 && cp <= 0xa97c) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6b) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1b000 && cp <= 0x1b001) ||
    (cp >= 0x1f200 && cp <= 0x1f251) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
