import assert from "node:assert/strict";
import { test } from "node:test";
import { buildGraph, positions } from "../src/devtools/graphModel";
import { parseServerTiming } from "../src/devtools/stats";
import { DevToolsState } from "../src/devtools/state";
import { spec } from "./helpers";

test("nodes for each property and callback; edges input, state (its own kind) and output", () => {
  const model = buildGraph([
    spec([["out", "children"]], [["btn", "n_clicks"]], { state: [["name", "value"]] }),
    spec([["a", "x"], ["b", "y"]], [["out", "children"]], { clientside_function: { namespace: "ns", function_name: "fn" } }),
  ]);
  const keys = model.nodes.map((n) => n.key).sort();
  assert.deepEqual(keys, ["a.x", "b.y", "btn.n_clicks", "callback.0", "callback.1", "name.value", "out.children"]);
  const edges = model.edges.map((e) => `${e.from}>${e.to}:${e.kind}`);
  assert.deepEqual(edges, [
    "btn.n_clicks>callback.0:input",
    "name.value>callback.0:state",
    "callback.0>out.children:output",
    "out.children>callback.1:input",
    "callback.1>a.x:output",
    "callback.1>b.y:output",
  ]);
  const cb1 = model.nodes.find((n) => n.key === "callback.1")!;
  assert.equal(cb1.clientside, true);
  assert.equal(cb1.functionName, "ns.fn");
});

test("hidden callbacks are left out; numbering keeps the dependency-list position", () => {
  const model = buildGraph([
    spec([["_pages_content", "children"]], [["_pages_location", "pathname"]], { hidden: true }),
    spec([["out", "children"]], [["in", "value"]]),
  ]);
  assert.deepEqual(model.nodes.filter((n) => n.kind === "callback").map((n) => n.key), ["callback.1"]);
  assert.ok(!model.nodes.some((n) => n.key.startsWith("_pages")));
});

test("layers follow the flow, and a cycle still gets a layout", () => {
  const chain = buildGraph([spec([["b", "x"]], [["a", "x"]]), spec([["c", "x"]], [["b", "x"]])]);
  const layer = (key: string) => chain.nodes.find((n) => n.key === key)!.layer;
  assert.deepEqual(["a.x", "callback.0", "b.x", "callback.1", "c.x"].map(layer), [0, 1, 2, 3, 4]);
  const cycle = buildGraph([spec([["b", "x"]], [["a", "x"]]), spec([["a", "x"]], [["b", "x"]])]);
  for (const layout of ["top-down", "left-right", "force", "force-loose"] as const) {
    const points = positions(cycle, layout);
    assert.equal(points.size, 4);
    for (const p of points.values()) assert.ok(Number.isFinite(p.x) && Number.isFinite(p.y));
  }
});

test("dict ids are written canonically with bare wildcards", () => {
  const model = buildGraph([spec([[{ type: "out", index: ["MATCH"] }, "children"]], [[{ index: ["MATCH"], type: "in" }, "value"]])]);
  const keys = model.nodes.map((n) => n.key);
  assert.ok(keys.includes('{"index":MATCH,"type":"in"}.value'));
  assert.ok(keys.includes('{"index":MATCH,"type":"out"}.children'));
});

test("Server-Timing entries become milliseconds by name", () => {
  assert.deepEqual(parseServerTiming('__dash_server;dur=12.5, db;desc="query";dur=3, cache'), {
    __dash_server: 12.5,
    db: 3,
    cache: 0,
  });
  assert.deepEqual(parseServerTiming(null), {});
});

test("call figures count calls and errors and join the request's network details", () => {
  const state = new DevToolsState(false, null);
  const network = { network: 20, upload: 100, download: 50, status: 200, serverTimings: { __dash_server: 8 } };
  state.noteNetwork("out.children", network);
  const call = { clientside: false, ok: true, elapsed: 30, inputs: [], state: [], outputs: {} };
  state.recordCall("out.children", call);
  state.recordCall("out.children", { ...call, ok: false, elapsed: 10 });
  const figures = state.figures.get("out.children")!;
  assert.equal(figures.calls, 2);
  assert.equal(figures.errors, 1);
  assert.equal(figures.totalTime, 40);
  assert.equal(figures.last!.network, undefined);
});
