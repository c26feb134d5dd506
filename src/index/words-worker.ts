// A worker thread of the index build (words-pool.ts): weighs the words of
// the facts it is sent, a chunk at a time, and hands back the chunk's
// postings encoded (postings.ts). The facts were checked by the build's own
// thread before they are sent; nothing here decides what is an error.
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { Fact } from '../data/types.js';
import { ChunkWords, type ThemeWords } from './postings.js';

/** What the build sends: the theme texts first, then batches of facts (JSON, an array), then "encode the chunk". */
export type ToWorker = { themes: ThemeWords } | { facts: string; first: number } | { encode: number };

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
let words: ChunkWords | undefined;

/** A message is posted, then the build's thread, which may be waiting (Atomics.wait), is woken. */
function send(message: unknown, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

parentPort?.on('message', (m: ToWorker) => {
  try {
    if ('themes' in m) words = new ChunkWords(m.themes);
    else if ('facts' in m) {
      const facts = JSON.parse(m.facts) as Fact[];
      for (let i = 0; i < facts.length; i++) words?.add(facts[i] as Fact, m.first + i);
    } else {
      const encoded = words?.encode(m.encode);
      send(encoded, encoded ? [encoded.data.buffer as ArrayBuffer, encoded.firsts.buffer as ArrayBuffer, encoded.ends.buffer as ArrayBuffer] : []);
    }
  } catch (err) {
    send({ error: err instanceof Error ? err.message : String(err) });
  }
});
