import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachComponentAt, mapComponentsAt, parseSpec } from "../src/childrenProps";
import { div } from "./helpers";

test("specs parse into keys and list/dict steps", () => {
  assert.deepEqual(parseSpec("options[].label"), [{ key: "options" }, { each: "list" }, { key: "label" }]);
  assert.deepEqual(parseSpec("x[].y{}"), [{ key: "x" }, { each: "list" }, { key: "y" }, { each: "dict" }]);
  assert.deepEqual(parseSpec("a.b"), [{ key: "a" }, { key: "b" }]);
});

test("components are found at nested locations with their relative paths", () => {
  const props = {
    options: [{ label: div({ id: 1 }) }, { label: "plain" }, { label: [div(), "t"] }],
    deep: { inner: div() },
  };
  const found: unknown[] = [];
  forEachComponentAt(props, parseSpec("options[].label"), (rel) => found.push(rel));
  forEachComponentAt(props, parseSpec("deep.inner"), (rel) => found.push(rel));
  assert.deepEqual(found, [["options", 0, "label"], ["options", 2, "label", 0], ["deep", "inner"]]);
});

test("mapping replaces components and shares untouched parts", () => {
  const untouched = { label: "plain" };
  const value = [{ label: div() }, untouched];
  const mapped = mapComponentsAt(value, parseSpec("options[].label"), (rel) => rel.join("/")) as unknown[];
  assert.deepEqual(mapped, [{ label: "options/0/label" }, untouched]);
  assert.equal(mapped[1], untouched);
});
