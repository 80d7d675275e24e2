// Errors the CLI reports in one line with exit code 2 (bad input or bad usage).

/** A command-line usage problem: unknown flag, missing or malformed value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
