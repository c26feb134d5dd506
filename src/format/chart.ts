// `stats` as a horizontal bar chart in plain text: one bar per theme, the
// part with figures solid, the rest light, scaled to the width.
import type { Stats } from '../core/stats.js';
import { visible } from './visible.js';
import { displayWidth, MAX_ID_WIDTH } from './width.js';
import { wrapText } from './wrap.js';

/** Bar characters; ASCII ones where the locale is not UTF-8. */
const BARS = { unicode: ['█', '░'], ascii: ['#', '.'] } as const;

export function statsChart(s: Stats, width: number, ascii = false): string {
  const [SOLID, LIGHT] = ascii ? BARS.ascii : BARS.unicode;
  const label = (n: number, f: number) => `${n} (${f} with figures)`;
  const themes = s.themes.map((t) => ({ ...t, id: visible(t.id), label: label(t.facts, t.withFigures) }));
  // Loops, not Math.max(...themes): a spread of many thousands overflows the stack.
  let idWidth = 5;
  let labelWidth = 0;
  let most = 1;
  for (const t of themes) {
    idWidth = Math.max(idWidth, Math.min(MAX_ID_WIDTH, displayWidth(t.id)));
    labelWidth = Math.max(labelWidth, t.label.length);
    most = Math.max(most, t.facts);
  }
  const barWidth = Math.max(4, width - idWidth - labelWidth - 4);
  const lines = themes.map((t) => {
    const total = Math.round((t.facts / most) * barWidth);
    const solid = Math.round((t.withFigures / most) * barWidth);
    const bar = SOLID.repeat(solid) + LIGHT.repeat(Math.max(0, total - solid));
    // An id wider than MAX_ID_WIDTH is wrapped; the bar follows its last line.
    const ids = wrapText(t.id, idWidth);
    const last = ids.pop() ?? '';
    return [...ids, `${last}${' '.repeat(idWidth - displayWidth(last))}  ${bar.padEnd(barWidth)}  ${t.label}`].join('\n');
  });
  return [...lines, '', ...wrapText(`${s.facts} facts, ${s.withFigures} with figures; ${SOLID} with figures, ${LIGHT} without`, width), ''].join('\n');
}
