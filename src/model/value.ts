/**
 * A value the source could not know. In a plan, IDs and computed attributes are "known after
 * apply"; in the live source, a call that kept failing. Checks that depend on an unknown value
 * report `unknown` rather than guessing.
 */
export interface Unknown {
  readonly unknown: true;
  /** Why it is unknown, for the finding's explanation: "known after apply", "external sg-123"… */
  readonly reason: string;
}

export type Maybe<T> = T | Unknown;

export function unknown(reason: string): Unknown {
  return { unknown: true, reason };
}

export function isUnknown(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && (value as { unknown?: unknown }).unknown === true;
}
