// The CLI wired to the real process. dist/cli.cjs (src/boot.ts) loads this
// bundle and calls main(); tests call run() in cli.ts directly.
import { fstatSync, readFileSync, readlinkSync, statSync, writeSync, type Stats } from 'node:fs';
import { EXIT, NAME } from './context.js';
import { LOOKUPS, run } from './program.js';
import { OutputError } from '../errors.js';
import { readText, STDIN } from '../data/read.js';
import { pagerArgv } from './pager.js';

export { run };

export function main(): void {
  let tty: boolean | undefined;
  const argv = process.argv.slice(2);
  void run(argv, {
    stdout: (text) => write(1, text),
    stderr: (text) => write(2, text),
    env: process.env,
    // Asked only for tables: JSON never pays for it.
    get isTTY() {
      tty ??= isTerminal(1);
      return tty;
    },
    get stderrIsTTY() {
      return isTerminal(2);
    },
    get columns() {
      return this.isTTY ? process.stdout.columns : undefined;
    },
    get rows() {
      return this.isTTY ? process.stdout.rows : undefined;
    },
    stdin: (maxBytes) => readText(STDIN, 'queries', maxBytes),
    page,
  }).then((code) => {
    process.exitCode = code;
    // A lookup has written all its output by now (synchronously, unless a
    // full pipe made it stream): ending now skips what a natural exit runs
    // after it (the loop's last turns, and a garbage collection V8 may have
    // scheduled for then: 1.5 to 2 ms when it happens). Exit listeners (the
    // code cache's) still run. Not for the MCP server, which streams.
    if (LOOKUPS.has(argv[0] ?? '') && streamed.size === 0) process.exit(code);
  });
}

const streamed = new Set<number>();
let stdoutChecked = false;

/**
 * Writes straight to the file descriptor: creating process.stdout costs a
 * few milliseconds a lookup. A reader that closed the pipe early
 * (`chongqing-facts list | head -1`) ends the run quietly, as cat does; any
 * other failure to write the output (a full disk, an I/O error, a stdout not
 * open for writing) is an OutputError: one line on stderr, exit 2.
 */
function write(fd: 1 | 2, text: string): void {
  if (fd === 1 && !stdoutChecked) {
    stdoutChecked = true;
    if (stdoutWasClosed()) write(2, `${NAME}: warning: standard output is closed (or /dev/null opened for reading and writing); the output is lost\n`);
  }
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
      if (code === 'EAGAIN') {
        // A non-blocking pipe is full: the stream waits for it, in order, from here on.
        streamed.add(fd);
        stream().on('error', (e: NodeJS.ErrnoException) => {
          if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
          if (fd === 1) writeQuietly(2, `${NAME}: error: ${cannotWrite(e).message}\n`);
          process.exit(EXIT.error);
        });
        stream().write(bytes.subarray(done));
        return;
      }
      // With stderr gone there is no one left to tell; the exit code still says it.
      if (fd === 2) return;
      throw cannotWrite(err);
    }
  }
}

function writeQuietly(fd: number, text: string): void {
  try {
    writeSync(fd, text);
  } catch {
    // Nowhere to report it.
  }
}

const WRITE_PROBLEMS: ReadonlyMap<string, string> = new Map([
  ['ENOSPC', 'no space left on device'],
  ['EDQUOT', 'disk quota exceeded'],
  ['EFBIG', 'the file is too large'],
  ['EIO', 'input/output error'],
  ['EBADF', 'standard output is not open for writing'],
  ['EROFS', 'read-only file system'],
]);

/** "cannot write output: no space left on device". */
function cannotWrite(err: unknown): OutputError {
  const e: Partial<NodeJS.ErrnoException> = err instanceof Error ? err : {};
  const why = WRITE_PROBLEMS.get(e.code ?? '') ?? (e.message ?? String(err)).replace(/^[A-Z0-9]+: /, '').replace(/, write$/, '');
  return new OutputError(`cannot write output: ${why}`);
}

/**
 * Whether stdout was closed when the program started (`list >&-`). Node then
 * opens /dev/null in its place, read-write, before any of our code runs, so a
 * write cannot fail: the output would vanish without a word. That is all
 * there is to see (on Linux, in /proc), and it looks the same as output
 * discarded on purpose the same way (spawn's stdio 'ignore', Python's
 * DEVNULL), so it earns a warning, not an error, and only when a person
 * reads stderr on a terminal: a program that discards our output on purpose
 * mostly reads stderr itself.
 */
function stdoutWasClosed(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // readlink, not fstat: on a first call it costs a lookup a quarter of a millisecond less.
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null' || !isTerminal(2)) return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    return flags?.[1] !== undefined && (parseInt(flags[1], 8) & 3) === 2; // O_RDWR
  } catch {
    return false;
  }
}

let devNullDevice: number | undefined;
const isDevNull = (st: Stats) => st.isCharacterDevice() && st.rdev === (devNullDevice ??= statSync('/dev/null').rdev);

/**
 * Whether fd is a terminal, without the tty module (it loads net and the
 * streams, ~3 ms): on POSIX a terminal is a character device, and the one
 * character device people send output to that is not a terminal is /dev/null.
 */
function isTerminal(fd: number): boolean {
  if (process.platform === 'win32') return (require('node:tty') as typeof import('node:tty')).isatty(fd);
  try {
    const st = fstatSync(fd);
    return st.isCharacterDevice() && !isDevNull(st);
  } catch {
    return false;
  }
}

/**
 * Shows `text` through `pager` (the user's own setting, as for git): a plain
 * command line runs without a shell, anything else with sh -c. The pager gets
 * the text on its stdin and our terminal for its output. False when it cannot
 * start, so the text is printed directly. child_process is loaded only here.
 */
function page(text: string, pager: string): boolean {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const [file, ...args] = pagerArgv(pager, process.platform);
  const r = spawnSync(file, args, { input: text, stdio: ['pipe', 'inherit', 'inherit'] });
  // Not found: no process (ENOENT), or sh's 126/127. A pager quit early (EPIPE) has shown the text.
  const error: NodeJS.ErrnoException | undefined = r.error;
  if (r.pid === 0 || error?.code === 'ENOENT') return false;
  return !(file === 'sh' && (r.status === 126 || r.status === 127));
}
