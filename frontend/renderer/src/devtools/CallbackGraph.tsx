// The Callbacks popup (renderer §4, dom-contract §3): the app's callbacks and the properties they
// read and write as an SVG graph, a layout selector, and the details of the selected node.
import React from "react";
import type { Engine } from "../engine";
import { propId } from "../ids";
import { buildGraph, LAYOUT_NAMES, positions, type GraphModel, type GraphNode, type LayoutName, type Point } from "./graphModel";
import { emptyFigures, meanTime } from "./stats";
import type { DevToolsState } from "./state";

const h = React.createElement;
const NODE_W = 150;
const NODE_H = 40;

function shorten(text: string, max = 22): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function nodeLines(node: GraphNode, state: DevToolsState, engine: Engine): string[] {
  if (node.kind === "property") return [shorten(node.componentId || ""), shorten(node.property || "")];
  const spec = engine.graph.callbacks[node.index as number].spec;
  const figures = state.figures.get(spec.output) || emptyFigures();
  const head = node.clientside ? `client: ${shorten(node.functionName || "", 14)}` : `callback.${node.index}`;
  return [head, `${figures.calls} call${figures.calls === 1 ? "" : "s"} · ${meanTime(figures)} ms`];
}

function details(node: GraphNode, state: DevToolsState, engine: Engine): unknown {
  if (node.kind === "property") {
    const path = engine.store.pathOf(node.componentId || "");
    const value = path ? engine.store.get([...path, "props", node.property || ""]) : undefined;
    return { id: node.componentId, property: node.property, value: value === undefined ? null : value };
  }
  const cb = engine.graph.callbacks[node.index as number];
  const figures = state.figures.get(cb.spec.output) || emptyFigures();
  return {
    callback: `callback.${node.index}`,
    type: node.clientside ? `clientside (${node.functionName})` : "server",
    outputs: cb.outputKeys,
    inputs: cb.inputKeys,
    state: cb.state.map((dep) => propId(dep.id, dep.property)),
    calls: figures.calls,
    errors: figures.errors,
    meanTime: meanTime(figures),
    last: figures.last,
  };
}

/** An edge; `bend` curves it sideways so it does not run through the nodes of the layers it skips. */
function edgeLine(from: Point, to: Point, dashed: boolean, bend: number, key: number): React.ReactElement {
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const length = Math.max(Math.hypot(to.x - from.x, to.y - from.y), 1);
  const control = { x: mid.x - ((to.y - from.y) / length) * bend, y: mid.y + ((to.x - from.x) / length) * bend };
  return h("path", {
    key,
    d: `M${from.x} ${from.y}Q${control.x} ${control.y} ${to.x} ${to.y}`,
    fill: "none",
    stroke: "#8a99a8",
    strokeWidth: 1.4,
    strokeDasharray: dashed ? "5 4" : undefined,
    markerEnd: "url(#dash-dag-arrow)",
  });
}

/** Where the segment from the centre of a node box towards `target` leaves the box. */
function boxExit(centre: Point, target: Point): Point {
  const dx = target.x - centre.x;
  const dy = target.y - centre.y;
  const scale = Math.min(NODE_W / 2 / Math.abs(dx || 1e-6), NODE_H / 2 / Math.abs(dy || 1e-6), 1);
  return { x: centre.x + dx * scale, y: centre.y + dy * scale };
}

function GraphSvg(props: {
  model: GraphModel;
  layout: LayoutName;
  selected: string | null;
  onSelect: (key: string) => void;
  lines: (node: GraphNode) => string[];
}): React.ReactElement {
  const { model, layout, selected, onSelect, lines } = props;
  const points = React.useMemo(() => positions(model, layout), [model, layout]);
  const all = [...points.values()];
  const width = Math.max(300, ...all.map((p) => p.x + NODE_W));
  const height = Math.max(200, ...all.map((p) => p.y + NODE_H));
  const layerOf = new Map(model.nodes.map((node) => [node.key, node.layer]));
  const layered = layout === "top-down" || layout === "left-right";
  const edges = model.edges.map((edge, i) => {
    const a = points.get(edge.from)!;
    const b = points.get(edge.to)!;
    const skipped = Math.abs(layerOf.get(edge.to)! - layerOf.get(edge.from)!) - 1;
    const bend = layered && skipped > 0 ? 45 * Math.min(skipped, 4) : 0;
    return edgeLine(boxExit(a, b), boxExit(b, a), edge.kind === "state", bend, i);
  });
  const nodes = model.nodes.map((node) => {
    const p = points.get(node.key)!;
    const classes = ["dash-callback-dag--node", `dash-callback-dag--${node.kind}`];
    if (node.clientside) classes.push("dash-callback-dag--clientside");
    if (node.key === selected) classes.push("dash-callback-dag--selected");
    const [first, second] = lines(node);
    return h(
      "g",
      { key: node.key, className: classes.join(" "), "data-node": node.key, onClick: () => onSelect(node.key), transform: `translate(${p.x - NODE_W / 2},${p.y - NODE_H / 2})` },
      h("title", null, node.key),
      h("rect", { width: NODE_W, height: NODE_H, rx: node.kind === "callback" ? 20 : 4 }),
      h("text", { x: NODE_W / 2, y: 16, textAnchor: "middle" }, first),
      h("text", { x: NODE_W / 2, y: 31, textAnchor: "middle", className: "dash-callback-dag--sub" }, second),
    );
  });
  const arrow = h(
    "marker",
    { id: "dash-dag-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
    h("path", { d: "M0 0L10 5L0 10z", fill: "#8a99a8" }),
  );
  return h("svg", { width, height, className: "dash-callback-dag--svg" }, h("defs", null, arrow), ...edges, ...nodes);
}

export function CallbackGraph({ engine, state }: { engine: Engine; state: DevToolsState }): React.ReactElement {
  const [layout, setLayout] = React.useState<LayoutName>("top-down");
  const [selected, setSelected] = React.useState<string | null>(null);
  const graph = engine.graph;
  const built = React.useMemo(() => {
    try {
      return { model: buildGraph(graph.callbacks.map((cb) => cb.spec)), error: null };
    } catch (error) {
      return { model: null, error: String(error) };
    }
  }, [graph]);
  if (!built.model) {
    return h("div", { className: "dash-callback-dag--container" }, h("div", { className: "dash-callback-dag--message" }, `The callback graph could not be drawn: ${built.error}`));
  }
  const model = built.model;
  const chosen = selected ? model.nodes.find((node) => node.key === selected) : undefined;
  const selector = h(
    "select",
    {
      className: "dash-callback-dag--layoutSelector",
      value: layout,
      onChange: (event: React.ChangeEvent<HTMLSelectElement>) => setLayout(event.target.value as LayoutName),
    },
    ...LAYOUT_NAMES.map((name) => h("option", { key: name, value: name }, name)),
  );
  const body = model.nodes.length
    ? h(GraphSvg, { model, layout, selected, onSelect: setSelected, lines: (node: GraphNode) => nodeLines(node, state, engine) })
    : h("div", { className: "dash-callback-dag--message" }, "This app has no callbacks.");
  return h(
    "div",
    { className: "dash-callback-dag--container" },
    h("div", { className: "dash-callback-dag--canvas" }, body),
    chosen ? h("div", { className: "dash-callback-dag--info" }, h("pre", null, JSON.stringify(details(chosen, state, engine), null, 2))) : null,
    selector,
  );
}
