// Callback instances (renderer §2.10): a pattern-matching callback runs once per distinct set of MATCH
// values. They come from the Output a crawl found, from the Input that changed, or (when the trigger
// does not pin them) from every Output present in the layout.
import { stringifyId } from "../ids";
import type { DashId, Dependency, DictId } from "../types";
import type { CallbackDef, DependencyRef } from "./graph";
import { isPattern, keysWith, matchKey, substitute, valuesAt, type MatchValues } from "./patterns";
import { namedBy, resolveId, type LayoutLookup, type ResolvedDependency } from "./resolve";

export interface Instance {
  callback: CallbackDef;
  match: MatchValues | null;
}

/** Identity of an instance: entries with equal keys merge into one request. */
export function instanceKey(callback: CallbackDef, match: MatchValues | null): string {
  return match ? `${callback.index}|${matchKey(match)}` : String(callback.index);
}

/** The instance that writes to the concrete `id` through one of its Outputs. */
export function outputInstance(ref: DependencyRef, id: DashId): Instance {
  const { callback } = ref;
  const keys = callback.outputMatchKeys;
  return { callback, match: keys.length && typeof id === "object" ? valuesAt(id, keys) : null };
}

/**
 * Whether an instance knows enough MATCH values to run: every MATCH key of its Outputs, or (Outputs
 * without MATCH) at least the values its trigger pinned when its Inputs / State use MATCH.
 */
export function isComplete(instance: Instance): boolean {
  const { callback, match } = instance;
  if (callback.outputMatchKeys.length) return callback.outputMatchKeys.every((key) => match !== null && key in match);
  return !callback.inputMatchKeys.length || match !== null;
}

/** Every instance whose Outputs are in the layout, narrowed to the MATCH values already known. */
function instancesFromOutputs(callback: CallbackDef, known: MatchValues | null, layout: LayoutLookup): Instance[] {
  const keys = callback.outputMatchKeys;
  const withMatch = callback.outputs.find((dep) => keysWith(dep.id, "MATCH").length) as Dependency;
  const seen = new Set<string>();
  const found: Instance[] = [];
  for (const target of resolveId(withMatch.id, layout, known)) {
    const match = valuesAt(target.id as DictId, keys);
    const text = matchKey(match);
    if (seen.has(text)) continue;
    seen.add(text);
    found.push({ callback, match });
  }
  return found;
}

/**
 * The instances a change of the concrete `id` through dependency `dep` of `callback` concerns. MATCH
 * values come from the changed id where `dep` has MATCH; Outputs with MATCH keys the trigger does not
 * pin give one instance per Output present. Instances whose `dep` does not name `id` are dropped
 * (ALLSMALLER: only instances above the changed value).
 */
export function instancesFor(callback: CallbackDef, dep: Dependency, id: DashId, layout: LayoutLookup): Instance[] {
  const pinned = isPattern(dep.id) && typeof id === "object" ? valuesAt(id, keysWith(dep.id, "MATCH")) : null;
  const known = pinned && Object.keys(pinned).length ? pinned : null;
  const keys = callback.outputMatchKeys;
  let instances: Instance[];
  if (!keys.length) instances = [{ callback, match: known }];
  else if (known && keys.every((key) => key in known)) instances = [{ callback, match: valuesAt(known, keys) }];
  else instances = instancesFromOutputs(callback, known, layout);
  if (!isPattern(dep.id)) return instances;
  return instances.filter((instance) => namedBy(dep.id, id, instance.match));
}

/** `instancesFor` through an Input reference. */
export function triggeredInstances(ref: DependencyRef, id: DashId, layout: LayoutLookup): Instance[] {
  return instancesFor(ref.callback, ref.callback.inputs[ref.index], id, layout);
}

/** The components a dependency names for an instance. */
export function resolveFor(dep: Dependency, instance: Instance, layout: LayoutLookup): ResolvedDependency[] {
  return resolveId(dep.id, layout, instance.match);
}

/** `idString.prop` of every concrete output of an instance present in the layout. */
export function outputKeysOf(instance: Instance, layout: LayoutLookup): string[] {
  const keys: string[] = [];
  for (const dep of instance.callback.outputs) {
    for (const target of resolveFor(dep, instance, layout)) keys.push(`${target.idText}.${dep.property}`);
  }
  return keys;
}

/** Text of a dependency for an instance: MATCH keys replaced by their values (used as a key). */
export function dependencyKey(dep: Dependency, match: MatchValues | null): string {
  return `${stringifyId(substitute(dep.id, match))}.${dep.property}`;
}
