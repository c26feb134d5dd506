import { describe, expect, it } from 'vitest';
import { displayWidth, wrapText } from '../../src/format/wrap.js';

describe('wrapText', () => {
  it.each([
    ['the quick brown fox', 10, ['the quick', 'brown fox']],
    ['short', 10, ['short']],
    ['abcdefghijkl', 5, ['abcde', 'fghij', 'kl']],
    ['重庆汽车产量', 4, ['重庆', '汽车', '产量']],
    ['GDP 重庆', 5, ['GDP', '重庆']],
    ['line one\nline two', 20, ['line one', 'line two']],
  ])('%j at %i', (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });

  it('never makes a line wider than asked', () => {
    const text = 'Chongqing 重庆 streamlined its key municipal SOEs to 33 entities, 优化布局 optimizing layout.';
    for (let w = 2; w < 40; w++) {
      for (const line of wrapText(text, w)) expect(displayWidth(line)).toBeLessThanOrEqual(w);
    }
  });
});

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['重庆', 4],
    ['ＧＤＰ', 6],
    ['🚗', 2],
    ['🚇⚡✅☕⭐⌚', 12],
    ['👍🏽', 2],
    ['❤️', 2],
    ['👨‍👩‍👧', 2],
    ['e\u0301', 1],
    ['\u001b[31mred\u001b[39m', 3],
    ['a\tb', 2],
  ])('%j is %i columns', (text, width) => expect(displayWidth(text)).toBe(width));
});

// wrapText slices lines out of the text instead of joining its words (a
// speed trick): this is the plain way, by regex, that it must agree with.
function wrapByWords(text: string, width: number): string[] {
  const units = /\s+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    let space = false;
    for (const [unit] of paragraph.matchAll(units)) {
      if (/^\s/.test(unit)) {
        space = lineWidth > 0;
        continue;
      }
      const uw = displayWidth(unit);
      const gap = space ? 1 : 0;
      space = false;
      if (lineWidth + gap + uw <= width) {
        line += (gap ? ' ' : '') + unit;
        lineWidth += gap + uw;
        continue;
      }
      if (lineWidth > 0) lines.push(line);
      line = unit;
      lineWidth = uw;
      if (uw > width) {
        let cut = '';
        let cw = 0;
        for (const ch of unit) {
          const chw = displayWidth(ch);
          if (cw + chw > width && cw > 0) {
            lines.push(cut);
            cut = '';
            cw = 0;
          }
          cut += ch;
          cw += chw;
        }
        line = cut;
        lineWidth = displayWidth(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

describe('wrapText agrees with wrapping word by word', () => {
  const pieces = ['a', 'bc', 'é', ' ', '  ', '\t', '\n', '重', '庆', 'ｶ', 'ア', '한', '\u1160', '😀', '👍🏽', '\u200d', '\ufe0f', '❤', '\u0301', '\u001b[31m', '\u3000', '\u00a0', '\ud800', '\udc00', '\u200b', 'ＧＤＰ', '-', '\u2028'];
  it.each([
    ['a  b', 5],
    ['a\tb c', 9],
    ['\u200b x', 3],
    ['\u200b\u200b abc', 2],
    ['重庆 GDP\u3000abc', 4],
    ['  lead and trail  ', 6],
    ['\n\n', 3],
    ['👍🏽👍🏽👍🏽', 3],
  ])('%j at %i', (text, width) => expect(wrapText(text, width)).toEqual(wrapByWords(text, width)));

  it('on 20,000 random texts of awkward characters', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let k = next(20); k > 0; k--) text += pieces[next(pieces.length)] ?? '';
      const width = 1 + next(8);
      expect(wrapText(text, width), JSON.stringify([text, width])).toEqual(wrapByWords(text, width));
    }
  });
});
