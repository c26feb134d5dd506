// Facts files as an attacker would write them, for the security tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'cqf-hostile-'));

/** Writes `data` as JSON (or text as given) to a fresh file and returns its path. */
export function writeFacts(name: string, data: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return path;
}

export const tmp = (name: string): string => join(dir, name);

/** Every kind of character a terminal obeys rather than shows, as the data might carry them. */
export const CONTROLS = [
  '\u001b[2J\u001b[H', // clear screen
  '\u001b]0;pwned title\u0007', // window title (OSC 0)
  '\u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\', // hyperlink (OSC 8)
  '\u001b]52;c;cHduZWQ=\u0007', // clipboard write (OSC 52)
  '\u0007', // bell
  'over\rwrite', // bare CR
  '\u009b31m', // C1 CSI
  '\u0085', // C1 next line
  '\u007f', // DEL
  '\u202eevil\u202c', // right-to-left override
  '\u2066iso\u2069\u200e\u200f\u061c', // isolates, marks
  'zero\u200b\u200c\u200d\u2060\ufeffwidth', // zero-width characters
  'line\nbreak\ttab\u2028sep\u2029para', // newlines and tabs inside data
  '\u0000nul\u0008bs\u000bvt\u000cff',
].join(' ');

/** Matches any raw control, bidi or zero-width character except a newline. */
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/;

/** Our own colours, SGR sequences (ESC [ ... m), taken out before looking for raw controls. */
export const SGR = /\u001b\[[0-9;]*m/g;

const mini = {
  meta: { title: 'T', publisher: 'P', article: 'article.txt' },
  themes: [{ id: 'main', name: 'Main', zone: null }],
};

/** A small, well-formed facts file of these facts (id, statement and source each). */
export function tinyFacts(name: string, facts: { id: string; statement: string; source?: string }[]): string {
  return writeFacts(name, {
    ...mini,
    facts: facts.map((f) => ({ theme: 'main', section: 'T', source: f.statement, ...f })),
  });
}
