import type { Annotation } from '../annotations.js';

/**
 * What a workflow step can write besides the API: workflow commands, the job summary and files.
 * The Action passes the runner's (`@actions/core`); tests pass their own.
 */
export interface WorkflowRunner {
  /** A `::notice::` line: shown on the run page, never fails the step. */
  notice(message: string): void;
  /** A `::error` / `::warning` / `::notice` command for one annotation. */
  annotate(annotation: Annotation): void;
  /** Appends to the job summary; false when the runner gives the step none. */
  appendSummary(markdown: string): Promise<boolean>;
  /** Writes a file, making its folder first: a text, or the UTF-8 batches of a large one. */
  writeFile(path: string, text: string | Iterable<Uint8Array>): Promise<void>;
  fileExists(path: string): boolean;
  /** A file's text, undefined when it cannot be read. */
  readFile(path: string): Promise<string | undefined>;
}
