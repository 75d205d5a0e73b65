// Which callback instances a layout change queues (renderer §2.3 step 2, §2.6 step 4): props that
// changed on a component, and components that left an ALL / ALLSMALLER Input list.
import { stringifyId } from "../ids";
import type { DashId } from "../types";
import type { CallbackGraph } from "./graph";
import type { CallbackRequest } from "./initial";
import { instanceKey, isComplete, resolveFor, triggeredInstances } from "./instances";
import { isArrayPattern } from "./patterns";
import type { LayoutLookup } from "./resolve";

/** Instances with one of `properties` of the component `id` as an Input, each with its trigger. */
export function changeRequests(
  graph: CallbackGraph,
  id: DashId,
  properties: readonly string[],
  layout: LayoutLookup,
): CallbackRequest[] {
  const refs = graph.inputsOn(id);
  if (!refs.length) return [];
  const idText = stringifyId(id);
  const wanted = new Set(properties);
  const byKey = new Map<string, CallbackRequest>();
  for (const ref of refs) {
    const property = ref.callback.inputs[ref.index].property;
    if (!wanted.has(property)) continue;
    const trigger = `${idText}.${property}`;
    const instances = ref.callback.hasWildcards
      ? triggeredInstances(ref, id, layout)
      : [{ callback: ref.callback, match: null }];
    for (const instance of instances) {
      if (!isComplete(instance)) continue;
      const key = instanceKey(instance.callback, instance.match);
      const known = byKey.get(key);
      if (known) {
        if (!known.changedPropIds.includes(trigger)) known.changedPropIds.push(trigger);
      } else {
        byKey.set(key, { callback: instance.callback, changedPropIds: [trigger], match: instance.match });
      }
    }
  }
  return [...byKey.values()];
}

/**
 * Instances to re-fire because components left one of their ALL / ALLSMALLER Input lists (empty
 * trigger, whatever `prevent_initial_call` says), as long as their single-valued Outputs still exist.
 */
export function removalRequests(graph: CallbackGraph, removed: readonly DashId[], layout: LayoutLookup): CallbackRequest[] {
  const byKey = new Map<string, CallbackRequest>();
  for (const id of removed) {
    if (typeof id !== "object") continue;
    for (const ref of graph.inputsOn(id)) {
      if (!isArrayPattern(ref.callback.inputs[ref.index].id)) continue;
      for (const instance of triggeredInstances(ref, id, layout)) {
        const key = instanceKey(instance.callback, instance.match);
        if (byKey.has(key) || !isComplete(instance)) continue;
        const outputsPresent = instance.callback.outputs.every(
          (dep) => isArrayPattern(dep.id) || resolveFor(dep, instance, layout).length > 0,
        );
        if (outputsPresent) byKey.set(key, { callback: instance.callback, changedPropIds: [], match: instance.match });
      }
    }
  }
  return [...byKey.values()];
}
