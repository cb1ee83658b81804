import { parseArgs } from 'node:util';
import { InputError } from '../errors/inputError.js';
import type { FailOn } from '../check/options.js';
import { closestMatch as closest } from '../text/closestMatch.js';
import { isCalendarDate } from '../policy/semantics/valueChecks.js';

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

/** `plan --resolve-live`: live mode's region and endpoint flags, and what fails the run. */
export interface HybridArguments {
  /** Empty: the region of the plan's tencentcloud provider. */
  readonly regions: readonly string[];
  readonly apiEndpoint?: string;
  readonly allowPartial: boolean;
  readonly failOnPreexisting: boolean;
}

/** What `--help` can be about: the overview or one command. */
export type HelpTopic = 'overview' | 'plan' | 'live' | 'policies' | 'policies validate' | 'policies list';

export type Command =
  | { readonly kind: 'plan'; readonly planFile: string; readonly tfRoot?: string; readonly hybrid?: HybridArguments; readonly common: CommonArguments }
  | { readonly kind: 'live'; readonly regions: readonly string[]; readonly apiEndpoint?: string; readonly allowPartial: boolean; readonly common: CommonArguments }
  | { readonly kind: 'validate'; readonly files: readonly string[] }
  | { readonly kind: 'list'; readonly config?: string; readonly policies: readonly string[]; readonly format: 'text' | 'json'; readonly verbose: boolean }
  | { readonly kind: 'help'; readonly topic: HelpTopic }
  | { readonly kind: 'version' };

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
  readonly value?: string;
  readonly help: string;
}

const OPTIONS = {
  'tf-root': { type: 'string', value: 'DIR', help: "folder of the root module's .tf files (default: the plan file's folder when it holds .tf files, else found in the repository)" },
  region: { type: 'string', multiple: true, value: 'REGION', help: 'region to scan (repeatable, or comma-separated)' },
  'api-endpoint': { type: 'string', value: 'URL', help: 'send every API call to URL (emulators, proxies); http only for loopback' },
  'allow-partial': { type: 'boolean', help: 'exit by the findings even if some API calls kept failing' },
  'resolve-live': { type: 'boolean', help: "read what the plan names by ID (and the live backends its changes reach) from the account; live mode's credentials" },
  'fail-on-preexisting': { type: 'boolean', help: 'with --resolve-live: let failures live backends already have fail the run too' },
  config: { type: 'string', value: 'FILE', help: 'config file (default: the nearest .clb-guard.json up to the repository root)' },
  policies: { type: 'string', multiple: true, value: 'PATH', help: 'extra policy file or directory (repeatable)' },
  format: { type: 'string', value: 'FORMAT', help: 'text (default), json, sarif or markdown' },
  output: { type: 'string', value: 'FILE', help: 'write the report to FILE instead of stdout (its folder must exist)' },
  'fail-on': { type: 'string', value: 'LEVEL', help: 'exit 1 on findings at or above LEVEL: error (default), warning, notice or never' },
  explain: { type: 'boolean', help: 'show the rules that decided each finding (text format)' },
  today: { type: 'string', value: 'DATE', help: 'date for exception expiry, YYYY-MM-DD (default: today, UTC)' },
  verbose: { type: 'boolean', help: 'more logging on stderr' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
  version: { type: 'boolean', help: 'print the version' },
} satisfies Record<string, OptionSpec>;

type OptionName = keyof typeof OPTIONS;

const COMMON: readonly OptionName[] = ['config', 'policies', 'format', 'output', 'fail-on', 'explain', 'today', 'verbose', 'help'];

/** The options each command accepts, in the order its help lists them. */
const COMMAND_OPTIONS: Record<Exclude<HelpTopic, 'policies'>, readonly OptionName[]> = {
  overview: ['help', 'version'],
  plan: ['tf-root', 'resolve-live', 'region', 'api-endpoint', 'allow-partial', 'fail-on-preexisting', ...COMMON],
  live: ['region', 'api-endpoint', 'allow-partial', ...COMMON],
  'policies validate': ['help'],
  'policies list': ['config', 'policies', 'format', 'verbose', 'help'],
};

const SYNOPSIS: Record<HelpTopic, string> = {
  overview: `Usage:
  clb-guard plan PLAN.json|- [--tf-root DIR] [options]   check a \`terraform show -json\` plan (- reads it from stdin)
  clb-guard live --region REGION [--region …] [options]  check the live Tencent Cloud account
  clb-guard policies validate [FILE|DIR …]               validate policy files (and the built-in pack)
  clb-guard policies list [--config FILE] [--policies PATH]  the policies a run would use, with severity and source

Run \`clb-guard COMMAND --help\` for the options of a command.`,
  plan: `Usage: clb-guard plan PLAN.json|- [options]

Checks the output of \`terraform show -json PLANFILE\`; \`-\` reads it from stdin:
  terraform show -json tfplan | clb-guard plan -
With --resolve-live, what the plan names by ID and does not manage (groups, subnets, ACLs, CLBs…)
is read from the account, and the live backends its changes reach are checked too; credentials as
for live mode, the region from --region or the plan's tencentcloud provider.`,
  live: `Usage: clb-guard live --region REGION [--region …] [options]

Checks the live Tencent Cloud account. Credentials: TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY
(and TENCENTCLOUD_SESSION_TOKEN), or a profile.`,
  policies: `Usage:
  clb-guard policies validate [FILE|DIR …]
  clb-guard policies list [--config FILE] [--policies PATH] [--format text|json]`,
  'policies validate': `Usage: clb-guard policies validate [FILE|DIR …]

Validates policy files (and the built-in pack against them): every problem on its own located line.`,
  'policies list': `Usage: clb-guard policies list [options]

Prints the policies a run would use — the built-in pack, the config's includes and --policies — with
their effective severity (after the config's overrides) and the file each comes from.`,
};

const EXIT_CODES = 'Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or configuration error.';

/** The help text of a command (or the overview). */
export function usage(topic: HelpTopic = 'overview'): string {
  const names = topic === 'policies' ? [] : COMMAND_OPTIONS[topic];
  const rows = names.map((name) => {
    const spec: OptionSpec = OPTIONS[name];
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    return `  ${flag.padEnd(22)} ${spec.help}`;
  });
  const options = rows.length > 0 ? `\n\nOptions:\n${rows.join('\n')}` : '';
  const exits = topic === 'plan' || topic === 'live' || topic === 'overview' ? `\n\n${EXIT_CODES}` : '';
  return `${SYNOPSIS[topic]}${options}${exits}`;
}

/** The overview help, as before. */
export const USAGE = usage('overview');

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'markdown'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];
const COMMANDS = ['plan', 'live', 'policies', 'help'];
const POLICIES_COMMANDS = ['validate', 'list'];

function commandOf(positionals: readonly string[]): HelpTopic | undefined {
  const [first, second] = positionals;
  if (first === 'plan' || first === 'live') return first;
  if (first === 'policies') return second === 'validate' ? 'policies validate' : second === 'list' ? 'policies list' : 'policies';
  return undefined;
}

export function parseCommand(argv: readonly string[]): Command {
  // Lenient first, so that the message can name the command and suggest the option meant.
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: Object.fromEntries(Object.entries(OPTIONS).map(([name, spec]) => [name, { type: spec.type, ...('multiple' in spec ? { multiple: spec.multiple } : {}), ...('short' in spec ? { short: spec.short } : {}) }])),
  });
  const topic = commandOf(positionals);
  const allowed: readonly OptionName[] = topic === undefined || topic === 'policies' ? [...COMMAND_OPTIONS.overview] : COMMAND_OPTIONS[topic];
  const where = topic === undefined ? '' : ` for "${topic}"`;
  const helpHint = topic === undefined || topic === 'overview' ? 'clb-guard --help' : `clb-guard ${topic} --help`;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const name = token.name;
    const spec = (OPTIONS as Record<string, OptionSpec>)[name];
    if (spec === undefined) {
      const meant = closest(name, allowed) ?? (topic === undefined ? closest(name, Object.keys(OPTIONS)) : undefined);
      throw new InputError(`unknown option ${token.rawName}${where}${meant ? `; did you mean --${meant}?` : ''} (see ${helpHint})`);
    }
    if (name === 'help' || name === 'version') continue;
    if (!allowed.includes(name as OptionName)) {
      const owners = (['plan', 'live', 'policies list'] as const).filter((c) => COMMAND_OPTIONS[c].includes(name as OptionName));
      const belongs = owners.length > 0 ? `; it belongs to ${owners.map((c) => `"${c}"`).join(' and ')}` : '';
      throw new InputError(`${token.rawName} is not an option${topic === undefined ? ' without a command' : where}${belongs} (see ${helpHint})`);
    }
    if (spec.type === 'string' && token.value === undefined) throw new InputError(`${token.rawName} needs a value${spec.value ? `: ${token.rawName} ${spec.value}` : ''}`);
    if (spec.type === 'boolean' && token.inlineValue) throw new InputError(`${token.rawName} takes no value (got "${token.value}")`);
  }
  const str = (name: OptionName): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const strs = (name: OptionName): string[] => {
    const value = values[name];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  };
  const bool = (name: OptionName): boolean => values[name] === true;

  if (bool('version') && !bool('help')) return { kind: 'version' };
  if (positionals[0] === 'help') {
    const about = commandOf(positionals.slice(1));
    if (positionals.length > 1 && about === undefined) throw new InputError(`no help on "${positionals.slice(1).join(' ')}": the commands are plan, live, policies validate and policies list`);
    return { kind: 'help', topic: about ?? 'overview' };
  }
  if (bool('help') || positionals.length === 0) return { kind: 'help', topic: topic ?? 'overview' };
  const [command, ...rest] = positionals;
  if (topic === undefined) {
    const meant = closest(command!, COMMANDS);
    throw new InputError(`unknown command "${command}"${meant ? `; did you mean "${meant}"?` : ''} (see clb-guard --help)`);
  }
  if (topic === 'policies') {
    const sub = rest[0];
    const meant = sub === undefined ? undefined : closest(sub, POLICIES_COMMANDS);
    throw new InputError(
      sub === undefined
        ? 'policies needs a command: clb-guard policies validate FILES, or clb-guard policies list'
        : `unknown policies command "${sub}"${meant ? `; did you mean "policies ${meant}"?` : ''} (the commands are policies validate and policies list)`,
    );
  }
  const format = str('format') ?? 'text';
  if (topic === 'policies list') {
    if (rest.length > 1) throw new InputError(`policies list takes no files (got "${rest[1]}"); use --policies PATH`);
    if (format !== 'text' && format !== 'json') throw new InputError(`--format of "policies list" must be text or json, not "${format}"`);
    const config = str('config');
    return { kind: 'list', ...(config !== undefined ? { config } : {}), policies: strs('policies'), format, verbose: bool('verbose') };
  }
  if (topic === 'policies validate') return { kind: 'validate', files: rest.slice(1) };
  if (!FORMATS.includes(format as OutputFormat)) throw new InputError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const failOn = str('fail-on') ?? 'error';
  if (!FAIL_ON.includes(failOn as FailOn)) throw new InputError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  const today = str('today');
  if (today !== undefined && !isCalendarDate(today)) throw new InputError(`--today must be a calendar day, YYYY-MM-DD, not "${today}"`);
  const config = str('config');
  const output = str('output');
  const common: CommonArguments = {
    ...(config !== undefined ? { config } : {}),
    policies: strs('policies'),
    format: format as OutputFormat,
    ...(output !== undefined ? { output } : {}),
    failOn: failOn as FailOn,
    explain: bool('explain'),
    verbose: bool('verbose'),
    ...(today !== undefined ? { today } : {}),
  };
  if (topic === 'plan') {
    if (rest.length !== 1) throw new InputError('plan takes exactly one plan file: clb-guard plan PLAN.json (or - for stdin)');
    const tfRoot = str('tf-root');
    const hybridOnly = (['region', 'api-endpoint', 'allow-partial', 'fail-on-preexisting'] as const).find((name) => values[name] !== undefined);
    if (!bool('resolve-live') && hybridOnly !== undefined) throw new InputError(`--${hybridOnly} of "plan" needs --resolve-live (it is about reading the account)`);
    const endpoint = str('api-endpoint');
    const hybrid: HybridArguments | undefined = bool('resolve-live')
      ? { regions: regionsOf(strs('region')), ...(endpoint !== undefined ? { apiEndpoint: endpoint } : {}), allowPartial: bool('allow-partial'), failOnPreexisting: bool('fail-on-preexisting') }
      : undefined;
    return { kind: 'plan', planFile: rest[0]!, ...(tfRoot !== undefined ? { tfRoot } : {}), ...(hybrid ? { hybrid } : {}), common };
  }
  if (rest.length > 0) throw new InputError(`live takes no positional arguments (got "${rest[0]}"); use --region`);
  const regions = regionsOf(strs('region'));
  if (regions.length === 0) throw new InputError('live needs at least one --region, e.g. --region ap-guangzhou');
  const apiEndpoint = str('api-endpoint');
  return { kind: 'live', regions, ...(apiEndpoint !== undefined ? { apiEndpoint } : {}), allowPartial: bool('allow-partial'), common };
}

/** `--region a --region b,c` → `[a, b, c]`. */
function regionsOf(values: readonly string[]): string[] {
  return values
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter((r) => r !== '');
}
