// What dataset answered: title, publisher, counts, and the SHA-256 of the
// facts file, so a script can tell one dataset from another.
import { articlePath, type LoadedFacts } from '../data/load.js';
import { isIndexed } from '../index/place.js';

export interface DatasetInfo {
  title: string;
  /** Absent when the facts file names none (a minimal file). */
  publisher?: string;
  facts: number;
  themes: number;
  file: string;
  /** Absent when the facts file names none (a minimal file). */
  article?: string;
  sha256: string;
}

export async function datasetInfo(data: LoadedFacts): Promise<DatasetInfo> {
  // Imported here: loading node:crypto costs every other command a few milliseconds.
  const { createHash } = await import('node:crypto');
  return {
    title: data.meta.title,
    publisher: data.meta.publisher,
    facts: isIndexed(data) ? data.index.size : data.facts.length,
    themes: data.themes.length,
    file: data.path,
    article: articlePath(data),
    // An index is used only while it is the file's: its SHA-256 is the file's, without reading a gigabyte again.
    sha256: isIndexed(data) ? data.index.stored.sha256 : createHash('sha256').update(data.raw).digest('hex'),
  };
}
