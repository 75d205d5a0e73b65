import assert from "node:assert/strict";
import { test } from "node:test";
import PropTypes from "prop-types";
import { checkProps, rewordPropTypeError } from "../src/devtools/propsCheck";

// The development build of prop-types (what the page loads with props_check).
const propTypes = {
  label: PropTypes.string.isRequired,
  size: PropTypes.oneOf(["s", "m", "l"]),
  count: PropTypes.number,
  value: PropTypes.oneOfType([PropTypes.string, PropTypes.number]),
};

test("valid props give no problem", () => {
  assert.equal(checkProps(propTypes, { label: "a", size: "m", count: 1, value: 2 }, "Thing", "t1"), null);
});

test("a wrong type is worded with the component type, id, expected and supplied type and value", () => {
  const message = checkProps(propTypes, { label: "a", count: "three" }, "Thing", "t1");
  assert.equal(
    message,
    'Invalid argument `count` passed into Thing with ID "t1".\nExpected `number`.\nWas supplied type `string`.\nValue provided: "three"',
  );
});

test("a missing required prop says it is required", () => {
  const message = checkProps(propTypes, {}, "Thing", "t1");
  assert.equal(message, 'Required argument `label` passed into Thing with ID "t1" is required but it was not provided.');
});

test("oneOf and oneOfType failures name what was expected", () => {
  const size = checkProps(propTypes, { label: "a", size: "xl" }, "Thing", "t1")!;
  assert.match(size, /^Invalid argument `size` passed into Thing with ID "t1"\.\nExpected one of \["s","m","l"\]\.\nValue provided: "xl"$/);
  const value = checkProps(propTypes, { label: "a", value: [1] }, "Thing", "t1")!;
  assert.match(value, /Expected one of type \[string, number\]\.\nValue provided: \[/);
});

test("a custom validator's message is kept, with the component named", () => {
  assert.equal(rewordPropTypeError("something odd", "Thing", "t1", {}), 'something odd (component Thing with ID "t1")');
  const throwing = { x: () => { throw new Error("validator broke"); } };
  assert.equal(checkProps(throwing, {}, "Thing", "t1"), 'validator broke (component Thing with ID "t1")');
});
