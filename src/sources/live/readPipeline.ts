/**
 * The reads of one scan as a data flow: each read starts as soon as its inputs are known, and
 * IDs that are read in batches (100 instance IDs, 5 filter values…) go out as soon as a batch is
 * full. A batch that is not full waits until nothing else is running — only then can no more IDs
 * arrive for it — so the tail costs one call per queue, never one per trickling ID. When all is
 * quiet, the queues flush in the order they were created, upstream first: a queue's partial batch
 * may still feed the queues after it.
 */
export class ReadPipeline {
  private active = 0;
  private readonly queues: BatchQueue[] = [];
  private failure: { error: unknown } | undefined;
  private finish: (() => void) | undefined;

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
        this.failure ??= { error };
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

  private settle(): void {
    if (this.failure === undefined) {
      for (const queue of this.queues) {
        if (queue.flush()) return;
      }
    }
    this.finish?.();
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
