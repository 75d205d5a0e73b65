// The body of `POST _dash-update-component` (renderer §2.2, protocol-server §9.1), built from the
// layout store: values come from the layout, never from component defaults.
import type { CallbackDef } from "./graph/graph";
import { readValue, resolveDependency, type LayoutLookup, type ResolvedDependency } from "./graph/resolve";
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

/** Key order matters to some servers and proxies: output, outputs, inputs, changedPropIds, parsed..., state. */
export interface CallbackPayload {
  output: string;
  outputs?: OutputTarget | OutputTarget[];
  inputs: DependencyValue[];
  changedPropIds: string[];
  parsedChangedPropsIds: unknown[];
  state?: DependencyValue[];
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

/** The components a callback writes to, as far as they are in the layout. */
export function resolveOutputs(cb: CallbackDef, layout: LayoutLookup): ResolvedOutput[] {
  const found: ResolvedOutput[] = [];
  for (const dep of cb.outputs) {
    const resolved = resolveDependency(dep, layout);
    if (resolved) found.push({ ...resolved, property: dep.property });
  }
  return found;
}

/** `parsedChangedPropsIds`: dict ids parsed (the id alone), string prop ids kept whole. */
export function parseChangedPropIds(changedPropIds: string[]): unknown[] {
  return changedPropIds.map((text) =>
    text.startsWith("{") ? parseIdText(text.slice(0, text.lastIndexOf("."))) : text,
  );
}

function missingMessage(kind: string, dep: Dependency, source: PayloadSource): string {
  return (
    `A nonexistent object was used in an \`${kind}\` of a Dash callback. ` +
    `The id of this object is \`${stringifyId(dep.id)}\` and the property is \`${dep.property}\`. ` +
    `The string ids in the current layout are: [${source.stringIds().join(", ")}]`
  );
}

/** Read each dependency's value; `value` is left out when the prop is unset in the layout. */
function readDependencies(
  deps: Dependency[],
  source: PayloadSource,
): { values: DependencyValue[]; missing: Dependency[] } {
  const values: DependencyValue[] = [];
  const missing: Dependency[] = [];
  for (const dep of deps) {
    const resolved = resolveDependency(dep, source);
    const entry: DependencyValue = { id: dep.id, property: dep.property };
    if (resolved) {
      const value = readValue(resolved, dep.property, source);
      if (value !== undefined) entry.value = value;
    } else if (dep.allowOptional) {
      entry.value = null;
    } else {
      missing.push(dep);
    }
    values.push(entry);
  }
  return { values, missing };
}

/**
 * Build the request body for a callback (§2.2), or say it must be skipped (every Input missing) or
 * fails (some Input, a State or an Output missing; renderer §1.1).
 */
export function buildPayload(cb: CallbackDef, changedPropIds: string[], source: PayloadSource): PayloadResult {
  const inputs = readDependencies(cb.inputs, source);
  if (cb.inputs.length && inputs.missing.length === cb.inputs.length) return { kind: "skip" };
  if (inputs.missing.length) return { kind: "error", message: missingMessage("Input", inputs.missing[0], source) };
  const state = readDependencies(cb.state, source);
  if (state.missing.length) return { kind: "error", message: missingMessage("State", state.missing[0], source) };
  const outputs = resolveOutputs(cb, source);
  if (outputs.length < cb.outputs.length) {
    if (cb.spec.optional) return { kind: "skip" };
    const absent = cb.outputs.find((dep) => !outputs.some((out) => out.idText === stringifyId(dep.id)));
    return { kind: "error", message: missingMessage("Output", absent as Dependency, source) };
  }
  const targets = cb.outputs.map((dep) => ({ id: dep.id, property: dep.rawProperty }));
  const payload: CallbackPayload = {
    output: cb.output,
    outputs: cb.multi ? targets : targets[0],
    inputs: inputs.values,
    changedPropIds,
    parsedChangedPropsIds: parseChangedPropIds(changedPropIds),
  };
  if (cb.noOutput) delete payload.outputs;
  if (cb.state.length) payload.state = state.values;
  return { kind: "ready", payload, outputs };
}
