// Wrapping by display width: Chinese characters take two columns and may
// break anywhere; other words break at spaces, or hard when longer than a line.
// Linear in the text: every character is measured once (twice at most when a
// word is cut).
import { displayWidth } from './width.js';

export { displayWidth };

// Made on first use: even creating it costs a lookup most of a millisecond (test/e2e/start-up.test.ts).
let units: RegExp | undefined;
const newUnits = () =>
  new RegExp(String.raw`\s+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+`, 'gu');
// Most text is ASCII, and this needs no Unicode tables (compiling the other costs about a millisecond).
const ASCII_UNITS = /\s+|\S+/g;
const ASCII = /^[\x00-\x7f]*$/;

export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    // The line's pieces, joined when it is done: a line built with += is a
    // tree of string pieces that stays alive in `lines`. Joined, wrapping
    // 1.75 million characters took 340-400 ms instead of 550-690 ms.
    let line: string[] = [];
    let lineWidth = 0;
    let space = false;
    const push = () => {
      lines.push(line.join(''));
      line = [];
      lineWidth = 0;
    };
    // One match at a time: an array of every word first would be garbage as large as the text.
    const re = ASCII.test(paragraph) ? ASCII_UNITS : (units ??= newUnits());
    re.lastIndex = 0;
    for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
      const unit = m[0];
      if (/^\s/.test(unit)) {
        space = lineWidth > 0;
        continue;
      }
      const uw = displayWidth(unit);
      const gap = space ? 1 : 0;
      space = false;
      if (lineWidth + gap + uw <= w) {
        if (gap) line.push(' ');
        line.push(unit);
        lineWidth += gap + uw;
        continue;
      }
      if (lineWidth > 0) push();
      if (uw > w) {
        // A word wider than the line is cut, character by character, in one pass.
        let start = 0;
        let cw = 0;
        for (let i = 0; i < unit.length; ) {
          // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < unit.length, so there is a code point at i
          const next = i + (unit.codePointAt(i)! > 0xffff ? 2 : 1);
          const chw = displayWidth(unit.slice(i, next));
          if (cw + chw > w && cw > 0) {
            lines.push(unit.slice(start, i));
            start = i;
            cw = 0;
          }
          cw += chw;
          i = next;
        }
        const rest = unit.slice(start);
        line = [rest];
        lineWidth = displayWidth(rest);
        continue;
      }
      line = [unit];
      lineWidth = uw;
    }
    push();
  }
  return lines;
}
