import assert from "node:assert/strict";
import { test } from "node:test";
import { canStep, debounceDelay, parseNumber, sameValue, stepped, textShowsValue, valueFromText } from "../src/logic/number";

test("number boxes send numbers, and null for empty, non-numeric or invalid text", () => {
  assert.equal(valueFromText("42", "number", true), 42);
  assert.equal(valueFromText("-1.5", "number", true), -1.5);
  assert.equal(valueFromText("", "number", true), null);
  assert.equal(valueFromText("abc", "number", true), null);
  assert.equal(valueFromText("42", "number", false), null);
  assert.equal(valueFromText("42", "text", true), "42");
  assert.equal(parseNumber("  7 "), 7);
  assert.equal(parseNumber("Infinity"), null);
});

test("numerically equal values are the same (no update for 1 vs '1.0')", () => {
  assert.ok(sameValue(1, "1.0", "number"));
  assert.ok(!sameValue(1, "1.0", "text"));
  assert.ok(sameValue(null, undefined, "number"));
  assert.ok(!sameValue(0, null, "number"));
});

test("a half-typed number is not overwritten by the equal prop value", () => {
  assert.ok(textShowsValue("1.0", 1, "number"));
  assert.ok(textShowsValue("", null, "number"));
  assert.ok(!textShowsValue("2", 1, "number"));
  assert.ok(textShowsValue("ab", "ab", "text"));
});

test("the steppers move along the step grid and stop at min/max", () => {
  assert.equal(stepped(3, 1, { step: "any" }), 4);
  assert.equal(stepped(0.1, 1, { step: 0.2 }), 0.2);
  assert.equal(stepped(0.2, 1, { step: 0.1 }), 0.3);
  assert.equal(stepped(10, 1, { max: 10 }), 10);
  assert.equal(stepped(null, 1, { min: 5 }), 5);
  assert.equal(stepped(1, -1, { min: 0, step: 5 }), 0);
  assert.ok(!canStep(10, 1, { max: 10 }));
  assert.ok(canStep(9, 1, { max: 10 }));
  assert.ok(!canStep(0, -1, { min: 0 }));
});

test("debounce: seconds become a delay, booleans are not timers", () => {
  assert.equal(debounceDelay(0.5), 500);
  assert.equal(debounceDelay(true), null);
  assert.equal(debounceDelay(false), null);
});
