// One very long id must not widen every row: ids claim at most MAX_ID_WIDTH
// columns and a longer one is wrapped in its cell, so the output stays
// linear in the facts file (rows × longest id would be quadratic).
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayWidth, MAX_ID_WIDTH } from '../../src/format/width.js';
import { builtCli } from './built.js';
import { writeFacts } from './hostile.js';

const LONG = 20_000;

function file(name: string, longThemeId: boolean): string {
  const themes = Array.from({ length: 4000 }, (_, i) => ({ id: longThemeId && i === 0 ? 't'.repeat(LONG) : `t${i}`, name: `Theme ${i}`, zone: null }));
  return writeFacts(name, {
    meta: { title: 'T', publisher: 'P', article: 'a.txt' },
    themes,
    facts: themes.map((t, i) => ({
      id: !longThemeId && i === 0 ? 'a'.repeat(LONG) : `fact-${i}`,
      theme: t.id,
      statement: `Statement ${i}.`,
      source: `Source ${i}.`,
      section: 'T',
    })),
  });
}

const longId = file('long-id.json', false);
const longTheme = file('long-theme.json', true);

describe(`an id of ${LONG} characters among 4,000 facts and themes`, () => {
  it.each([
    ['list, side by side', longId, ['list'], 120],
    ['list, in blocks', longId, ['list', '--fields', 'id,statement,source,section,tags,theme'], 40],
    ['themes', longTheme, ['themes'], 120],
    ['themes, in blocks', longTheme, ['themes'], 40],
    ['stats chart', longTheme, ['stats'], 120],
  ])('%s: output linear in the input, no line wider than the terminal or an id', async (_name, data, args, columns) => {
    const r = await builtCli([...args, '--data', data], { isTTY: true, columns, env: {} });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Quadratic would be 4,000 rows × 20,000 columns: 80 MB.
    expect(r.stdout.length).toBeLessThan(10 * statSync(data).size);
    const widest = r.stdout.split('\n').reduce((w, line) => Math.max(w, displayWidth(line)), 0);
    expect(widest).toBeLessThanOrEqual(Math.max(columns, MAX_ID_WIDTH + 12));
    // Every character of the id is still there, wrapped.
    const ch = data === longId ? 'a' : 't';
    expect(r.stdout.split(ch).length - 1).toBeGreaterThanOrEqual(LONG);
  });
});
