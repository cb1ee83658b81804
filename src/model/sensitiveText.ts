/**
 * What every report, annotation, summary, comment, SARIF file and log line shows instead of a
 * value the Terraform configuration marks sensitive (`sensitive = true`, `sensitive()`, or a
 * provider attribute the schema calls sensitive).
 */
export const SENSITIVE = '(sensitive)';

/** Why a value that cannot be shown safely is not used either. */
export const SENSITIVE_REASON = 'marked sensitive in the plan';

/**
 * Words the reports print for every rule (actions, protocols, booleans): a sensitive value equal
 * to one of them cannot be removed from the text without removing it from every other rule too.
 */
const REPORT_WORDS = new Set([
  'ACCEPT',
  'DROP',
  'ALL',
  'TCP',
  'UDP',
  'ICMP',
  'ICMPV6',
  'GRE',
  'TRUE',
  'FALSE',
  'NULL',
  'HTTP',
  'HTTPS',
  'TCP_SSL',
  'QUIC',
]);

/**
 * Whether a sensitive string can be scrubbed from output text, exactly as written, without
 * wrecking the reports: at least 4 characters (every CIDR, ID, name and description of that
 * length), not one of the words every report prints, not a port or port list (`22`, `80,443`,
 * `8000-8010` also match line numbers and other rules' ports), and not a rule string
 * (`ACCEPT#10.0.0.0/8#22#TCP`, which reports print in parts). A value that fails this is not
 * shown and not used: the plan reader sees `SENSITIVE` instead, and what depends on it is unknown.
 */
export function scrubbable(text: string): boolean {
  return (
    text.length >= 4 && text !== SENSITIVE && !REPORT_WORDS.has(text.toUpperCase()) && !/^[\d\s,-]+$/.test(text) && !text.includes('#')
  );
}

/**
 * The last line of defence: every occurrence of a sensitive value, exactly as written, replaced
 * by `SENSITIVE` in a text or in every string (and key) of a JSON-like value. Longest first, so
 * that `web-secret-0` goes whole rather than leaving `-0` after `web-secret`.
 */
export class SensitiveText {
  readonly texts: readonly string[];
  private readonly pattern: RegExp | undefined;

  constructor(texts: Iterable<string>) {
    this.texts = [...new Set([...texts].filter(scrubbable))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.pattern = this.texts.length === 0 ? undefined : new RegExp(this.texts.map(escapeRegExp).join('|'), 'g');
  }

  get empty(): boolean {
    return this.pattern === undefined;
  }

  /** Whether a text holds a sensitive value (or the placeholder of one). */
  touches(text: string): boolean {
    if (text.includes(SENSITIVE)) return true;
    if (this.pattern === undefined) return false;
    this.pattern.lastIndex = 0;
    return this.pattern.test(text);
  }

  redact(text: string): string {
    return this.pattern === undefined ? text : text.replace(this.pattern, SENSITIVE);
  }

  /** A copy of a JSON-like value with every string redacted; unchanged parts are the same objects. */
  redactDeep<T>(value: T): T {
    return this.pattern === undefined ? value : (this.deep(value) as T);
  }

  private deep(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) {
      let changed = false;
      const out = value.map((item) => {
        const next = this.deep(item);
        if (next !== item) changed = true;
        return next;
      });
      return changed ? out : value;
    }
    if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const name = this.redact(key);
        const next = this.deep(item);
        if (next !== item || name !== key) changed = true;
        out[name] = next;
      }
      return changed ? out : value;
    }
    return value;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
