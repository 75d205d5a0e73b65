import assert from "node:assert/strict";
import { test } from "node:test";
import { isSelected, normalizeOptions, toggleValue } from "../src/logic/options";

test("options accept a list of values, a dict and a list of dicts", () => {
  assert.deepEqual(
    normalizeOptions(["a", 2]).map((o) => [o.label, o.value]),
    [["a", "a"], ["2", 2]],
  );
  assert.deepEqual(
    normalizeOptions({ nyc: "New York", mtl: "Montréal" }).map((o) => [o.label, o.value]),
    [["New York", "nyc"], ["Montréal", "mtl"]],
  );
  const [first] = normalizeOptions([{ label: "One", value: 1, disabled: true, title: "tip" }]);
  assert.equal(first.label, "One");
  assert.equal(first.disabled, true);
  assert.equal(first.title, "tip");
  assert.deepEqual(first.labelPath, [0, "label"]);
  assert.deepEqual(normalizeOptions(undefined), []);
});

test("checklist values are kept in click order", () => {
  let value = toggleValue([], "b");
  value = toggleValue(value, "a");
  assert.deepEqual(value, ["b", "a"]);
  assert.deepEqual(toggleValue(value, "b"), ["a"]);
  assert.deepEqual(toggleValue(undefined, 1), [1]);
});

test("selection checks lists for checklists and equality for radio items", () => {
  assert.ok(isSelected(["a"], "a", true));
  assert.ok(!isSelected("a", "a", true));
  assert.ok(isSelected(1, 1, false));
  assert.ok(!isSelected("1", 1, false));
});
