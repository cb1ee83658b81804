import type { SensitiveText } from '../model/sensitiveText.js';
import type { Logger } from './logger.js';

/** A logger that scrubs the plan's sensitive values from every line before it goes out. */
export function redactingLogger(logger: Logger, sensitive: SensitiveText): Logger {
  return {
    debug: (message) => logger.debug(sensitive.redact(message)),
    info: (message) => logger.info(sensitive.redact(message)),
    warning: (message) => logger.warning(sensitive.redact(message)),
    error: (message) => logger.error(sensitive.redact(message)),
    group: (name, fn) => logger.group(sensitive.redact(name), fn),
    progress: (message) => logger.progress(sensitive.redact(message)),
  };
}
