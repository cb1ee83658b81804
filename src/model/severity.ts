/** How much a finding matters; policies declare one, configs may change it. */
export type Severity = 'error' | 'warning' | 'notice';

/** Every severity, most severe first: the one list the schemas, the CLI and the Action read. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

/** The lowest severity that fails a check (exit 1), or `never`. */
export type FailOn = Severity | 'never';

/** Every `--fail-on` / `fail-on` value, most severe first. */
export const FAIL_ON_LEVELS: readonly FailOn[] = [...SEVERITIES, 'never'];
