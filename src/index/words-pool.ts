// Where the index build weighs its facts' words: in worker threads when the
// file is big enough to pay for starting them (weighing words is most of a
// build's work; the build's own thread reads, checks and writes meanwhile,
// and weighs a chunk itself when the workers are behind), else on the
// build's own thread. The build stays synchronous: it takes finished chunks
// with receiveMessageOnPort, and waits for them (Atomics.wait) only at the
// end. Either way the chunks are made by the same code (postings.ts), a
// chunk's facts all go to one worker or none, in order, and chunks are
// handed back in file order, so the tables come out the same.
import { existsSync } from 'node:fs';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { Fact } from '../data/types.js';
import { packagePath } from '../paths.js';
import { ChunkWords, type EncodedChunk, type ThemeWords } from './postings.js';
import type { FromWorker, ToWorker } from './words-worker.js';

/** The worker's bundle (scripts/build.mjs); without it (tests of src/ before a build) the words are weighed here. */
export const WORKER_FILE = packagePath('dist/index-worker.cjs');
/**
 * Chunks under way in every worker (sent, not yet back) from which the next
 * chunk is weighed on the build's own thread whatever the timings say: at
 * most this many chunks per worker are held, so memory stays bounded.
 */
export const BEHIND = 4;
/** Facts sent to a worker at a time: it starts on a chunk before the chunk is read whole. */
const BATCH = 2048;
/** Room for a batch's bytes to begin with (2,048 facts like ours are about 1.5 MB). */
const BATCH_BYTES = 2 * 1024 * 1024;

export interface WordsPool {
  /** One checked fact, with its JSON as written (bytes valid only during the call). */
  add(fact: Fact, doc: number, json: Uint8Array): void;
  /** The chunk is complete: chunks finished by now (waiting for one when too many are under way). */
  endChunk(chunk: number): EncodedChunk[];
  /** Every chunk still under way. */
  drain(): EncodedChunk[];
  close(): void;
}

/** Workers for a build: `count` of them (0: none, the words weighed on this thread); `behind`: see BEHIND. */
export function wordsPool(themes: ThemeWords, count: number, behind = BEHIND): WordsPool {
  if (count <= 0 || !existsSync(WORKER_FILE)) return inThread(themes);
  return new ThreadPool(themes, count, behind);
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


/** A running mean that follows what changes (a chunk's words grow with the file). */
const mean = (was: number | undefined, now: number): number => (was === undefined ? now : 0.7 * was + 0.3 * now);

class ThreadPool implements WordsPool {
  private readonly workers: { worker: Worker; port: MessagePort; pending: number }[] = [];
  /** Bumped by a worker each time it posts. */
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  /** The facts to send next, as the bytes of a JSON array: copied once, and moved to the worker, not copied again. */
  private batch = Buffer.allocUnsafe(0);
  private batchBytes = 0;
  private batchFacts = 0;
  private batchFirst = 0;
  /** Who weighs the chunk being read: a worker, or this thread (`here`); undefined until its first fact. */
  private owner: { worker: Worker; pending: number } | 'here' | undefined;
  /** Chunks weighed on this thread, when every worker is behind: their facts are parsed already, and this thread would only wait. */
  private readonly here: ChunkWords;
  /** Milliseconds a chunk takes a worker (as it reports), and this thread when it weighs one itself (reading it included); running means. */
  private workerTime: number | undefined;
  private hereTime: number | undefined;
  private chunkStart = 0;
  /** Finished chunks not yet handed back, and the next to hand back: they go out in file order, whoever weighed them. */
  private readonly finished = new Map<number, EncodedChunk>();
  private next = 0;
  private readonly receive: (port: MessagePort) => { message: unknown } | undefined;

  constructor(
    themes: ThemeWords,
    count: number,
    private readonly behind: number,
  ) {
    const wt = process.getBuiltinModule('node:worker_threads');
    this.receive = wt.receiveMessageOnPort;
    this.here = new ChunkWords(themes);
    for (let i = 0; i < count; i++) {
      const { port1, port2 } = new wt.MessageChannel();
      const worker = new wt.Worker(WORKER_FILE, { workerData: { port: port2, signal: this.signal }, transferList: [port2] });
      // Never what keeps the process alive: a lookup goes on once the index is built.
      worker.unref();
      port1.unref();
      worker.postMessage({ themes } satisfies ToWorker);
      this.workers.push({ worker, port: port1, pending: 0 });
    }
  }

  /**
   * Who weighs the next chunk: the worker with the fewest chunks under way,
   * unless it will still be busy with them when this thread has read and
   * weighed the chunk itself (as timed so far), or has `behind` of them.
   * So neither side idles for long, and the build ends soon after the file
   * is read (a worker's queue is short).
   */
  private choose(): { worker: Worker; pending: number } | 'here' {
    this.collect();
    let best = this.workers[0] as { worker: Worker; pending: number };
    for (const w of this.workers) if (w.pending < best.pending) best = w;
    this.chunkStart = performance.now();
    if (best.pending >= this.behind) return 'here';
    const busyFor = best.pending * (this.workerTime ?? Infinity);
    return best.pending > 0 && this.hereTime !== undefined && busyFor >= this.hereTime ? 'here' : best;
  }

  add(fact: Fact, doc: number, json: Uint8Array): void {
    this.owner ??= this.choose();
    if (this.owner === 'here') {
      this.here.add(fact, doc);
      return;
    }
    if (this.batchFacts === 0) this.batchFirst = doc;
    // Room for the fact, a comma or the opening bracket, and the closing bracket.
    if (this.batchBytes + json.length + 2 > this.batch.length) {
      // Never from the shared pool of small buffers: this memory is moved to the worker.
      const bigger = Buffer.allocUnsafeSlow(Math.max(BATCH_BYTES, 2 * (this.batchBytes + json.length + 2)));
      this.batch.copy(bigger, 0, 0, this.batchBytes);
      this.batch = bigger;
    }
    this.batch[this.batchBytes++] = this.batchFacts === 0 ? 0x5b : 0x2c;
    this.batch.set(json, this.batchBytes);
    this.batchBytes += json.length;
    if (++this.batchFacts >= BATCH) this.send();
  }

  private send(): void {
    if (this.batchFacts === 0 || this.owner === undefined || this.owner === 'here') return;
    this.batch[this.batchBytes++] = 0x5d;
    const facts = new Uint8Array(this.batch.buffer, this.batch.byteOffset, this.batchBytes);
    this.owner.worker.postMessage({ facts, first: this.batchFirst } satisfies ToWorker, [this.batch.buffer]);
    this.batch = Buffer.allocUnsafe(0);
    this.batchBytes = 0;
    this.batchFacts = 0;
  }

  endChunk(chunk: number): EncodedChunk[] {
    const owner = this.owner ?? this.choose();
    this.owner = owner;
    if (owner === 'here') {
      this.finished.set(chunk, this.here.encode(chunk));
      this.hereTime = mean(this.hereTime, performance.now() - this.chunkStart);
    } else {
      this.send();
      owner.worker.postMessage({ encode: chunk } satisfies ToWorker);
      owner.pending++;
    }
    this.owner = undefined;
    this.collect();
    return this.inOrder();
  }

  drain(): EncodedChunk[] {
    this.collect();
    while (this.workers.some((w) => w.pending > 0)) this.take();
    return this.inOrder();
  }

  /** The finished chunks that come next in file order. */
  private inOrder(): EncodedChunk[] {
    const out: EncodedChunk[] = [];
    for (let c = this.finished.get(this.next); c; c = this.finished.get(this.next)) {
      this.finished.delete(this.next++);
      out.push(c);
    }
    return out;
  }

  /** The chunks finished by now, without waiting. */
  private collect(): void {
    while (this.poll());
  }

  private poll(): boolean {
    for (const w of this.workers) {
      const got = this.receive(w.port);
      if (got) {
        w.pending--;
        const m = got.message as FromWorker;
        if ('error' in m) throw new Error(`an index build's worker failed: ${m.error}`);
        if (!m.encoded) throw new Error("an index build's worker had no chunk");
        this.finished.set(m.encoded.chunk, m.encoded);
        this.workerTime = mean(this.workerTime, m.busy);
        return true;
      }
    }
    return false;
  }

  /** Waits for the next chunk to finish. */
  private take(): void {
    for (;;) {
      // Read before looking, so that a post in between ends the wait at once.
      const seen = Atomics.load(this.signal, 0);
      if (this.poll()) return;
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
