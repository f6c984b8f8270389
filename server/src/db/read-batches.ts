/** One caller's part of a shared read, and how to answer it. */
interface Waiting<Part, Result> {
  part: Part;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

interface Queue<Part, Result> {
  waiting: Waiting<Part, Result>[];
  inFlight: number;
  run(parts: Part[]): Promise<Result[]>;
}

export interface ReadBatchLimits {
  /** Statements of one key running at once; asks beyond wait for the next. */
  maxInFlight: number;
  /** How much one statement takes (by `sizeOf`); an ask larger than this goes alone. */
  maxSize: number;
}

/**
 * Reads of one kind that arrive together share one statement. Up to `maxInFlight` statements of a
 * key run at once; asks that arrive while they run wait and go together in the next one. An ask
 * with nothing else running goes at once, so an idle server answers as it would without batching;
 * under load one round trip and one execution answer many requests, where the fixed cost of a
 * statement (a backend woken, the protocol both ways) is most of what each costs.
 *
 * `run` answers the parts in the order given, one result each; the asks of one key must be able to
 * share a statement (same database, same rules), which the key says.
 */
export class ReadBatches<Part, Result> {
  private readonly queues = new Map<string, Queue<Part, Result>>();

  constructor(
    private readonly limits: ReadBatchLimits,
    private readonly sizeOf: (part: Part) => number,
  ) {}

  ask(key: string, part: Part, run: (parts: Part[]) => Promise<Result[]>): Promise<Result> {
    let queue = this.queues.get(key);
    if (queue === undefined) {
      queue = { waiting: [], inFlight: 0, run };
      this.queues.set(key, queue);
    }
    const answer = new Promise<Result>((resolve, reject) => queue.waiting.push({ part, resolve, reject }));
    this.dispatch(key, queue);
    return answer;
  }

  private dispatch(key: string, queue: Queue<Part, Result>): void {
    while (queue.inFlight < this.limits.maxInFlight && queue.waiting.length > 0) {
      const batch = this.takeBatch(queue);
      queue.inFlight += 1;
      queue
        .run(batch.map((waiting) => waiting.part))
        .then(
          (results) => batch.forEach((waiting, index) => waiting.resolve(results[index]!)),
          (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
        )
        .finally(() => {
          queue.inFlight -= 1;
          if (queue.inFlight === 0 && queue.waiting.length === 0) this.queues.delete(key);
          else this.dispatch(key, queue);
        });
    }
  }

  private takeBatch(queue: Queue<Part, Result>): Waiting<Part, Result>[] {
    let size = this.sizeOf(queue.waiting[0]!.part);
    let count = 1;
    while (count < queue.waiting.length) {
      const next = this.sizeOf(queue.waiting[count]!.part);
      if (size + next > this.limits.maxSize) break;
      size += next;
      count += 1;
    }
    return queue.waiting.splice(0, count);
  }
}
