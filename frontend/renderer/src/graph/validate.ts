// Checks of the callback definitions made with `validate_callbacks` (renderer §1 steps 4–5, §2.9):
// malformed ids, duplicate or overlapping outputs, wildcard misuse, unreachable callbacks, ids absent
// from the layout and dependency cycles. Pure: each check returns problems, the engine reports them.
import { isWildcard, stringifyId } from "../ids";
import type { DashId, Dependency, LayoutNode } from "../types";
import type { CallbackDef, CallbackGraph } from "./graph";
import { idsOverlap, isPattern, keysWith } from "./patterns";

export interface GraphProblem {
  title: string;
  message: string;
}

function where(cb: CallbackDef): string {
  const outputs = cb.outputKeys.length ? cb.outputKeys.join(", ") : `(no output) ${cb.output}`;
  return `In the callback for output(s): ${outputs}`;
}

function idProblem(dep: Dependency, kind: string): string | null {
  const id = dep.id;
  if (typeof id === "string") {
    if (!id) return `${kind} has an empty id. Give every component used in a callback a non-empty id.`;
    if (id.includes(".") || id.includes("{")) {
      return `${kind} id \`${id}\` contains "." or "{", which Dash reserves. Rename the component.`;
    }
    return null;
  }
  const keys = Object.keys(id);
  if (!keys.length) return `${kind} has an empty dict id. Dict ids need at least one key.`;
  for (const key of keys) {
    const value = id[key];
    const ok = isWildcard(value) || ["string", "number", "boolean"].includes(typeof value);
    if (!ok) {
      return `${kind} id ${stringifyId(id)} has a value for key "${key}" that is not a string, number, boolean or wildcard.`;
    }
  }
  if (!dep.property) return `${kind} ${stringifyId(id)} names no property.`;
  return null;
}

function wildcardProblems(cb: CallbackDef): string[] {
  const problems: string[] = [];
  const matchSets = cb.outputs.map((dep) => keysWith(dep.id, "MATCH").join(","));
  if (new Set(matchSets).size > 1) {
    problems.push(`The Outputs use MATCH on different keys (${matchSets.map((k) => `[${k}]`).join(" vs ")}); all Outputs must share the same MATCH keys.`);
  }
  for (const dep of cb.outputs) {
    if (keysWith(dep.id, "ALLSMALLER").length) {
      problems.push(`Output ${stringifyId(dep.id)}.${dep.property} uses ALLSMALLER, which is only allowed in Inputs and States.`);
    }
  }
  const outputMatch = new Set(cb.outputMatchKeys);
  for (const [kind, deps] of [["Input", cb.inputs], ["State", cb.state]] as const) {
    for (const dep of deps) {
      const text = `${kind} ${stringifyId(dep.id)}.${dep.property}`;
      const smaller = keysWith(dep.id, "ALLSMALLER").filter((key) => !outputMatch.has(key));
      if (smaller.length) {
        problems.push(`${text} uses ALLSMALLER on [${smaller.join(",")}] without a MATCH on that key in the Outputs.`);
      }
      const match = keysWith(dep.id, "MATCH").filter((key) => !outputMatch.has(key));
      if (outputMatch.size && match.length) {
        problems.push(`${text} uses MATCH on [${match.join(",")}], a key the Outputs do not MATCH.`);
      }
    }
  }
  return problems;
}

function hasDuplicateFlag(dep: { rawProperty: string }): boolean {
  return dep.rawProperty.includes("@");
}

/** Spec-level checks (§1 step 4); any problem means the graph must not run. */
export function validateSpecs(graph: CallbackGraph): GraphProblem[] {
  const problems: GraphProblem[] = [];
  for (const cb of graph.callbacks) {
    const deps: [string, Dependency][] = [
      ...cb.outputs.map((dep) => ["Output", dep] as [string, Dependency]),
      ...cb.inputs.map((dep) => ["Input", dep] as [string, Dependency]),
      ...cb.state.map((dep) => ["State", dep] as [string, Dependency]),
    ];
    for (const [kind, dep] of deps) {
      const problem = idProblem(dep, kind);
      if (problem) problems.push({ title: "Invalid callback dependency", message: `${where(cb)}: ${problem}` });
    }
    for (const problem of wildcardProblems(cb)) {
      problems.push({ title: "Invalid wildcard use", message: `${where(cb)}: ${problem}` });
    }
    if (!cb.noOutput && !cb.inputs.length && cb.preventInitialCall) {
      problems.push({
        title: "Callback can never run",
        message: `${where(cb)}: it has no Inputs and prevent_initial_call=True, so nothing can ever trigger it.`,
      });
    }
  }
  problems.push(...duplicateOutputs(graph));
  return problems;
}

/** Outputs written by two callbacks (or twice by one) without allow_duplicate, patterns by overlap. */
function duplicateOutputs(graph: CallbackGraph): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const seen: { cb: CallbackDef; dep: CallbackDef["outputs"][number] }[] = [];
  for (const cb of graph.callbacks) {
    for (const dep of cb.outputs) {
      for (const other of seen) {
        if (other.dep.property !== dep.property || !idsOverlap(other.dep.id, dep.id)) continue;
        if (other.cb !== cb && (hasDuplicateFlag(dep) || hasDuplicateFlag(other.dep))) continue;
        const text = `${stringifyId(dep.id)}.${dep.property}`;
        const wild = isPattern(dep.id) || isPattern(other.dep.id);
        problems.push({
          title: wild ? "Overlapping wildcard callback outputs" : "Duplicate callback outputs",
          message:
            `Output ${text} is already written by the callback for ${other.cb.output}` +
            (other.cb === cb ? " (listed twice in one callback)" : "") +
            ". Each output may have one callback unless allow_duplicate=True is set on it.",
        });
      }
      seen.push({ cb, dep });
    }
  }
  return problems;
}

/** What the layout check needs: the components of the (validation) layout by canonical id. */
export interface LayoutIndex {
  nodeOf(canonicalId: string): LayoutNode | undefined;
  /** `propTypes` of a component class, when it declares them. */
  propTypesOf(node: LayoutNode): Record<string, unknown> | undefined;
}

const WILDCARD_ATTRIBUTES = ["data-", "aria-"];

/** §1 step 5: concrete ids must be in the layout and props declared by their component. */
export function validateAgainstLayout(graph: CallbackGraph, layout: LayoutIndex): GraphProblem[] {
  const problems: GraphProblem[] = [];
  for (const cb of graph.callbacks) {
    if (cb.spec.optional) continue;
    for (const [kind, deps] of [["Output", cb.outputs], ["Input", cb.inputs], ["State", cb.state]] as const) {
      for (const dep of deps) {
        if (isPattern(dep.id) || dep.allowOptional) continue;
        const problem = layoutProblem(dep.id, dep.property, layout);
        if (problem) problems.push({ title: problem.title, message: `${where(cb)}: ${kind} ${problem.message}` });
      }
    }
  }
  return problems;
}

function layoutProblem(id: DashId, property: string, layout: LayoutIndex): GraphProblem | null {
  const text = stringifyId(id);
  const node = layout.nodeOf(text);
  if (!node) {
    return {
      title: "ID not found in layout",
      message:
        `\`${text}\` is not in the layout. If it is added later by a callback, set ` +
        "suppress_callback_exceptions=True (or provide a validation_layout).",
    };
  }
  const propTypes = layout.propTypesOf(node);
  if (!propTypes || property in propTypes || WILDCARD_ATTRIBUTES.some((p) => property.startsWith(p))) return null;
  if (property === "id" || property === "children") return null;
  return {
    title: "Invalid prop for this component",
    message: `\`${text}.${property}\`: ${node.namespace}.${node.type} has no property "${property}".`,
  };
}

/**
 * §2.9: a cycle in the prop graph (Input → Output edges, a callback's own Input == Output allowed),
 * written `a.children -> b.children -> a.children`; null when there is none.
 */
export function findCycle(graph: CallbackGraph): string | null {
  const edges = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    if (from === to) return;
    const set = edges.get(from) || new Set<string>();
    set.add(to);
    edges.set(from, set);
  };
  for (const cb of graph.callbacks) {
    cb.inputKeys.forEach((input) => {
      if (cb.outputKeys.includes(input)) return;
      for (const output of cb.outputKeys) link(input, output);
    });
  }
  // Pattern outputs feed concrete inputs (and the reverse) they overlap with.
  const outputs = graph.callbacks.flatMap((cb) => cb.outputs.map((dep, i) => ({ dep, key: cb.outputKeys[i] })));
  const inputs = graph.callbacks.flatMap((cb) => cb.inputs.map((dep, i) => ({ dep, key: cb.inputKeys[i] })));
  for (const out of outputs) {
    if (!isPattern(out.dep.id) && typeof out.dep.id !== "object") continue;
    for (const input of inputs) {
      if (input.key !== out.key && input.dep.property === out.dep.property && idsOverlap(out.dep.id, input.dep.id)) {
        link(out.key, input.key);
      }
    }
  }
  return searchCycle(edges);
}

function searchCycle(edges: Map<string, Set<string>>): string | null {
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (node: string): string | null => {
    if (onStack.has(node)) return [...stack.slice(stack.indexOf(node)), node].join(" -> ");
    if (done.has(node)) return null;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) || []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    onStack.delete(node);
    done.add(node);
    return null;
  };
  for (const node of edges.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return null;
}
