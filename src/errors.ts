// Every failure a user can cause is one of these. The Node API throws them
// (src/api/); the CLI catches them in one place (src/cli/program.ts), prints
// the message without a stack, and sets the exit code.
import { visible } from './format/visible.js';

/** What kind of failure an error is, for a script to branch on (`err.code`). */
export type ErrorCode = 'usage' | 'data' | 'not-found' | 'output';

export class FactsError extends Error {
  constructor(
    message: string,
    /** What the CLI exits with. */
    readonly exitCode: number,
    readonly code: ErrorCode,
  ) {
    super(message);
  }
}

/** Bad arguments or options: exit 2. */
export class UsageError extends FactsError {
  override name = 'UsageError';
  declare readonly code: 'usage';
  constructor(message: string) {
    super(message, 2, 'usage');
  }
}

/** A facts or article file that is missing, unreadable or malformed: exit 2. */
export class DataError extends FactsError {
  override name = 'DataError';
  declare readonly code: 'data';
  constructor(message: string) {
    super(message, 2, 'data');
  }
}

/** Output that cannot be written (a full disk, an I/O error): exit 2. */
export class OutputError extends FactsError {
  override name = 'OutputError';
  declare readonly code: 'output';
  constructor(message: string) {
    super(message, 2, 'output');
  }
}

/** A lookup that found nothing (e.g. `show` with an unknown id): exit 1. */
export class NotFoundError extends FactsError {
  override name = 'NotFoundError';
  declare readonly code: 'not-found';
  constructor(message: string) {
    super(message, 1, 'not-found');
  }
}

/**
 * User text made safe to echo in a message: long text cut (never inside a
 * surrogate pair), controls, bidi and zero-width characters shown as escapes.
 */
export function printable(text: string, max = 60): string {
  if (text.length <= max) return visible(text);
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${visible(text.slice(0, end))}…`;
}
