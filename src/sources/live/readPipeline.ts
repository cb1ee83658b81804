/**
 * The reads of one scan as a data flow: each read starts as soon as its inputs are known, and
 * IDs that are read in batches (100 instance IDs, 5 filter values…) go out as soon as a batch is
 * full. A batch that is not full waits until nothing else is running — only then can no more IDs
 * arrive for it — so the tail costs one call per queue, never one per trickling ID. When all is
 * quiet, every queue with IDs pending and nothing pending upstream of it (`feeds`) flushes at
 * once: nothing can add to it any more. In a cycle of pending queues the first created goes first.
 */
export class ReadPipeline {
  private active = 0;
  private readonly queues: BatchQueue[] = [];
  private readonly downstream = new Map<BatchQueue, BatchQueue[]>();
  private failure: { error: unknown } | undefined;
  private finish: (() => void) | undefined;

  /** `onFailure` runs once, when a read fails for good: it should stop the reads still waiting. */
  constructor(private readonly onFailure: () => void = () => {}) {}

  /** A batched read of IDs: `size` a call, in the pipeline's flush order. */
  queue(size: number, read: (batch: string[]) => Promise<void>): BatchQueue {
    const queue = new BatchQueue(size, (batch) => this.run(() => read(batch)));
    this.queues.push(queue);
    return queue;
  }

  /** Starts a read now; the pipeline is not done until it is. */
  run(read: () => Promise<void>): void {
    if (this.failure !== undefined) return;
    this.active++;
    void read()
      .catch((error: unknown) => {
        // The first error that is not a handled call failure (rejected credentials) ends the scan.
        if (this.failure !== undefined) return;
        this.failure = { error };
        this.onFailure();
      })
      .finally(() => {
        this.active--;
        if (this.active === 0) this.settle();
      });
  }

  /** True once a read has failed for good: the reads still queued do not start. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Runs `start` (which starts the first reads) and resolves when every read, and every read they led to, is done. */
  async complete(start: () => void): Promise<void> {
    const done = new Promise<void>((resolve) => {
      this.finish = resolve;
    });
    this.run(async () => start());
    await done;
    if (this.failure !== undefined) throw this.failure.error;
  }

  /** Says that reads of `from` can add IDs to each of `to`. */
  feeds(from: BatchQueue, to: readonly BatchQueue[]): void {
    const list = this.downstream.get(from) ?? [];
    list.push(...to);
    this.downstream.set(from, list);
  }

  private settle(): void {
    if (this.failure === undefined) {
      const pending = this.queues.filter((q) => q.pendingCount > 0);
      if (pending.length > 0) {
        const fedByPending = new Set<BatchQueue>();
        for (const queue of pending) for (const below of this.below(queue)) fedByPending.add(below);
        const free = pending.filter((q) => !fedByPending.has(q));
        for (const queue of free.length > 0 ? free : pending.slice(0, 1)) queue.flush();
        return;
      }
    }
    this.finish?.();
  }

  /** Every queue a queue's reads can add to, directly or through others. */
  private below(queue: BatchQueue): Set<BatchQueue> {
    const out = new Set<BatchQueue>();
    const walk = (from: BatchQueue) => {
      for (const next of this.downstream.get(from) ?? []) {
        if (out.has(next)) continue;
        out.add(next);
        walk(next);
      }
    };
    walk(queue);
    return out;
  }
}

/** IDs to read in batches; each ID once. */
export class BatchQueue {
  private readonly seen = new Set<string>();
  private pending: string[] = [];

  constructor(
    private readonly size: number,
    private readonly launch: (batch: string[]) => void,
  ) {}

  /** Queues IDs not queued before; full batches start at once. */
  add(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      this.pending.push(id);
      if (this.pending.length >= this.size) this.launch(this.pending.splice(0, this.size));
    }
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  /** Starts what is pending, in batches; false when nothing was. */
  flush(): boolean {
    if (this.pending.length === 0) return false;
    while (this.pending.length > 0) this.launch(this.pending.splice(0, this.size));
    return true;
  }
}
