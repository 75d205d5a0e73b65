import { test } from "node:test";
import assert from "node:assert/strict";
import { common, elements } from "../elements.json";
import { buildPropTable, DASH_ONLY_PROPS, toDomProps } from "../src/props";
import type { UrlCleaner } from "../src/props";
import type { AttributeTable } from "../src/spec";
import { cleanUrl } from "../src/url";

const commonTable = common as AttributeTable;
const plainCleaner: UrlCleaner = { clean: (_prop, url) => cleanUrl(url) };

function domPropsOf(element: string, props: Record<string, unknown>): Record<string, unknown> {
  const attributes = (elements as Record<string, { attributes?: AttributeTable }>)[element].attributes;
  return toDomProps(props, buildPropTable(commonTable, attributes), plainCleaner);
}

test("Dash-only props never reach the DOM", () => {
  const props: Record<string, unknown> = { id: "x" };
  for (const name of DASH_ONLY_PROPS) props[name] = 1;
  props._dashprivate_layout = {};
  props._dashprivate_error = "e";
  assert.deepEqual(domPropsOf("Div", props), { id: "x" });
});

test("className, style, data-*, aria-* and children pass through unchanged", () => {
  const style = { marginTop: 3, color: "red" };
  const children = ["a", 1];
  const dom = domPropsOf("Div", {
    className: "a b",
    style,
    "data-row": "3",
    "aria-label": "hello",
    children,
    title: "t",
  });
  assert.deepEqual(dom, { className: "a b", style, "data-row": "3", "aria-label": "hello", children, title: "t" });
  assert.equal(dom.style, style);
  assert.equal(dom.children, children);
});

test("unknown attributes and numbers are passed through", () => {
  assert.deepEqual(domPropsOf("Td", { colSpan: 2, rowSpan: "3", custom: "v" }), { colSpan: 2, rowSpan: "3", custom: "v" });
});

test("boolean attributes are normalised", () => {
  assert.deepEqual(domPropsOf("Button", { disabled: "DISABLED", autoFocus: false }), { disabled: true, autoFocus: false });
  assert.deepEqual(domPropsOf("Details", { open: "open" }), { open: true });
  assert.deepEqual(domPropsOf("Div", { hidden: "HIDDEN" }), { hidden: true });
  assert.deepEqual(domPropsOf("Select", { multiple: null }), {});
});

test("a prop that is boolean on one element is not touched on another", () => {
  // `open` is boolean on Details, an unknown (passed-through) prop on Div.
  assert.deepEqual(domPropsOf("Div", { open: "open" }), { open: "open" });
});

test("exactly the listed URL props are sanitised", () => {
  const bad = "javascript:alert(1)";
  assert.equal(domPropsOf("A", { href: bad }).href, "about:blank");
  assert.equal(domPropsOf("Form", { action: bad }).action, "about:blank");
  assert.equal(domPropsOf("Iframe", { src: bad }).src, "about:blank");
  assert.equal(domPropsOf("ObjectEl", { data: bad }).data, "about:blank");
  assert.equal(domPropsOf("Embed", { src: bad }).src, "about:blank");
  assert.equal(domPropsOf("Button", { formAction: bad }).formAction, "about:blank");
  // Not a sanitised prop: kept (React itself warns about it in development).
  assert.equal(domPropsOf("Img", { src: bad }).src, bad);
});

test("safe URLs and non-string URL values are kept", () => {
  assert.equal(domPropsOf("A", { href: "/page-2" }).href, "/page-2");
  assert.equal(domPropsOf("Iframe", { src: "data:text/html,hi" }).src, "data:text/html,hi");
  assert.deepEqual(domPropsOf("A", { href: null }), { href: null });
});

test("the input props are not modified", () => {
  const props = { href: "javascript:x", n_clicks: 3 };
  domPropsOf("A", props);
  assert.deepEqual(props, { href: "javascript:x", n_clicks: 3 });
});

test("a prop named like an Object.prototype member is passed through", () => {
  assert.deepEqual(domPropsOf("Div", { constructor: "c", toString: "t" }), { constructor: "c", toString: "t" });
});
