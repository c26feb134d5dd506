// Entry point of the built CLI (dist/cli.js): wires run() to the real process.
import { run } from './cli.js';

// `chongqing-facts list | head -1` closes stdout early: end quietly, as cat does.
const onStreamError = (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
};
process.stdout.on('error', onStreamError);
process.stderr.on('error', onStreamError);

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
});
