// The built binary, spawned as a user runs it: stdout, stderr, exit code.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import { BIN, NODE, VERSION } from './binary.js';

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(NODE, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe(`the built chongqing-facts binary on Node ${VERSION}`, () => {
  it('search automobile shows the 2025 car output with its source sentence', () => {
    const r = run(['search', 'automobile', '--format', 'table'], { COLUMNS: '120' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('automobile-production-2025');
    expect(r.stdout).toContain('2.788');
    expect(r.stdout).toContain('"In 2025, Chongqing\'s');
    expect(r.stdout).not.toContain('\u001b['); // not a terminal: no colour
  });

  it('search --json prints a JSON array and nothing else', () => {
    const r = run(['search', 'car', '--json']);
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toHaveProperty('source');
    expect(hits[0]).toHaveProperty('score');
  });

  it('exits 1 with [] when nothing matches', () => {
    const r = run(['search', 'zzqxj', '--json']);
    expect(r).toMatchObject({ code: 1, stdout: '[]\n', stderr: '' });
  });

  it('exits 2 with a one-line reason for a usage error', () => {
    const r = run(['serch', 'car']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown command 'serch'/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('themes --json lists the eight themes', () => {
    const themes = JSON.parse(run(['themes', '--json']).stdout);
    expect(themes.map((t: { id: string }) => t.id)).toEqual([
      'overview', 'industry', 'opening-up', 'reform', 'governance', 'rural', 'ecology', 'party',
    ]);
  });

  it('list --theme ecology --json returns only ecology facts', () => {
    const facts = JSON.parse(run(['list', '--theme', 'ecology', '--json']).stdout);
    expect(facts.length).toBeGreaterThan(5);
    expect(new Set(facts.map((f: { theme: string }) => f.theme))).toEqual(new Set(['ecology']));
  });

  it('show prints the fact in full', () => {
    const r = run(['show', 'automobile-production-2025', '--format', 'table'], { COLUMNS: '100' });
    expect(r.code).toBe(0);
    for (const part of ['statement', 'figures', 'source', 'section', 'High-Quality Development Enters the Fast Lane']) {
      expect(r.stdout).toContain(part);
    }
  });

  it('colours a table off a terminal only through FORCE_COLOR, which wins over NO_COLOR; --no-color wins over both; JSON never', () => {
    const table = ['search', 'laptop', '--format', 'table'];
    expect(run(table).stdout).not.toContain('\u001b[');
    expect(run(table, { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(run(table, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(run([...table, '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
    // Plain lines, the default on a pipe, are never coloured.
    expect(run(['search', 'laptop'], { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
    expect(run(['search', 'laptop', '--json'], { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });

  it('ends quietly when the reader closes the pipe early', () => {
    // bash -o pipefail would report head's early exit; we want our stderr only.
    const out = execFileSync('bash', ['-c', `"${NODE}" "${BIN}" list 2>"$0" | head -1 >/dev/null; cat "$0"`, `${process.env.TMPDIR ?? '/tmp'}/cqf-epipe-${process.pid}`], {
      encoding: 'utf8',
    });
    expect(out).toBe('');
  });
});
