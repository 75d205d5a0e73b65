import assert from "node:assert/strict";
import { test } from "node:test";
import { Engine } from "../src/engine";
import { Transport } from "../src/transport";
import { ClientsidePatch } from "../src/patchBuilder";
import { div, FakeServer, propsOf, settle, spec } from "./helpers";

const noUpdate = { none: true };
const preventUpdate = { prevent: true };

async function clientsideEngine(functions: Record<string, (...args: unknown[]) => unknown>, server: FakeServer) {
  const api = { no_update: noUpdate, PreventUpdate: preventUpdate, ns: functions } as Record<string, unknown> & {
    no_update: unknown;
    PreventUpdate: unknown;
  };
  const errors: string[] = [];
  const engine = new Engine({
    config: {},
    transport: new Transport({}, server.fetcher),
    clientside: api,
    reportError: (title, message) => errors.push(`${title}: ${message}`),
  });
  await engine.load();
  engine.start();
  return { engine, api, errors };
}

const cs = (name: string) => ({ clientside_function: { namespace: "ns", function_name: name } });

test("clientside functions get Input then State values and update outputs", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "a", value: 2 }), div({ id: "s", value: 3 }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [["a", "value"]], { state: [["s", "value"]], ...cs("sum") })];
  const { engine } = await clientsideEngine({ sum: (a, s) => (a as number) + (s as number) }, server);
  await settle(engine);
  assert.equal(propsOf(engine, "out").children, 5);
  assert.equal(server.sent.length, 0);
});

test("callback_context exists only during the call; triggered is empty initially", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "a", value: 1 }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [["a", "value"]], cs("ctx"))];
  const seen: unknown[] = [];
  let apiRef: Record<string, unknown> = {};
  const { engine, api } = await clientsideEngine(
    {
      ctx: () => {
        const ctx = apiRef.callback_context as { triggered: unknown[]; triggered_id: unknown };
        seen.push([ctx.triggered, ctx.triggered_id]);
        return "ok";
      },
    },
    server,
  );
  apiRef = api;
  await settle(engine);
  engine.setProps(engine.store.pathOf("a")!, { value: 2 });
  await settle(engine);
  assert.deepEqual(seen, [
    [[], undefined],
    [[{ prop_id: "a.value", value: 2 }], "a"],
  ]);
  assert.equal("callback_context" in api, false);
});

test("no_update skips outputs, PreventUpdate cancels, promises are awaited", async () => {
  const server = new FakeServer();
  server.layout = div({
    children: [div({ id: "a", value: 1 }), div({ id: "x", children: "x0" }), div({ id: "y", children: "y0" }), div({ id: "z", children: "z0" })],
  });
  server.deps = [
    spec([["x", "children"], ["y", "children"]], [["a", "value"]], cs("partial")),
    spec([["z", "children"]], [["a", "value"]], cs("prevent")),
    spec([["a", "title"]], [["a", "value"]], cs("later")),
  ];
  const { engine } = await clientsideEngine(
    {
      partial: () => [noUpdate, "y1"],
      prevent: () => {
        throw preventUpdate;
      },
      later: () => Promise.resolve("resolved"),
    },
    server,
  );
  await settle(engine);
  assert.equal(propsOf(engine, "x").children, "x0");
  assert.equal(propsOf(engine, "y").children, "y1");
  assert.equal(propsOf(engine, "z").children, "z0");
  assert.equal(propsOf(engine, "a").title, "resolved");
});

test("a throwing clientside function reports an error naming the function", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "a", value: 1 }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [["a", "value"]], cs("bad"))];
  const { engine, errors } = await clientsideEngine(
    {
      bad: () => {
        throw new Error("nope");
      },
    },
    server,
  );
  await settle(engine);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /via clientside function ns\.bad/);
});

test("set_props style updates trigger listeners", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "a", value: 1 }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [["a", "value"]], { ...cs("echo"), prevent_initial_call: true })];
  const { engine } = await clientsideEngine({ echo: (v) => `v=${v}` }, server);
  assert.equal(engine.setPropsFrom("a", { value: 7 }), true);
  await settle(engine);
  assert.equal(propsOf(engine, "out").children, "v=7");
  assert.equal(engine.setPropsFrom("ghost", { value: 1 }), false);
});

test("clientside ALL outputs take a list; callback_context carries the wildcard lists", async () => {
  const server = new FakeServer();
  const item = (index: number, type = "item") => ({ type, index });
  server.layout = div({
    children: [div({ id: "go" }), div({ id: item(1), value: "a" }), div({ id: item(2), value: "b" }), div({ id: item(1, "out") }), div({ id: item(2, "out") })],
  });
  server.deps = [
    spec([[{ type: "out", index: ["ALL"] }, "children"]], [["go", "n_clicks"]], {
      state: [[{ type: "item", index: ["ALL"] }, "value"]],
      prevent_initial_call: true,
      ...cs("upper"),
    }),
  ];
  let context: Record<string, unknown> = {};
  let apiRef: Record<string, unknown> = {};
  const { engine, api } = await clientsideEngine(
    {
      upper: (_clicks, values) => {
        context = apiRef.callback_context as Record<string, unknown>;
        return (values as string[]).map((v) => v.toUpperCase());
      },
    },
    server,
  );
  apiRef = api;
  engine.setProps(engine.store.pathOf("go")!, { n_clicks: 1 });
  await settle(engine);
  assert.equal(propsOf(engine, '{"index":1,"type":"out"}').children, "A");
  assert.equal(propsOf(engine, '{"index":2,"type":"out"}').children, "B");
  assert.equal(context.triggered_id, "go");
  assert.deepEqual(context.states_list, [
    [
      { id: item(1), property: "value", value: "a" },
      { id: item(2), property: "value", value: "b" },
    ],
  ]);
  assert.deepEqual(context.outputs_list, [
    { id: item(1, "out"), property: "children" },
    { id: item(2, "out"), property: "children" },
  ]);
  assert.deepEqual(context.states, { '{"index":1,"type":"item"}.value': "a", '{"index":2,"type":"item"}.value': "b" });
});

test("triggered_id is the parsed dict for a pattern trigger", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: { type: "btn", index: 4 } }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [[{ type: "btn", index: ["ALL"] }, "n_clicks"]], { prevent_initial_call: true, ...cs("who") })];
  let apiRef: Record<string, unknown> = {};
  const { engine, api } = await clientsideEngine(
    { who: () => JSON.stringify((apiRef.callback_context as { triggered_id: unknown }).triggered_id) },
    server,
  );
  apiRef = api;
  engine.setProps(engine.store.pathOf('{"index":4,"type":"btn"}')!, { n_clicks: 1 });
  await settle(engine);
  assert.equal(propsOf(engine, "out").children, '{"index":4,"type":"btn"}');
});

test("Patch objects built clientside are applied to the current value", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "go" }), div({ id: "out", data: [1, 2] })] });
  server.deps = [spec([["out", "data"]], [["go", "n_clicks"]], { prevent_initial_call: true, ...cs("grow") })];
  const { engine } = await clientsideEngine(
    { grow: () => new ClientsidePatch().append([], 3).prepend([], 0).build() },
    server,
  );
  engine.setProps(engine.store.pathOf("go")!, { n_clicks: 1 });
  await settle(engine);
  assert.deepEqual(propsOf(engine, "out").data, [0, 1, 2, 3]);
});

test("set_props by dict id and by path, from clientside code", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: { type: "x", index: 1 } }), div({ id: "y" })] });
  const { engine } = await clientsideEngine({}, server);
  assert.equal(engine.setPropsFrom({ index: 1, type: "x" }, { title: "by dict" }), true);
  assert.equal(engine.setPropsFrom(engine.store.pathOf("y")!, { title: "by path" }), true);
  assert.equal(engine.setPropsFrom("missing", { title: "nobody" }), false);
  assert.equal(propsOf(engine, '{"index":1,"type":"x"}').title, "by dict");
  assert.equal(propsOf(engine, "y").title, "by path");
});
