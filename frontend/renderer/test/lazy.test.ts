import assert from "node:assert/strict";
import { test } from "node:test";
import { Engine } from "../src/engine";
import { lazyReadiness, whenSettled } from "../src/scheduler/lazy";
import { CallbackGraph } from "../src/graph/graph";
import { Transport } from "../src/transport";
import type { LayoutNode } from "../src/types";
import { answer, div, FakeServer, lookupOf, settle, spec, tick } from "./helpers";

/** A component class whose chunk arrives when the test says so. */
function lazyClass() {
  let arrive!: () => void;
  const cls = { _dashprivate_isLazyComponentReady: new Promise<boolean>((resolve) => (arrive = () => resolve(true))) as true | Promise<boolean> };
  return {
    cls,
    arrive: () => {
      cls._dashprivate_isLazyComponentReady = true;
      arrive();
    },
  };
}

function picker(props: Record<string, unknown>): LayoutNode {
  return { namespace: "lazy_suite", type: "Picker", props };
}

test("only Inputs and State on components still waiting for their chunk are waited for", () => {
  const pending = lazyClass();
  const { lookup } = lookupOf(div({ children: [picker({ id: "p", date: "2024-01-02" }), div({ id: "a" }), div({ id: "out" })] }));
  const classOf = (node: LayoutNode) => (node.type === "Picker" ? pending.cls : undefined);
  const [onPicker, onDiv] = new CallbackGraph([
    spec([["out", "children"]], [["a", "n_clicks"]], { state: [["p", "date"]] }),
    spec([["out", "title"]], [["a", "n_clicks"]]),
  ]).callbacks;
  assert.equal(lazyReadiness(onPicker, null, lookup, classOf).length, 1);
  assert.equal(lazyReadiness(onDiv, null, lookup, classOf).length, 0);
  pending.arrive();
  assert.equal(lazyReadiness(onPicker, null, lookup, classOf).length, 0);
});

test("a chunk that failed to load does not hold callbacks forever", async () => {
  await whenSettled([Promise.reject(new Error("offline")), Promise.resolve(true)]);
});

test("an initial callback reading a lazy component's State is sent only once its chunk is ready", async () => {
  const pending = lazyClass();
  const server = new FakeServer();
  server.auto = (body) => answer({ out: { children: String((body.state as { value?: unknown }[])[0].value) } });
  server.layout = div({ children: [picker({ id: "p", date: "2024-01-02" }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [["out", "title"]], { state: [["p", "date"]] })];
  const engine = new Engine({
    config: {},
    transport: new Transport({}, server.fetcher),
    componentClass: (node) => (node.type === "Picker" ? (pending.cls as object) : undefined),
  });
  await engine.load();
  engine.start();
  await tick(5);
  assert.equal(server.sent.length, 0, "the callback is parked while the chunk loads");
  pending.arrive();
  await settle(engine);
  assert.equal(server.sent.length, 1);
  assert.deepEqual(server.sent[0].body.state, [{ id: "p", property: "date", value: "2024-01-02" }]);
});

test("a parked callback replaced by a newer entry (the component's mount setProps) is never sent", async () => {
  const pending = lazyClass();
  const server = new FakeServer();
  server.auto = (body) => answer({ out: { children: String((body.inputs as { value?: unknown }[])[0].value) } });
  server.layout = div({ children: [picker({ id: "p", date: "2024-01-02" }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [["p", "date"]])];
  const engine = new Engine({
    config: {},
    transport: new Transport({}, server.fetcher),
    componentClass: (node) => (node.type === "Picker" ? (pending.cls as object) : undefined),
  });
  await engine.load();
  engine.start();
  await tick(5);
  engine.setProps(engine.store.pathOf("p")!, { date: "2024-02-03" });
  pending.arrive();
  await settle(engine);
  assert.deepEqual(
    server.sent.map((request) => (request.body.inputs as { value?: unknown }[])[0].value),
    ["2024-02-03"],
  );
});
