import assert from "node:assert/strict";
import { test } from "node:test";
import type { PatchObject } from "../src/patch/applyPatch";
import { sideUpdates } from "../src/apply";
import { ClientsidePatch } from "../src/patchBuilder";
import { div, FakeServer, propsOf, settle, spec, startEngine } from "./helpers";

const patch = (...operations: PatchObject["operations"]): PatchObject => ({ __dash_patch_update: "__dash_patch_update", operations });

test("server outputs may be patches, resolved against the current value", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "in", value: 1 }), div({ id: "out", children: ["a"] })] });
  server.deps = [spec([["out", "children"]], [["in", "value"]])];
  server.auto = () => ({
    status: 200,
    json: { multi: true, response: { out: { children: patch({ operation: "Append", location: [], params: { value: "b" } }) } } },
  });
  const engine = await startEngine(server);
  await settle(engine);
  assert.deepEqual(propsOf(engine, "out").children, ["a", "b"]);
});

test("a Patch on an unset prop is reported and leaves the prop alone", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "in", value: 1 }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [["in", "value"]])];
  server.auto = () => ({
    status: 200,
    json: { multi: true, response: { out: { children: patch({ operation: "Append", location: [], params: { value: "b" } }) } } },
  });
  const errors: string[] = [];
  const engine = await startEngine(server, {}, errors);
  await settle(engine);
  assert.equal(propsOf(engine, "out").children, undefined);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /Patch error: .*out\.children/);
});

test("the clientside Patch builder makes the wire form", () => {
  const built = new ClientsidePatch().append(["a"], 1).assign(["b", -1], "x").add(["n"], 2).build();
  assert.deepEqual(built, patch(
    { operation: "Append", location: ["a"], params: { value: 1 } },
    { operation: "Assign", location: ["b", -1], params: { value: "x" } },
    { operation: "Add", location: ["n"], params: { value: 2 } },
  ));
});

test("sideUpdate accepts id → props and id.prop → value keys", () => {
  const updates = sideUpdates({ a: { title: "t" }, "a.value": 1, '{"i": 1.0}': { x: 1 }, '{"i":2}.y': 2 });
  assert.deepEqual(updates, [
    { id: "a", props: { title: "t", value: 1 } },
    { id: '{"i":1}', props: { x: 1 } },
    { id: '{"i":2}', props: { y: 2 } },
  ]);
});
