import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { common, elements } from "../elements.json";
import { dangerousLinkMessage, ElementInstance, elementDomProps } from "../src/element";
import { buildHtmlComponents } from "../src/index";
import { page } from "../src/page";
import { buildPropTable } from "../src/props";
import type { AttributeTable, ElementsFile } from "../src/spec";

const components = buildHtmlComponents({ common, elements } as ElementsFile);
const divTable = buildPropTable(common as AttributeTable);
const aTable = buildPropTable(common as AttributeTable, elements.A.attributes as AttributeTable);

function render(name: string, props: Record<string, unknown>): string {
  return renderToStaticMarkup(createElement(components[name], props));
}

afterEach(() => {
  delete page.dash_component_api;
  delete page.dash_clientside;
});

test("loading the bundle entry defines window.dash_html_components with 125 components", async () => {
  await import("../src/index");
  const registry = page.dash_html_components;
  assert.ok(registry);
  assert.equal(Object.keys(registry).length, 125);
  for (const name of ["A", "Div", "Span", "H1", "MapEl", "ObjectEl", "Xmp", "Wbr"]) {
    assert.equal(typeof registry[name], "function", name);
  }
  assert.equal(registry.Input, undefined);
});

test("renders exactly the element with its attributes and nothing added", () => {
  const html = render("Div", {
    id: "box",
    className: "a b",
    style: { marginTop: 3, backgroundColor: "red" },
    "data-row": "1",
    "aria-hidden": "true",
    n_clicks: 4,
    n_clicks_timestamp: 12,
    setProps: () => undefined,
    children: ["text ", 3, null],
  });
  assert.equal(
    html,
    '<div id="box" class="a b" style="margin-top:3px;background-color:red" data-row="1" aria-hidden="true">text 3</div>',
  );
});

test("MapEl and ObjectEl render <map> and <object>", () => {
  assert.equal(render("MapEl", { name: "m" }), '<map name="m"></map>');
  assert.equal(render("ObjectEl", { data: "/x.pdf" }), '<object data="/x.pdf"></object>');
});

test("boolean attributes render bare", () => {
  assert.equal(render("Button", { disabled: "Disabled", children: "Go" }), '<button disabled="">Go</button>');
  assert.equal(render("Button", { disabled: false, children: "Go" }), "<button>Go</button>");
});

test("a javascript: link renders about:blank and is reported", (t) => {
  const errors = t.mock.method(console, "error", () => undefined);
  assert.equal(render("A", { id: "l", href: "javascript:alert(1)" }), '<a id="l" href="about:blank"></a>');
  assert.equal(errors.mock.callCount(), 1);
  assert.match(String(errors.mock.calls[0].arguments[0]), /Dangerous link detected: html\.A with id "l" received href=/);
});

test("the renderer's dash_clientside.clean_url is used when the page has it", () => {
  const seen: string[] = [];
  page.dash_clientside = { clean_url: (url: string, fallback?: string) => (seen.push(url), fallback ?? "") };
  assert.equal(render("A", { href: "https://ok" }), '<a href="about:blank"></a>');
  assert.deepEqual(seen, ["https://ok"]);
});

test("a dangerous link is cleaned once per value, not at every render", (t) => {
  const errors = t.mock.method(console, "error", () => undefined);
  const instance = new ElementInstance("A");
  instance.props = { href: "javascript:x", children: "a" };
  assert.equal(elementDomProps(instance, aTable, false).href, "about:blank");
  instance.props = { href: "javascript:x", children: "b" };
  assert.equal(elementDomProps(instance, aTable, false).href, "about:blank");
  assert.equal(errors.mock.callCount(), 1);
  instance.props = { href: "/safe" };
  assert.equal(elementDomProps(instance, aTable, false).href, "/safe");
});

test("data-dash-is-loading is set while the renderer reports loading", () => {
  page.dash_component_api = { useDashContext: () => ({ useLoading: () => true }) };
  assert.equal(render("Div", { id: "x" }), '<div id="x" data-dash-is-loading="true"></div>');
  page.dash_component_api = { useDashContext: () => ({ useLoading: () => false }) };
  assert.equal(render("Div", { id: "x" }), '<div id="x"></div>');
});

test("a click increments n_clicks and stamps n_clicks_timestamp", () => {
  const calls: Array<Record<string, unknown>> = [];
  const instance = new ElementInstance("Div");
  instance.props = { id: "btn", n_clicks: 2, setProps: (c: Record<string, unknown>) => calls.push(c) };
  const dom = elementDomProps(instance, divTable, false);
  const before = Date.now();
  (dom.onClick as () => void)();
  assert.equal(calls.length, 1);
  assert.equal(calls[0].n_clicks, 3);
  assert.ok((calls[0].n_clicks_timestamp as number) >= before);
});

test("the first click counts from zero", () => {
  const calls: Array<Record<string, unknown>> = [];
  const instance = new ElementInstance("Div");
  instance.props = { id: "btn", setProps: (c: Record<string, unknown>) => calls.push(c) };
  (elementDomProps(instance, divTable, false).onClick as () => void)();
  assert.equal(calls[0].n_clicks, 1);
});

test("the click handler reads the latest props", () => {
  const calls: Array<Record<string, unknown>> = [];
  const setProps = (c: Record<string, unknown>): number => calls.push(c);
  const instance = new ElementInstance("Div");
  instance.props = { id: "btn", n_clicks: 1, setProps };
  const onClick = elementDomProps(instance, divTable, false).onClick as () => void;
  instance.props = { id: "btn", n_clicks: 7, setProps };
  onClick();
  assert.equal(calls[0].n_clicks, 8);
});

test("no click handler without an id or with disable_n_clicks", () => {
  const instance = new ElementInstance("Div");
  instance.props = { setProps: () => undefined };
  assert.equal(elementDomProps(instance, divTable, false).onClick, undefined);
  instance.props = { id: "x", disable_n_clicks: true, setProps: () => undefined };
  assert.equal(elementDomProps(instance, divTable, false).onClick, undefined);
});

test("an injected onClick replaces the click counter", () => {
  const injected = (): void => undefined;
  const instance = new ElementInstance("Div");
  instance.props = { id: "x", onClick: injected, setProps: () => undefined };
  assert.equal(elementDomProps(instance, divTable, false).onClick, injected);
});

test("the dangerous-link message names the component, prop and fix", () => {
  const message = dangerousLinkMessage("Iframe", { type: "f", index: 1 }, "src", "javascript:x");
  assert.match(message, /html\.Iframe with id \{"type":"f","index":1\} received src="javascript:x"/);
  assert.match(message, /about:blank/);
});
