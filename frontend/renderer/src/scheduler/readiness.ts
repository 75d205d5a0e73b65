// Which queued callbacks may start now (renderer §2.4): pure functions over the pending jobs.
import { idsOverlap, keySetOf, substitute } from "../graph/patterns";
import type { DashId, Dependency } from "../types";
import type { ExecutionGroup, Job } from "./job";

interface DictBlocker {
  id: DashId;
  job: Job;
}

/**
 * Props that pending jobs will (or may, through the callbacks downstream of them) still change, with
 * the jobs responsible. String ids by `id.prop`; dict ids (patterns included) by key set and prop,
 * compared by overlap since a pattern may name many components.
 */
export interface Blockers {
  texts: Map<string, Job[]>;
  dicts: Map<string, DictBlocker[]>;
}

function dictSlot(id: DashId, property: string): string {
  return `${keySetOf(id as Record<string, never>)}|${property}`;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function blockedProps(pending: Iterable<Job>): Blockers {
  const blockers: Blockers = { texts: new Map(), dicts: new Map() };
  for (const job of pending) {
    for (const key of job.callback.downstream) if (key[0] !== "{") push(blockers.texts, key, job);
    for (const dep of job.callback.downstreamDicts) {
      // The job's own Outputs are narrowed to its MATCH values; further downstream stays a pattern.
      const own = job.match !== null && job.callback.outputs.includes(dep as never);
      const id = own ? substitute(dep.id, job.match) : dep.id;
      push(blockers.dicts, dictSlot(id, dep.property), { id, job });
    }
  }
  return blockers;
}

function ownOutput(job: Job, dep: Dependency, id: DashId): boolean {
  return job.callback.outputs.some(
    (out) => out.property === dep.property && idsOverlap(substitute(out.id, job.match), id),
  );
}

/**
 * A queued job is ready when none of its Inputs (its own outputs aside) may still be changed by another
 * pending job. Its own downstream does not count, so a job in a cycle is not held back by itself.
 */
export function isReady(job: Job, blocked: Blockers): boolean {
  const { inputs } = job.callback;
  for (let i = 0; i < inputs.length; i++) {
    const dep = inputs[i];
    if (typeof dep.id !== "object") {
      const key = job.inputKeys[i];
      const jobs = blocked.texts.get(key);
      if (jobs && jobs.some((other) => other !== job) && !job.outputKeys.includes(key)) return false;
      continue;
    }
    const id = substitute(dep.id, job.match);
    const entries = blocked.dicts.get(dictSlot(id, dep.property));
    if (!entries || ownOutput(job, dep, id)) continue;
    if (entries.some((entry) => entry.job !== job && idsOverlap(entry.id, id))) return false;
  }
  return true;
}

/** Deeper downstream chains first, then registration order. */
export function byPriority(a: Job, b: Job): number {
  return b.callback.depth - a.callback.depth || a.callback.index - b.callback.index;
}

/**
 * §2.6.5: a still-initial member of a group is pointless once the members feeding every one of its
 * Inputs have returned without updating any of them (unless all its Inputs are lists).
 */
export function droppedByGroup(job: Job, group: ExecutionGroup | null): boolean {
  if (!group || !group.anyReturned || job.changedPropIds.length) return false;
  const { inputKeys } = job;
  if (!inputKeys.length || job.callback.arrayInputs.every(Boolean)) return false;
  return inputKeys.every((key) => group.returnedOutputs.has(key) && !group.updatedProps.has(key));
}
