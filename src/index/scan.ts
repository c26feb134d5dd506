// Reads a facts file piece by piece, for the on-disk index: a file of a
// million facts is most of a gigabyte, too much to hold as one string. A small
// tokenizer that knows the format's outline (an object whose "facts" is an
// array, or a bare array of facts) cuts out one fact at a time; each is
// parsed with JSON.parse and checked with the same checks as loadFacts, so a
// bad fact gets the same message. The other top-level values (meta, themes)
// are small and parsed whole. Memory is bounded by the largest single value.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { DataError, printable } from '../errors.js';
import { otherEncoding, reason } from '../data/read.js';

/** How much is read at a time. */
const CHUNK = 4 * 1024 * 1024;
/** One fact, or meta or themes, larger than this is not a facts file's (and would not be bounded memory). */
export const MAX_VALUE_BYTES = 64 * 1024 * 1024;

export interface ScanHandlers {
  /** A top-level value other than the facts, parsed (key as written). */
  top(key: string, value: unknown): void;
  /** The facts array begins (after the values before it). */
  factsStart(): void;
  /** One fact, parsed, not yet checked; `index` is its place in the array, `at` and `bytes` where its JSON lies in the file, `json` those bytes (valid only during the call). */
  fact(value: unknown, index: number, at: number, bytes: number, json: Uint8Array): void;
  /** Bytes read so far, for progress. */
  progress?(bytes: number): void;
  /** How much to read at a time (tests make it tiny, to cut values and strings anywhere). */
  chunkBytes?: number;
}

export interface ScanResult {
  bytes: number;
  sha256: string;
  /** A bare array of facts, or an object (with or without "facts"). */
  bare: boolean;
  hasFacts: boolean;
}

/** node:crypto when a build needs it: loaded at start-up it would cost every lookup. */
const crypto = () => process.getBuiltinModule('node:crypto');

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** A parse error at a byte offset; turned into line and column once known. */
class SyntaxAt extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Scans `path` (a regular file; `name` names it in messages), handing each
 * top-level value and each fact to `handlers`, and hashing every byte.
 */
export function scanFactsFile(path: string, name: string, handlers: ScanHandlers): ScanResult {
  let fd: number;
  try {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined on Windows
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    throw new DataError(`cannot read facts file ${name}: ${reason(err)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new DataError(`cannot read facts file ${name}: it is not a regular file`);
    const reader = new Reader(fd, name, handlers);
    try {
      return reader.run();
    } catch (err) {
      if (err instanceof SyntaxAt) throw new DataError(`${name} is not valid JSON: ${err.message} at ${lineColumn(fd, err.offset)}`);
      throw err;
    }
  } finally {
    closeSync(fd);
  }
}

/** "line L, column C" of a byte offset, read again from the start (only for an error). */
function lineColumn(fd: number, offset: number): string {
  const buf = Buffer.allocUnsafe(CHUNK);
  let line = 1;
  let lineStart = 0;
  let pos = 0;
  while (pos < offset) {
    const n = readSync(fd, buf, 0, Math.min(CHUNK, offset - pos), pos);
    if (n === 0) break;
    for (let i = 0; i < n; i++) {
      if (buf[i] === 0x0a) {
        line++;
        lineStart = pos + i + 1;
      }
    }
    pos += n;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

class Reader {
  private buf = Buffer.alloc(0);
  /** Position in buf, and the file offset of buf[0]. */
  private i = 0;
  private base = 0;
  private eof = false;
  private readonly hash = crypto().createHash('sha256');
  /** Pieces of the value being cut out, and its start offset. */
  private pieces: Buffer[] = [];
  private pieceStart = -1;
  private valueBytes = 0;
  /** Where the last value cut out lies in the file: its first byte, and how many. */
  private at = 0;
  private bytes = 0;
  private json: Uint8Array = Buffer.alloc(0);

  constructor(
    private readonly fd: number,
    private readonly name: string,
    private readonly h: ScanHandlers,
  ) {}

  run(): ScanResult {
    this.fill();
    // A byte-order mark (some Windows editors write one) is not part of the JSON.
    const encoding = otherEncoding(this.buf.subarray(0, 4));
    if (encoding) throw new DataError(`facts file ${this.name} is ${encoding} text; save it as UTF-8 (e.g. iconv -f ${encoding.split(' ')[0]} -t UTF-8)`);
    if (this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) this.i = 3;
    const first = this.peekNonWs();
    let hasFacts = false;
    const bare = first === 0x5b;
    if (bare) {
      hasFacts = true;
      this.h.factsStart();
      this.factsArray();
    } else if (first === 0x7b) {
      this.i++;
      let c = this.peekNonWs();
      if (c === 0x7d) this.i++;
      else {
        for (;;) {
          const key = this.stringValue();
          if (this.peekNonWs() !== 0x3a) this.unexpected();
          this.i++;
          if (key === 'facts' && this.peekNonWs() === 0x5b) {
            hasFacts = true;
            this.h.factsStart();
            this.factsArray();
          } else {
            this.h.top(key, this.value());
          }
          c = this.peekNonWs();
          this.i++;
          if (c === 0x7d) break;
          if (c !== 0x2c) this.unexpected(this.i - 1);
        }
      }
    } else {
      this.unexpected();
    }
    if (this.peekNonWs() !== -1) this.unexpected();
    return { bytes: this.base + this.buf.length, sha256: this.hash.digest('hex'), bare, hasFacts };
  }

  private factsArray(): void {
    this.i++; // [
    let index = 0;
    if (this.peekNonWs() === 0x5d) {
      this.i++;
      return;
    }
    for (;;) {
      const value = this.value();
      this.h.fact(value, index++, this.at, this.bytes, this.json);
      const c = this.peekNonWs();
      this.i++;
      if (c === 0x5d) return;
      if (c !== 0x2c) this.unexpected(this.i - 1);
    }
  }

  /** One JSON value, cut out and parsed. */
  private value(): unknown {
    this.peekNonWs();
    const start = this.base + this.i;
    this.pieceStart = this.i;
    this.pieces = [];
    this.valueBytes = 0;
    this.skipValue();
    this.pieces.push(this.buf.subarray(this.pieceStart, this.i));
    const whole = this.pieces.length === 1 ? (this.pieces[0] as Buffer) : Buffer.concat(this.pieces);
    const text = whole.toString('utf8');
    this.at = start;
    this.bytes = whole.length;
    this.json = whole;
    this.pieces = [];
    this.pieceStart = -1;
    try {
      return JSON.parse(text);
    } catch (err) {
      const message = (err as Error).message;
      const at = /position (\d+)/.exec(message);
      const what = message.replace(/,? ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
      const offset = start + (at ? Buffer.byteLength(text.slice(0, Number(at[1]))) : 0);
      throw new SyntaxAt(printable(what, 120), offset);
    }
  }

  /** Moves past one value: strings skipped whole, brackets counted. */
  private skipValue(): void {
    let depth = 0;
    for (;;) {
      if (this.i >= this.buf.length && !this.more()) throw new SyntaxAt('Unexpected end of JSON input', this.base + this.i);
      const c = this.buf[this.i] as number;
      if (c === 0x22) {
        this.skipString();
        if (depth === 0) return;
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (depth === 0) return; // the end of the enclosing array or object: a scalar ended
        depth--;
        if (depth === 0) {
          this.i++;
          return;
        }
      } else if (depth === 0 && (c === 0x2c || WS.has(c))) return;
      this.i++;
    }
  }

  private skipString(): void {
    this.i++; // opening quote
    for (;;) {
      const q = this.buf.indexOf(0x22, this.i);
      if (q < 0) {
        // Backslashes at the end of the chunk may escape a quote in the next: kept for the count below.
        let end = this.buf.length;
        while (end > this.i && this.buf[end - 1] === 0x5c) end--;
        this.i = end;
        if (!this.more()) throw new SyntaxAt('Unterminated string in JSON', this.base + this.buf.length);
        continue;
      }
      // Escaped when preceded by an odd number of backslashes (which may lie in an earlier chunk: kept in buf while cutting).
      let b = q - 1;
      while (b >= 0 && this.buf[b] === 0x5c) b--;
      this.i = q + 1;
      if ((q - 1 - b) % 2 === 0) return;
    }
  }

  /** A string value (a key), parsed. */
  private stringValue(): string {
    if (this.peekNonWs() !== 0x22) this.unexpected();
    const v = this.value();
    return v as string;
  }

  private peekNonWs(): number {
    for (;;) {
      while (this.i < this.buf.length) {
        const c = this.buf[this.i] as number;
        if (!WS.has(c)) return c;
        this.i++;
      }
      if (!this.more()) return -1;
    }
  }

  private unexpected(at = this.i): never {
    if (at >= this.buf.length) throw new SyntaxAt('Unexpected end of JSON input', this.base + at);
    const ch = this.buf.subarray(at, at + 4).toString('utf8').slice(0, 1);
    throw new SyntaxAt(`Unexpected token '${printable(ch)}'`, this.base + at);
  }

  /** Reads the next chunk; false at the end of the file. What a value being cut out has so far is kept. */
  private more(): boolean {
    if (this.eof) return false;
    // What a value being cut out has so far goes to its pieces; the unread rest is kept.
    const keepFrom = this.pieceStart >= 0 ? this.pieceStart : this.i;
    if (this.pieceStart >= 0) {
      this.pieces.push(this.buf.subarray(this.pieceStart, this.i));
      this.valueBytes += this.i - this.pieceStart;
      if (this.valueBytes > MAX_VALUE_BYTES) {
        throw new DataError(`${this.name}: a value at byte ${this.base + keepFrom} is larger than ${MAX_VALUE_BYTES / 1024 / 1024} MB, more than any fact should be`);
      }
    }
    const rest = this.buf.subarray(this.i);
    this.fill(rest);
    if (this.pieceStart >= 0) this.pieceStart = 0;
    return this.buf.length > rest.length;
  }

  private fill(rest: Buffer = Buffer.alloc(0)): void {
    const size = this.h.chunkBytes ?? CHUNK;
    const chunk = Buffer.allocUnsafe(size);
    let n: number;
    try {
      n = readSync(this.fd, chunk, 0, size, null);
    } catch (err) {
      throw new DataError(`cannot read facts file ${this.name}: ${reason(err)}`);
    }
    if (n === 0) this.eof = true;
    const got = chunk.subarray(0, n);
    this.hash.update(got);
    this.base += this.buf.length - rest.length;
    this.buf = rest.length ? Buffer.concat([rest, got]) : got;
    this.i = 0;
    this.h.progress?.(this.base + this.buf.length);
  }
}
