import type { Report } from '../../model/finding.js';
import { type MarkdownOptions, renderMarkdown } from '../markdown.js';
import type { Publisher } from './publisher.js';

/** A step summary must stay under 1 MiB; leave room for what other steps write. */
export const SUMMARY_LIMIT = 900_000;

/** The job summary: the whole report as Markdown, then the notes of the publishers before it. */
export function jobSummaryPublisher(render: (report: Report, options: MarkdownOptions) => string = renderMarkdown): Publisher {
  return {
    name: 'job summary',
    wanted: () => true,
    needs: 'runner',
    async publish(run) {
      const notes = run.summaryNotes.join('');
      const markdown = render(run.report, {
        maxChars: SUMMARY_LIMIT - notes.length,
        overflowHint: 'the JSON report (output report-file)',
        ...(run.links ? { links: run.links } : {}),
      });
      await run.runner.appendSummary(markdown + notes);
      return undefined;
    },
  };
}
