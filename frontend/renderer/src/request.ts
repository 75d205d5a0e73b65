// The body of `POST _dash-update-component` (renderer §2.2, protocol-server §9.1), built from the
// layout store: values come from the layout, never from component defaults. ALL / ALLSMALLER
// dependencies become lists of concrete entries; MATCH ones the single component of the instance.
import type { CallbackDef } from "./graph/graph";
import { isArrayPattern, substitute, type MatchValues } from "./graph/patterns";
import { readValue, resolveId, type LayoutLookup, type ResolvedDependency } from "./graph/resolve";
import { parseIdText, stringifyId } from "./ids";
import type { DashId, Dependency } from "./types";

export interface DependencyValue {
  id: DashId;
  property: string;
  value?: unknown;
}
export interface OutputTarget {
  id: DashId;
  property: string;
}

/** One declared dependency in a request: an entry, or a list of them for ALL / ALLSMALLER. */
export type DependencyEntry<T> = T | T[];

/** Key order matters to some servers and proxies: output, outputs, inputs, changedPropIds, parsed..., state. */
export interface CallbackPayload {
  output: string;
  outputs?: DependencyEntry<OutputTarget> | DependencyEntry<OutputTarget>[];
  inputs: DependencyEntry<DependencyValue>[];
  changedPropIds: string[];
  parsedChangedPropsIds: unknown[];
  state?: DependencyEntry<DependencyValue>[];
}

/** An output component found in the layout (for loading state and applying results). */
export interface ResolvedOutput extends ResolvedDependency {
  property: string;
}

export type PayloadResult =
  | { kind: "ready"; payload: CallbackPayload; outputs: ResolvedOutput[] }
  | { kind: "skip" }
  | { kind: "error"; message: string };

/** What building a payload needs from the store. */
export interface PayloadSource extends LayoutLookup {
  stringIds(): string[];
}

/** The components a callback instance writes to, as far as they are in the layout. */
export function resolveOutputs(cb: CallbackDef, match: MatchValues | null, layout: LayoutLookup): ResolvedOutput[] {
  const found: ResolvedOutput[] = [];
  for (const dep of cb.outputs) {
    for (const resolved of resolveId(dep.id, layout, match)) found.push({ ...resolved, property: dep.property });
  }
  return found;
}

/** `parsedChangedPropsIds`: dict ids parsed (the id alone), string prop ids kept whole. */
export function parseChangedPropIds(changedPropIds: string[]): unknown[] {
  return changedPropIds.map((text) =>
    text.startsWith("{") ? parseIdText(text.slice(0, text.lastIndexOf("."))) : text,
  );
}

function describe(dep: Dependency, match: MatchValues | null): string {
  return `The id of this object is \`${stringifyId(substitute(dep.id, match))}\` and the property is \`${dep.property}\`.`;
}

function missingMessage(kind: string, dep: Dependency, match: MatchValues | null, source: PayloadSource): string {
  return (
    `A nonexistent object was used in an \`${kind}\` of a Dash callback. ${describe(dep, match)} ` +
    `The string ids in the current layout are: [${source.stringIds().join(", ")}]`
  );
}

function multipleMessage(kind: string, dep: Dependency, match: MatchValues | null, found: ResolvedDependency[]): string {
  return (
    `Multiple objects were found for ${kind === "State" ? "a" : "an"} \`${kind}\` of a callback that only takes one value. ${describe(dep, match)} ` +
    `The objects found are: [${found.map((item) => item.idText).join(", ")}]. ` +
    "Use ALL to receive a list, or give the components distinct ids."
  );
}

interface ReadResult {
  values: DependencyEntry<DependencyValue>[];
  missing: Dependency[];
  /** A problem that fails the callback ("Multiple objects were found"). */
  error?: string;
}

function entryOf(found: ResolvedDependency, property: string, source: PayloadSource): DependencyValue {
  const entry: DependencyValue = { id: found.id, property };
  const value = readValue(found, property, source);
  if (value !== undefined) entry.value = value;
  return entry;
}

/** Read each dependency's value; `value` is left out when the prop is unset in the layout. */
function readDependencies(kind: string, deps: Dependency[], match: MatchValues | null, source: PayloadSource): ReadResult {
  const result: ReadResult = { values: [], missing: [] };
  for (const dep of deps) {
    const found = resolveId(dep.id, source, match);
    if (isArrayPattern(dep.id)) {
      result.values.push(found.map((item) => entryOf(item, dep.property, source)));
    } else if (found.length === 1) {
      result.values.push(entryOf(found[0], dep.property, source));
    } else if (found.length > 1) {
      result.error = result.error || multipleMessage(kind, dep, match, found);
      result.values.push({ id: found[0].id, property: dep.property });
    } else {
      const entry: DependencyValue = { id: substitute(dep.id, match), property: dep.property };
      if (dep.allowOptional) entry.value = null;
      else result.missing.push(dep);
      result.values.push(entry);
    }
  }
  return result;
}

type OutputsResult = { targets: DependencyEntry<OutputTarget>[] } | { error: string } | { missing: Dependency };

function outputTargets(cb: CallbackDef, match: MatchValues | null, source: PayloadSource): OutputsResult {
  const targets: DependencyEntry<OutputTarget>[] = [];
  for (const dep of cb.outputs) {
    const found = resolveId(dep.id, source, match);
    if (isArrayPattern(dep.id)) {
      targets.push(found.map((item) => ({ id: item.id, property: dep.rawProperty })));
    } else if (found.length === 1) {
      targets.push({ id: found[0].id, property: dep.rawProperty });
    } else if (found.length > 1) {
      return { error: multipleMessage("Output", dep, match, found) };
    } else {
      return { missing: dep };
    }
  }
  return { targets };
}

/**
 * Build the request body for a callback instance (§2.2), or say it must be skipped (every
 * single-valued Input missing) or fails (some Input, a State or an Output missing; renderer §1.1).
 */
export function buildPayload(
  cb: CallbackDef,
  match: MatchValues | null,
  changedPropIds: string[],
  source: PayloadSource,
): PayloadResult {
  const inputs = readDependencies("Input", cb.inputs, match, source);
  const single = cb.arrayInputs.filter((isArray) => !isArray).length;
  if (single && inputs.missing.length === single) return { kind: "skip" };
  if (inputs.error) return { kind: "error", message: inputs.error };
  if (inputs.missing.length) {
    return { kind: "error", message: missingMessage("Input", inputs.missing[0], match, source) };
  }
  const state = readDependencies("State", cb.state, match, source);
  if (state.error) return { kind: "error", message: state.error };
  if (state.missing.length) {
    return { kind: "error", message: missingMessage("State", state.missing[0], match, source) };
  }
  const outputs = outputTargets(cb, match, source);
  if ("missing" in outputs) {
    if (cb.spec.optional) return { kind: "skip" };
    return { kind: "error", message: missingMessage("Output", outputs.missing, match, source) };
  }
  if ("error" in outputs) return { kind: "error", message: outputs.error };
  const payload: CallbackPayload = {
    output: cb.output,
    outputs: cb.multi ? outputs.targets : outputs.targets[0],
    inputs: inputs.values,
    changedPropIds,
    parsedChangedPropsIds: parseChangedPropIds(changedPropIds),
  };
  if (cb.noOutput) delete payload.outputs;
  if (cb.state.length) payload.state = state.values;
  return { kind: "ready", payload, outputs: resolveOutputs(cb, match, source) };
}
