// Characters drawn as nothing (format characters, Unicode category Cf, and
// default-ignorable code points) can hide or disguise text: each is shown as
// an escape in text output, in JSON and in the MCP server's short texts.
import { describe, expect, it } from 'vitest';
import { SAFE_RANGES, visible, visibleJson } from '../../src/format/visible.js';
import { clean } from '../../src/mcp/text.js';
import { cli } from '../helpers.js';
import { tinyFacts } from './hostile.js';
import bundled from '../../data/facts.json';

const escaped = (ch: string) => [...Array(ch.length).keys()].map((i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

const CODE_POINTS = [
  0xad, // soft hyphen
  0x34f, // combining grapheme joiner
  0x115f, 0x1160, // Hangul fillers
  0x17b4, 0x17b5, // Khmer inherent vowels
  0x180b, 0x180c, 0x180d, 0x180e, 0x180f, // Mongolian selectors and vowel separator
  0x2061, 0x2062, 0x2063, 0x2064, // invisible operators
  0x206a, 0x206b, 0x206c, 0x206d, 0x206e, 0x206f, // deprecated format characters
  0x3164, 0xffa0, // Hangul fillers
  0xfe00, 0xfe07, 0xfe0e, 0xfe0f, // variation selectors
  0xfff9, 0xfffa, 0xfffb, // interlinear annotation
  0x1bca0, 0x1bca1, 0x1bca2, 0x1bca3, // shorthand format controls
  0x1d173, 0x1d176, 0x1d17a, // musical symbol format characters
  0xe0000, 0xe0001, 0xe0020, 0xe0041, 0xe007f, // tags
  0xe0100, 0xe01ef, // variation selectors supplement
  0x200b, 0x200d, 0x202e, 0x2066, 0xfeff, 0x061c, 0x2028, 0x1b, 0x9b, // as before
];

describe('invisible characters', () => {
  it.each(CODE_POINTS.map((cp) => [`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, String.fromCodePoint(cp)]))('%s is escaped', (_name, ch) => {
    const text = `a${ch}b`;
    expect(visible(text)).toBe(`a${escaped(ch)}b`);
    expect(clean(text)).toBe(`a${escaped(ch)}b`);
    const json = visibleJson(JSON.stringify({ t: text }));
    expect(JSON.parse(json)).toEqual({ t: text });
    expect(json).toBe(`{"t":"a${escaped(ch)}b"}`);
  });

  it('the ranges that spare building the property regex hold no character it matches', () => {
    const safe = new RegExp(`^[${SAFE_RANGES}]$`);
    const invisible = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
    let checked = 0;
    const matched: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      if (!safe.test(ch)) continue;
      checked++;
      if (invisible.test(ch)) matched.push(`U+${cp.toString(16)}`);
    }
    expect(matched).toEqual([]);
    expect(checked).toBeGreaterThan(20000); // the ideographs are in
    // and the facts' own characters are all in them
    expect(new RegExp(`^[\\n${SAFE_RANGES}]*$`).test(JSON.stringify(bundled, null, 2))).toBe(true);
  });

  it('printable text and ordinary Chinese and emoji are left alone', () => {
    for (const text of ['plain ASCII ~', '重庆 GDP 3.37万亿', 'café ✓ 😀']) {
      expect(visible(text)).toBe(text);
      expect(visibleJson(JSON.stringify(text))).toBe(JSON.stringify(text));
    }
  });

  it('none reaches the output of list raw, in plain, table and JSON', async () => {
    const statement = `S ${CODE_POINTS.map((cp) => String.fromCodePoint(cp)).join('')} end.`;
    const file = tinyFacts('invisible.json', [{ id: 'f', statement }]);
    const any = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f\u2028\u2029]/u; // tabs, newlines and SGR colours are ours
    for (const extra of [[], ['--format', 'table'], ['--json']]) {
      const r = await cli(['list', '--data', file, ...extra]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(any);
    }
  });
});
