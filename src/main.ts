// The CLI wired to the real process. dist/cli.cjs (src/boot.ts) loads this
// bundle and calls main(); tests call run() in cli.ts directly.
import { run } from './cli.js';

export { run };

export function main(): void {
  // `chongqing-facts list | head -1` closes stdout early: end quietly, as cat does.
  const onStreamError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  };
  process.stdout.on('error', onStreamError);
  process.stderr.on('error', onStreamError);

  void run(process.argv.slice(2), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  }).then((code) => {
    process.exitCode = code;
  });
}
