// `stats` as a horizontal bar chart in plain text: one bar per theme, the
// part with figures solid, the rest light, scaled to the width.
import type { Stats } from '../core/stats.js';
import { wrapText } from './wrap.js';

const SOLID = '█';
const LIGHT = '░';

export function statsChart(s: Stats, width: number): string {
  const idWidth = Math.max(...s.themes.map((t) => t.id.length), 5);
  const label = (n: number, f: number) => `${n} (${f} with figures)`;
  const labelWidth = Math.max(...s.themes.map((t) => label(t.facts, t.withFigures).length));
  const barWidth = Math.max(4, width - idWidth - labelWidth - 4);
  const most = Math.max(1, ...s.themes.map((t) => t.facts));
  const lines = s.themes.map((t) => {
    const total = Math.round((t.facts / most) * barWidth);
    const solid = Math.round((t.withFigures / most) * barWidth);
    const bar = SOLID.repeat(solid) + LIGHT.repeat(Math.max(0, total - solid));
    return `${t.id.padEnd(idWidth)}  ${bar.padEnd(barWidth)}  ${label(t.facts, t.withFigures)}`;
  });
  return [...lines, '', ...wrapText(`${s.facts} facts, ${s.withFigures} with figures; ${SOLID} with figures, ${LIGHT} without`, width), ''].join('\n');
}
