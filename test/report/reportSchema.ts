import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import reportSchema from '../../schema/report.schema.json' with { type: 'json' };
import type { Report } from '../../src/model/finding.js';
import { renderJson } from '../../src/report/jsonReport.js';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(reportSchema);

/** Errors of a JSON report (text or parsed) against schema/report.schema.json, as "pointer: message" lines. */
export function reportSchemaErrors(json: string | object): string[] {
  const parsed: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (validate(parsed)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}

/**
 * Every JSON report the suite writes goes through here: a report object is rendered with the
 * JSON reporter first, so what is checked is exactly what `--format json` prints.
 */
export function expectValidReport(report: Report | string, label = 'report'): void {
  const json = typeof report === 'string' ? report : renderJson(report);
  expect(reportSchemaErrors(json), `${label} breaks schema/report.schema.json`).toEqual([]);
}
