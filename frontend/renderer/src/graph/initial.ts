// Which callbacks fire when components appear: the initial layout (renderer §1.1) or a subtree a
// callback inserted (§2.6.4).
import { stringifyId } from "../ids";
import type { CallbackDef, CallbackGraph } from "./graph";

/** A callback to queue, with the prop ids that triggered it (empty for an initial call). */
export interface CallbackRequest {
  callback: CallbackDef;
  changedPropIds: string[];
}

export interface CrawlScope {
  /** Canonical ids found in the crawled part of the layout, in crawl order. */
  crawled: readonly string[];
  /** Whether a canonical id exists anywhere in the layout. */
  inLayout: (canonicalId: string) => boolean;
  /**
   * True for a subtree inserted by a callback: callbacks with an Input inside and an Output outside
   * then fire with those inputs as trigger, even with `prevent_initial_call`.
   */
  subtree: boolean;
}

/** The callbacks to queue for a crawl, in crawl order, after the exclusion loop. */
export function initialCallbacks(graph: CallbackGraph, scope: CrawlScope): CallbackRequest[] {
  const crawled = new Set(scope.crawled);
  const candidates: CallbackDef[] = [];
  const chosen = new Set<CallbackDef>();
  const take = (cb: CallbackDef) => {
    if (!chosen.has(cb)) {
      chosen.add(cb);
      candidates.push(cb);
    }
  };
  for (const id of scope.crawled) {
    for (const cb of graph.withOutputOn(id)) if (!cb.preventInitialCall) take(cb);
    for (const cb of graph.withInputOn(id)) if (cb.noOutput && !cb.preventInitialCall) take(cb);
  }
  if (!scope.subtree) {
    for (const cb of graph.callbacks) {
      if (cb.noOutput && !cb.preventInitialCall && !cb.hasWildcards && !cb.inputs.length) take(cb);
    }
  }
  const requests = excludeUnreachable(candidates, scope.inLayout).map((cb) => ({
    callback: cb,
    changedPropIds: [] as string[],
  }));
  if (scope.subtree) requests.push(...insertedInputTriggers(graph, scope.crawled, crawled));
  return requests;
}

/**
 * The exclusion loop of §1.1: drop a callback that has Inputs but none present and not excluded;
 * its outputs become excluded; repeat until stable.
 */
function excludeUnreachable(candidates: CallbackDef[], inLayout: (id: string) => boolean): CallbackDef[] {
  const excluded = new Set<string>();
  let kept = candidates;
  let dropped = true;
  while (dropped) {
    dropped = false;
    const next: CallbackDef[] = [];
    for (const cb of kept) {
      const reachable =
        !cb.inputs.length ||
        cb.inputs.some((dep, i) => inLayout(stringifyId(dep.id)) && !excluded.has(cb.inputKeys[i]));
      if (reachable) {
        next.push(cb);
      } else {
        dropped = true;
        for (const key of cb.outputKeys) excluded.add(key);
      }
    }
    kept = next;
  }
  return kept;
}

/** Callbacks with an Input inside the inserted subtree and at least one Output outside it. */
function insertedInputTriggers(
  graph: CallbackGraph,
  order: readonly string[],
  crawled: ReadonlySet<string>,
): CallbackRequest[] {
  const requests: CallbackRequest[] = [];
  const seen = new Set<CallbackDef>();
  for (const id of order) {
    for (const cb of graph.withInputOn(id)) {
      if (seen.has(cb) || cb.noOutput) continue;
      seen.add(cb);
      if (!cb.outputs.some((dep) => !crawled.has(stringifyId(dep.id)))) continue;
      const inside = cb.inputs
        .map((dep, i) => (crawled.has(stringifyId(dep.id)) ? cb.inputKeys[i] : ""))
        .filter(Boolean);
      requests.push({ callback: cb, changedPropIds: inside });
    }
  }
  return requests;
}
