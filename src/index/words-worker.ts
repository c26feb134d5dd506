// A worker thread of the index build (words-pool.ts): weighs the words of
// the facts it is sent, a chunk at a time, and hands back the chunk's
// postings encoded (postings.ts). The facts were checked by the build's own
// thread before they are sent; nothing here decides what is an error.
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { Fact } from '../data/types.js';
import { ChunkWords, type EncodedChunk, type ThemeWords } from './postings.js';

/** What the build sends: the theme texts first, then batches of facts (the bytes of a JSON array, moved, not copied), then "encode the chunk". */
export type ToWorker = { themes: ThemeWords } | { facts: Uint8Array; first: number } | { encode: number };
/** What it sends back: a chunk, with the milliseconds it took, or what went wrong. */
export type FromWorker = { encoded: EncodedChunk | undefined; busy: number } | { error: string };

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
let words: ChunkWords | undefined;
/** Milliseconds spent on the chunk under way: sent with it, so that the build can share the work (words-pool.ts). */
let busy = 0;

/** A message is posted, then the build's thread, which may be waiting (Atomics.wait), is woken. */
function send(message: unknown, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

parentPort?.on('message', (m: ToWorker) => {
  const start = performance.now();
  try {
    if ('themes' in m) words = new ChunkWords(m.themes);
    else if ('facts' in m) {
      const facts = JSON.parse(Buffer.from(m.facts.buffer, m.facts.byteOffset, m.facts.byteLength).toString('utf8')) as Fact[];
      for (let i = 0; i < facts.length; i++) words?.add(facts[i] as Fact, m.first + i);
    } else {
      const encoded = words?.encode(m.encode);
      const took = busy + performance.now() - start;
      busy = 0;
      send({ encoded, busy: took } satisfies FromWorker, encoded ? [encoded.data.buffer as ArrayBuffer, encoded.firsts.buffer as ArrayBuffer, encoded.ends.buffer as ArrayBuffer] : []);
      return;
    }
    busy += performance.now() - start;
  } catch (err) {
    send({ error: err instanceof Error ? err.message : String(err) });
  }
});
