import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeBoolean } from "../src/booleans";

test("Python booleans are kept", () => {
  assert.equal(normalizeBoolean("disabled", true), true);
  assert.equal(normalizeBoolean("disabled", false), false);
});

test("the attribute name in any case means true", () => {
  assert.equal(normalizeBoolean("disabled", "disabled"), true);
  assert.equal(normalizeBoolean("disabled", "DISABLED"), true);
  assert.equal(normalizeBoolean("readonly", "readOnly"), true);
  assert.equal(normalizeBoolean("novalidate", "NoValidate"), true);
});

test("string spellings of booleans", () => {
  assert.equal(normalizeBoolean("open", "true"), true);
  assert.equal(normalizeBoolean("open", "False"), false);
  assert.equal(normalizeBoolean("open", ""), false);
});

test("missing values leave the attribute out", () => {
  assert.equal(normalizeBoolean("hidden", null), undefined);
  assert.equal(normalizeBoolean("hidden", undefined), undefined);
});

test("numbers follow their truthiness", () => {
  assert.equal(normalizeBoolean("muted", 1), true);
  assert.equal(normalizeBoolean("muted", 0), false);
});
