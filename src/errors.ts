// Every failure a user can cause is one of these. The CLI catches them in one
// place (src/cli/program.ts), prints the message without a stack, and sets the exit code.
import { visible } from './format/visible.js';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Bad arguments or options: exit 2. */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string) {
    super(message, 2);
  }
}

/** A facts or article file that is missing, unreadable or malformed: exit 2. */
export class DataError extends CliError {
  override name = 'DataError';
  constructor(message: string) {
    super(message, 2);
  }
}

/** Output that cannot be written (a full disk, an I/O error): exit 2. */
export class OutputError extends CliError {
  override name = 'OutputError';
  constructor(message: string) {
    super(message, 2);
  }
}

/** A lookup that found nothing (e.g. `show` with an unknown id): exit 1. */
export class NotFoundError extends CliError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super(message, 1);
  }
}

/**
 * User text made safe to echo in a message: long text cut (never inside a
 * surrogate pair), controls, bidi and zero-width characters shown as escapes.
 */
export function printable(text: string, max = 60): string {
  if (text.length <= max) return visible(text);
  const end = /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max;
  return `${visible(text.slice(0, end))}…`;
}
