import { closestMatch as closest } from '../../text/closestMatch.js';
import type { ConfigFile } from '../policyTypes.js';
import type { SchemaProblem } from '../schemaValidation.js';
import type { ConfigLocation } from './paramSemantics.js';
import { isCalendarDate } from './valueChecks.js';

/**
 * An exception for a policy that does not exist, or with a date no calendar has, would be
 * accepted and never apply (or never expire): refuse both where they are written.
 */
export function checkExceptions(config: ConfigFile, policyIds: ReadonlySet<string>, configAt: ConfigLocation): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  (config.exceptions ?? []).forEach((entry, i) => {
    const at = (field: string) => `/exceptions/${i}/${field}`;
    const line = (pointer: string) => configAt.doc?.lineOf(pointer) ?? 1;
    if (!policyIds.has(entry.policy)) {
      const suggestion = closest(entry.policy, policyIds);
      problems.push({
        file: configAt.file,
        line: line(at('policy')),
        pointer: at('policy'),
        message: `no policy with id "${entry.policy}"${suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : ''}`,
      });
    }
    if (!isCalendarDate(entry.expires)) {
      problems.push({
        file: configAt.file,
        line: line(at('expires')),
        pointer: at('expires'),
        message: `"${entry.expires}" is not a calendar date`,
      });
    }
    if (entry.resource.replace(/\*/g, '') === '') {
      problems.push({
        file: configAt.file,
        line: line(at('resource')),
        pointer: at('resource'),
        message: `"${entry.resource}" matches every resource: name the resources (turn the policy off in "policies" to silence it everywhere)`,
      });
    }
  });
  return problems;
}
