// The callback graph built once from `_dash-dependencies` (renderer §1 step 4, §2.1): parsed
// dependencies, input/output indices (concrete ids by text, patterns by key set) and the per-callback
// facts the scheduler needs (downstream outputs, priority), all computed here and never per request.
import { normalizeId, parseIdText, parseOutputs, propId, stringifyId } from "../ids";
import type { CallbackSpec, DashId, Dependency, OutputDependency, RawDependency } from "../types";
import { namedBy } from "./resolve";
import { idsOverlap, isArrayPattern, isPattern, keySetOf, keysWith } from "./patterns";

export interface CallbackDef {
  /** Position in the dependency list (registration order). */
  index: number;
  spec: CallbackSpec;
  /** The exact `output` string: the dispatch key sent back to the server. */
  output: string;
  outputs: OutputDependency[];
  inputs: Dependency[];
  state: Dependency[];
  multi: boolean;
  noOutput: boolean;
  clientside: { namespace: string; function_name: string } | null;
  preventInitialCall: boolean;
  /** Excluded from the global loading state and title (`persistent`). */
  persistent: boolean;
  /** Uses MATCH/ALL/ALLSMALLER somewhere. */
  hasWildcards: boolean;
  /** MATCH keys of the Outputs (all Outputs share them); empty when Outputs have no MATCH. */
  outputMatchKeys: string[];
  /** MATCH keys used by any Input or State. */
  inputMatchKeys: string[];
  /** Per Input: whether it resolves to a list (ALL / ALLSMALLER). */
  arrayInputs: boolean[];
  /** `idString.prop` of each output / input (patterns written with bare wildcards). */
  outputKeys: string[];
  inputKeys: string[];
  /** Outputs of this callback plus every output transitively downstream of them, as text. */
  downstream: ReadonlySet<string>;
  /** The dict-id dependencies among `downstream` (patterns included), for overlap checks. */
  downstreamDicts: readonly Dependency[];
  /** Length of the longest callback chain starting here (deeper chains run first). */
  depth: number;
}

/** An Input (or Output) of a callback, by position. */
export interface DependencyRef {
  callback: CallbackDef;
  index: number;
}

/** Dict ids arrive as JSON text (`"{\"index\":[\"ALL\"],...}"`), string ids as they are. */
function parseDependency(raw: RawDependency): Dependency {
  const id = typeof raw.id === "string" ? parseIdText(raw.id) : normalizeId(raw.id);
  return { id, property: raw.property, allowOptional: Boolean(raw.allow_optional) };
}

function unionKeys(deps: Dependency[], wild: "MATCH"): string[] {
  const keys = new Set<string>();
  for (const dep of deps) for (const key of keysWith(dep.id, wild)) keys.add(key);
  return [...keys].sort();
}

function defineCallback(spec: CallbackSpec, index: number): CallbackDef {
  const noOutput = Boolean(spec.no_output);
  const outputs = parseOutputs(spec.output, noOutput);
  const inputs = (spec.inputs || []).map(parseDependency);
  const state = (spec.state || []).map(parseDependency);
  const hasWildcards = [...outputs, ...inputs, ...state].some((dep) => isPattern(dep.id));
  const withMatch = outputs.find((dep) => keysWith(dep.id, "MATCH").length);
  return {
    index,
    spec,
    output: spec.output,
    outputs,
    inputs,
    state,
    multi: spec.output.startsWith(".."),
    noOutput,
    clientside: spec.clientside_function || null,
    preventInitialCall: Boolean(spec.prevent_initial_call),
    persistent: Boolean(spec.persistent),
    hasWildcards,
    outputMatchKeys: withMatch ? keysWith(withMatch.id, "MATCH") : [],
    inputMatchKeys: unionKeys([...inputs, ...state], "MATCH"),
    arrayInputs: inputs.map((dep) => isArrayPattern(dep.id)),
    outputKeys: outputs.map((dep) => propId(dep.id, dep.property)),
    inputKeys: inputs.map((dep) => propId(dep.id, dep.property)),
    downstream: new Set(),
    downstreamDicts: [],
    depth: 1,
  };
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NONE: readonly DependencyRef[] = [];

/** Index key of a dependency: the id text for concrete ids, the key set for patterns. */
function slotOf(id: DashId): string {
  return isPattern(id) ? `*${keySetOf(id)}` : stringifyId(id);
}

export class CallbackGraph {
  readonly callbacks: CallbackDef[];
  /** Concrete id text or `*keyset` → Inputs / Outputs there. */
  private readonly inputsBySlot = new Map<string, DependencyRef[]>();
  private readonly outputsBySlot = new Map<string, DependencyRef[]>();
  /** Key set → Inputs with a concrete dict id of that key set. */
  private readonly concreteDictInputs = new Map<string, DependencyRef[]>();
  /** Direct successors: callbacks with an Input one of this callback's Outputs may feed. */
  private readonly successors = new Map<CallbackDef, CallbackDef[]>();

  constructor(specs: CallbackSpec[]) {
    this.callbacks = specs.map(defineCallback);
    for (const callback of this.callbacks) {
      callback.inputs.forEach((dep, index) => {
        addTo(this.inputsBySlot, slotOf(dep.id), { callback, index });
        if (typeof dep.id === "object" && !isPattern(dep.id)) {
          addTo(this.concreteDictInputs, keySetOf(dep.id), { callback, index });
        }
      });
      callback.outputs.forEach((dep, index) => addTo(this.outputsBySlot, slotOf(dep.id), { callback, index }));
    }
    for (const cb of this.callbacks) this.successors.set(cb, this.findSuccessors(cb));
    for (const cb of this.callbacks) this.collectDownstream(cb);
    const depths = new Map<CallbackDef, number>();
    for (const cb of this.callbacks) cb.depth = this.depthOf(cb, depths, new Set());
  }

  /** Inputs that a change of `id.property` (a concrete id) triggers. */
  inputsFor(id: DashId, property: string): readonly DependencyRef[] {
    return this.inputsOn(id).filter((ref) => ref.callback.inputs[ref.index].property === property);
  }

  /** Inputs (of any prop) on the component with this concrete id. */
  inputsOn(id: DashId): readonly DependencyRef[] {
    return this.refsOn(this.inputsBySlot, id, (ref) => ref.callback.inputs[ref.index]);
  }

  /** Outputs on the component with this concrete id. */
  outputsOn(id: DashId): readonly DependencyRef[] {
    return this.refsOn(this.outputsBySlot, id, (ref) => ref.callback.outputs[ref.index]);
  }

  /** Direct successors of a callback. */
  next(cb: CallbackDef): readonly CallbackDef[] {
    return this.successors.get(cb) || [];
  }

  private refsOn(
    index: Map<string, DependencyRef[]>,
    id: DashId,
    depOf: (ref: DependencyRef) => Dependency,
  ): readonly DependencyRef[] {
    const exact = index.get(stringifyId(id)) || NONE;
    if (typeof id !== "object") return exact;
    const patterns = index.get(`*${keySetOf(id)}`);
    if (!patterns) return exact;
    return [...exact, ...patterns.filter((ref) => namedBy(depOf(ref).id, id, null))];
  }

  private findSuccessors(cb: CallbackDef): CallbackDef[] {
    const found = new Set<CallbackDef>();
    for (const out of cb.outputs) {
      const candidates: (readonly DependencyRef[])[] = [];
      if (typeof out.id !== "object") {
        candidates.push(this.inputsBySlot.get(out.id) || NONE);
      } else {
        const keySet = keySetOf(out.id);
        candidates.push(this.inputsBySlot.get(`*${keySet}`) || NONE);
        // A pattern output may feed any concrete dict Input of its key set.
        if (isPattern(out.id)) candidates.push(this.concreteDictInputs.get(keySet) || NONE);
        else candidates.push(this.inputsBySlot.get(stringifyId(out.id)) || NONE);
      }
      for (const refs of candidates) this.addFed(found, refs, out);
    }
    return [...found];
  }

  private addFed(found: Set<CallbackDef>, refs: readonly DependencyRef[], out: Dependency): void {
    for (const ref of refs) {
      const input = ref.callback.inputs[ref.index];
      if (input.property === out.property && idsOverlap(input.id, out.id)) found.add(ref.callback);
    }
  }

  private collectDownstream(cb: CallbackDef): void {
    const keys = new Set<string>();
    const dicts: Dependency[] = [];
    const add = (callback: CallbackDef) => {
      callback.outputs.forEach((dep, i) => {
        const key = callback.outputKeys[i];
        if (keys.has(key)) return;
        keys.add(key);
        if (typeof dep.id === "object") dicts.push(dep);
      });
    };
    const seen = new Set<CallbackDef>([cb]);
    const todo = [cb];
    add(cb);
    while (todo.length) {
      const current = todo.pop() as CallbackDef;
      for (const next of this.next(current)) {
        if (seen.has(next)) continue;
        seen.add(next);
        add(next);
        todo.push(next);
      }
    }
    cb.downstream = keys;
    cb.downstreamDicts = dicts;
  }

  private depthOf(cb: CallbackDef, memo: Map<CallbackDef, number>, onPath: Set<CallbackDef>): number {
    const known = memo.get(cb);
    if (known !== undefined) return known;
    if (onPath.has(cb)) return 0; // a cycle adds nothing
    onPath.add(cb);
    let deepest = 0;
    for (const next of this.next(cb)) {
      if (next !== cb) deepest = Math.max(deepest, this.depthOf(next, memo, onPath));
    }
    onPath.delete(cb);
    memo.set(cb, deepest + 1);
    return deepest + 1;
  }
}
