// Reads the text of a facts file (or of the article it names), which may come
// from anyone: only a regular file or, for `-`, standard input; never more
// than MAX_BYTES (/dev/zero would never end); UTF-8 only, with UTF-16 and
// UTF-32 named as such; and every failure said in plain words.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { DataError } from '../errors.js';

/** The file name that means standard input. */
export const STDIN = '-';

/** Larger than any facts file people write, and small enough to fail before memory runs out. */
export const MAX_BYTES = 512 * 1024 * 1024;

/** How a file is named in messages. */
export const describePath = (path: string): string => (path === STDIN ? 'standard input' : path);

/**
 * The text of `path` (`-`: standard input), decoded as UTF-8, a byte-order
 * mark kept. `what` names the file in messages: "facts file", "article".
 */
export function readText(path: string, what: string, maxBytes = MAX_BYTES): string {
  const name = path === STDIN ? 'standard input' : `${what} ${path}`;
  const bytes = path === STDIN ? readStdin(name, maxBytes) : readFile(path, name, maxBytes);
  const encoding = otherEncoding(bytes);
  if (encoding) {
    throw new DataError(`${name} is ${encoding} text; save it as UTF-8 (e.g. iconv -f ${encoding.split(' ')[0]} -t UTF-8)`);
  }
  return bytes.toString('utf8');
}

function readFile(path: string, name: string, maxBytes: number): Buffer {
  if (path.includes('\0')) throw new DataError(`cannot read ${name}: a file name cannot hold a NUL character`);
  let fd: number;
  try {
    // Non-blocking, so that opening a named pipe does not wait for a writer;
    // no controlling terminal taken from a terminal device. Both only matter
    // until fstat below turns such files away.
    // @types/node declares both flags, but Windows has neither.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined on Windows
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    throw new DataError(`cannot read ${name}: ${reason(err)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new DataError(`cannot read ${name}: ${notRegular(st)}`);
    if (st.size > maxBytes) throw new DataError(tooLarge(name, maxBytes));
    return readAll(fd, name, maxBytes, st.size);
  } finally {
    closeSync(fd);
  }
}

function readStdin(name: string, maxBytes: number): Buffer {
  let size = 64 * 1024;
  try {
    const st = fstatSync(0);
    if (st.isFile()) {
      if (st.size > maxBytes) throw new DataError(tooLarge(name, maxBytes));
      size = st.size;
    }
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(`cannot read ${name}: ${reason(err)}`);
  }
  return readAll(0, name, maxBytes, size);
}

/**
 * Everything up to the end of the file, stopping with an error as soon as it
 * passes `maxBytes`. A regular file is read in one piece of its size (plus a
 * byte, to notice one that grew); a stream in pieces, joined at the end.
 */
function readAll(fd: number, name: string, maxBytes: number, expected: number): Buffer {
  const pieces: Buffer[] = [];
  let total = 0;
  let piece = Buffer.allocUnsafe(Math.min(maxBytes, expected) + 1);
  let length = 0;
  for (;;) {
    if (length === piece.length) {
      pieces.push(piece);
      piece = Buffer.allocUnsafe(Math.min(16 * 1024 * 1024, piece.length * 2));
      length = 0;
    }
    let n: number;
    try {
      n = readSync(fd, piece, length, piece.length - length, null);
    } catch (err) {
      // A pipe another program left non-blocking: wait a little for more.
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw new DataError(`cannot read ${name}: ${reason(err)}`);
    }
    if (n === 0) break;
    length += n;
    total += n;
    if (total > maxBytes) throw new DataError(tooLarge(name, maxBytes));
  }
  const last = piece.subarray(0, length);
  if (pieces.length === 0) return last;
  pieces.push(last);
  return Buffer.concat(pieces, total);
}

const tooLarge = (name: string, maxBytes: number) =>
  `${name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, more than any facts file should be`;

function notRegular(st: Stats): string {
  if (st.isDirectory()) return 'it is a directory';
  if (st.isFIFO()) return 'it is a pipe, not a regular file (for standard input, name it -)';
  if (st.isSocket()) return 'it is a socket, not a regular file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'it is a device, not a regular file';
  return 'it is not a regular file';
}

/** An error from the file system in plain words. */
export function reason(err: unknown): string {
  const e: Partial<NodeJS.ErrnoException> = err instanceof Error ? err : {};
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (you may not read it)';
    case 'EISDIR':
      return 'it is a directory';
    case 'ELOOP':
      return 'too many symbolic links (a link that points back to itself?)';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EIO':
      return 'input/output error';
    default:
      // "EMFILE: too many open files, open 'x'" -> "too many open files".
      return (e.message ?? String(err)).replace(/^[A-Z0-9]+: /, '').replace(/, \w+ '.*'$/s, '');
  }
}

/**
 * UTF-16 or UTF-32, told by the byte-order mark or, without one, by where the
 * zero bytes of the first character fall: a facts file starts with ASCII
 * ("{", "[" or white space), which those encodings pad with zeros.
 */
export function otherEncoding(b: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b.length >= 4 && b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'UTF-32LE (little-endian)';
  if (b.length >= 4 && b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32BE (big-endian)';
  if (b.length >= 2 && b0 === 0xff && b1 === 0xfe) return 'UTF-16LE (little-endian)';
  if (b.length >= 2 && b0 === 0xfe && b1 === 0xff) return 'UTF-16BE (big-endian)';
  if (b.length >= 4 && b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) return 'UTF-32LE (little-endian)';
  if (b.length >= 4 && b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0) return 'UTF-32BE (big-endian)';
  if (b.length >= 2 && b0 !== 0 && b1 === 0) return 'UTF-16LE (little-endian)';
  if (b.length >= 2 && b0 === 0 && b1 !== 0) return 'UTF-16BE (big-endian)';
  return undefined;
}
