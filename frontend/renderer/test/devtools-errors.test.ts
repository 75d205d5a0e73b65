import assert from "node:assert/strict";
import { test } from "node:test";
import { addError, bodyKindOf, makeError, type DevError } from "../src/devtools/errors";
import { DevToolsState, COLLAPSED_KEY } from "../src/devtools/state";

const front = (id: number) => makeError(id, `front ${id}`, "", {}, id);
const back = (id: number) => makeError(id, `back ${id}`, "boom", { status: 500 }, id);

test("front-end errors come before back-end ones, newest first in each group", () => {
  let list: DevError[] = [];
  for (const error of [back(1), front(2), back(3), front(4)]) list = addError(list, error);
  assert.deepEqual(list.map((e) => e.title), ["front 4", "front 2", "back 3", "back 1"]);
});

test("a server answer is shown as a page, a fragment or text", () => {
  assert.equal(bodyKindOf("<!DOCTYPE html><html><body>x</body></html>"), "document");
  assert.equal(bodyKindOf("  <html lang='en'><body>x</body></html>"), "document");
  assert.equal(bodyKindOf("<div><b>bad</b> thing</div>"), "fragment");
  assert.equal(bodyKindOf('{"message": "Callback function not found for output \'x.y\'"}'), "text");
  assert.equal(bodyKindOf("Traceback: 1 < 2 > 0"), "text");
});

test("an error with an HTTP status is a back-end error holding the server's body", () => {
  const error = makeError(7, "Callback error updating out.children", "HTTP 500\n<html>", { status: 500, body: "<!doctype html><p>x" }, 0);
  assert.equal(error.source, "backend");
  assert.equal(error.message, "<!doctype html><p>x");
  assert.equal(error.bodyKind, "document");
});

test("a JavaScript error keeps its stack lines without the repeated message", () => {
  const thrown = new Error("exploded");
  const error = makeError(1, "exploded", "While rendering", { error: thrown }, 0);
  assert.equal(error.source, "frontend");
  assert.ok(error.stack.length > 0);
  assert.ok(!error.stack[0].includes("exploded"));
});

function memoryStorage(initial: Record<string, string> = {}) {
  const data = { ...initial };
  return { data, getItem: (key: string) => data[key] ?? null, setItem: (key: string, value: string) => void (data[key] = value) };
}

test("every new error opens the Errors popup and is counted", () => {
  const state = new DevToolsState(false, null, () => 0);
  let notified = 0;
  state.subscribe(() => notified++);
  assert.equal(state.popup, null);
  state.report("Circular Dependencies", "Error: Dependency Cycle Found: a.x -> a.x");
  state.closePopup();
  state.report("ID not found in layout", "later");
  assert.equal(state.popup, "errors");
  assert.equal(state.errors.length, 2);
  assert.equal(notified, 3);
});

test("the collapsed menu is remembered in localStorage", () => {
  const storage = memoryStorage({ [COLLAPSED_KEY]: "true" });
  const state = new DevToolsState(true, storage);
  assert.equal(state.collapsed, true);
  state.toggleCollapsed();
  assert.equal(storage.data[COLLAPSED_KEY], "false");
  assert.equal(new DevToolsState(true, storage).collapsed, false);
});

test("server status starts cold without hot reload, available with it", () => {
  assert.equal(new DevToolsState(false, null).serverStatus, "cold");
  assert.equal(new DevToolsState(true, null).serverStatus, "available");
});
