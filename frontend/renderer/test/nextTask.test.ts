import assert from "node:assert/strict";
import { test } from "node:test";
import { nextTaskDefer } from "../src/scheduler/nextTask";
import { Engine } from "../src/engine";
import { Transport } from "../src/transport";
import { div, FakeServer, propsOf, spec } from "./helpers";

function waitFor(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (condition() ? resolve() : setTimeout(poll, 1));
    poll();
  });
}

test("deferred tasks run after the current code and its microtasks, in the order given", async () => {
  const defer = nextTaskDefer();
  const seen: string[] = [];
  defer(() => seen.push("first task"));
  defer(() => seen.push("second task"));
  void Promise.resolve().then(() => seen.push("microtask"));
  seen.push("sync");
  await waitFor(() => seen.length === 4);
  assert.deepEqual(seen, ["sync", "microtask", "first task", "second task"]);
});

test("a task deferred from inside a deferred task still runs, so a chain can go on link by link", async () => {
  const defer = nextTaskDefer();
  let links = 0;
  const link = () => {
    links += 1;
    if (links < 30) defer(link);
  };
  defer(link);
  await waitFor(() => links === 30);
  assert.equal(links, 30);
});

test("a clientside chain runs to its end when the engine's queue defers through the channel", async () => {
  const server = new FakeServer();
  const links = 12;
  const ids = Array.from({ length: links + 1 }, (_, i) => `s${i}`);
  server.layout = div({ children: ids.map((id) => div({ id, children: id === "s0" ? "start" : null })) });
  const chained = { clientside_function: { namespace: "ns", function_name: "same" } };
  server.deps = Array.from({ length: links }, (_, i) =>
    spec([[`s${i + 1}`, "children"]], [[`s${i}`, "children"]], chained),
  );
  const engine = new Engine({
    config: {},
    transport: new Transport({ requests_pathname_prefix: "/" }, server.fetcher),
    clientside: { no_update: {}, PreventUpdate: {}, ns: { same: (value: unknown) => value } },
    defer: nextTaskDefer(),
  });
  await engine.load();
  engine.start();
  await waitFor(() => propsOf(engine, `s${links}`).children === "start");
  engine.setProps(engine.store.pathOf("s0")!, { children: "clicked" });
  await waitFor(() => propsOf(engine, `s${links}`).children === "clicked");
  await engine.scheduler.whenIdle();
  assert.equal(server.sent.length, 0);
});
