// Every failure a user can cause is one of these. The CLI catches them in one
// place (cli.ts), prints the message without a stack, and sets the exit code.

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

/** A lookup that found nothing (e.g. `show` with an unknown id): exit 1. */
export class NotFoundError extends CliError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super(message, 1);
  }
}

/** User text made safe to echo in a message: control characters shown as escapes, long text cut. */
export function printable(text: string, max = 60): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
