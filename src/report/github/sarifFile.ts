import { resolve } from 'node:path';
import { describeOmissions, renderSarif } from '../sarifReport.js';
import type { Publisher } from './publisher.js';

/**
 * The SARIF file for `github/codeql-action/upload-sarif`. Findings without a line in the
 * repository cannot be shown by code scanning: the job summary says how many and why.
 */
export function sarifFilePublisher(file: string, onWritten: (path: string) => void): Publisher {
  return {
    name: 'SARIF file',
    wanted: () => true,
    needs: 'runner',
    async publish(run) {
      const path = resolve(run.cwd, file);
      const { sarif, omitted, omissions } = renderSarif(run.report, {
        repoRoot: run.cwd,
        fileExists: (p) => run.runner.fileExists(resolve(run.cwd, p)),
      });
      await run.runner.writeFile(path, `${JSON.stringify(sarif, null, 2)}\n`);
      onWritten(path);
      if (omitted > 0) run.summaryNotes.push(`\n\n> ${describeOmissions(omissions, run.report.findings.length)}\n`);
      return undefined;
    },
  };
}
