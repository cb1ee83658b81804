import type { Report } from '../model/finding.js';
import type { ReportFormat } from './formats.js';
import { jsonReportChunks, renderJson } from './jsonReport.js';
import { type MarkdownLinks, renderMarkdown } from './markdown.js';
import { renderSarif } from './sarifReport.js';
import { renderText } from './textReport.js';

export type { ReportFormat } from './formats.js';

export interface RenderOptions {
  readonly color: boolean;
  readonly explain: boolean;
  readonly repoRoot: string;
  readonly fileExists: (path: string) => boolean;
  /** Markdown only: link `main.tf:91` to the file at this commit. */
  readonly links?: MarkdownLinks;
}

/** One report, any format: the CLI's --format and the Action's report files go through here. */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: options.color, explain: options.explain });
    case 'json':
      return renderJson(report);
    case 'sarif':
      return `${JSON.stringify(renderSarif(report, { repoRoot: options.repoRoot, fileExists: options.fileExists }).sarif, null, 2)}\n`;
    case 'markdown':
      return renderMarkdown(report, options.links ? { links: options.links } : {});
  }
}

/**
 * `renderReport` in pieces that join to its text: the JSON report comes a batch of findings at a
 * time, so that a large one is written without being one string; the others are one piece.
 */
export function renderReportChunks(report: Report, format: ReportFormat, options: RenderOptions): Iterable<string> {
  return format === 'json' ? jsonReportChunks(report) : [renderReport(report, format, options)];
}
