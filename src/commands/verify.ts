import { readArticle, type LoadedFacts } from '../facts.js';
import { verifyFacts, type Problem } from '../verify.js';

export interface VerifyReport {
  file: string;
  article: string;
  facts: number;
  problems: Problem[];
}

/** Checks a loaded facts file against the article it names. */
export function verifyData(data: LoadedFacts): VerifyReport {
  const text = readArticle(data);
  return { file: data.path, article: data.meta.article, facts: data.facts.length, problems: verifyFacts(data, text) };
}

/** One line a problem, "facts[12] (id): message", for people. */
export function problemLines(report: VerifyReport): string {
  return report.problems
    .map((p) => `${p.index < 0 ? 'file' : `facts[${p.index}]${p.id ? ` (${p.id})` : ''}`}: ${p.message}\n`)
    .join('');
}
