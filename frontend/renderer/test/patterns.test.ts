import assert from "node:assert/strict";
import { test } from "node:test";
import { CallbackGraph } from "../src/graph/graph";
import { initialCallbacks } from "../src/graph/initial";
import { instancesFor, triggeredInstances } from "../src/graph/instances";
import { compareIdValues, idsOverlap } from "../src/graph/patterns";
import { resolveId } from "../src/graph/resolve";
import { changeRequests, removalRequests } from "../src/graph/triggers";
import { normalizeId } from "../src/ids";
import type { DashId } from "../src/types";
import { div, lookupOf, spec } from "./helpers";

const MATCH = ["MATCH"];
const ALL = ["ALL"];
const ALLSMALLER = ["ALLSMALLER"];
const pattern = (raw: Record<string, unknown>) => normalizeId(raw);
const item = (index: unknown, type = "item") => ({ type, index }) as unknown as DashId;

test("ALLSMALLER order: numbers and numeric strings by value, then false < true, then strings", () => {
  const values = ["b", true, 10, "2", false, "a", 1.5, "-3"];
  const sorted = [...values].sort(compareIdValues);
  assert.deepEqual(sorted, ["-3", 1.5, "2", 10, false, true, "a", "b"]);
});

test("dependency ids overlap when every key is equal or a wildcard", () => {
  assert.ok(idsOverlap(pattern({ type: "a", i: MATCH }), pattern({ type: "a", i: 3 })));
  assert.ok(idsOverlap(pattern({ type: "a", i: ALL }), pattern({ type: "a", i: MATCH })));
  assert.ok(!idsOverlap(pattern({ type: "a", i: ALL }), pattern({ type: "b", i: ALL })));
  assert.ok(!idsOverlap(pattern({ type: "a", i: ALL }), pattern({ type: "a", j: ALL })));
  assert.ok(!idsOverlap("a", pattern({ type: "a" })));
});

const items = div({
  children: [
    div({ id: item(3), value: 30 }),
    div({ id: item(1), value: 10 }),
    div({ id: { type: "other", index: 1 } }),
    div({ id: item(2), value: 20 }),
    div({ id: { type: "item", index: 9, extra: true } }),
  ],
});

test("ALL resolves to every match of the key set in crawl order; MATCH and ALLSMALLER use the instance", () => {
  const { lookup } = lookupOf(items);
  const texts = (id: DashId, match: Record<string, unknown> | null = null) =>
    resolveId(id, lookup, match as never).map((found) => found.idText);
  assert.deepEqual(texts(pattern({ type: "item", index: ALL })), [
    '{"index":3,"type":"item"}',
    '{"index":1,"type":"item"}',
    '{"index":2,"type":"item"}',
  ]);
  assert.deepEqual(texts(pattern({ type: "item", index: MATCH }), { index: 2 }), ['{"index":2,"type":"item"}']);
  assert.deepEqual(texts(pattern({ type: "item", index: ALLSMALLER }), { index: 3 }), [
    '{"index":1,"type":"item"}',
    '{"index":2,"type":"item"}',
  ]);
  assert.deepEqual(texts(item(1)), ['{"index":1,"type":"item"}']);
});

const totals = () =>
  new CallbackGraph([
    spec([[{ type: "total", index: MATCH }, "children"]], [
      [{ type: "item", index: MATCH }, "value"],
      [{ type: "item", index: ALLSMALLER }, "value"],
    ]),
  ]);

const totalsLayout = () =>
  div({
    children: [1, 2, 3].flatMap((i) => [div({ id: item(i), value: i * 10 }), div({ id: item(i, "total") })]),
  });

test("one instance per MATCH value: a change fires its own instance and, via ALLSMALLER, the larger ones", () => {
  const graph = totals();
  const { lookup } = lookupOf(totalsLayout());
  const requests = changeRequests(graph, item(2), ["value"], lookup);
  assert.deepEqual(
    requests.map((r) => [r.match, r.changedPropIds]),
    [
      [{ index: 2 }, ['{"index":2,"type":"item"}.value']],
      [{ index: 3 }, ['{"index":2,"type":"item"}.value']],
    ],
  );
});

test("initial calls: one instance per Output found, in crawl order", () => {
  const graph = totals();
  const { store, lookup } = lookupOf(totalsLayout());
  const crawled = [...store.paths.ids()].filter((id) => id.includes("total")).map((text) => JSON.parse(text));
  const requests = initialCallbacks(graph, { crawled, layout: lookup, subtree: false });
  assert.deepEqual(
    requests.map((r) => r.match),
    [{ index: 1 }, { index: 2 }, { index: 3 }],
  );
});

test("a trigger that does not pin MATCH fires every instance whose Output exists", () => {
  const graph = new CallbackGraph([
    spec([[{ type: "label", index: MATCH }, "children"]], [["reset", "n_clicks"]], {
      state: [[{ type: "item", index: MATCH }, "value"]],
    }),
  ]);
  const { lookup } = lookupOf(
    div({ children: [div({ id: "reset" }), div({ id: item(5, "label") }), div({ id: item(7, "label") })] }),
  );
  const [ref] = graph.inputsOn("reset");
  assert.deepEqual(
    triggeredInstances(ref, "reset", lookup).map((instance) => instance.match),
    [{ index: 5 }, { index: 7 }],
  );
});

test("Outputs without MATCH take the MATCH values of the triggering Input", () => {
  const graph = new CallbackGraph([spec([["log", "children"]], [[{ type: "item", index: MATCH }, "n_clicks"]])]);
  const { lookup } = lookupOf(items);
  const [cb] = graph.callbacks;
  const instances = instancesFor(cb, cb.inputs[0], item(2), lookup);
  assert.deepEqual(instances.map((instance) => instance.match), [{ index: 2 }]);
});

test("components leaving an ALL list re-fire its callbacks, with an empty trigger", () => {
  const graph = new CallbackGraph([
    spec([["count", "children"]], [[{ type: "item", index: ALL }, "value"]], { prevent_initial_call: true }),
    spec([["first", "children"]], [[{ type: "item", index: 1 }, "value"]]),
  ]);
  const { lookup } = lookupOf(div({ children: [div({ id: "count" }), div({ id: "first" })] }));
  const requests = removalRequests(graph, [item(1)], lookup);
  assert.deepEqual(
    requests.map((r) => [r.callback.output, r.changedPropIds]),
    [["count.children", []]],
  );
});

test("graph edges follow patterns: a MATCH output feeds a concrete dict Input of the same shape", () => {
  const graph = new CallbackGraph([
    spec([[{ type: "item", index: MATCH }, "value"]], [[{ type: "btn", index: MATCH }, "n_clicks"]]),
    spec([["out", "children"]], [[{ type: "item", index: 1 }, "value"]]),
  ]);
  const [first, second] = graph.callbacks;
  assert.deepEqual(graph.next(first), [second]);
  assert.equal(first.depth, 2);
  assert.ok(first.downstream.has("out.children"));
});
