import assert from "node:assert/strict";
import { test } from "node:test";
import { Engine } from "../src/engine";
import { decodeEntry, encodeEntry, settingsOf, storageKey } from "../src/persistence/persistence";
import { MemoryStore, PersistenceStores, storageWorks } from "../src/persistence/storage";
import { Transport } from "../src/transport";
import type { LayoutNode } from "../src/types";
import { answer, div, FakeServer, propsOf, settle, spec } from "./helpers";

test("storage key and value format", () => {
  assert.equal(storageKey("name", "value", true), "_dash_persistence.name.value.true");
  assert.equal(storageKey('{"i":1}', "value", "v2"), '_dash_persistence.{"i":1}.value."v2"');
  assert.equal(encodeEntry("new", "old"), '["new","old"]');
  assert.equal(encodeEntry(5, undefined), "[5]");
  assert.equal(encodeEntry(undefined, 3), '["U",3]');
  assert.deepEqual(decodeEntry('["U",3]'), { value: undefined, original: 3 });
  assert.deepEqual(decodeEntry("[5]"), { value: 5, original: undefined });
});

test("settings come from props, else defaultProps, else dashPersistence", () => {
  const statics = { dashPersistence: { persisted_props: ["value"], persistence_type: "local" } };
  assert.deepEqual(settingsOf({ id: "a", persistence: true }, statics), {
    idText: "a",
    persistence: true,
    persistedProps: ["value"],
    type: "local",
  });
  assert.equal(settingsOf({ id: "a" }, statics), null, "persistence must be truthy");
  assert.equal(settingsOf({ persistence: true }, statics), null, "an id is needed");
  // With defaultProps present, dashPersistence is ignored (pre-18.3 convention).
  assert.equal(settingsOf({ id: "a", persistence: 1 }, { defaultProps: {}, ...statics }), null);
  const own = settingsOf({ id: "a", persistence: 1, persisted_props: ["x"], persistence_type: "session" }, statics);
  assert.deepEqual(own && [own.persistedProps, own.type], [["x"], "session"]);
});

test("a storage that refuses a large write is replaced by memory, with a report", () => {
  const refusing = { getItem: () => null, setItem: () => { throw new Error("quota"); }, removeItem: () => undefined };
  assert.equal(storageWorks(refusing), false);
  assert.equal(storageWorks(new MemoryStore()), true);
  const fallbacks: string[] = [];
  const stores = new PersistenceStores({ local: () => refusing }, (type) => fallbacks.push(type));
  assert.ok(stores.get("local") instanceof MemoryStore);
  assert.deepEqual(fallbacks, ["local"]);
});

const Counter = { dashPersistence: { persisted_props: ["n_clicks"], persistence_type: "local" } };
const Table = {
  defaultProps: { persisted_props: ["columns.name"], persistence_type: "local" },
  persistenceTransforms: {
    columns: {
      name: {
        extract: (columns: unknown) => (columns as { name: string }[]).map((c) => c.name),
        apply: (names: unknown, columns: unknown) =>
          (columns as { name: string }[]).map((c, i) => ({ ...c, name: (names as string[])[i] })),
      },
    },
  },
};

function counter(props: Record<string, unknown>): LayoutNode {
  return { namespace: "test", type: "Counter", props };
}

async function engineWith(layout: unknown, storage: MemoryStore, deps = [] as ReturnType<typeof spec>[], server = new FakeServer()) {
  server.layout = layout;
  server.deps = deps;
  const engine = new Engine({
    config: {},
    transport: new Transport({}, server.fetcher),
    componentClass: (node) => (node.type === "Counter" ? Counter : node.type === "Table" ? Table : undefined),
    storage: { local: () => storage },
  });
  await engine.load();
  engine.start();
  return engine;
}

test("user edits are recorded and replayed on reload while the layout value is unchanged", async () => {
  const storage = new MemoryStore();
  const layout = () => div({ children: [counter({ id: "c", n_clicks: 0, persistence: true })] });
  let engine = await engineWith(layout(), storage);
  engine.setProps(engine.store.pathOf("c")!, { n_clicks: 3 });
  assert.equal(storage.getItem("_dash_persistence.c.n_clicks.true"), "[3,0]");

  engine = await engineWith(layout(), storage);
  assert.equal(propsOf(engine, "c").n_clicks, 3);

  // The app changed its layout value: the stored edit is stale and dropped.
  engine = await engineWith(div({ children: [counter({ id: "c", n_clicks: 10, persistence: true })] }), storage);
  assert.equal(propsOf(engine, "c").n_clicks, 10);
  assert.equal(storage.getItem("_dash_persistence.c.n_clicks.true"), null);
});

test("callback outputs to a persisted prop are recorded too", async () => {
  const storage = new MemoryStore();
  const server = new FakeServer();
  server.auto = () => answer({ c: { n_clicks: 42 } });
  const layout = div({ children: [div({ id: "go" }), counter({ id: "c", persistence: true })] });
  const engine = await engineWith(layout, storage, [spec([["c", "n_clicks"]], [["go", "n_clicks"]], { prevent_initial_call: true })], server);
  engine.setProps(engine.store.pathOf("go")!, { n_clicks: 1 });
  await settle(engine);
  assert.equal(storage.getItem("_dash_persistence.c.n_clicks.true"), "[42]");
});

test("changing the persistence value switches slots: a namespace and a reset key", async () => {
  const storage = new MemoryStore();
  const engine = await engineWith(div({ children: [counter({ id: "c", n_clicks: 0, persistence: "u1" })] }), storage);
  const path = engine.store.pathOf("c")!;
  engine.setProps(path, { n_clicks: 5 });
  engine.setPropsFrom("c", { persistence: "u2" }, "callback");
  assert.equal(propsOf(engine, "c").n_clicks, 0, "the new slot starts from the original value");
  engine.setProps(path, { n_clicks: 7 });
  engine.setPropsFrom("c", { persistence: "u1" }, "callback");
  assert.equal(propsOf(engine, "c").n_clicks, 5, "the old slot's value comes back");
  assert.equal(storage.getItem('_dash_persistence.c.n_clicks."u2"'), "[7,0]");
});

test("components inserted by a callback get their persisted values", async () => {
  const storage = new MemoryStore();
  storage.setItem("_dash_persistence.c.n_clicks.true", "[9,0]");
  const server = new FakeServer();
  server.auto = () => answer({ box: { children: counter({ id: "c", n_clicks: 0, persistence: true }) } });
  const layout = div({ children: [div({ id: "go" }), div({ id: "box" })] });
  const engine = await engineWith(layout, storage, [spec([["box", "children"]], [["go", "n_clicks"]], { prevent_initial_call: true })], server);
  engine.setProps(engine.store.pathOf("go")!, { n_clicks: 1 });
  await settle(engine);
  assert.equal(propsOf(engine, "c").n_clicks, 9);
});

test("persistenceTransforms persist a piece of a prop (columns.name)", async () => {
  const storage = new MemoryStore();
  const columns = [{ id: "a", name: "A" }, { id: "b", name: "B" }];
  const table = () => ({ namespace: "test", type: "Table", props: { id: "t", columns, persistence: true } });
  let engine = await engineWith(div({ children: [table()] }), storage);
  engine.setProps(engine.store.pathOf("t")!, { columns: [{ id: "a", name: "Renamed" }, columns[1]] });
  assert.equal(storage.getItem("_dash_persistence.t.columns.name.true"), '[["Renamed","B"],["A","B"]]');
  engine = await engineWith(div({ children: [table()] }), storage);
  assert.deepEqual(propsOf(engine, "t").columns, [{ id: "a", name: "Renamed" }, { id: "b", name: "B" }]);
});
