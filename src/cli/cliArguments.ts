import { parseArgs } from 'node:util';
import { InputError } from '../errors/inputError.js';
import type { FailOn } from '../check/options.js';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'markdown';

export interface CommonArguments {
  readonly config?: string;
  readonly policies: readonly string[];
  readonly format: OutputFormat;
  readonly output?: string;
  readonly failOn: FailOn;
  readonly explain: boolean;
  readonly verbose: boolean;
  readonly today?: string;
}

export type Command =
  | { readonly kind: 'plan'; readonly planFile: string; readonly tfRoot?: string; readonly common: CommonArguments }
  | { readonly kind: 'live'; readonly regions: readonly string[]; readonly apiEndpoint?: string; readonly allowPartial: boolean; readonly common: CommonArguments }
  | { readonly kind: 'validate'; readonly files: readonly string[] }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

export const USAGE = `Usage:
  clb-guard plan PLAN.json [--tf-root DIR] [options]   check a \`terraform show -json\` plan
  clb-guard live --region REGION [--region …] [options] check the live Tencent Cloud account
  clb-guard policies validate [FILE|DIR …]             validate policy files (and the built-in pack)

Options:
  --config FILE          config file (default: .clb-guard.json when present)
  --policies PATH        extra policy file or directory (repeatable)
  --format FORMAT        text (default), json, sarif or markdown
  --output FILE          write the report to FILE instead of stdout
  --fail-on LEVEL        error (default), warning, notice or never
  --explain              show the rules that decided each finding (text format)
  --api-endpoint URL     live mode: send every API call to URL (emulators, proxies)
  --allow-partial        live mode: exit by findings even if some calls failed
  --verbose              more logging on stderr
  -h, --help             this help
  --version              print the version

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or configuration error.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'markdown'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        policies: { type: 'string', multiple: true },
        'tf-root': { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string' },
        'fail-on': { type: 'string' },
        explain: { type: 'boolean' },
        region: { type: 'string', multiple: true },
        'api-endpoint': { type: 'string' },
        'allow-partial': { type: 'boolean' },
        verbose: { type: 'boolean' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new InputError(`${(error as Error).message.split('\n')[0]} (see clb-guard --help)`);
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: 'version' };
  if (values.help || positionals.length === 0) return { kind: 'help' };
  const [command, ...rest] = positionals;
  const format = values.format ?? 'text';
  if (!FORMATS.includes(format as OutputFormat)) throw new InputError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const failOn = values['fail-on'] ?? 'error';
  if (!FAIL_ON.includes(failOn as FailOn)) throw new InputError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new InputError(`--today must be YYYY-MM-DD, not "${values.today}"`);
  const common: CommonArguments = {
    ...(values.config !== undefined ? { config: values.config } : {}),
    policies: values.policies ?? [],
    format: format as OutputFormat,
    ...(values.output !== undefined ? { output: values.output } : {}),
    failOn: failOn as FailOn,
    explain: values.explain === true,
    verbose: values.verbose === true,
    ...(values.today !== undefined ? { today: values.today } : {}),
  };
  switch (command) {
    case 'plan':
      if (rest.length !== 1) throw new InputError('plan takes exactly one plan file: clb-guard plan PLAN.json');
      return { kind: 'plan', planFile: rest[0]!, ...(values['tf-root'] !== undefined ? { tfRoot: values['tf-root'] } : {}), common };
    case 'live':
      if (rest.length > 0) throw new InputError(`live takes no positional arguments (got "${rest[0]}"); use --region`);
      if (values.region === undefined || values.region.length === 0) throw new InputError('live needs at least one --region, e.g. --region ap-guangzhou');
      return {
        kind: 'live',
        regions: values.region.flatMap((r) => r.split(',')).map((r) => r.trim()).filter((r) => r !== ''),
        ...(values['api-endpoint'] !== undefined ? { apiEndpoint: values['api-endpoint'] } : {}),
        allowPartial: values['allow-partial'] === true,
        common,
      };
    case 'policies':
      if (rest[0] !== 'validate') throw new InputError('unknown policies command; did you mean: clb-guard policies validate FILES');
      return { kind: 'validate', files: rest.slice(1) };
    default:
      throw new InputError(`unknown command "${command}" (see clb-guard --help)`);
  }
}
