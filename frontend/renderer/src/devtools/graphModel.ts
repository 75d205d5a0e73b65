// The callback graph popup's model (renderer §4): one node per component property used by a
// callback and one per non-hidden callback, edges Input → callback, State → callback (dashed) and
// callback → Output, placed in layers (longest path from the sources). Pure; drawing is elsewhere.
import { normalizeId, parseIdText, parseOutputs, stringifyId } from "../ids";
import type { CallbackSpec, RawDependency } from "../types";

export type NodeKind = "property" | "callback";

export interface GraphNode {
  /** `callback.N` for callbacks (N = position in the dependency list), `id.prop` for properties. */
  key: string;
  kind: NodeKind;
  /** Component id text and property name (properties only). */
  componentId?: string;
  property?: string;
  /** Dependency-list position and whether it runs in the browser (callbacks only). */
  index?: number;
  clientside?: boolean;
  /** `namespace.function_name` of a clientside callback. */
  functionName?: string;
  layer: number;
  /** Position inside its layer. */
  order: number;
}

export type EdgeKind = "input" | "state" | "output";

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  layers: number;
}

/** Canonical text of a dependency's id (dict ids with sorted keys, wildcards bare). */
function idText(id: RawDependency["id"]): string {
  return stringifyId(typeof id === "string" ? parseIdText(id) : normalizeId(id));
}

function propertyNode(componentId: string, property: string): GraphNode {
  return { key: `${componentId}.${property}`, kind: "property", componentId, property, layer: 0, order: 0 };
}

/** Nodes and edges of the callbacks, `hidden` ones left out. */
export function buildGraph(specs: readonly CallbackSpec[]): GraphModel {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const prop = (componentId: string, property: string) => {
    const node = propertyNode(componentId, property);
    if (!nodes.has(node.key)) nodes.set(node.key, node);
    return node.key;
  };
  specs.forEach((spec, index) => {
    if (spec.hidden) return;
    const fn = spec.clientside_function;
    const key = `callback.${index}`;
    nodes.set(key, {
      key,
      kind: "callback",
      index,
      clientside: Boolean(fn),
      functionName: fn ? `${fn.namespace}.${fn.function_name}` : undefined,
      layer: 0,
      order: 0,
    });
    for (const dep of spec.inputs || []) edges.push({ from: prop(idText(dep.id), dep.property), to: key, kind: "input" });
    for (const dep of spec.state || []) edges.push({ from: prop(idText(dep.id), dep.property), to: key, kind: "state" });
    for (const out of parseOutputs(spec.output, Boolean(spec.no_output))) {
      edges.push({ from: key, to: prop(stringifyId(out.id), out.property), kind: "output" });
    }
  });
  const list = [...nodes.values()];
  const layers = assignLayers(list, edges);
  return { nodes: list, edges, layers };
}

/** Longest-path layering (edges closing a cycle are ignored), then order by mean parent position. */
function assignLayers(nodes: GraphNode[], edges: GraphEdge[]): number {
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const outgoing = new Map<string, string[]>();
  for (const edge of edges) (outgoing.get(edge.from) || outgoing.set(edge.from, []).get(edge.from)!).push(edge.to);
  const state = new Map<string, "visiting" | "done">();
  const visit = (key: string, depth: number) => {
    const node = byKey.get(key)!;
    if (state.get(key) === "visiting" || (state.get(key) === "done" && node.layer >= depth)) return;
    node.layer = Math.max(node.layer, depth);
    state.set(key, "visiting");
    for (const next of outgoing.get(key) || []) visit(next, node.layer + 1);
    state.set(key, "done");
  };
  const incoming = new Set(edges.map((edge) => edge.to));
  for (const node of nodes) if (!incoming.has(node.key)) visit(node.key, 0);
  for (const node of nodes) if (!state.has(node.key)) visit(node.key, 0); // nodes only reachable in a cycle
  const count = nodes.reduce((most, node) => Math.max(most, node.layer + 1), 0);
  orderLayers(nodes, edges, byKey, count);
  return count;
}

function orderLayers(nodes: GraphNode[], edges: GraphEdge[], byKey: Map<string, GraphNode>, count: number): void {
  const parents = new Map<string, GraphNode[]>();
  for (const edge of edges) {
    const from = byKey.get(edge.from)!;
    (parents.get(edge.to) || parents.set(edge.to, []).get(edge.to)!).push(from);
  }
  for (let layer = 0; layer < count; layer++) {
    const members = nodes.filter((node) => node.layer === layer);
    const weight = (node: GraphNode) => {
      const above = (parents.get(node.key) || []).filter((parent) => parent.layer < layer);
      return above.length ? above.reduce((sum, parent) => sum + parent.order, 0) / above.length : node.order;
    };
    members.forEach((node, i) => (node.order = i));
    const weights = new Map(members.map((node) => [node, weight(node)]));
    members.sort((a, b) => weights.get(a)! - weights.get(b)! || a.order - b.order);
    members.forEach((node, i) => (node.order = i));
  }
}

export type LayoutName = "top-down" | "left-right" | "force" | "force-loose";
export const LAYOUT_NAMES: LayoutName[] = ["top-down", "left-right", "force", "force-loose"];

export interface Point {
  x: number;
  y: number;
}

const STEP_ALONG = 110;
const STEP_ACROSS = 190;

/** Node centres for a layout: layered (top-down / left-right) or a small spring simulation. */
export function positions(model: GraphModel, layout: LayoutName): Map<string, Point> {
  const layered = new Map<string, Point>();
  const sizes = new Array<number>(model.layers).fill(0);
  for (const node of model.nodes) sizes[node.layer] += 1;
  const widest = Math.max(1, ...sizes);
  for (const node of model.nodes) {
    const size = sizes[node.layer];
    const across = (node.order + (widest - size) / 2) * STEP_ACROSS + STEP_ACROSS / 2;
    const along = node.layer * STEP_ALONG + STEP_ALONG / 2;
    layered.set(node.key, layout === "left-right" ? { x: along * 1.8, y: across / 1.6 } : { x: across, y: along });
  }
  if (layout === "top-down" || layout === "left-right") return layered;
  return relax(model, layered, layout === "force-loose" ? 2 : 1);
}

/** A few rounds of spring forces starting from the layered positions (deterministic). */
function relax(model: GraphModel, start: Map<string, Point>, looseness: number): Map<string, Point> {
  const points = new Map([...start].map(([key, p]) => [key, { ...p }]));
  const keys = [...points.keys()];
  const ideal = 140 * looseness;
  for (let round = 0; round < 80; round++) {
    const shift = new Map(keys.map((key) => [key, { x: 0, y: 0 }]));
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = points.get(keys[i])!;
        const b = points.get(keys[j])!;
        const dx = a.x - b.x || 0.1;
        const dy = a.y - b.y || 0.1;
        const distance = Math.max(Math.hypot(dx, dy), 1);
        const push = (ideal * ideal) / distance / distance;
        shift.get(keys[i])!.x += dx * push * 0.5;
        shift.get(keys[i])!.y += dy * push * 0.5;
        shift.get(keys[j])!.x -= dx * push * 0.5;
        shift.get(keys[j])!.y -= dy * push * 0.5;
      }
    }
    for (const edge of model.edges) {
      const a = points.get(edge.from)!;
      const b = points.get(edge.to)!;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const pull = (Math.hypot(dx, dy) - ideal) / Math.max(Math.hypot(dx, dy), 1) / 4;
      shift.get(edge.from)!.x += dx * pull;
      shift.get(edge.from)!.y += dy * pull;
      shift.get(edge.to)!.x -= dx * pull;
      shift.get(edge.to)!.y -= dy * pull;
    }
    for (const key of keys) {
      const p = points.get(key)!;
      const s = shift.get(key)!;
      const length = Math.hypot(s.x, s.y);
      const limit = 30 * (1 - round / 80) + 1;
      const scale = length > limit ? limit / length : 1;
      p.x += s.x * scale;
      p.y += s.y * scale;
    }
  }
  return normalise(points);
}

/** Shift points so that the smallest coordinates sit at a margin. */
function normalise(points: Map<string, Point>): Map<string, Point> {
  const all = [...points.values()];
  const minX = Math.min(...all.map((p) => p.x));
  const minY = Math.min(...all.map((p) => p.y));
  for (const p of all) {
    p.x = p.x - minX + STEP_ACROSS / 2;
    p.y = p.y - minY + STEP_ALONG / 2;
  }
  return points;
}
