// Which callbacks fire when components appear: the initial layout (renderer §1.1) or a subtree a
// callback inserted (§2.6.4). Pattern-matching callbacks fire once per MATCH value set.
import { stringifyId } from "../ids";
import type { DashId } from "../types";
import type { CallbackDef, CallbackGraph } from "./graph";
import {
  instanceKey,
  isComplete,
  outputInstance,
  outputKeysOf,
  resolveFor,
  triggeredInstances,
  type Instance,
} from "./instances";
import type { MatchValues } from "./patterns";
import type { LayoutLookup } from "./resolve";

/** A callback instance to queue, with the prop ids that triggered it (empty for an initial call). */
export interface CallbackRequest {
  callback: CallbackDef;
  changedPropIds: string[];
  match?: MatchValues | null;
}

export interface CrawlScope {
  /** Ids found in the crawled part of the layout, in crawl order. */
  crawled: readonly DashId[];
  /** The whole current layout. */
  layout: LayoutLookup;
  /**
   * True for a subtree inserted by a callback: callbacks with an Input inside and an Output outside
   * then fire with those inputs as trigger, even with `prevent_initial_call`.
   */
  subtree: boolean;
}

/** Instances in first-seen order, without duplicates. */
class InstanceList {
  readonly items: Instance[] = [];
  private readonly keys = new Set<string>();

  add(instance: Instance): void {
    const key = instanceKey(instance.callback, instance.match);
    if (this.keys.has(key) || !isComplete(instance)) return;
    this.keys.add(key);
    this.items.push(instance);
  }
}

/** The callbacks to queue for a crawl, in crawl order, after the exclusion loop. */
export function initialCallbacks(graph: CallbackGraph, scope: CrawlScope): CallbackRequest[] {
  const { layout } = scope;
  const candidates = new InstanceList();
  for (const id of scope.crawled) {
    for (const ref of graph.outputsOn(id)) {
      if (!ref.callback.preventInitialCall) candidates.add(outputInstance(ref, id));
    }
    for (const ref of graph.inputsOn(id)) {
      if (!ref.callback.noOutput || ref.callback.preventInitialCall) continue;
      for (const instance of triggeredInstances(ref, id, layout)) candidates.add(instance);
    }
  }
  if (!scope.subtree) {
    for (const cb of graph.callbacks) {
      if (cb.noOutput && !cb.preventInitialCall && !cb.hasWildcards && !cb.inputs.length) {
        candidates.add({ callback: cb, match: null });
      }
    }
  }
  const requests: CallbackRequest[] = excludeUnreachable(candidates.items, layout).map((instance) => ({
    callback: instance.callback,
    changedPropIds: [],
    match: instance.match,
  }));
  if (scope.subtree) requests.push(...insertedInputTriggers(graph, scope));
  return requests;
}

/**
 * The exclusion loop of §1.1: drop an instance that has a single-valued Input but no Input present
 * and not excluded; its outputs become excluded; repeat until stable. Instances whose Inputs are all
 * ALL / ALLSMALLER always stay.
 */
function excludeUnreachable(candidates: Instance[], layout: LayoutLookup): Instance[] {
  const excluded = new Set<string>();
  let kept = candidates;
  let dropped = true;
  while (dropped) {
    dropped = false;
    const next: Instance[] = [];
    for (const instance of kept) {
      if (isReachable(instance, layout, excluded)) {
        next.push(instance);
      } else {
        dropped = true;
        for (const key of outputKeysOf(instance, layout)) excluded.add(key);
      }
    }
    kept = next;
  }
  return kept;
}

function isReachable(instance: Instance, layout: LayoutLookup, excluded: ReadonlySet<string>): boolean {
  const { inputs, arrayInputs } = instance.callback;
  if (!inputs.length || arrayInputs.every(Boolean)) return true;
  return inputs.some((dep) =>
    resolveFor(dep, instance, layout).some((found) => !excluded.has(`${found.idText}.${dep.property}`)),
  );
}

/** Instances with an Input inside the inserted subtree and at least one Output outside it. */
function insertedInputTriggers(graph: CallbackGraph, scope: CrawlScope): CallbackRequest[] {
  const inside = new Set(scope.crawled.map(stringifyId));
  const byKey = new Map<string, CallbackRequest>();
  for (const id of scope.crawled) {
    for (const ref of graph.inputsOn(id)) {
      if (ref.callback.noOutput) continue;
      const trigger = `${stringifyId(id)}.${ref.callback.inputs[ref.index].property}`;
      for (const instance of triggeredInstances(ref, id, scope.layout)) {
        if (!isComplete(instance) || !writesOutside(instance, scope.layout, inside)) continue;
        const key = instanceKey(instance.callback, instance.match);
        const known = byKey.get(key);
        if (known) {
          if (!known.changedPropIds.includes(trigger)) known.changedPropIds.push(trigger);
        } else {
          byKey.set(key, { callback: instance.callback, changedPropIds: [trigger], match: instance.match });
        }
      }
    }
  }
  return [...byKey.values()];
}

function writesOutside(instance: Instance, layout: LayoutLookup, inside: ReadonlySet<string>): boolean {
  return instance.callback.outputs.some((dep) =>
    resolveFor(dep, instance, layout).some((found) => !inside.has(found.idText)),
  );
}
