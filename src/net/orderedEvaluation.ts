import { AddressSet } from './addressSet.js';
import type { CompiledRule } from './compiledRule.js';
import {
  type FlowQuery,
  type FlowVerdict,
  overallVerdict,
  type RuleRef,
  type SymbolicAddress,
  type Verdict,
  type VerdictPart,
} from './flow.js';
import { NO_PORTS, type PortSet } from './portSet.js';

type Action = 'ACCEPT' | 'DROP';

/** Traffic not yet decided, with the actions of uncertain rules it may already have hit. */
interface Pending {
  readonly addresses: AddressSet;
  readonly ports: PortSet;
  /** Actions of rules that may have matched earlier; `undefined` for an unknown action. */
  readonly alternatives: ReadonlySet<Action | undefined>;
  readonly maybe: readonly RuleRef[];
}

interface PendingSymbol {
  readonly symbol: SymbolicAddress;
  readonly ports: PortSet;
  readonly alternatives: ReadonlySet<Action | undefined>;
  readonly maybe: readonly RuleRef[];
}

const verdictOf = (action: Action): Verdict => (action === 'ACCEPT' ? 'allow' : 'deny');

/**
 * Evaluates an ordered rule list, first match wins, no match = DROP, for every packet of the
 * query at once. Traffic that an uncertain rule may have matched is carried on with that rule's
 * action as an alternative; if the eventual decision differs from any alternative, the part is
 * `unknown` — never a guess.
 */
export function evaluateOrdered(query: FlowQuery, rules: readonly CompiledRule[], defaultRef?: RuleRef): FlowVerdict {
  const parts: VerdictPart[] = [];
  let pending: Pending[] = [];
  if (!query.addresses.isEmpty() && !query.ports.isEmpty()) {
    pending.push({ addresses: query.addresses, ports: query.ports, alternatives: new Set(), maybe: [] });
  }
  let symbols: PendingSymbol[] = query.symbols.map((symbol) => ({ symbol, ports: query.ports, alternatives: new Set(), maybe: [] }));

  for (const rule of rules) {
    if (pending.length === 0 && symbols.length === 0) break;
    if (rule.local === 'no' || !rule.protocols.possible.has(query.protocol)) continue;
    // Every pending part's ports lie within the query's: a rule on other ports (nearly all of a
    // long list, for one backend port) leaves all of them as they are.
    if (!query.ports.overlaps(rule.ports.possible)) continue;
    const certain = rule.local === 'yes' && rule.protocols.definite.has(query.protocol);
    const definitePeer = certain ? rule.peer.definite : AddressSet.EMPTY;
    const definitePorts = certain ? rule.ports.definite : NO_PORTS;

    const nextPending: Pending[] = [];
    for (const item of pending) {
      // A rule that cannot match any of it (most rules: another port or source) leaves it as it is.
      if (!item.ports.overlaps(rule.ports.possible) || !item.addresses.overlaps(rule.peer.possible)) {
        nextPending.push(item);
        continue;
      }
      // Decided for sure by this rule.
      const decidedAddresses = item.addresses.intersect(definitePeer);
      const decidedPorts = item.ports.intersect(definitePorts);
      if (!decidedAddresses.isEmpty() && !decidedPorts.isEmpty()) {
        parts.push(decide(rule, decidedAddresses, undefined, decidedPorts, item.alternatives, item.maybe));
      }
      // The rest of the box: split into "may match" and "cannot match".
      for (const rest of subtractBox(item.addresses, item.ports, decidedAddresses, decidedPorts)) {
        const maybeAddresses = rest.addresses.intersect(rule.peer.possible);
        const maybePorts = rest.ports.intersect(rule.ports.possible);
        if (maybeAddresses.isEmpty() || maybePorts.isEmpty()) {
          nextPending.push({ ...item, addresses: rest.addresses, ports: rest.ports });
          continue;
        }
        nextPending.push({
          addresses: maybeAddresses,
          ports: maybePorts,
          alternatives: new Set([...item.alternatives, rule.action]),
          maybe: [...item.maybe, rule.ref],
        });
        for (const outside of subtractBox(rest.addresses, rest.ports, maybeAddresses, maybePorts)) {
          nextPending.push({ ...item, addresses: outside.addresses, ports: outside.ports });
        }
      }
    }
    pending = nextPending;

    const nextSymbols: PendingSymbol[] = [];
    for (const item of symbols) {
      // A rule on the item's other ports leaves it: skip it before the costlier address checks.
      if (!item.ports.overlaps(rule.ports.possible)) {
        nextSymbols.push(item);
        continue;
      }
      const { symbol } = item;
      const peerCertain = rule.peer.symbols.has(symbol.id) || (!symbol.within.isEmpty() && rule.peer.definite.covers(symbol.within));
      const peerPossible = peerCertain || rule.peer.possible.overlaps(symbol.within);
      if (!peerPossible) {
        nextSymbols.push(item);
        continue;
      }
      const decidedPorts = certain && peerCertain ? item.ports.intersect(rule.ports.definite) : NO_PORTS;
      if (!decidedPorts.isEmpty()) {
        parts.push(decide(rule, AddressSet.EMPTY, symbol, decidedPorts, item.alternatives, item.maybe));
      }
      const restPorts = item.ports.subtract(decidedPorts);
      const maybePorts = restPorts.intersect(rule.ports.possible);
      if (!maybePorts.isEmpty()) {
        nextSymbols.push({
          symbol,
          ports: maybePorts,
          alternatives: new Set([...item.alternatives, rule.action]),
          maybe: [...item.maybe, rule.ref],
        });
      }
      const outside = restPorts.subtract(maybePorts);
      if (!outside.isEmpty()) nextSymbols.push({ ...item, ports: outside });
    }
    symbols = nextSymbols;
  }

  // Nothing matched: the implicit final DROP.
  for (const item of pending) parts.push(fallThrough(item.addresses, undefined, item.ports, item.alternatives, item.maybe, defaultRef));
  for (const item of symbols) parts.push(fallThrough(AddressSet.EMPTY, item.symbol, item.ports, item.alternatives, item.maybe, defaultRef));
  return { verdict: overallVerdict(parts), parts };
}

function decide(
  rule: CompiledRule,
  addresses: AddressSet,
  symbol: SymbolicAddress | undefined,
  ports: PortSet,
  alternatives: ReadonlySet<Action | undefined>,
  maybe: readonly RuleRef[],
): VerdictPart {
  const base = { addresses, ports, decidedBy: rule.ref, maybe, ...(symbol ? { symbol } : {}) };
  if (rule.action === undefined) return { ...base, verdict: 'unknown', reason: rule.unknownReason ?? 'the rule action is unknown' };
  if ([...alternatives].some((alt) => alt !== rule.action)) {
    return { ...base, verdict: 'unknown', reason: reasonFromMaybe(maybe) };
  }
  return { ...base, verdict: verdictOf(rule.action) };
}

function fallThrough(
  addresses: AddressSet,
  symbol: SymbolicAddress | undefined,
  ports: PortSet,
  alternatives: ReadonlySet<Action | undefined>,
  maybe: readonly RuleRef[],
  defaultRef: RuleRef | undefined,
): VerdictPart {
  const base = { addresses, ports, maybe, ...(symbol ? { symbol } : {}), ...(defaultRef ? { decidedBy: defaultRef } : {}) };
  if ([...alternatives].some((alt) => alt !== 'DROP')) return { ...base, verdict: 'unknown', reason: reasonFromMaybe(maybe) };
  return { ...base, verdict: 'deny' };
}

function reasonFromMaybe(maybe: readonly RuleRef[]): string {
  return `an earlier rule may match but depends on unknown values: ${maybe.map((r) => r.text).join('; ')}`;
}

/** box \ (addresses × ports), as at most two disjoint boxes. */
function subtractBox(
  boxAddresses: AddressSet,
  boxPorts: PortSet,
  addresses: AddressSet,
  ports: PortSet,
): { addresses: AddressSet; ports: PortSet }[] {
  const out: { addresses: AddressSet; ports: PortSet }[] = [];
  if (addresses.isEmpty() || ports.isEmpty()) return [{ addresses: boxAddresses, ports: boxPorts }];
  const outsideAddresses = boxAddresses.subtract(addresses);
  if (!outsideAddresses.isEmpty()) out.push({ addresses: outsideAddresses, ports: boxPorts });
  const insideAddresses = boxAddresses.intersect(addresses);
  const outsidePorts = boxPorts.subtract(ports);
  if (!insideAddresses.isEmpty() && !outsidePorts.isEmpty()) out.push({ addresses: insideAddresses, ports: outsidePorts });
  return out;
}
