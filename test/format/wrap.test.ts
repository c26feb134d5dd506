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
