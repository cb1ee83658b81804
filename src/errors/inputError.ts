/**
 * A mistake in what the user gave (file, flag, policy, credentials), as opposed to a bug.
 * Printed as one line, exit code 2, never with a stack trace.
 */
export class InputError extends Error {
  readonly file: string | undefined;
  /** JSON pointer or `line N`, whichever places the problem best. */
  readonly place: string | undefined;

  constructor(message: string, options: { file?: string; place?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InputError';
    this.file = options.file;
    this.place = options.place;
  }

  /** `plan.json: /resource_changes/3/change: expected an object` */
  toLine(): string {
    const where = [this.file, this.place].filter((p) => p !== undefined && p !== '').join(': ');
    return where === '' ? this.message : `${where}: ${this.message}`;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof InputError) return error.toLine();
  if (error instanceof Error) return error.message;
  return String(error);
}
