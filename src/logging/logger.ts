/**
 * The one seam between the core and where its words go: the Action's workflow commands or the
 * CLI's stderr. Everything below the entries takes a Logger and never writes to the console.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Groups lines in the Actions log; a plain heading on a terminal. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Live progress ("ap-guangzhou: 12/40 CLBs"); a redrawn line on a TTY, nothing in Actions. */
  progress(message: string): void;
}

/** Swallows everything: for tests and library use. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
  group: (_name, fn) => fn(),
  progress() {},
};
