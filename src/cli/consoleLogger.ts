import type { Logger } from '../logging/logger.js';

/** The CLI's logger: everything to stderr so stdout stays the report. */
export function consoleLogger(options: { verbose: boolean; stream?: NodeJS.WriteStream }): Logger {
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) {
      stream.write('\r\x1b[2K');
      progressShown = false;
    }
  };
  const line = (text: string) => {
    clearProgress();
    stream.write(`${text}\n`);
  };
  return {
    debug: (m) => (options.verbose ? line(`debug: ${m}`) : undefined),
    info: (m) => line(m),
    warning: (m) => line(`warning: ${m}`),
    error: (m) => line(`error: ${m}`),
    async group(name, fn) {
      if (options.verbose) line(`== ${name}`);
      return fn();
    },
    progress(m) {
      if (!tty) return;
      stream.write(`\r\x1b[2K${m}`);
      progressShown = true;
    },
  };
}
