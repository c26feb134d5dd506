// The pager, through the built binary on a real pseudo-terminal (script -qc,
// with stty setting its size): tall output goes to the pager, short output,
// --no-pager and pipes print directly, and a pager that cannot start leaves
// the output printed.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, NODE } from './binary.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'cqf-pager-'));
const OUT = join(dir, 'paged');
const FAKE = join(dir, 'fake-pager');
writeFileSync(FAKE, `#!/bin/sh\nprintf 'args:%s\\n' "$*" > '${OUT}'\nwc -l >> '${OUT}'\n`);
chmodSync(FAKE, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the binary on a 10-row terminal; returns what reached the terminal and what the pager got. */
function onTerminal(argv: string[], env: Record<string, string>) {
  rmSync(OUT, { force: true });
  const command = `stty rows 10 cols 100; ${[NODE, BIN, ...argv].map(quote).join(' ')}`;
  const screen = execFileSync('script', ['-qc', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, ...env, CHONGQING_FACTS_PAGER: undefined } });
  return { screen, paged: existsSync(OUT) ? readFileSync(OUT, 'utf8') : undefined };
}

describe.skipIf(!hasScript)('the pager on a terminal', () => {
  it('takes output taller than the terminal', () => {
    const r = onTerminal(['list'], { PAGER: `${FAKE} -x` });
    expect(r.paged).toMatch(/^args:-x\n\d{3,}\n$/);
    expect(r.screen).not.toContain('gdp-2025');
  });

  it('runs a pager setting with shell syntax through sh -c', () => {
    const r = onTerminal(['list'], { PAGER: `"${FAKE}" "two words"` });
    expect(r.paged).toMatch(/^args:two words\n/);
  });

  it('CHONGQING_FACTS_PAGER wins over PAGER', () => {
    rmSync(OUT, { force: true });
    const command = `stty rows 10 cols 100; ${[NODE, BIN, 'list'].map(quote).join(' ')}`;
    execFileSync('script', ['-qc', command, '/dev/null'], { env: { ...process.env, PAGER: '/nonexistent', CHONGQING_FACTS_PAGER: FAKE } });
    expect(existsSync(OUT)).toBe(true);
  });

  it('is skipped for short output and with --no-pager', () => {
    expect(onTerminal(['show', 'gdp-2025', '--fields', 'id'], { PAGER: FAKE }).paged).toBeUndefined();
    const r = onTerminal(['list', '--no-pager'], { PAGER: FAKE });
    expect(r.paged).toBeUndefined();
    expect(r.screen).toContain('gdp-2025');
  });

  it('prints directly when the pager cannot start', () => {
    for (const PAGER of [join(dir, 'no-such-pager'), `"${join(dir, 'no-such-pager')}" -R`]) {
      const r = onTerminal(['list'], { PAGER });
      expect(r.screen).toContain('gdp-2025');
    }
  });
});

describe('on a pipe', () => {
  it('never pages, JSON or not', () => {
    for (const argv of [['list'], ['list', '--json'], ['list', '--format', 'table']]) {
      rmSync(OUT, { force: true });
      const out = execFileSync(NODE, [BIN, ...argv], { encoding: 'utf8', env: { ...process.env, PAGER: FAKE, LINES: '5' } });
      expect(out).toContain('gdp-2025');
      expect(existsSync(OUT)).toBe(false);
    }
  });
});
