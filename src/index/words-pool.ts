// Where the index build weighs its facts' words: in worker threads when the
// file is big enough to pay for starting them (weighing words is most of a
// build's work; the build's own thread reads, checks and writes meanwhile),
// else on the build's own thread. The build stays synchronous: it takes
// finished chunks with receiveMessageOnPort, and waits for one (Atomics.wait)
// only when enough are under way, so that memory stays bounded. Either way
// the chunks are made by the same code (postings.ts), and a chunk's facts all
// go to one worker, in order, so a chunk comes out the same.
import { existsSync } from 'node:fs';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { Fact } from '../data/types.js';
import { packagePath } from '../paths.js';
import { ChunkWords, type EncodedChunk, type ThemeWords } from './postings.js';
import type { ToWorker } from './words-worker.js';

/** The worker's bundle (scripts/build.mjs); without it (tests of src/ before a build) the words are weighed here. */
export const WORKER_FILE = packagePath('dist/index-worker.cjs');
/** Facts sent to a worker at a time: it starts on a chunk before the chunk is read whole. */
const BATCH = 2048;

export interface WordsPool {
  /** One checked fact, with its JSON as written. */
  add(fact: Fact, doc: number, json: string): void;
  /** The chunk is complete: chunks finished by now (waiting for one when too many are under way). */
  endChunk(chunk: number): EncodedChunk[];
  /** Every chunk still under way. */
  drain(): EncodedChunk[];
  close(): void;
}

/** Workers for a build: `count` of them (0: none, the words weighed on this thread). */
export function wordsPool(themes: ThemeWords, count: number): WordsPool {
  if (count <= 0 || !existsSync(WORKER_FILE)) return inThread(themes);
  return new ThreadPool(themes, count);
}

function inThread(themes: ThemeWords): WordsPool {
  const words = new ChunkWords(themes);
  return {
    add: (fact, doc) => words.add(fact, doc),
    endChunk: (chunk) => [words.encode(chunk)],
    drain: () => [],
    close: () => undefined,
  };
}

class ThreadPool implements WordsPool {
  private readonly workers: { worker: Worker; port: MessagePort }[] = [];
  /** Bumped by a worker each time it posts. */
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private batch: string[] = [];
  private batchFirst = 0;
  private current = 0;
  private pending = 0;
  private readonly receive: (port: MessagePort) => { message: unknown } | undefined;

  constructor(themes: ThemeWords, count: number) {
    const wt = process.getBuiltinModule('node:worker_threads');
    this.receive = wt.receiveMessageOnPort;
    for (let i = 0; i < count; i++) {
      const { port1, port2 } = new wt.MessageChannel();
      const worker = new wt.Worker(WORKER_FILE, { workerData: { port: port2, signal: this.signal }, transferList: [port2] });
      // Never what keeps the process alive: a lookup goes on once the index is built.
      worker.unref();
      port1.unref();
      worker.postMessage({ themes } satisfies ToWorker);
      this.workers.push({ worker, port: port1 });
    }
  }

  private worker(chunk: number): Worker {
    return (this.workers[chunk % this.workers.length] as { worker: Worker }).worker;
  }

  add(_fact: Fact, doc: number, json: string): void {
    if (this.batch.length === 0) this.batchFirst = doc;
    this.batch.push(json);
    if (this.batch.length >= BATCH) this.send();
  }

  private send(): void {
    if (this.batch.length === 0) return;
    this.worker(this.current).postMessage({ facts: `[${this.batch.join(',')}]`, first: this.batchFirst } satisfies ToWorker);
    this.batch = [];
  }

  endChunk(chunk: number): EncodedChunk[] {
    this.send();
    this.worker(chunk).postMessage({ encode: chunk } satisfies ToWorker);
    this.current = chunk + 1;
    this.pending++;
    const done = this.ready();
    // Two chunks under way per worker at most: memory stays bounded however fast the file is read.
    while (this.pending > 2 * this.workers.length) done.push(this.take());
    return done;
  }

  drain(): EncodedChunk[] {
    const done = this.ready();
    while (this.pending > 0) done.push(this.take());
    return done;
  }

  /** The chunks finished by now, without waiting. */
  private ready(): EncodedChunk[] {
    const done: EncodedChunk[] = [];
    for (let m = this.poll(); m; m = this.poll()) done.push(m);
    return done;
  }

  private poll(): EncodedChunk | undefined {
    for (const { port } of this.workers) {
      const got = this.receive(port);
      if (got) {
        this.pending--;
        const m = got.message as EncodedChunk | { error: string };
        if ('error' in m) throw new Error(`an index build's worker failed: ${m.error}`);
        return m;
      }
    }
    return undefined;
  }

  /** The next chunk to finish, waiting for it. */
  private take(): EncodedChunk {
    for (;;) {
      // Read before looking, so that a post in between ends the wait at once.
      const seen = Atomics.load(this.signal, 0);
      const m = this.poll();
      if (m) return m;
      // A worker that died posts nothing: the build does not wait for ever.
      if (Atomics.wait(this.signal, 0, seen, 60_000) === 'timed-out') throw new Error("an index build's worker gave no answer in 60 s");
    }
  }

  close(): void {
    for (const { worker, port } of this.workers) {
      port.close();
      void worker.terminate();
    }
  }
}
