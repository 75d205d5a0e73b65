import assert from "node:assert/strict";
import { test } from "node:test";
import { confirmAnswerProps } from "../src/logic/confirm";
import { isTargeted, pendingBelow, wantsSpinner } from "../src/logic/loading";
import { dedent, markdownSource, renderMarkdown, safeUrl } from "../src/logic/markdown";
import { selectedValue, tabValue, tabWidth } from "../src/logic/tabs";
import { isAccepted, sizeAllowed, uploadProps } from "../src/logic/upload";

test("markdown escapes raw HTML unless allowed, and neutralises script links", () => {
  const escaped = renderMarkdown("<b>x</b> [go](javascript:alert(1))", { allowHtml: false });
  assert.ok(escaped.includes("&lt;b&gt;"));
  assert.ok(escaped.includes('href="about:blank"'));
  assert.ok(renderMarkdown("<b>x</b>", { allowHtml: true }).includes("<b>x</b>"));
  assert.ok(renderMarkdown("[a](/p)", { allowHtml: false, linkTarget: "_blank" }).includes('target="_blank"'));
  assert.equal(safeUrl("https://x"), "https://x");
});

test("markdown children: lists are joined and shared indentation removed", () => {
  assert.equal(markdownSource(["# a", "b"]), "# a\nb");
  assert.equal(dedent("    # Title\n      indented\n"), "# Title\n  indented\n");
  assert.ok(renderMarkdown(dedent("\n    # Title\n"), { allowHtml: false }).includes("<h1>Title</h1>"));
});

test("tab values default to tab-<n> and the first tab is selected", () => {
  assert.equal(tabValue(undefined, 0), "tab-1");
  assert.equal(tabValue("x", 3), "x");
  assert.equal(selectedValue(undefined, [{ value: "b", disabled: false }]), "b");
  assert.equal(selectedValue(undefined, []), "tab-1");
  assert.equal(tabWidth(120), "120px");
});

test("loading watches descendants only, filtered by target_components", () => {
  const entry = (path: (string | number)[], id: string, property: string) => ({ path, property, id });
  const loading = {
    '["a","props","children"]': [entry(["a", "props", "children"], "out", "children")],
    '["a","props","children",1]': [entry(["a", "props", "children", 1], "graph", "figure")],
    '["b"]': [entry(["b"], "other", "value")],
    '["a"]': [entry(["a"], "self", "x")],
  };
  assert.deepEqual(pendingBelow(loading, ["a"], undefined), ["out.children", "graph.figure"]);
  assert.deepEqual(pendingBelow(loading, ["a"], { graph: "figure" }), ["graph.figure"]);
  assert.ok(isTargeted(entry([], "g", "figure@abc"), { g: ["figure"] }));
  assert.ok(isTargeted(entry([], "g", "x"), { g: "*" }));
  assert.ok(!isTargeted(entry([], "g", "x"), { h: "*" }));
  assert.ok(wantsSpinner("show", false));
  assert.ok(!wantsSpinner("hide", true));
});

test("upload accepts by MIME, wildcard and extension, within size limits", () => {
  assert.ok(isAccepted({ name: "a.CSV", type: "text/csv" }, ".csv"));
  assert.ok(isAccepted({ name: "p.png", type: "image/png" }, "image/*"));
  assert.ok(!isAccepted({ name: "p.png", type: "image/png" }, "text/csv, .txt"));
  assert.ok(sizeAllowed(10, 0, -1));
  assert.ok(!sizeAllowed(10, 0, 5));
  const file = { contents: "data:text/plain;base64,eA==", filename: "x.txt", lastModified: 1500 };
  assert.deepEqual(uploadProps([file], false), { contents: file.contents, filename: "x.txt", last_modified: 1.5 });
  assert.deepEqual(uploadProps([file], true).filename, ["x.txt"]);
});

test("confirm answers bump the matching counter and hide the dialog", () => {
  assert.deepEqual(confirmAnswerProps(true, { submit_n_clicks: 2 }, 5), {
    submit_n_clicks: 3,
    submit_n_clicks_timestamp: 5,
    displayed: false,
  });
  assert.equal(confirmAnswerProps(false, {}, 5).cancel_n_clicks, 1);
});
