import assert from "node:assert/strict";
import { test } from "node:test";
import { editBetween, PropHistory } from "../src/store/history";
import { answer, div, FakeServer, makeEngine, propsOf, settle, spec, startEngine } from "./helpers";

function recordingHistory(): PropHistory {
  const history = new PropHistory();
  history.startRecording();
  return history;
}

test("editBetween keeps only watched props whose value changed, with old and new values", () => {
  const shared = { nested: true };
  const watched = new Set(["a", "b", "c", "d", "unset"]);
  const edit = editBetween({ a: 1, b: shared, c: "x", e: 0 }, { a: 2, b: shared, c: "x", d: 4, e: 1 }, watched);
  assert.deepEqual(edit, { before: { a: 1, d: undefined }, after: { a: 2, d: 4 } });
  assert.equal(editBetween({ a: 1 }, { a: 1 }, watched), null);
  assert.equal(editBetween({ e: 1 }, { e: 2 }, watched), null, "e is no callback Input");
});

test("undo hands back the old values, redo the new ones, in stack order", () => {
  const history = recordingHistory();
  history.record({ id: "in", before: { value: undefined }, after: { value: "x" } });
  history.record({ id: "in", before: { value: "x" }, after: { value: "xy" } });
  assert.deepEqual(history.undo(), { id: "in", props: { value: "x" } });
  assert.deepEqual(history.undo(), { id: "in", props: { value: undefined } });
  assert.equal(history.undo(), null);
  assert.deepEqual(history.redo(), { id: "in", props: { value: "x" } });
  assert.deepEqual(history.redo(), { id: "in", props: { value: "xy" } });
  assert.equal(history.redo(), null);
});

test("a new edit after an undo empties the redo stack", () => {
  const history = recordingHistory();
  history.record({ id: "a", before: { value: 1 }, after: { value: 2 } });
  history.undo();
  assert.equal(history.canRedo, true);
  history.record({ id: "a", before: { value: 1 }, after: { value: 3 } });
  assert.equal(history.canRedo, false);
  assert.equal(history.canUndo, true);
});

test("subscribers hear every stack change and the version moves", () => {
  const history = recordingHistory();
  let calls = 0;
  const off = history.subscribe(() => calls++);
  const start = history.version;
  history.record({ id: "a", before: { v: 1 }, after: { v: 2 } });
  history.undo();
  history.redo();
  history.undo();
  assert.equal(calls, 4);
  assert.equal(history.version, start + 4);
  off();
  history.redo();
  assert.equal(calls, 4);
});

test("edits made before recording starts (mount-time defaults) are not kept", () => {
  const history = new PropHistory();
  history.record({ id: "a", before: { v: 1 }, after: { v: 2 } });
  assert.equal(history.canUndo, false);
});

// ---- through the engine ------------------------------------------------------------------------

function echoServer(): FakeServer {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "in" }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [["in", "value"]])];
  server.auto = (body) => {
    const inputs = body.inputs as { value?: unknown }[];
    const value = inputs[0].value;
    return answer({ out: { children: value === undefined ? "" : `echo ${String(value)}` } });
  };
  return server;
}

function inPath(engine: ReturnType<typeof makeEngine>) {
  return engine.store.pathOf("in")!;
}

test("undo restores the input and re-runs its callback; redo re-applies both", async () => {
  const server = echoServer();
  const engine = await startEngine(server, { show_undo_redo: true });
  await settle(engine);
  engine.setProps(inPath(engine), { value: "a" });
  await settle(engine);
  engine.setProps(inPath(engine), { value: "ab" });
  await settle(engine);
  assert.equal(propsOf(engine, "out").children, "echo ab");

  engine.undo();
  assert.equal(propsOf(engine, "in").value, "a");
  await settle(engine);
  assert.equal(propsOf(engine, "out").children, "echo a");
  const last = server.sent[server.sent.length - 1].body;
  assert.deepEqual(last.changedPropIds, ["in.value"]);

  engine.undo();
  await settle(engine);
  assert.equal(propsOf(engine, "in").value, undefined);
  assert.equal(propsOf(engine, "out").children, "");

  engine.redo();
  await settle(engine);
  assert.equal(propsOf(engine, "in").value, "a");
  assert.equal(propsOf(engine, "out").children, "echo a");
});

test("callback outputs are not recorded: only the user's edits are undone", async () => {
  const server = echoServer();
  const engine = await startEngine(server, { show_undo_redo: true });
  await settle(engine);
  assert.equal(engine.history!.canUndo, false, "the initial callback's output is not an edit");
  engine.setProps(inPath(engine), { value: "z" });
  await settle(engine);
  engine.undo();
  await settle(engine);
  assert.equal(engine.history!.canUndo, false);
  assert.equal(engine.history!.canRedo, true);
});

test("undo and redo do not record new edits, and a fresh edit clears redo", async () => {
  const server = echoServer();
  const engine = await startEngine(server, { show_undo_redo: true });
  await settle(engine);
  engine.setProps(inPath(engine), { value: "1" });
  engine.setProps(inPath(engine), { value: "2" });
  engine.undo();
  assert.equal(engine.history!.canRedo, true);
  engine.setProps(inPath(engine), { value: "3" });
  assert.equal(engine.history!.canRedo, false);
  engine.undo();
  assert.equal(propsOf(engine, "in").value, "1");
});

test("setProps that changes nothing leaves no history entry", async () => {
  const server = echoServer();
  const engine = await startEngine(server, { show_undo_redo: true });
  await settle(engine);
  engine.setProps(inPath(engine), { value: "same" });
  engine.setProps(inPath(engine), { value: "same" });
  engine.undo();
  assert.equal(engine.history!.canUndo, false);
});

test("a component that left the layout is stepped over", async () => {
  const server = new FakeServer();
  server.layout = div({ id: "root", children: [div({ id: "gone" }), div({ id: "stay" }), div({ id: "log" })] });
  server.deps = [spec([["log", "children"]], [["gone", "title"], ["stay", "title"]], { prevent_initial_call: true })];
  server.auto = () => answer({ log: { children: "seen" } });
  const engine = await startEngine(server, { show_undo_redo: true });
  engine.setProps(engine.store.pathOf("stay")!, { title: "t1" });
  engine.setProps(engine.store.pathOf("gone")!, { title: "g1" });
  engine.setPropsFrom("root", { children: [div({ id: "stay", title: "t1" })] });
  engine.undo();
  assert.equal(propsOf(engine, "stay").title, undefined);
  assert.equal(engine.history!.canUndo, false);
});

test("props that are no callback Input (n_blur here) are not recorded", async () => {
  const server = echoServer();
  const engine = await startEngine(server, { show_undo_redo: true });
  await settle(engine);
  engine.setProps(inPath(engine), { value: "v" });
  engine.setProps(inPath(engine), { n_blur: 1 });
  engine.setProps(inPath(engine), { value: "w", n_blur: 2 });
  engine.undo();
  assert.equal(propsOf(engine, "in").value, "v");
  assert.equal(propsOf(engine, "in").n_blur, 2, "only the Input prop is restored");
  engine.undo();
  assert.equal(propsOf(engine, "in").value, undefined);
  assert.equal(engine.history!.canUndo, false);
});

test("without show_undo_redo there is no history and undo does nothing", async () => {
  const server = echoServer();
  const engine = await startEngine(server);
  assert.equal(engine.history, null);
  await settle(engine);
  engine.setProps(inPath(engine), { value: "q" });
  engine.undo();
  assert.equal(propsOf(engine, "in").value, "q");
});
