/**
 * Every format a report can be written in, in the order help texts list them. The CLI's
 * `--format`, `renderReport` and the Action's report files all read this one list.
 */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
