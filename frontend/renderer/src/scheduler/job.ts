// One queued or running callback instance and the execution group it belongs to (renderer §2.3–§2.6).
import type { CallbackDef } from "../graph/graph";
import { dependencyKey, instanceKey } from "../graph/instances";
import type { MatchValues } from "../graph/patterns";
import type { LoadingEntry } from "../types";

/**
 * The callbacks queued by one crawl (the initial layout or an inserted subtree). Once a member has
 * returned, a still-initial member fed only by returned members that updated nothing is dropped
 * (§2.6.5), so PreventUpdate / no_update stops an initial chain.
 */
export interface ExecutionGroup {
  anyReturned: boolean;
  /** Outputs of members that returned (whatever they returned). */
  returnedOutputs: Set<string>;
  /** Props members actually updated. */
  updatedProps: Set<string>;
}

export function newGroup(): ExecutionGroup {
  return { anyReturned: false, returnedOutputs: new Set(), updatedProps: new Set() };
}

export interface Job {
  /** Instance key: the callback plus its MATCH values. Same key = same request. */
  key: string;
  callback: CallbackDef;
  /** MATCH values of this instance (null for callbacks without MATCH). */
  match: MatchValues | null;
  /** Inputs and Outputs as `idString.prop`, MATCH keys filled in with this instance's values. */
  inputKeys: string[];
  outputKeys: string[];
  /** `idString.prop` that triggered it, in order, without duplicates; empty for an initial call. */
  changedPropIds: string[];
  /** Callbacks (by index) whose outputs led here; a callback already in its chain is not re-queued. */
  predecessors: number[];
  group: ExecutionGroup | null;
  /** Started (request sent or clientside function called). */
  started: boolean;
  /** A newer entry for the same instance replaced this one while it ran: ignore its outputs. */
  superseded: boolean;
  /** `state.loading` entries while it executes. */
  loading: LoadingEntry[];
  /** Entries of the job this one superseded, released when this one starts. */
  inheritedLoading: LoadingEntry[];
  /** The request body (or clientside arguments) once built. */
  payload: unknown;
  /** A background job between two polls: no request open, so it does not take an in-flight slot. */
  idle: boolean;
}

/** What the engine asks the scheduler to queue. */
export interface JobRequest {
  callback: CallbackDef;
  match?: MatchValues | null;
  changedPropIds: string[];
  predecessors?: number[];
  group?: ExecutionGroup | null;
}

export function createJob(request: JobRequest): Job {
  const { callback } = request;
  const match = request.match || null;
  const wild = callback.hasWildcards && match !== null;
  return {
    key: instanceKey(callback, match),
    callback,
    match,
    inputKeys: wild ? callback.inputs.map((dep) => dependencyKey(dep, match)) : callback.inputKeys,
    outputKeys: wild ? callback.outputs.map((dep) => dependencyKey(dep, match)) : callback.outputKeys,
    changedPropIds: unique(request.changedPropIds),
    predecessors: request.predecessors || [],
    group: request.group || null,
    started: false,
    superseded: false,
    loading: [],
    inheritedLoading: [],
    payload: undefined,
    idle: false,
  };
}

/** Fold a new request for the same instance into a queued job: union of triggers and chains. */
export function mergeInto(job: Job, request: JobRequest): void {
  for (const id of request.changedPropIds) if (!job.changedPropIds.includes(id)) job.changedPropIds.push(id);
  for (const index of request.predecessors || []) if (!job.predecessors.includes(index)) job.predecessors.push(index);
  if (!job.group && request.group) job.group = request.group;
}

function unique(items: string[]): string[] {
  return items.length < 2 ? items.slice() : [...new Set(items)];
}
