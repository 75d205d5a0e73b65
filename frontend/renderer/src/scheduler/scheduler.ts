// The callback queue (renderer §2.3–§2.6): same-tick batching and merging, readiness, priority, at
// most 12 in flight, superseding, execution groups. Running and applying a job is the runner's job.
import type { LoadingEntry } from "../types";
import { createJob, mergeInto, type Job, type JobRequest } from "./job";
import { blockedProps, byPriority, droppedByGroup, isReady } from "./readiness";

/** What a finished job produced, as far as the scheduler cares. */
export type Outcome =
  | { kind: "data"; data: unknown }
  | { kind: "prevent" }
  | { kind: "skip" }
  | { kind: "error"; message: string };

export interface JobRunner {
  /** Loading entries of the job's outputs (computed when it starts). */
  loadingEntries(job: Job): LoadingEntry[];
  /** Send the request or call the clientside function; must not touch the layout. */
  execute(job: Job): Promise<Outcome>;
  /**
   * Apply what came back (only side updates when `job.superseded`), queue follow-up callbacks and
   * return the `idString.prop` keys it updated.
   */
  apply(job: Job, outcome: Outcome): string[];
}

export interface SchedulerHooks {
  /** Publish the pending list and whether anything non-persistent is pending. */
  onPendingChange?: (pending: Job[], busy: boolean) => void;
  onLoading?: (entries: LoadingEntry[], add: boolean) => void;
}

export const MAX_IN_FLIGHT = 12;

export class Scheduler {
  private readonly queued = new Map<string, Job>();
  private readonly executing = new Map<string, Job>();
  private started = false;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly runner: JobRunner,
    private readonly hooks: SchedulerHooks = {},
    private readonly defer: (task: () => void) => void = (task) => setTimeout(task, 0),
    private readonly maxInFlight = MAX_IN_FLIGHT,
  ) {}

  /** Begin processing (after the first render, so mount-time setProps can replace initial calls). */
  start(): void {
    this.started = true;
    this.schedule();
  }

  /** Queue callback instances; same-instance entries merge, a running one is superseded. */
  enqueue(requests: JobRequest[]): void {
    if (!requests.length) return;
    for (const request of requests) this.enqueueOne(request);
    this.schedule();
    this.publish();
  }

  private enqueueOne(request: JobRequest): void {
    const fresh = createJob(request);
    const waiting = this.queued.get(fresh.key);
    if (waiting) {
      mergeInto(waiting, request);
      return;
    }
    const running = this.executing.get(fresh.key);
    if (running) {
      running.superseded = true;
      this.executing.delete(fresh.key);
      fresh.inheritedLoading = running.loading;
    }
    this.queued.set(fresh.key, fresh);
  }

  /** Resolves when nothing is queued or executing. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Number of requests in flight: executing jobs, less background jobs waiting between polls. */
  get inFlight(): number {
    let open = 0;
    for (const job of this.executing.values()) if (!job.idle) open++;
    return open;
  }

  /** A job's `idle` flag changed: a slot may have freed up. */
  idleChanged(): void {
    this.schedule();
  }

  private isIdle(): boolean {
    return this.started && !this.queued.size && !this.executing.size;
  }

  private schedule(): void {
    if (this.scheduled || !this.started) return;
    this.scheduled = true;
    this.defer(() => {
      this.scheduled = false;
      this.process();
    });
  }

  private process(): void {
    while (this.queued.size && this.inFlight < this.maxInFlight) {
      const ready = this.readyJobs();
      if (!ready.length) break;
      let dropped = false;
      for (const job of ready) {
        if (this.inFlight >= this.maxInFlight) break;
        this.queued.delete(job.key);
        if (droppedByGroup(job, job.group)) {
          this.hooks.onLoading?.(job.inheritedLoading, false);
          dropped = true;
          continue;
        }
        this.begin(job);
      }
      if (!dropped) break;
    }
    this.publish();
  }

  private readyJobs(): Job[] {
    const blocked = blockedProps(this.pending());
    const ready = [...this.queued.values()].filter((job) => isReady(job, blocked));
    // A cycle blocks everything: with nothing running, force the oldest queued entry.
    if (!ready.length && !this.executing.size) ready.push(this.queued.values().next().value as Job);
    return ready.sort(byPriority);
  }

  private *pending(): Iterable<Job> {
    yield* this.queued.values();
    yield* this.executing.values();
  }

  private begin(job: Job): void {
    this.executing.set(job.key, job);
    job.started = true;
    job.loading = this.runner.loadingEntries(job);
    this.hooks.onLoading?.(job.loading, true);
    this.hooks.onLoading?.(job.inheritedLoading, false);
    job.inheritedLoading = [];
    this.runner
      .execute(job)
      .catch((error: unknown): Outcome => ({ kind: "error", message: String(error) }))
      .then((outcome) => this.finish(job, outcome));
  }

  private finish(job: Job, outcome: Outcome): void {
    if (!job.superseded) {
      this.executing.delete(job.key);
      this.hooks.onLoading?.(job.loading, false);
    }
    let updated: string[] = [];
    try {
      updated = this.runner.apply(job, outcome);
    } finally {
      if (!job.superseded && job.group) {
        job.group.anyReturned = true;
        for (const key of job.outputKeys) job.group.returnedOutputs.add(key);
        for (const key of updated) job.group.updatedProps.add(key);
      }
      this.schedule();
      this.publish();
    }
  }

  private publish(): void {
    const pending = [...this.pending()];
    const busy = !this.started || pending.some((job) => !job.callback.persistent);
    this.hooks.onPendingChange?.(pending, busy);
    if (this.isIdle() && this.idleWaiters.length) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
