import * as core from '@actions/core';
import type { Logger } from '../logging/logger.js';

/** The Actions side of the logger seam: workflow commands and collapsible groups. */
export const actionsLogger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
  group: (name, fn) => core.group(name, fn),
  // Actions logs are not terminals: progress goes to debug lines instead of a redrawn line.
  progress: (m) => core.debug(m),
};
