// Wrapping by display width: Chinese characters take two columns and may
// break anywhere; other words break at spaces, or hard when longer than a line.
// Linear in the text: one pass over its characters, measuring each once
// (twice at most when a word is cut). A line is a slice of the text where it
// can be (its words apart by one space), so wrapping allocates about one
// string a line, not one a word: 2 million characters of short words made
// 750,000 match objects and pieces, and the collector's share of the time
// grew with the size (test/security/size.test.ts).
import { charWidth, displayWidth } from './width.js';

export { displayWidth };

// Made on first use: even creating it costs a lookup most of a millisecond
// (test/e2e/start-up.test.ts). Sticky: tests one code point where it stands.
let cjk: RegExp | undefined;
const newCjk = () => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/uy;
/** Below this no code point is Han, Hiragana, Katakana or Hangul (Hangul Jamo start at U+1100). */
const FIRST_CJK = 0x1100;

/** JavaScript's \s, by code unit (every such character is in the BMP). */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Han, Hiragana, Katakana or Hangul: a character that is a word of its own. */
function isCjk(text: string, i: number, cp: number): boolean {
  if (cp < FIRST_CJK) return false;
  const re = (cjk ??= newCjk());
  re.lastIndex = i;
  return re.test(text);
}

export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let start = 0; ; ) {
    const nl = text.indexOf('\n', start);
    wrapParagraph(text, start, nl < 0 ? text.length : nl, Math.max(1, width), lines);
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

/** Wraps text[from, to), one paragraph, onto `lines`. */
function wrapParagraph(text: string, from: number, to: number, w: number, lines: string[]): void {
  // The line being filled: text[lineStart, lineEnd) while its words are apart
  // by one space or none, as the output has them; pieces once they are not.
  let lineStart = from;
  let lineEnd = from;
  let pieces: string[] | undefined;
  let lineWidth = 0;
  let space = false; // whitespace since the last word on this line
  let spaceIsOne = false; // ... and it was exactly one ' '
  const push = () => {
    lines.push(pieces ? pieces.join('') : text.slice(lineStart, lineEnd));
    pieces = undefined;
    lineStart = lineEnd;
    lineWidth = 0;
  };
  const startLine = (s: number, e: number, uw: number) => {
    pieces = undefined;
    lineStart = s;
    lineEnd = e;
    lineWidth = uw;
  };
  for (let i = from; i < to; ) {
    let c = text.charCodeAt(i);
    if (isSpace(c)) {
      const s = i;
      while (i < to && isSpace(text.charCodeAt(i))) i++;
      space = lineWidth > 0;
      spaceIsOne = i - s === 1 && c === 0x20;
      continue;
    }
    // A word: one CJK character, or a run of characters that are neither space nor CJK.
    const s = i;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < to, so there is a code point at i
    let cp = text.codePointAt(i)!;
    let uw: number;
    if (isCjk(text, i, cp)) {
      i += cp > 0xffff ? 2 : 1;
      uw = charWidth(cp, text, s, i);
    } else {
      let ascii = true; // printable ASCII: as wide as it is long
      for (;;) {
        ascii &&= c >= 0x20 && c <= 0x7e;
        i += cp > 0xffff ? 2 : 1;
        if (i >= to) break;
        c = text.charCodeAt(i);
        if (isSpace(c)) break;
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < to
        cp = text.codePointAt(i)!;
        if (isCjk(text, i, cp)) break;
      }
      uw = ascii ? i - s : displayWidth(text.slice(s, i));
    }
    const gap = space ? 1 : 0;
    const oneSpace = spaceIsOne;
    space = false;
    if (lineWidth + gap + uw <= w) {
      if (!pieces && lineStart === lineEnd) {
        startLine(s, i, uw);
        continue;
      }
      if (!pieces && (gap ? oneSpace && lineEnd + 1 === s : lineEnd === s)) {
        lineEnd = i; // still the text as it stands
      } else {
        pieces ??= [text.slice(lineStart, lineEnd)];
        if (gap) pieces.push(' ');
        pieces.push(text.slice(s, i));
      }
      lineWidth += gap + uw;
      continue;
    }
    if (lineWidth > 0) push();
    if (uw > w) {
      // A word wider than the line is cut, character by character, in one pass.
      let start = s;
      let cw = 0;
      for (let k = s; k < i; ) {
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- k < i, so there is a code point at k
        const kcp = text.codePointAt(k)!;
        const next = k + (kcp > 0xffff ? 2 : 1);
        const chw = charWidth(kcp, text, k, next);
        if (cw + chw > w && cw > 0) {
          lines.push(text.slice(start, k));
          start = k;
          cw = 0;
        }
        cw += chw;
        k = next;
      }
      startLine(start, i, displayWidth(text.slice(start, i)));
      continue;
    }
    startLine(s, i, uw);
  }
  push();
}
