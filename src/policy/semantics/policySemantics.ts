import { closestMatch as closest } from '../../text/closestMatch.js';
import type { AssertionKind } from '../assertions/assertionKind.js';
import { ALWAYS_AVAILABLE_VARIABLES, assertionKindOf } from '../assertions/registry.js';
import { PLACEHOLDER } from '../messageTemplate.js';
import type { Assertion, Condition, FlowSpec, Policy } from '../policyTypes.js';
import {
  FIELD_VALUES,
  type FieldValues,
  SUBJECT_FIELDS,
  SUBJECTS_WITH_LISTENER,
  SUBJECTS_WITH_LOAD_BALANCER,
  subjectHasField,
} from '../subjectFields.js';
import { cidrProblem, portProblem } from './valueChecks.js';

/** A problem inside one policy, at a JSON pointer of its file. */
export interface PointedProblem {
  readonly pointer: string;
  readonly message: string;
}

/** How a policy uses `params.NAME`: the value must then be of that kind. */
export interface ParamReference {
  readonly name: string;
  readonly usage: 'cidrs' | 'ports' | 'value';
  readonly pointer: string;
}

/** What the later, config-aware checks need to know of a policy. */
export interface PolicyFacts {
  readonly paramRefs: readonly ParamReference[];
  /** Params the policy tests with `exists`: it is written to work without them. */
  readonly guardedParams: ReadonlySet<string>;
}

const NAMED_SOURCES = ['clients', 'lb.vips', 'healthCheck.source', 'snat.ips'];
const NAMED_PORTS = ['backend.port', 'healthCheck.port', 'listener.port'];

/**
 * The meaning checks of one policy that the JSON Schema cannot make: every CIDR, port and field
 * path means something for this subject, and every template placeholder is filled by the
 * subject or the assertion. Each of these, if let through, makes a policy that never fires.
 */
export function checkPolicySemantics(policy: Policy, at: string): { problems: PointedProblem[]; facts: PolicyFacts } {
  const problems: PointedProblem[] = [];
  const paramRefs: ParamReference[] = [];
  const guardedParams = new Set<string>();
  const kinds = new Set<AssertionKind>();
  const subject = policy.subject;
  const problem = (pointer: string, message: string) => problems.push({ pointer, message });

  const fieldPath = (path: string, pointer: string) => {
    if (path.startsWith('params.')) {
      paramRefs.push({ name: path.slice(7), usage: 'value', pointer });
      return;
    }
    if (subjectHasField(subject, path)) return;
    const suggestion = closest(path, SUBJECT_FIELDS[subject]);
    const owner = Object.entries(SUBJECT_FIELDS)
      .filter(([, fields]) => fields.includes(path))
      .map(([kind]) => kind);
    problem(
      pointer,
      `${subject} subjects have no field "${path}"${suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : ''}${owner.length > 0 ? `; it belongs to ${owner.join(', ')} subjects` : ''}`,
    );
  };

  const condition = (c: Condition, pointer: string) => {
    if ('all' in c) {
      c.all.forEach((x, i) => {
        condition(x, `${pointer}/all/${i}`);
      });
      return;
    }
    if ('any' in c) {
      c.any.forEach((x, i) => {
        condition(x, `${pointer}/any/${i}`);
      });
      return;
    }
    if ('not' in c) return condition(c.not, `${pointer}/not`);
    fieldPath(c.field, `${pointer}/field`);
    const values = FIELD_VALUES.get(c.field);
    const compared: [string, readonly unknown[]][] = [
      ['equals', 'equals' in c ? [c.equals] : []],
      ['notEquals', 'notEquals' in c ? [c.notEquals] : []],
      ['in', c.in ?? []],
    ];
    if (values !== undefined) {
      for (const [op, list] of compared) {
        list.forEach((value, i) => {
          const bad = valueProblem(c.field, values, value);
          if (bad !== undefined) problem(op === 'in' ? `${pointer}/in/${i}` : `${pointer}/${op}`, bad);
        });
      }
      if ((c.greaterThan !== undefined || c.lessThan !== undefined) && values !== 'number')
        problem(pointer, `${c.field} is not a number: greaterThan/lessThan can never hold`);
    }
    if (c.exists !== undefined && c.field.startsWith('params.')) guardedParams.add(c.field.slice(7));
    if (c.inCidr !== undefined) {
      const list = typeof c.inCidr === 'string' ? [c.inCidr] : c.inCidr;
      list.forEach((cidr, i) => {
        const bad = cidrProblem(cidr);
        if (bad !== undefined) problem(typeof c.inCidr === 'string' ? `${pointer}/inCidr` : `${pointer}/inCidr/${i}`, bad);
      });
    }
  };

  const needsLoadBalancer = (what: string, pointer: string) => {
    if (!SUBJECTS_WITH_LOAD_BALANCER.has(subject))
      problem(
        pointer,
        `${what} needs a load balancer, and ${subject} subjects have none (use a loadBalancer, listener or backend subject)`,
      );
  };

  const flow = (spec: FlowSpec, pointer: string) => {
    spec.from.forEach((name, i) => {
      const p = `${pointer}/from/${i}`;
      if (name === 'clients') return;
      if (NAMED_SOURCES.includes(name)) {
        needsLoadBalancer(`"${name}"`, p);
        return;
      }
      if (name.startsWith('params.')) {
        paramRefs.push({ name: name.slice(7), usage: 'cidrs', pointer: p });
        return;
      }
      const bad = cidrProblem(name);
      if (bad === undefined) return;
      const looksNamed = /^[A-Za-z][A-Za-z0-9]*\./.test(name) || /^[A-Za-z]+$/.test(name);
      problem(
        p,
        looksNamed
          ? `"${name}" is neither a named source (${NAMED_SOURCES.join(', ')}, params.NAME) nor a CIDR${suggest(name, NAMED_SOURCES)}`
          : bad,
      );
    });
    if (spec.ports === undefined) {
      if (subject !== 'backend')
        problem(`${pointer}`, `"ports" defaults to backend.port, which ${subject} subjects do not have: name the ports`);
    } else {
      spec.ports.forEach((port, i) => {
        const p = `${pointer}/ports/${i}`;
        if (typeof port === 'number') {
          const bad = portProblem(port);
          if (bad !== undefined) problem(p, bad);
          return;
        }
        if (port === 'backend.port') {
          if (subject !== 'backend') problem(p, `backend.port: ${subject} subjects have no backend`);
          return;
        }
        if (port === 'healthCheck.port' || port === 'listener.port') {
          if (!SUBJECTS_WITH_LISTENER.has(subject)) problem(p, `${port}: ${subject} subjects have no listener`);
          return;
        }
        if (port.startsWith('params.')) {
          paramRefs.push({ name: port.slice(7), usage: 'ports', pointer: p });
          return;
        }
        const bad = portProblem(port);
        if (bad === undefined) return;
        problem(
          p,
          /^[A-Za-z]/.test(port) && port.toUpperCase() !== 'ALL'
            ? `"${port}" is neither a named port (${NAMED_PORTS.join(', ')}, params.NAME) nor a port${suggest(port, NAMED_PORTS)}`
            : bad,
        );
      });
    }
    if (spec.through.includes('loadBalancerSecurityGroups')) needsLoadBalancer('"loadBalancerSecurityGroups"', `${pointer}/through`);
  };

  const assertion = (a: Assertion, pointer: string) => {
    if ('all' in a) {
      a.all.forEach((x, i) => {
        assertion(x, `${pointer}/all/${i}`);
      });
      return;
    }
    if ('if' in a) {
      condition(a.if, `${pointer}/if`);
      return assertion(a.then, `${pointer}/then`);
    }
    const kind = assertionKindOf(a);
    kinds.add(kind);
    const allowed = kind.subjects;
    if (allowed !== undefined && !allowed.includes(subject))
      problem(
        `${pointer}/${kind.name}`,
        `${kind.name} applies to ${allowed.join(' or ')} subjects, not ${subject}: it would never find anything`,
      );
    if ('reachable' in a) return flow(a.reachable, `${pointer}/reachable`);
    if ('notReachable' in a) return flow(a.notReachable, `${pointer}/notReachable`);
    if ('check' in a) return condition(a.check, `${pointer}/check`);
  };

  if (policy.where !== undefined) condition(policy.where, `${at}/where`);
  assertion(policy.assert, `${at}/assert`);

  // Only what every assertion of the policy fills: a `{{refused}}` in a policy that also has a
  // notReachable would be empty in that one's findings.
  const kindList = [...kinds];
  const shared = kindList.length === 0 ? [] : kindList[0]!.variables.filter((name) => kindList.every((k) => k.variables.includes(name)));
  const variables = new Set<string>([...ALWAYS_AVAILABLE_VARIABLES, ...shared]);
  const template = (text: string | undefined, pointer: string) => {
    if (text === undefined) return;
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1]!;
      if (variables.has(name)) continue;
      if (name.startsWith('params.')) {
        paramRefs.push({ name: name.slice(7), usage: 'value', pointer });
        continue;
      }
      if (subjectHasField(subject, name)) continue;
      const fillers = kindList.filter((k) => k.variables.includes(name));
      if (fillers.length > 0) {
        const names = (list: readonly AssertionKind[]) => list.map((k) => k.name).join(', ');
        problem(
          pointer,
          `{{${name}}} is filled by ${names(fillers)} but not by ${names(kindList.filter((k) => !fillers.includes(k)))}, which this policy also asserts: it would be empty in those findings`,
        );
        continue;
      }
      const suggestion = closest(name, [...variables, ...SUBJECT_FIELDS[subject]]);
      problem(
        pointer,
        `{{${name}}} is neither a field of ${subject} subjects nor a variable of ${kinds.size > 0 ? kindList.map((k) => k.name).join('/') : 'this policy'}'s assertions (${[...variables].join(', ')})${suggestion !== undefined ? `; did you mean {{${suggestion}}}?` : ''}`,
      );
    }
    const stripped = text.replace(PLACEHOLDER, '');
    if (/\{\{|\}\}/.test(stripped))
      problem(pointer, 'has a "{{" or "}}" that is not a placeholder like {{instance.name}}: it would print as written');
  };
  template(policy.message, `${at}/message`);
  template(policy.remediation, `${at}/remediation`);

  return { problems, facts: { paramRefs, guardedParams } };
}

/** Why `value` can never equal a value of the field, or undefined (strings compare ignoring case, as the engine does). */
function valueProblem(field: string, values: FieldValues, value: unknown): string | undefined {
  if (value === null) return undefined;
  if (values === 'boolean') return typeof value === 'boolean' ? undefined : `${field} is true or false, never ${JSON.stringify(value)}`;
  if (values === 'number') return typeof value === 'number' ? undefined : `${field} is a number, never ${JSON.stringify(value)}`;
  if (typeof value === 'string' && values.oneOf.some((v) => v.toUpperCase() === value.toUpperCase())) return undefined;
  const suggestion = typeof value === 'string' ? closest(value, values.oneOf) : undefined;
  return `${field} is one of ${values.oneOf.join(', ')}, never ${JSON.stringify(value)}${suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : ''}`;
}

function suggest(name: string, known: readonly string[]): string {
  const best = closest(name, known);
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}
