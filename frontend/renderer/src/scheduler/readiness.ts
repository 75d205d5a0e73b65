// Which queued callbacks may start now (renderer §2.4): pure functions over the pending jobs.
import type { ExecutionGroup, Job } from "./job";

/**
 * How many pending jobs will (or may, through the callbacks downstream of them) still change each
 * prop. A job reading any of them as an Input must wait, so diamonds and chains fire each callback once.
 */
export function blockedProps(pending: Iterable<Job>): Map<string, number> {
  const blocked = new Map<string, number>();
  for (const job of pending) {
    for (const key of job.callback.downstream) blocked.set(key, (blocked.get(key) || 0) + 1);
  }
  return blocked;
}

/**
 * A queued job is ready when none of its Inputs (its own outputs aside) is blocked by another pending
 * job. Its own downstream does not count, so a job in a cycle is not held back by itself.
 */
export function isReady(job: Job, blocked: ReadonlyMap<string, number>): boolean {
  const { inputKeys, outputKeys, downstream } = job.callback;
  for (const key of inputKeys) {
    const count = (blocked.get(key) || 0) - (downstream.has(key) ? 1 : 0);
    if (count > 0 && !outputKeys.includes(key)) return false;
  }
  return true;
}

/** Deeper downstream chains first, then registration order. */
export function byPriority(a: Job, b: Job): number {
  return b.callback.depth - a.callback.depth || a.callback.index - b.callback.index;
}

/**
 * §2.6.5: a still-initial member of a group is pointless once the members feeding every one of its
 * Inputs have returned without updating any of them.
 */
export function droppedByGroup(job: Job, group: ExecutionGroup | null): boolean {
  if (!group || !group.anyReturned || job.changedPropIds.length) return false;
  const { inputKeys } = job.callback;
  if (!inputKeys.length) return false;
  return inputKeys.every((key) => group.returnedOutputs.has(key) && !group.updatedProps.has(key));
}
