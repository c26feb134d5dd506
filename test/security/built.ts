// Runs the built binary as a user runs it, for what only a real process
// shows: file descriptors, exit codes, start-up.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { collect } from '../helpers.js';

export const BIN = fileURLToPath(new URL('../../bin/chongqing-facts.cjs', import.meta.url));
export const NODE = process.env.CQF_NODE ?? process.execPath;

export interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBuilt(args: string[], options: SpawnSyncOptions & { env?: Record<string, string> } = {}): Spawned {
  const r = spawnSync(NODE, [BIN, ...args], {
    encoding: 'utf8',
    ...options,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
  });
  // The types say string, but a process that never started has null output.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- null when the spawn failed
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** A shell command line, run by bash, with the binary as "$CQF". */
export function runShell(command: string, env: Record<string, string> = {}): Spawned {
  const r = spawnSync('bash', ['-c', command], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CQF: `${NODE} ${BIN}`, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const hasCommand = (name: string, ...args: string[]): boolean => spawnSync(name, args.length ? args : ['--version']).status === 0;

/**
 * The built CLI (dist/main.cjs) run in this process, like test/helpers.ts's
 * cli(): the code users run, with the build's table patches (src/format/
 * string-width.cjs, cli-table3's debug truncation left out), so that large or
 * hostile tables are drawn at their real cost.
 */
export async function builtCli(argv: string[], io: Partial<import('../../src/cli/context.js').IO> = {}): Promise<Spawned & { code: number }> {
  const { run } = createRequire(import.meta.url)('../../dist/main.cjs') as typeof import('../../src/cli/program.js');
  return collect(run, argv, io);
}
