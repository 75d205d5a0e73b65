import assert from "node:assert/strict";
import { test } from "node:test";
import { answer, div, FakeServer, propsOf, settle, spec, startEngine, tick } from "./helpers";

/** A server that answers each callback with `<output id>: {<prop>: "<inputs joined>"}`. */
function echoServer(): FakeServer {
  const server = new FakeServer();
  server.auto = (body) => {
    const outputs = (Array.isArray(body.outputs) ? body.outputs : [body.outputs]) as { id: string; property: string }[];
    const inputs = body.inputs as { value?: unknown }[];
    const text = inputs.map((i) => String(i.value)).join("+");
    const response: Record<string, Record<string, unknown>> = {};
    for (const out of outputs) (response[out.id] = response[out.id] || {})[out.property.split("@")[0]] = text;
    return answer(response);
  };
  return server;
}

test("changes made in one tick are merged into one request per callback", async () => {
  const server = echoServer();
  server.layout = div({ children: [div({ id: "a", value: 1 }), div({ id: "b", value: 2 }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [["a", "value"], ["b", "value"]], { prevent_initial_call: true })];
  const engine = await startEngine(server);
  await settle(engine);
  engine.setProps(engine.store.pathOf("a")!, { value: 10 });
  engine.setProps(engine.store.pathOf("b")!, { value: 20 });
  engine.setProps(engine.store.pathOf("a")!, { value: 11 });
  await settle(engine);
  assert.equal(server.sent.length, 1);
  assert.deepEqual(server.sent[0].body.changedPropIds, ["a.value", "b.value"]);
  assert.equal(propsOf(engine, "out").children, "11+20");
});

test("setProps with an unchanged value sends nothing", async () => {
  const server = echoServer();
  server.layout = div({ children: [div({ id: "a", value: 1 }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [["a", "value"]], { prevent_initial_call: true })];
  const engine = await startEngine(server);
  engine.setProps(engine.store.pathOf("a")!, { value: 1 });
  await settle(engine);
  assert.equal(server.sent.length, 0);
});

test("a three-level chain fires each callback once, initial and after a change", async () => {
  const server = echoServer();
  server.layout = div({ children: ["x", "a", "b", "c"].map((id) => div({ id, value: id === "x" ? 0 : undefined })) });
  server.deps = [
    spec([["a", "value"]], [["x", "value"]]),
    spec([["b", "value"]], [["a", "value"]]),
    spec([["c", "value"]], [["b", "value"]]),
  ];
  const engine = await startEngine(server);
  await settle(engine);
  assert.deepEqual(server.sent.map((r) => r.body.output), ["a.value", "b.value", "c.value"]);
  assert.deepEqual(server.sent.map((r) => r.body.changedPropIds), [[], ["a.value"], ["b.value"]]);
  assert.equal(propsOf(engine, "c").value, "0");
  server.sent.length = 0;
  engine.setProps(engine.store.pathOf("x")!, { value: 5 });
  await settle(engine);
  assert.deepEqual(server.sent.map((r) => r.body.output), ["a.value", "b.value", "c.value"]);
  assert.equal(propsOf(engine, "c").value, "5");
});

test("a diamond sends the bottom callback once, with both upstream changes", async () => {
  const server = new FakeServer();
  server.layout = div({ children: ["x", "a", "b", "c", "d"].map((id) => div({ id, value: 0 })) });
  server.deps = [
    spec([["a", "value"]], [["x", "value"]], { prevent_initial_call: true }),
    spec([["b", "value"]], [["a", "value"]], { prevent_initial_call: true }),
    spec([["c", "value"]], [["a", "value"]], { prevent_initial_call: true }),
    spec([["d", "value"]], [["b", "value"], ["c", "value"]], { prevent_initial_call: true }),
  ];
  const engine = await startEngine(server);
  engine.setProps(engine.store.pathOf("x")!, { value: 1 });
  await tick();
  assert.deepEqual(server.sent.map((r) => r.body.output), ["a.value"]);
  server.sent[0].respond(200, { multi: true, response: { a: { value: 1 } } });
  await tick();
  await tick();
  assert.deepEqual(server.sent.map((r) => r.body.output), ["a.value", "b.value", "c.value"]);
  server.sent[1].respond(200, { multi: true, response: { b: { value: 2 } } });
  await tick();
  await tick();
  assert.equal(server.for("d.value").length, 0, "d must wait for c");
  server.sent[2].respond(200, { multi: true, response: { c: { value: 3 } } });
  await tick();
  await tick();
  const d = server.for("d.value");
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].body.changedPropIds, ["b.value", "c.value"]);
  d[0].respond(204);
  await settle(engine);
  assert.equal(server.sent.length, 4);
});

test("the readiness rule also waits for transitive upstream work", async () => {
  // x -> a -> b -> d and x -> c -> d: d waits for the whole a->b branch before firing.
  const server = echoServer();
  server.layout = div({ children: ["x", "a", "b", "c", "d"].map((id) => div({ id, value: 0 })) });
  server.deps = [
    spec([["a", "value"]], [["x", "value"]], { prevent_initial_call: true }),
    spec([["b", "value"]], [["a", "value"]], { prevent_initial_call: true }),
    spec([["c", "value"]], [["x", "value"]], { prevent_initial_call: true }),
    spec([["d", "value"]], [["b", "value"], ["c", "value"]], { prevent_initial_call: true }),
  ];
  const engine = await startEngine(server);
  engine.setProps(engine.store.pathOf("x")!, { value: 1 });
  await settle(engine);
  const d = server.for("d.value");
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].body.changedPropIds, ["c.value", "b.value"]);
});

test("a superseded response is ignored but its sideUpdate is applied", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "in", value: "a" }), div({ id: "out" }), div({ id: "side" })] });
  server.deps = [spec([["out", "children"]], [["in", "value"]], { prevent_initial_call: true })];
  const engine = await startEngine(server);
  engine.setProps(engine.store.pathOf("in")!, { value: "ab" });
  await tick();
  engine.setProps(engine.store.pathOf("in")!, { value: "abc" });
  await tick();
  assert.equal(server.sent.length, 2, "the second request is sent without waiting for the first");
  server.sent[1].respond(200, { multi: true, response: { out: { children: "abc" } } });
  await tick();
  server.sent[0].respond(200, { multi: true, response: { out: { children: "ab" } }, sideUpdate: { side: { title: "s" } } });
  await settle(engine);
  assert.equal(propsOf(engine, "out").children, "abc");
  assert.equal(propsOf(engine, "side").title, "s");
});

test("at most 12 requests are in flight", async () => {
  const server = new FakeServer();
  const ids = Array.from({ length: 20 }, (_, i) => `o${i}`);
  server.layout = div({ children: [div({ id: "in", value: 0 }), ...ids.map((id) => div({ id }))] });
  server.deps = ids.map((id) => spec([[id, "children"]], [["in", "value"]], { prevent_initial_call: true }));
  const engine = await startEngine(server);
  engine.setProps(engine.store.pathOf("in")!, { value: 1 });
  await tick();
  await tick();
  assert.equal(server.sent.length, 12);
  for (const request of server.sent.slice(0, 3)) request.respond(204);
  await tick();
  await tick();
  assert.equal(server.sent.length, 15);
  server.auto = () => ({ status: 204 });
  for (const request of server.sent.slice(3)) request.respond(204);
  await settle(engine);
  assert.equal(server.sent.length, 20);
  assert.equal(engine.store.getState().isLoading, false);
});

test("a callback is not re-queued by its own chain (loop breaker)", async () => {
  const server = echoServer();
  server.layout = div({ children: [div({ id: "a", value: 0 }), div({ id: "b", value: 0 })] });
  server.deps = [
    spec([["b", "value"]], [["a", "value"]], { prevent_initial_call: true }),
    spec([["a", "value"]], [["b", "value"]], { prevent_initial_call: true }),
  ];
  const engine = await startEngine(server);
  engine.setProps(engine.store.pathOf("a")!, { value: 1 });
  await settle(engine);
  assert.deepEqual(server.sent.map((r) => r.body.output), ["b.value", "a.value"]);
});

test("an Input that is also the callback's own Output does not block it", async () => {
  const server = echoServer();
  server.layout = div({ children: [div({ id: "a", value: 0 })] });
  server.deps = [spec([["a", "value"]], [["a", "value"]], { prevent_initial_call: true })];
  const engine = await startEngine(server);
  engine.setProps(engine.store.pathOf("a")!, { value: 1 });
  await settle(engine);
  assert.equal(server.sent.length, 1);
});

test("PreventUpdate in an initial callback stops the initial chain", async () => {
  const server = new FakeServer();
  server.layout = div({ children: ["x", "a", "b", "c"].map((id) => div({ id, value: 0 })) });
  server.deps = [
    spec([["a", "value"]], [["x", "value"]]),
    spec([["b", "value"]], [["a", "value"]]),
    spec([["c", "value"]], [["a", "value"], ["x", "value"]]),
  ];
  server.auto = () => ({ status: 204 });
  const engine = await startEngine(server);
  await settle(engine);
  // b only depends on a (which prevented): dropped. c has another Input that nothing feeds: still fires.
  assert.deepEqual(server.sent.map((r) => r.body.output), ["a.value", "c.value"]);
  assert.deepEqual(server.sent[1].body.changedPropIds, []);
});

test("setProps during the first render replaces the initial call", async () => {
  const server = echoServer();
  server.layout = div({ children: [div({ id: "loc" }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [["loc", "pathname"]])];
  const engine = await import("./helpers").then((h) => h.makeEngine(server));
  await engine.load();
  engine.setProps(engine.store.pathOf("loc")!, { pathname: "/page" }); // a component's mount effect
  engine.start();
  await settle(engine);
  assert.equal(server.sent.length, 1);
  assert.deepEqual(server.sent[0].body.changedPropIds, ["loc.pathname"]);
  assert.equal(propsOf(engine, "out").children, "/page");
});

test("new children fire the callbacks inside them; their Inputs then work", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "btn" }), div({ id: "container" }), div({ id: "log" })] });
  server.deps = [
    spec([["container", "children"]], [["btn", "n_clicks"]], { prevent_initial_call: true }),
    spec([["inner-out", "children"]], [["inner", "value"]]),
    spec([["log", "children"]], [["inner", "value"]], { prevent_initial_call: true }),
  ];
  server.auto = (body) => {
    if (body.output === "container.children") {
      return answer({ container: { children: [div({ id: "inner", value: "v" }), div({ id: "inner-out" })] } });
    }
    const value = (body.inputs as { value: unknown }[])[0].value;
    const [id, prop] = String(body.output).split(".");
    return answer({ [id]: { [prop]: `got ${value}` } });
  };
  const engine = await startEngine(server);
  await settle(engine);
  assert.equal(server.sent.length, 0);
  engine.setProps(engine.store.pathOf("btn")!, { n_clicks: 1 });
  await settle(engine);
  assert.deepEqual(
    server.sent.map((r) => [r.body.output, r.body.changedPropIds]),
    [
      ["container.children", ["btn.n_clicks"]],
      ["inner-out.children", []],
      ["log.children", ["inner.value"]],
    ],
  );
  assert.equal(propsOf(engine, "inner-out").children, "got v");
  engine.setProps(engine.store.pathOf("inner")!, { value: "w" });
  await settle(engine);
  assert.equal(propsOf(engine, "inner-out").children, "got w");
});

test("non-200 answers are callback errors that leave the layout alone", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "in", value: 1 }), div({ id: "out", children: "keep" })] });
  server.deps = [spec([["out", "children"]], [["in", "value"]])];
  server.auto = () => ({ status: 500, json: { message: "boom" } });
  const errors: string[] = [];
  const engine = await startEngine(server, {}, errors);
  await settle(engine);
  assert.equal(propsOf(engine, "out").children, "keep");
  assert.equal(errors.length, 1);
  assert.match(errors[0], /Callback error updating out\.children/);
});

test("loading entries exist while a callback runs and isLoading follows", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "in", value: 1 }), div({ id: "out" })] });
  server.deps = [spec([["out", "children@x1"]], [["in", "value"]])];
  const engine = await startEngine(server);
  await tick();
  const state = engine.store.getState();
  assert.equal(state.isLoading, true);
  assert.deepEqual(state.loading[JSON.stringify(["components", "props", "children", 1])], [
    { path: ["components", "props", "children", 1], property: "children", id: "out" },
  ]);
  assert.equal(state.pendingCallbacks.length, 1);
  server.sent[0].respond(200, { multi: true, response: { out: { "children@x1": "done" } } });
  await settle(engine);
  assert.deepEqual(engine.store.getState().loading, {});
  assert.equal(engine.store.getState().isLoading, false);
  assert.equal(propsOf(engine, "out").children, "done");
});

test("two callbacks keeping each other in sync do not wait for unrelated work", async () => {
  const server = new FakeServer();
  server.layout = div({ children: ["x", "y", "slow-in", "slow-out"].map((id) => div({ id, value: 0 })) });
  server.deps = [
    spec([["y", "value"]], [["x", "value"]], { prevent_initial_call: true }),
    spec([["x", "value"]], [["y", "value"]], { prevent_initial_call: true }),
    spec([["slow-out", "value"]], [["slow-in", "value"]], { prevent_initial_call: true }),
  ];
  const engine = await startEngine(server);
  engine.setProps(engine.store.pathOf("slow-in")!, { value: 1 });
  await tick();
  engine.setProps(engine.store.pathOf("x")!, { value: 5 });
  await tick();
  assert.deepEqual(server.sent.map((r) => r.body.output), ["slow-out.value", "y.value"]);
  server.sent[1].respond(200, { multi: true, response: { y: { value: 5 } } });
  await tick();
  await tick();
  assert.deepEqual(server.sent.map((r) => r.body.output), ["slow-out.value", "y.value", "x.value"]);
  server.sent[2].respond(200, { multi: true, response: { x: { value: 5 } } });
  server.sent[0].respond(204);
  await settle(engine);
  assert.equal(server.sent.length, 3, "the loop stops once both sides agree");
});
