import assert from "node:assert/strict";
import { test } from "node:test";
import { Engine } from "../src/engine";
import { Transport } from "../src/transport";
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
