import assert from "node:assert/strict";
import { test } from "node:test";
import PropTypes from "prop-types";
import { attachMetadataPropTypes, attachPropTypes } from "../../shared/attachPropTypes";
import { attributeType, elementProps } from "../../shared/elementTypes";
import { enumLiteral, propTypesFor, validatorFor, type DocgenComponent, type PropTypesLibrary } from "../../shared/propTypes";
import dccMetadata from "../../suites/dcc/metadata.json";
import { common, elements } from "../../suites/html/elements.json";
import tableMetadata from "../../suites/table/metadata.json";
import { checkProps } from "../src/devtools/propsCheck";

// The development build of prop-types, as the page loads it with props_check.
const lib = PropTypes as unknown as PropTypesLibrary;
const dcc = dccMetadata as unknown as Record<string, DocgenComponent>;
const table = tableMetadata as unknown as Record<string, DocgenComponent>;
type HtmlTable = Parameters<typeof elementProps>[0];

function dccTypes(name: string): Record<string, unknown> {
  const entry = Object.values(dcc).find((component) => component.displayName === name);
  assert.ok(entry, `no dcc metadata for ${name}`);
  return propTypesFor(lib, entry.props);
}

function htmlTypes(name: string): Record<string, unknown> {
  const own = (elements as Record<string, { attributes?: HtmlTable }>)[name].attributes;
  return propTypesFor(lib, elementProps(common as HtmlTable, own));
}

test("enum literals are read as react-docgen writes them", () => {
  assert.deepEqual(enumLiteral({ value: "'text'", computed: false }), { value: "text" });
  assert.deepEqual(enumLiteral({ value: "3" }), { value: 3 });
  assert.deepEqual(enumLiteral({ value: "null" }), { value: null });
  assert.deepEqual(enumLiteral({ value: "false" }), { value: false });
  assert.equal(enumLiteral({ value: "Sizes.big", computed: true }), undefined);
});

test("each descriptor kind accepts its values and rejects others", () => {
  const check = (type: object, value: unknown) =>
    checkProps({ p: validatorFor(lib, type as never) }, { p: value }, "T", "t");
  assert.equal(check({ name: "string" }, "a"), null);
  assert.match(check({ name: "string" }, 1)!, /Expected `string`/);
  assert.equal(check({ name: "enum", value: [{ value: "'a'" }, { value: "2" }] }, 2), null);
  assert.match(check({ name: "enum", value: [{ value: "'a'" }] }, "b")!, /Expected one of \["a"\]/);
  assert.equal(check({ name: "enum", value: [{ value: "x.y", computed: true }] }, "anything"), null);
  const union = { name: "union", value: [{ name: "string" }, { name: "number" }] };
  assert.equal(check(union, 3), null);
  assert.match(check(union, true)!, /Expected one of type \[string, number\]/);
  assert.match(check({ name: "arrayOf", value: { name: "number" } }, [1, "2"])!, /Invalid argument `p\[1\]`/);
  assert.equal(check({ name: "objectOf", value: { name: "bool" } }, { a: true }), null);
  const exact = { name: "exact", value: { a: { name: "number", required: true } } };
  assert.equal(check(exact, { a: 1 }), null);
  assert.notEqual(check(exact, { a: 1, b: 2 }), null);
  assert.match(check(exact, {})!, /Required argument `p.a`/);
  assert.equal(check({ name: "shape", value: { a: { name: "number" } } }, { a: 1, b: 2 }), null);
  assert.equal(check({ name: "instanceOf", value: "Date" }, 5), null);
  assert.equal(check({ name: "somethingNew" }, 5), null);
});

test("required props are reported when missing", () => {
  const types = propTypesFor(lib, { href: { type: { name: "string" }, required: true } });
  assert.equal(checkProps(types, {}, "Link", "l"), 'Required argument `href` passed into Link with ID "l" is required but it was not provided.');
});

test("dcc: wrong types are worded like Dash, typical valid props pass", () => {
  const input = dccTypes("Input");
  const message = checkProps(input, { id: "i", value: [1] }, "Input", "i")!;
  assert.ok(message.startsWith('Invalid argument `value` passed into Input with ID "i".'), message);
  assert.equal(checkProps(input, { id: "i", value: "x", type: "text", debounce: true, n_submit: 0 }, "Input", "i"), null);
  assert.equal(checkProps(input, { id: "i", value: 3, type: "number", min: 0, step: "any" }, "Input", "i"), null);

  const dropdown = dccTypes("Dropdown");
  assert.match(checkProps(dropdown, { id: "d", options: 5 }, "Dropdown", "d")!, /Invalid argument `options` passed into Dropdown/);
  const wrongShape = [{ label: "A", value: "a", colour: "red" }];
  assert.notEqual(checkProps(dropdown, { id: "d", options: wrongShape }, "Dropdown", "d"), null);
  for (const options of [["a", "b"], { a: "A" }, [{ label: "A", value: "a", disabled: true }]]) {
    assert.equal(checkProps(dropdown, { id: "d", options, value: "a", multi: false }, "Dropdown", "d"), null);
  }
});

test("dash_table: DataTable page_size must be a number", () => {
  const entry = Object.values(table)[0];
  const types = propTypesFor(lib, entry.props);
  const bad = checkProps(types, { id: "t", page_size: "ten" }, "DataTable", "t")!;
  assert.ok(bad.startsWith('Invalid argument `page_size` passed into DataTable with ID "t".'), bad);
  const good = { id: "t", columns: [{ name: "A", id: "a" }], data: [{ a: 1 }], page_size: 10, editable: true };
  assert.equal(checkProps(types, good, "DataTable", "t"), null);
});

test("html: attribute kinds follow the Python generator's mapping", () => {
  assert.deepEqual(attributeType("disable_n_clicks", { type: "boolean", plain_boolean: true }), { name: "bool" });
  assert.deepEqual(attributeType("hidden", { type: "boolean" }), {
    name: "union",
    value: [{ name: "enum", value: [{ value: "'hidden'", computed: false }, { value: "'HIDDEN'", computed: false }] }, { name: "bool" }],
  });
  assert.deepEqual(attributeType("tabIndex", { type: "string|number" }), { name: "union", value: [{ name: "string" }, { name: "number" }] });
  assert.deepEqual(attributeType("x", { type: "mystery" }), { name: "any" });
  const props = elementProps(common as HtmlTable, undefined);
  assert.ok("n_clicks" in props && "style" in props);
  assert.ok(!("data-*" in props) && !("aria-*" in props));
});

test("html: Div n_clicks must be a number; boolean attributes take True/False or their name", () => {
  const div = htmlTypes("Div");
  const message = checkProps(div, { id: "d", n_clicks: "x" }, "Div", "d")!;
  assert.ok(message.startsWith('Invalid argument `n_clicks` passed into Div with ID "d".'), message);
  assert.equal(checkProps(div, { id: "d", n_clicks: 2, hidden: "hidden", style: { color: "red" }, tabIndex: 1 }, "Div", "d"), null);
  assert.notEqual(checkProps(div, { hidden: "maybe" }, "Div", "d"), null);
  const button = htmlTypes("Button");
  assert.equal(checkProps(button, { disabled: true, type: "submit", "data-x": 1 }, "Button", "b"), null);
});

test("attached propTypes are built on first read, once, and only with a library", () => {
  let builds = 0;
  const component = function Thing() { return null; } as unknown as { propTypes?: Record<string, unknown> };
  attachPropTypes(component, (l) => { builds += 1; return { a: l.string }; }, () => lib);
  assert.equal(builds, 0);
  const first = component.propTypes;
  assert.equal(component.propTypes, first);
  assert.equal(builds, 1);
  assert.deepEqual(Object.keys(first!), ["a"]);

  const without = {} as { propTypes?: unknown };
  attachPropTypes(without, () => ({}), () => undefined);
  assert.equal(without.propTypes, undefined);

  const declared = { propTypes: { own: lib.any } };
  attachPropTypes(declared, () => ({}), () => lib);
  assert.deepEqual(Object.keys(declared.propTypes), ["own"]);

  component.propTypes = { replaced: lib.any };
  assert.deepEqual(Object.keys(component.propTypes), ["replaced"]);
});

test("metadata propTypes go to the component with the entry's displayName", () => {
  const holder = globalThis as { PropTypes?: unknown };
  holder.PropTypes = lib;
  try {
    const components = { Input: function Input() { return null; }, Unlisted: function Unlisted() { return null; } };
    attachMetadataPropTypes(components, dcc);
    const input = components.Input as unknown as { propTypes: Record<string, unknown> };
    assert.ok("value" in input.propTypes && "debounce" in input.propTypes);
    assert.equal((components.Unlisted as unknown as { propTypes?: unknown }).propTypes, undefined);
  } finally {
    delete holder.PropTypes;
  }
});
