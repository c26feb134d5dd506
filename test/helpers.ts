// Runs the CLI in-process with a fake terminal and collects what it prints.
import { fileURLToPath } from 'node:url';
import { run, type IO } from '../src/cli/program.js';

export const MINI = fileURLToPath(new URL('./fixtures/mini-facts.json', import.meta.url));

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], io: Partial<IO> = {}): Promise<Result> {
  return collect(run, argv, io);
}

/** Runs a `run` (from src/, or from the built bundle) with a fake terminal and collects what it prints. */
export async function collect(runner: typeof run, argv: string[], io: Partial<IO> = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await runner(argv, {
    env: {},
    isTTY: false,
    ...io,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

export const ESC = '\u001b[';
