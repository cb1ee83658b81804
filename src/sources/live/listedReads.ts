import type { Listener, Target } from '../../model/loadBalancer.js';
import { listenerOf } from './apiToInventory.js';
import { CallFailed } from './callScheduler.js';
import type { Service } from './tencentApi.js';

export type Api = Record<string, unknown>;

/** A paged list as read: `complete` false when it did not add up (some objects may be missing). */
export interface Paged {
  readonly rows: Api[];
  readonly complete: boolean;
}

/**
 * Objects asked for by ID: those answered; those the region does not have (left out of a full
 * answer, or refused one by one as not found); those the answers leave in doubt, with why.
 */
export interface ReadById {
  readonly found: Map<string, Api>;
  readonly absent: string[];
  readonly unread: Map<string, string>;
}

/** One API call: its answer, the failure it kept ending in, or `undefined` when it was not made (the read had already failed). */
export type RawCall = (service: Service, action: string, params: Api) => Promise<Api | CallFailed | undefined>;

/** Where a read says what it could not read. */
export interface ReadProblems {
  /** Part of the account could not be read as the API promises: the read is incomplete. */
  incomplete(message: string, address?: string): void;
  /** Said only: what caused it has made the read incomplete already. */
  note(message: string): void;
}

export const PAGE = 100;
/**
 * Values one filter takes in one call. DescribeInstances documents 5; the VPC actions say nothing,
 * so 5 there too (a documented assumption: more would be fewer calls, a refusal would be none).
 */
export const FILTER_VALUES = 5;

export const isApi = (v: unknown): v is Api => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A list of objects, or undefined when the answer has something else (missing, null, a string…). */
export const objects = (v: unknown): Api[] | undefined => (Array.isArray(v) && v.every(isApi) ? (v as Api[]) : undefined);
const list = (v: unknown): Api[] => (Array.isArray(v) ? (v as Api[]) : []);
const idOf = (item: Api, field: string): string | undefined =>
  typeof item[field] === 'string' && item[field] !== '' ? (item[field] as string) : undefined;
const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);

/** The ID field of each listed object, by the field that lists them. */
const ID_FIELD: Readonly<Record<string, string>> = {
  LoadBalancerSet: 'LoadBalancerId',
  InstanceSet: 'InstanceId',
  SubnetSet: 'SubnetId',
  VpcSet: 'VpcId',
  NetworkAclSet: 'NetworkAclId',
  NetworkInterfaceSet: 'NetworkInterfaceId',
  AddressTemplateSet: 'AddressTemplateId',
  AddressTemplateGroupSet: 'AddressTemplateGroupId',
  ServiceTemplateSet: 'ServiceTemplateId',
  ServiceTemplateGroupSet: 'ServiceTemplateGroupId',
};

/** The API says an object the call names does not exist (`ResourceNotFound`, `InvalidInstanceId.NotFound`…). */
export const isNotFound = (error: CallFailed): boolean => /NotFound/.test(error.code);

/**
 * The checked reads of one region, shared by the live reader and the hybrid lookup so that one
 * implementation holds the API's promises: every list is a list of objects with their IDs, pages
 * add up to their TotalCount with no ID twice, and objects asked for by ID are either answered,
 * known to be absent, or unread with the reason. What falls short is said through `problems`.
 */
export class ListedReads {
  constructor(
    private readonly raw: RawCall,
    readonly region: string,
    private readonly problems: ReadProblems,
  ) {}

  /** One call; a failure is said (what it was for is unknown) and is `undefined`. */
  async call(service: Service, action: string, params: Api): Promise<Api | undefined> {
    const answer = await this.raw(service, action, params);
    if (answer instanceof CallFailed) return this.failed(answer);
    return answer;
  }

  private failed(error: CallFailed): undefined {
    this.problems.incomplete(`${this.region}: ${error.message}; what it was for is unknown`);
    return undefined;
  }

  /**
   * The list `field` of an answer, checked: an array of objects, each with its ID when the list
   * has one. Anything else makes what the call was for unknown (`undefined`).
   */
  listIn(response: Api, action: string, field: string, idField = ID_FIELD[field]): Api[] | undefined {
    const items = objects(response[field]);
    if (items === undefined) {
      this.problems.incomplete(`${this.region}: ${action} answered without a list "${field}"; what it was for is unknown`);
      return undefined;
    }
    if (idField !== undefined && items.some((item) => idOf(item, idField) === undefined)) {
      this.problems.incomplete(`${this.region}: ${action} listed an object without "${idField}"; what the call was for is unknown`);
      return undefined;
    }
    return items;
  }

  /**
   * Pages through an action with Offset/Limit until TotalCount is reached. Every page must have
   * the list and the count; the objects read must add up to the count, with no ID twice, and
   * the count must not change while paging. Short of that, what was read is returned with the
   * read marked incomplete (the objects that were not read cannot be named, let alone checked).
   * `undefined`: nothing usable came back. `onPage` sees each page's new objects as it comes,
   * with the count the pages add up to, so what they name can be read before the last page.
   */
  async pages(
    service: Service,
    action: string,
    params: Api,
    field: string,
    stringPaging = false,
    onPage?: (rows: Api[], total: number) => void,
  ): Promise<Paged | undefined> {
    const out = new Map<string, Api>();
    const idField = ID_FIELD[field];
    const rows: Api[] = [];
    let total: number | undefined;
    let problem: string | undefined;
    for (let offset = 0, page = 0; ; page++) {
      const response = await this.call(service, action, {
        ...params,
        Offset: stringPaging ? String(offset) : offset,
        Limit: stringPaging ? String(PAGE) : PAGE,
      });
      if (response === undefined) return offset === 0 ? undefined : this.partialPages(action, rows, undefined);
      const items = this.listIn(response, action, field);
      if (items === undefined) return offset === 0 ? undefined : this.partialPages(action, rows, undefined);
      const pageTotal = count(response.TotalCount);
      if (pageTotal === undefined) {
        this.problems.incomplete(`${this.region}: ${action} answered without a valid "TotalCount"; what it was for is unknown`);
        return undefined;
      }
      if (total === undefined) total = pageTotal;
      else if (pageTotal !== total) problem ??= `the TotalCount changed from ${total} to ${pageTotal} while paging`;
      const before = rows.length;
      for (const item of items) {
        if (idField === undefined) rows.push(item);
        else if (out.has(idOf(item, idField)!)) problem ??= `${idOf(item, idField)} came back twice`;
        else {
          out.set(idOf(item, idField)!, item);
          rows.push(item);
        }
      }
      onPage?.(rows.slice(before), total);
      offset += items.length;
      if (items.length > PAGE) problem ??= `a page had ${items.length} objects, more than the ${PAGE} asked for`;
      if (rows.length >= total || items.length === 0 || items.length > PAGE) break;
      if (items.length < PAGE) problem ??= `a page before the last had ${items.length} objects, not ${PAGE}`;
      // Short pages are read on from where they ended, but not without end.
      if (page > Math.ceil(total / PAGE) + 10) {
        problem ??= 'the pages did not add up';
        break;
      }
    }
    if (rows.length !== total) problem ??= `${rows.length} objects were read of the ${total} its TotalCount says`;
    return problem === undefined ? { rows, complete: true } : this.partialPages(action, rows, problem);
  }

  private partialPages(action: string, rows: Api[], problem: string | undefined): Paged {
    if (problem !== undefined)
      this.problems.incomplete(`${this.region}: ${action}: ${problem}; objects it should have listed may be missing and are not checked`);
    else this.problems.note(`${this.region}: ${action}: only the first pages could be read; objects on the others are not checked`);
    return { rows, complete: false };
  }

  /**
   * Objects by ID, `batch` IDs a call (`idParam` "InstanceIds" lists objects by "InstanceId").
   * A call the API refuses as "not found" (it names an ID the region lacks) is halved until each
   * refusal names one ID, so the objects that exist are still read. An ID left out of an answer
   * that has all it counts is absent; left out of one short of its TotalCount, or listing an
   * object twice, it is unread.
   */
  async byIds(service: Service, action: string, idParam: string, ids: readonly string[], field: string, batch = PAGE): Promise<ReadById> {
    const out: ReadById = { found: new Map(), absent: [], unread: new Map() };
    const idKey = idParam.replace(/s$/, '');
    const read = async (wanted: readonly string[]): Promise<void> => {
      const answer = await this.raw(service, action, { [idParam]: wanted, Limit: PAGE });
      if (answer instanceof CallFailed && isNotFound(answer)) {
        if (wanted.length === 1) out.absent.push(wanted[0]!);
        else {
          const half = Math.ceil(wanted.length / 2);
          await Promise.all([read(wanted.slice(0, half)), read(wanted.slice(half))]);
        }
        return;
      }
      if (answer instanceof CallFailed) this.failed(answer);
      const response = answer instanceof CallFailed ? undefined : answer;
      const items = response === undefined ? undefined : this.listIn(response, action, field, idKey);
      if (response === undefined || items === undefined) {
        for (const id of wanted) out.unread.set(id, `${action} did not answer for ${id}`);
        return;
      }
      const listed = new Set<string>();
      let problem: string | undefined;
      for (const item of items) {
        const id = idOf(item, idKey)!;
        if (listed.has(id)) problem ??= `${id} came back twice`;
        listed.add(id);
        if (wanted.includes(id)) out.found.set(id, item);
      }
      const total = count(response.TotalCount);
      if (total !== undefined && total > listed.size) problem ??= `its TotalCount says ${total}`;
      const missing = wanted.filter((id) => !out.found.has(id));
      if (problem === undefined || missing.length === 0) {
        out.absent.push(...missing);
        return;
      }
      this.problems.incomplete(
        `${this.region}: ${action} returned ${wanted.length - missing.length} of the ${wanted.length} objects asked for (${problem}); ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''} may exist and are unknown`,
      );
      for (const id of missing) out.unread.set(id, `${action} was asked for ${id} and did not return it`);
    };
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += batch) batches.push(ids.slice(i, i + batch));
    for (const b of batches) await read(b);
    return out;
  }

  /**
   * DescribeListeners' and DescribeTargets' `Listeners`, checked: a list of objects with their
   * ListenerId, whose nested lists are lists (or absent). Otherwise that CLB's listeners (or
   * targets) are unknown.
   */
  checkedListeners(response: Api, action: string, lb: string, nested: readonly string[]): Api[] | undefined {
    const items = objects(response.Listeners);
    const optionalList = (v: unknown) => v === undefined || v === null || objects(v) !== undefined;
    const bad =
      items === undefined
        ? 'without a list "Listeners"'
        : items.some((l) => idOf(l, 'ListenerId') === undefined)
          ? 'with a listener without "ListenerId"'
          : items.some(
                (l) =>
                  nested.some((n) => !optionalList(l[n])) ||
                  list(l.Rules).some((r) => !optionalList(r.TargetGroupList) || !optionalList(r.Targets)),
              )
            ? 'with a listener whose nested lists are not lists'
            : undefined;
    if (bad === undefined) return items;
    this.problems.incomplete(
      `${this.region}: ${action} answered ${lb} ${bad}; ${action === 'DescribeListeners' ? 'its listeners' : 'its targets'} are unknown`,
      lb,
    );
    return undefined;
  }

  /**
   * A CLB's listeners with their targets. DescribeTargets lists every listener, with or without
   * targets: one it leaves out has unknown targets, and the read is incomplete.
   */
  listenersOf(
    lb: string,
    listeners: readonly Api[],
    backends: readonly Api[] | undefined,
    groupMembers: (group: string) => Target[] | string,
  ): Listener[] {
    return listeners.map((l) => {
      const backend = backends?.find((b) => b.ListenerId === l.ListenerId);
      if (backends !== undefined && backend === undefined)
        this.problems.incomplete(
          `${this.region}: DescribeTargets did not list ${String(l.ListenerId)} of ${lb}; its targets are unknown`,
          lb,
        );
      return listenerOf(l, lb, this.region, backend, groupMembers);
    });
  }
}
