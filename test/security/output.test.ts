// Output that cannot be written is an error said in one line (exit 2), not a
// crash and not silence; a reader that leaves early (EPIPE) stays quiet.
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasCommand, runBuilt, runShell } from './built.js';

const oneLine = (stderr: string) => expect(stderr.trimEnd().split('\n')).toHaveLength(1);

describe('write errors on stdout', () => {
  it.runIf(process.platform === 'linux')('a full disk (/dev/full): one line, exit 2', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      for (const args of [['list'], ['list', '--json'], ['show', 'gdp-2025'], ['--help']]) {
        const r = runBuilt(args, { stdio: ['ignore', fd, 'pipe'] });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('chongqing-facts: error: cannot write output: no space left on device\n');
      }
    } finally {
      closeSync(fd);
    }
  });

  it('a stdout not open for writing (EBADF): one line, exit 2', () => {
    const fd = openSync('/dev/null', 'r');
    try {
      const r = runBuilt(['list', '--json'], { stdio: ['ignore', fd, 'pipe'] });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('chongqing-facts: error: cannot write output: standard output is not open for writing\n');
    } finally {
      closeSync(fd);
    }
  });

  it('a reader that closes the pipe early: quiet, exit 0', () => {
    const r = runShell('set -o pipefail; $CQF list --ndjson | head -c 1 >/dev/null; echo "${PIPESTATUS[0]}"');
    expect(r.stdout).toBe('0\n');
    expect(r.stderr).toBe('');
  });

  it('output sent to /dev/null on purpose: quiet, exit 0', () => {
    const r = runShell('$CQF list >/dev/null');
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });

  // Node opens /dev/null in place of a closed stdout before our code runs, so
  // the write succeeds; a person at a terminal is told their output is lost.
  it.runIf(process.platform === 'linux' && hasCommand('script', '--version'))('a closed stdout (>&-) at a terminal is not silent', () => {
    const r = runShell(`script -qec '$CQF list >&-' /dev/null`);
    expect(r.stdout).toMatch(/^chongqing-facts: warning: standard output is closed .*the output is lost\r?\n$/);
    oneLine(r.stdout);
  });

  it('a closed stdout where no person reads stderr: the exit code is kept', () => {
    const r = runShell('$CQF search zzqxj >&-');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('chongqing-facts: no facts match that query\n');
  });
});
