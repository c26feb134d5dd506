// Drives the completion scripts in real shells, the way a TAB would: the
// script's function is called with the words typed so far, and it calls the
// built chongqing-facts (found on PATH, as when installed) for candidates.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, NODE } from './built.js';

/** A word for sh, bash and zsh: in single quotes, whatever it holds. */
export const shq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
/** The same for fish, whose single quotes take \' and \\. */
export const fishq = (s: string): string => `'${s.replace(/[\\']/g, '\\$&')}'`;

export const hasShell = (shell: string): boolean => spawnSync(shell, ['-c', 'exit 0']).status === 0;

const bin = mkdtempSync(join(tmpdir(), 'cqf-path-'));
/** Where every shell runs: a command that a candidate managed to run would leave its files here. */
export const WORK = mkdtempSync(join(tmpdir(), 'cqf-work-'));
writeFileSync(join(bin, 'chongqing-facts'), `#!/bin/sh\nexec ${shq(NODE)} ${shq(BIN)} "$@"\n`);
chmodSync(join(bin, 'chongqing-facts'), 0o755);

function runShell(shell: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(shell, args, {
    encoding: 'utf8',
    cwd: WORK,
    env: { PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME ?? '/', ...env },
  });
  if (r.status !== 0) throw new Error(`${shell} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

const lines = (out: string) => (out === '' ? [] : out.replace(/\n$/, '').split('\n'));

/** bash: COMP_WORDS and COMP_CWORD set as bash sets them, the function called, COMPREPLY printed. */
export function bashComplete(script: string, words: string[], env: Record<string, string> = {}): string[] {
  const file = join(bin, 'completion.bash');
  writeFileSync(file, script);
  const out = runShell(
    'bash',
    [
      '-c',
      `source ${shq(file)}
COMP_WORDS=(${words.map(shq).join(' ')}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1))
COMP_LINE=${shq(words.join(' '))}; COMP_POINT=\${#COMP_LINE}
_chongqing_facts
(( \${#COMPREPLY[@]} )) && printf '%s\\n' "\${COMPREPLY[@]}"; true`,
    ],
    env,
  );
  return lines(out);
}

/**
 * zsh: words and CURRENT set as the completion system sets them, the function
 * called; compadd (which only works inside a completion widget) stands in by
 * printing what it is given, one candidate a line.
 */
export function zshComplete(script: string, words: string[], env: Record<string, string> = {}): string[] {
  const file = join(bin, '_chongqing-facts');
  writeFileSync(file, script);
  const out = runShell(
    'zsh',
    [
      '-f',
      '-c',
      `compdef() { : }
compadd() { [[ $1 == -- ]] && shift; (( $# )) && print -rl -- "$@" }
compset() { : }
_files() { print -r -- '<files>' }
source ${shq(file)}
words=(${words.map(shq).join(' ')}); CURRENT=\${#words}
_chongqing_facts`,
    ],
    env,
  );
  return lines(out);
}

/** fish: its own `complete -C`, which completes a command line as a TAB would; descriptions left off. */
export function fishComplete(script: string, line: string, env: Record<string, string> = {}): string[] {
  const file = join(bin, 'chongqing-facts.fish');
  writeFileSync(file, script);
  const out = runShell('fish', ['--no-config', '-c', `source ${fishq(file)}; complete -C ${fishq(line)}`], env);
  return lines(out).map((l) => l.split('\t', 1).join(''));
}
