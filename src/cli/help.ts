// Help fitted to the terminal: commander wraps its own part to the width we
// give it; our texts after it (examples, notes) are fitted here, line by line,
// as they are written. An example too long for the width continues on the
// next line after a backslash, broken only at spaces outside quotes, so each
// piece still pastes into a shell; a trailing comment moves above it.
import { wrapText } from '../format/wrap.js';
import { displayWidth } from '../format/width.js';

/** Help width when stdout is not a terminal. */
export const HELP_WIDTH = 80;

/** Every line of `text` at most `width` columns, unless one word alone is wider. */
export function fitHelp(text: string, width: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // A note at the margin is a paragraph: if a line of it is too long, it is filled again as a whole.
    if (/^\S/.test(line) && !line.endsWith(':')) {
      let end = i;
      while (end + 1 < lines.length && /^\S/.test(lines[end + 1] ?? '')) end++;
      const para = lines.slice(i, end + 1);
      out.push(...(para.some((l) => displayWidth(l) > width) ? wrapText(para.join(' '), width) : para));
      i = end;
    } else if (displayWidth(line) <= width) {
      out.push(line);
    } else {
      out.push(...(line.trimStart().startsWith('$ ') ? example(line, width) : prose(line, width)));
    }
  }
  return out.join('\n');
}

function prose(line: string, width: number): string[] {
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  return wrapText(line.trim(), Math.max(10, width - indent.length)).map((l) => indent + l);
}

/** Words of a shell command line, split at spaces outside quotes. */
function shellWords(command: string): string[] {
  return command.match(/(?:[^\s'"]+|'[^']*'|"(?:[^"\\]|\\.)*")+/g) ?? [];
}

function example(line: string, width: number): string[] {
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  let command = line.trim().slice(2);
  const out: string[] = [];
  // A comment after the command: on its own line above it.
  const words = shellWords(command);
  const hash = words.indexOf('#');
  if (hash >= 0) {
    const at = command.indexOf('  #');
    if (at >= 0) {
      out.push(...prose(`${indent}${command.slice(at).trim()}`, width));
      command = command.slice(0, at).trimEnd();
    }
  }
  const first = `${indent}$ `;
  const next = `${indent}    `;
  let current = first;
  for (const word of shellWords(command)) {
    const sep = current === first || current === next ? '' : ' ';
    // Room for the word and, should more follow, " \".
    if (current !== first && current !== next && displayWidth(current + sep + word) + 2 > width) {
      out.push(`${current} \\`);
      current = next + word;
    } else {
      current += sep + word;
    }
  }
  out.push(current);
  return out;
}
