// The callback graph built once from `_dash-dependencies` (renderer §1 step 4, §2.1): parsed
// dependencies, input/output indices and the per-callback facts the scheduler needs (downstream
// outputs, priority), all computed here and never per request.
import { isWildcard, normalizeId, parseOutputs, propId, stringifyId } from "../ids";
import type { CallbackSpec, DashId, Dependency, OutputDependency, RawDependency } from "../types";

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
  /** Uses MATCH/ALL/ALLSMALLER somewhere (resolved by pattern matching, a later step). */
  hasWildcards: boolean;
  /** `idString.prop` of each concrete output / input. */
  outputKeys: string[];
  inputKeys: string[];
  /** Outputs of this callback plus every output transitively downstream of them. */
  downstream: ReadonlySet<string>;
  /** Length of the longest callback chain starting here (deeper chains run first). */
  depth: number;
}

function parseDependency(raw: RawDependency): Dependency {
  return { id: normalizeId(raw.id), property: raw.property, allowOptional: Boolean(raw.allow_optional) };
}

function idHasWildcard(id: DashId): boolean {
  return typeof id === "object" && Object.values(id).some(isWildcard);
}

function defineCallback(spec: CallbackSpec, index: number): CallbackDef {
  const noOutput = Boolean(spec.no_output);
  const outputs = parseOutputs(spec.output, noOutput);
  const inputs = (spec.inputs || []).map(parseDependency);
  const state = (spec.state || []).map(parseDependency);
  const hasWildcards = [...outputs, ...inputs, ...state].some((dep) => idHasWildcard(dep.id));
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
    outputKeys: outputs.map((dep) => propId(dep.id, dep.property)),
    inputKeys: inputs.map((dep) => propId(dep.id, dep.property)),
    downstream: new Set(),
    depth: 1,
  };
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else {
    map.set(key, [value]);
  }
}

const NONE: readonly CallbackDef[] = [];

export class CallbackGraph {
  readonly callbacks: CallbackDef[];
  /** `idString.prop` → callbacks with that Input (concrete ids). */
  private readonly byInput = new Map<string, CallbackDef[]>();
  /** canonical id → callbacks with an Input / Output on that component. */
  private readonly inputsById = new Map<string, CallbackDef[]>();
  private readonly outputsById = new Map<string, CallbackDef[]>();

  constructor(specs: CallbackSpec[]) {
    this.callbacks = specs.map(defineCallback);
    for (const cb of this.callbacks) {
      if (cb.hasWildcards) continue; // pattern-matching callbacks are resolved by a later layer
      cb.inputs.forEach((dep, i) => {
        addTo(this.byInput, cb.inputKeys[i], cb);
        addTo(this.inputsById, stringifyId(dep.id), cb);
      });
      for (const dep of cb.outputs) addTo(this.outputsById, stringifyId(dep.id), cb);
    }
    for (const cb of this.callbacks) cb.downstream = this.collectDownstream(cb);
    const depths = new Map<CallbackDef, number>();
    for (const cb of this.callbacks) cb.depth = this.depthOf(cb, depths, new Set());
  }

  /** Callbacks that have `idString.prop` as an Input. */
  withInput(key: string): readonly CallbackDef[] {
    return this.byInput.get(key) || NONE;
  }

  /** Callbacks with an Input on the component with this canonical id. */
  withInputOn(canonicalId: string): readonly CallbackDef[] {
    return this.inputsById.get(canonicalId) || NONE;
  }

  /** Callbacks with an Output on the component with this canonical id. */
  withOutputOn(canonicalId: string): readonly CallbackDef[] {
    return this.outputsById.get(canonicalId) || NONE;
  }

  private collectDownstream(cb: CallbackDef): Set<string> {
    const seen = new Set<string>(cb.outputKeys);
    const todo = [...cb.outputKeys];
    while (todo.length) {
      const key = todo.pop() as string;
      for (const next of this.withInput(key)) {
        for (const out of next.outputKeys) {
          if (!seen.has(out)) {
            seen.add(out);
            todo.push(out);
          }
        }
      }
    }
    return seen;
  }

  private depthOf(cb: CallbackDef, memo: Map<CallbackDef, number>, onPath: Set<CallbackDef>): number {
    const known = memo.get(cb);
    if (known !== undefined) return known;
    if (onPath.has(cb)) return 0; // a cycle adds nothing
    onPath.add(cb);
    let deepest = 0;
    for (const key of cb.outputKeys) {
      for (const next of this.withInput(key)) {
        if (next !== cb) deepest = Math.max(deepest, this.depthOf(next, memo, onPath));
      }
    }
    onPath.delete(cb);
    memo.set(cb, deepest + 1);
    return deepest + 1;
  }
}
