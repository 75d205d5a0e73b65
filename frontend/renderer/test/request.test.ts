import assert from "node:assert/strict";
import { test } from "node:test";
import { CallbackGraph } from "../src/graph/graph";
import { buildPayload, type PayloadSource } from "../src/request";
import { DashStore } from "../src/store/store";
import { div, spec } from "./helpers";

function source(layout: unknown): PayloadSource {
  const store = new DashStore({});
  store.setLayout(layout);
  return {
    pathOf: (id) => store.pathOf(id),
    get: (p) => store.get(p),
    stringIds: () => store.paths.stringIds(),
    dictEntries: (keys) => store.paths.dictEntries(keys),
  };
}

const layout = div({
  children: [
    div({ id: "in", value: "hello" }),
    div({ id: "btn" }),
    div({ id: { type: "item", index: 1 }, value: 3 }),
    div({ id: "out" }),
  ],
});

test("body keys come in the protocol's order, state last", () => {
  const [cb] = new CallbackGraph([spec([["out", "children"]], [["in", "value"]], { state: [["btn", "n_clicks"]] })]).callbacks;
  const result = buildPayload(cb, null, ["in.value"], source(layout));
  assert.equal(result.kind, "ready");
  if (result.kind !== "ready") return;
  assert.deepEqual(Object.keys(result.payload), ["output", "outputs", "inputs", "changedPropIds", "parsedChangedPropsIds", "state"]);
  assert.deepEqual(result.payload.outputs, { id: "out", property: "children" });
  assert.deepEqual(result.payload.inputs, [{ id: "in", property: "value", value: "hello" }]);
});

test("an unset prop is sent without a value key, and state is omitted when there is none", () => {
  const [cb] = new CallbackGraph([spec([["out", "children"]], [["btn", "n_clicks"]])]).callbacks;
  const result = buildPayload(cb, null, [], source(layout));
  assert.ok(result.kind === "ready");
  if (result.kind !== "ready") return;
  assert.deepEqual(result.payload.inputs, [{ id: "btn", property: "n_clicks" }]);
  assert.ok(!("value" in result.payload.inputs[0]));
  assert.ok(!("state" in result.payload));
  assert.equal(JSON.stringify(result.payload.inputs[0]), '{"id":"btn","property":"n_clicks"}');
});

test("multi outputs are a list keeping @hash; dict ids are sent as objects", () => {
  const [cb] = new CallbackGraph([
    spec([["out", "children"], ["out", "title@abc"]], [[{ type: "item", index: 1 }, "value"]]),
  ]).callbacks;
  const result = buildPayload(cb, null, ['{"index":1,"type":"item"}.value'], source(layout));
  assert.ok(result.kind === "ready");
  if (result.kind !== "ready") return;
  assert.deepEqual(result.payload.outputs, [
    { id: "out", property: "children" },
    { id: "out", property: "title@abc" },
  ]);
  assert.deepEqual(result.payload.inputs, [{ id: { type: "item", index: 1 }, property: "value", value: 3 }]);
  assert.deepEqual(result.payload.parsedChangedPropsIds, [{ index: 1, type: "item" }]);
});

test("every Input missing skips; some missing or a missing State is an error", () => {
  const graph = new CallbackGraph([
    spec([["out", "children"]], [["ghost", "value"]]),
    spec([["out", "children"]], [["ghost", "value"], ["in", "value"]]),
    spec([["out", "children"]], [["in", "value"]], { state: [["ghost", "value"]] }),
    spec([["ghost", "children"]], [["in", "value"]]),
  ]);
  const kinds = graph.callbacks.map((cb) => buildPayload(cb, null, [], source(layout)));
  assert.deepEqual(kinds.map((k) => k.kind), ["skip", "error", "error", "error"]);
  const message = (kinds[1] as { message: string }).message;
  assert.match(message, /nonexistent object was used in an `Input`/);
  assert.match(message, /`ghost`/);
  assert.match((kinds[2] as { message: string }).message, /`State`/);
  assert.match((kinds[3] as { message: string }).message, /`Output`/);
});

test("no-output callbacks send no outputs key", () => {
  const [cb] = new CallbackGraph([{ ...spec([["x", "y"]], [["in", "value"]]), output: "h4sh", no_output: true }]).callbacks;
  const result = buildPayload(cb, null, [], source(layout));
  assert.ok(result.kind === "ready" && !("outputs" in result.payload) && result.payload.output === "h4sh");
});
