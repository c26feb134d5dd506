// The facts file an index was built from, read back a fact at a time: the
// index keeps where each fact's JSON lies in the file (its first byte and
// length), not a second copy of it. A fact read back is checked by the
// reader as any fact of the file is, and against the id the index holds, so
// a file changed since (without a change of size or time) is an error, never
// a wrong answer taken for the file's.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_VALUE_BYTES } from './scan.js';

export class FactsSource {
  private fd: number | undefined;
  private buf = Buffer.alloc(0);

  /**
   * `path` is the facts file's real path, as the caller has checked it
   * against the index (never a path the index names); `size` its size then.
   */
  constructor(
    private readonly path: string,
    private readonly size: number,
    private readonly changed: (why: string) => Error,
  ) {}

  /** The text of the value at `at`, `bytes` long. */
  text(at: number, bytes: number): string {
    // The index is anyone's: a place outside the file, or larger than any fact, is not read.
    if (!Number.isSafeInteger(at) || !Number.isSafeInteger(bytes) || at < 0 || bytes < 2 || bytes > MAX_VALUE_BYTES || at + bytes > this.size) {
      throw this.changed('a fact outside the facts file');
    }
    const fd = this.open();
    if (this.buf.length < bytes) this.buf = Buffer.allocUnsafe(Math.max(bytes, 64 * 1024));
    let got = 0;
    while (got < bytes) {
      const n = readSync(fd, this.buf, got, bytes - got, at + got);
      if (n === 0) throw this.changed('the facts file is shorter than when it was indexed');
      got += n;
    }
    return this.buf.toString('utf8', 0, bytes);
  }

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    let fd: number;
    try {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined on Windows
      fd = openSync(this.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    } catch (err) {
      throw this.changed(`cannot read the facts file: ${(err as Error).message}`);
    }
    const st = fstatSync(fd);
    if (!st.isFile() || st.size !== this.size) {
      closeSync(fd);
      throw this.changed('the facts file changed since it was indexed');
    }
    return (this.fd = fd);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
