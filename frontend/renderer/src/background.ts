// Background callbacks in the browser (renderer §2.12, protocol-server §13): the query string of every
// `_dash-update-component` request (`endId`, `oldJob`, `cancelJob`) and the poll loop that follows a
// started job until its result, applying progress and side updates on the way. Transport, timer and
// the way props are written are injected, so the loop runs in tests without a browser or a server.
import type { Job } from "./scheduler/job";
import type { HttpResult } from "./transport";
import { propId, stripHash } from "./ids";
import type { CallbackResponse, DashId } from "./types";

export const UPDATE_ROUTE = "_dash-update-component";

/** Fallback poll period when the spec carries no `background.interval` (ms). */
export const DEFAULT_INTERVAL = 500;

/** What the first request of a background callback answers. */
export interface StartReply {
  cacheKey: string;
  job: string;
  cancel?: { id: DashId; property: string }[];
  progressDefault?: Record<string, unknown>;
}

/** How a followed job ended, in the scheduler's terms (a failed poll keeps its HTTP answer). */
export type PollOutcome =
  | { kind: "data"; data: CallbackResponse }
  | { kind: "prevent" }
  | { kind: "error"; message: string; answer?: HttpResult };

export interface BackgroundHost {
  /** POST a JSON body to a route (relative to the request prefix, query string included). */
  post(route: string, payload: unknown): Promise<HttpResult>;
  /** Resolve after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
  /** The page's `end_id` (config), or undefined when the server sent none. */
  endId(): string | undefined;
  /** Write an `{"id.prop": value}` map (progress, progressDefault) into the layout. */
  applyPropMap(map: Record<string, unknown>): void;
  /** Apply a poll's `sideUpdate` (server `set_props`). */
  applySideUpdate(sideUpdate: Record<string, unknown>): void;
  /** A job went to sleep between polls (`idle`) or opened its next poll request. */
  idleChanged?(job: Job): void;
}

type StopReason = "cancelled" | "outdated" | null;

/** A started background job, known by the scheduler job that started it. */
interface Running {
  job: Job;
  handle: string;
  cancelKeys: Set<string>;
  progressDefault: Record<string, unknown> | undefined;
  stopped: StopReason;
}

/** True for the first answer of a background callback (a job handle, no result yet). */
export function isStartReply(data: unknown): data is StartReply {
  if (!data || typeof data !== "object") return false;
  const reply = data as Record<string, unknown>;
  return typeof reply.cacheKey === "string" && typeof reply.job === "string" && !("response" in reply);
}

/** The request body of a poll: the start body with every input and state `value` nulled. */
export function pollBody<T extends object>(payload: T): T {
  const copy = { ...payload } as Record<string, unknown>;
  for (const key of ["inputs", "state"]) {
    const deps = copy[key];
    if (Array.isArray(deps)) copy[key] = deps.map(nullValues);
  }
  return copy as T;
}

function nullValues(entry: unknown): unknown {
  if (Array.isArray(entry)) return entry.map(nullValues);
  return entry && typeof entry === "object" ? { ...(entry as object), value: null } : entry;
}

/** `?a=1&b=2` from pairs; values already encoded by the caller. */
function queryString(pairs: [string, string][]): string {
  return pairs.length ? "?" + pairs.map(([name, value]) => `${name}=${value}`).join("&") : "";
}

export class BackgroundJobs {
  /** Started jobs by callback instance key. */
  private readonly running = new Map<string, Running>();
  /** Handles of outdated jobs not yet sent as `oldJob`, by instance key. */
  private readonly outdated = new Map<string, string[]>();

  constructor(private readonly host: BackgroundHost) {}

  /**
   * The route (with query string) of a new request for `job`: `endId`, `oldJob` for the instance's job that a
   * re-trigger made outdated (sent once), and `cancelJob` for every running job whose `cancel` list
   * meets one of the callback's Inputs. Cancelled jobs get their `progressDefault` back at once.
   */
  startRoute(job: Job): string {
    const pairs: [string, string][] = [];
    const endId = this.host.endId();
    // `end_id` is letters, digits, `~` and hex: sent as is (protocol-server §13.5).
    if (endId) pairs.push(["endId", endId]);
    for (const handle of this.takeOutdated(job)) pairs.push(["oldJob", encodeURIComponent(handle)]);
    for (const entry of this.cancelledBy(job)) {
      pairs.push(["cancelJob", encodeURIComponent(entry.handle)]);
      if (entry.progressDefault) this.host.applyPropMap(entry.progressDefault);
    }
    return UPDATE_ROUTE + queryString(pairs);
  }

  /** Whether `job` is a background job this module is still following. */
  isRunning(job: Job): boolean {
    const entry = this.running.get(job.key);
    return Boolean(entry && entry.job === job);
  }

  /** Handles of earlier jobs of the same instance that must be stopped by this request. */
  private takeOutdated(job: Job): string[] {
    const handles = this.outdated.get(job.key) || [];
    this.outdated.delete(job.key);
    const previous = this.running.get(job.key);
    if (previous && previous.job !== job) {
      previous.stopped = "outdated";
      this.running.delete(job.key);
      handles.push(previous.handle);
    }
    return handles;
  }

  private cancelledBy(job: Job): Running[] {
    const found: Running[] = [];
    for (const [key, entry] of this.running) {
      if (entry.job === job || !job.inputKeys.some((input) => entry.cancelKeys.has(input))) continue;
      entry.stopped = "cancelled";
      this.running.delete(key);
      found.push(entry);
    }
    return found;
  }

  /**
   * Follow a started job: every `interval` ms re-POST the nulled body with its handles until an answer
   * carries `response` (data) or is 204 (prevent). Progress is applied on every poll, side updates on
   * every poll but the last (the engine applies that one with the outputs). A job cancelled or
   * re-triggered meanwhile stops polling and ends as `prevent`.
   */
  async follow(job: Job, payload: object, reply: StartReply, interval?: number): Promise<PollOutcome> {
    const entry = this.register(job, reply);
    if (!entry) return { kind: "prevent" };
    const pairs: [string, string][] = [
      ["cacheKey", encodeURIComponent(reply.cacheKey)],
      ["job", encodeURIComponent(reply.job)],
    ];
    const endId = this.host.endId();
    if (endId) pairs.push(["endId", endId]);
    const route = UPDATE_ROUTE + queryString(pairs);
    const body = pollBody(payload);
    const period = interval && interval > 0 ? interval : DEFAULT_INTERVAL;
    try {
      for (;;) {
        this.setIdle(job, true);
        await this.host.sleep(period);
        if (this.stopped(entry)) return { kind: "prevent" };
        this.setIdle(job, false);
        const outcome = await this.poll(route, body);
        if (this.stopped(entry)) return { kind: "prevent" };
        if (outcome) return outcome;
      }
    } finally {
      this.setIdle(job, false);
    }
  }

  /** One poll; undefined while the job is still running. */
  private async poll(route: string, body: object): Promise<PollOutcome | undefined> {
    let answer: HttpResult;
    try {
      answer = await this.host.post(route, body);
    } catch {
      return { kind: "error", message: "Background callback failed: the server did not answer a poll." };
    }
    if (answer.status === 204) return { kind: "prevent" };
    if (answer.status !== 200) return { kind: "error", message: `HTTP ${answer.status}\n${answer.text}`, answer };
    const data = JSON.parse(answer.text) as CallbackResponse;
    // Progress first, so a `progressDefault` applied on completion wins over the last progress.
    if (data.progress && typeof data.progress === "object") {
      this.host.applyPropMap(data.progress as Record<string, unknown>);
    }
    if ("response" in data) return { kind: "data", data };
    if (data.sideUpdate) this.host.applySideUpdate(data.sideUpdate);
    return undefined;
  }

  /**
   * The job settled (any outcome): its `progressDefault`, or undefined when it was not a background
   * job, was replaced by a newer one, or was cancelled (the default was applied then).
   */
  finish(job: Job): Record<string, unknown> | undefined {
    const entry = this.running.get(job.key);
    if (!entry || entry.job !== job) return undefined;
    this.running.delete(job.key);
    return entry.progressDefault;
  }

  private register(job: Job, reply: StartReply): Running | null {
    if (job.superseded) {
      // Re-triggered before the job even started: stop it with the next request of the instance.
      const list = this.outdated.get(job.key) || [];
      list.push(reply.job);
      this.outdated.set(job.key, list);
      return null;
    }
    const entry: Running = {
      job,
      handle: reply.job,
      cancelKeys: new Set((reply.cancel || []).map((dep) => propId(dep.id, stripHash(dep.property)))),
      progressDefault: reply.progressDefault,
      stopped: null,
    };
    this.running.set(job.key, entry);
    return entry;
  }

  /** A stop decided elsewhere; a superseded job whose handle was not sent yet keeps it for `oldJob`. */
  private stopped(entry: Running): boolean {
    if (entry.stopped) return true;
    if (!entry.job.superseded) return false;
    entry.stopped = "outdated";
    if (this.running.get(entry.job.key) === entry) this.running.delete(entry.job.key);
    const list = this.outdated.get(entry.job.key) || [];
    list.push(entry.handle);
    this.outdated.set(entry.job.key, list);
    return true;
  }

  private setIdle(job: Job, idle: boolean): void {
    if (job.idle === idle) return;
    job.idle = idle;
    this.host.idleChanged?.(job);
  }
}
