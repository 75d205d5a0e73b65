import assert from "node:assert/strict";
import { test } from "node:test";
import { CallbackGraph } from "../src/graph/graph";
import { initialCallbacks } from "../src/graph/initial";
import { flatLayout, lookupOf, spec } from "./helpers";

const outputsOf = (requests: { callback: { output: string } }[]) => requests.map((r) => r.callback.output);

const inputOutputs = (graph: CallbackGraph, id: string | Record<string, unknown>, prop: string) =>
  graph.inputsFor(id as string, prop).map((ref) => ref.callback.output);

test("a prop change triggers exactly the callbacks that have it as an Input", () => {
  const graph = new CallbackGraph([
    spec([["out", "children"]], [["in", "value"]]),
    spec([["other", "children"]], [["in", "n_clicks"]]),
    spec([["third", "children"]], [["x", "value"]], { state: [["in", "value"]] }),
  ]);
  assert.deepEqual(inputOutputs(graph, "in", "value"), ["out.children"]);
  assert.deepEqual(inputOutputs(graph, "in", "n_clicks"), ["other.children"]);
  assert.deepEqual(inputOutputs(graph, "in", "title"), []);
});

test("dict ids are found by value, whatever the key order", () => {
  const graph = new CallbackGraph([spec([["out", "children"]], [[{ type: "btn", index: 1 }, "n_clicks"]])]);
  assert.equal(graph.inputsFor({ index: 1, type: "btn" } as never, "n_clicks").length, 1);
  assert.equal(graph.inputsFor({ index: 2, type: "btn" } as never, "n_clicks").length, 0);
});

test("downstream outputs and depth follow chains", () => {
  const graph = new CallbackGraph([
    spec([["b", "value"]], [["a", "value"]]),
    spec([["c", "value"]], [["b", "value"]]),
    spec([["d", "value"]], [["c", "value"]]),
  ]);
  const [first, second, third] = graph.callbacks;
  assert.deepEqual([...first.downstream].sort(), ["b.value", "c.value", "d.value"]);
  assert.deepEqual([first.depth, second.depth, third.depth], [3, 2, 1]);
});

test("cycles do not hang graph construction", () => {
  const graph = new CallbackGraph([
    spec([["b", "value"]], [["a", "value"]]),
    spec([["a", "value"]], [["b", "value"]]),
  ]);
  assert.deepEqual([...graph.callbacks[0].downstream].sort(), ["a.value", "b.value"]);
});

const everywhere = (ids: string[]) => ({ crawled: ids, layout: lookupOf(flatLayout(ids)).lookup, subtree: false });

test("initial call: callbacks whose outputs are in the layout, minus prevent_initial_call", () => {
  const graph = new CallbackGraph([
    spec([["out", "children"]], [["in", "value"]]),
    spec([["out", "title"]], [["in", "value"]], { prevent_initial_call: true }),
    spec([["absent", "children"]], [["in", "value"]]),
  ]);
  assert.deepEqual(outputsOf(initialCallbacks(graph, everywhere(["in", "out"]))), ["out.children"]);
});

test("initial call: callbacks with every Input missing are excluded, and so is what only they feed", () => {
  const graph = new CallbackGraph([
    spec([["mid", "value"]], [["ghost", "value"]]),
    spec([["out", "children"]], [["mid", "value"]]),
    spec([["out2", "children"]], [["mid", "value"], ["in", "value"]]),
  ]);
  // mid.value comes only from a callback that cannot run: out.children is excluded too, out2 stays.
  const requests = initialCallbacks(graph, everywhere(["mid", "out", "out2", "in"]));
  assert.deepEqual(outputsOf(requests), ["out2.children"]);
  assert.ok(requests.every((r) => r.changedPropIds.length === 0));
});

test("initial call: zero-Input callbacks and no-output callbacks", () => {
  const graph = new CallbackGraph([
    spec([["out", "children"]], []),
    { ...spec([["x", "y"]], [["in", "value"]]), output: "abc123", no_output: true },
    { ...spec([["x", "y"]], [["ghost", "value"]]), output: "def456", no_output: true },
  ]);
  assert.deepEqual(outputsOf(initialCallbacks(graph, everywhere(["out", "in"]))), ["out.children", "abc123"]);
});

test("inserted subtree: Inputs inside with Outputs outside fire even with prevent_initial_call", () => {
  const graph = new CallbackGraph([
    spec([["outside", "children"]], [["new-btn", "n_clicks"]], { prevent_initial_call: true }),
    spec([["new-out", "children"]], [["new-btn", "n_clicks"]], { prevent_initial_call: true }),
    spec([["new-out", "title"]], [["new-btn", "n_clicks"]]),
  ]);
  const ids = ["outside", "new-btn", "new-out"];
  const requests = initialCallbacks(graph, {
    crawled: ["new-btn", "new-out"],
    layout: lookupOf(flatLayout(ids)).lookup,
    subtree: true,
  });
  assert.deepEqual(
    requests.map((r) => [r.callback.output, r.changedPropIds]),
    [
      ["new-out.title", []],
      ["outside.children", ["new-btn.n_clicks"]],
    ],
  );
});
