import type { Report } from '../model/finding.js';
import { InputError } from '../errors/inputError.js';
import type { LiveCheckOptions } from './options.js';

/** Live mode: the same policies over the account. */
export async function checkLive(_options: LiveCheckOptions): Promise<Report> {
  throw new InputError('live mode is not available in this build yet');
}
