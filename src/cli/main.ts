// The CLI wired to the real process. dist/cli.cjs (src/boot.ts) loads this
// bundle and calls main(); tests call run() in cli.ts directly.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { run } from './program.js';

export { run };

export function main(): void {
  let tty: boolean | undefined;
  void run(process.argv.slice(2), {
    stdout: (text) => write(1, text),
    stderr: (text) => write(2, text),
    env: process.env,
    // Asked only for tables: JSON never pays for it.
    get isTTY() {
      tty ??= isTerminal(1);
      return tty;
    },
    get columns() {
      return this.isTTY ? process.stdout.columns : undefined;
    },
  }).then((code) => {
    process.exitCode = code;
  });
}

const streamed = new Set<number>();

/**
 * Writes straight to the file descriptor: creating process.stdout costs a
 * few milliseconds a lookup. A reader that closed the pipe early
 * (`chongqing-facts list | head -1`) ends the run quietly, as cat does.
 */
function write(fd: 1 | 2, text: string): void {
  // Not process.stdout up front: its getter is what costs.
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  if (streamed.has(fd)) {
    stream().write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (code !== 'EAGAIN') throw err;
      // A non-blocking pipe is full: the stream waits for it, in order, from here on.
      streamed.add(fd);
      stream().on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw e;
      });
      stream().write(bytes.subarray(done));
      return;
    }
  }
}

/**
 * Whether fd is a terminal, without the tty module (it loads net and the
 * streams, ~3 ms): on POSIX a terminal is a character device, and the one
 * character device people send output to that is not a terminal is /dev/null.
 */
function isTerminal(fd: number): boolean {
  if (process.platform === 'win32') return (require('node:tty') as typeof import('node:tty')).isatty(fd);
  try {
    const st = fstatSync(fd);
    return st.isCharacterDevice() && st.rdev !== statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}
