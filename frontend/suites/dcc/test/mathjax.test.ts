import assert from "node:assert/strict";
import { test } from "node:test";
import { blockMathAt, inlineMathAt, mathHtml, renderMarkdown } from "../src/logic/markdown";
import { isMathJax, mathJaxConfig } from "../src/logic/mathjax";

const withMath = { allowHtml: false, mathjax: true };
const withoutMath = { allowHtml: false, mathjax: false };

test("inline $...$ becomes an inline math element holding the TeX between \\( and \\)", () => {
  assert.equal(
    renderMarkdown("Energy: $E=mc^2$.", withMath),
    '<p>Energy: <span class="dash-math dash-math-inline">\\(E=mc^2\\)</span>.</p>\n',
  );
});

test("underscores and stars inside math are not emphasis, outside they still are", () => {
  const html = renderMarkdown("$a_1 + b_2 * c_3*d$ and *x* and _y_", withMath);
  assert.match(html, /\\\(a_1 \+ b_2 \* c_3\*d\\\)/);
  assert.equal((html.match(/<em>/g) ?? []).length, 2);
  assert.match(html, /<em>x<\/em>/);
  assert.match(html, /<em>y<\/em>/);
});

test("a $$ block over several lines is one display math element, even with list-like lines", () => {
  const html = renderMarkdown("Before\n\n$$\n\\sum_{i=1}^n x_i\n- y\n$$\n\nAfter", withMath);
  assert.match(html, /<span class="dash-math dash-math-display">\\\[\\sum_\{i=1\}\^n x_i\n- y\\\]<\/span>/);
  assert.doesNotMatch(html, /<li>/);
  assert.match(html, /<p>After<\/p>/);
});

test("$$...$$ inside a paragraph is display math", () => {
  const html = renderMarkdown("so $$x^2$$ holds", withMath);
  assert.match(html, /so <span class="dash-math dash-math-display">\\\[x\^2\\\]<\/span> holds/);
});

test("dollars in code spans, fenced code and escaped dollars stay text", () => {
  const html = renderMarkdown("`$x$` costs \\$5 and \\$6\n\n```\n$y$\n```", withMath);
  assert.doesNotMatch(html, /dash-math/);
  assert.match(html, /<code>\$x\$<\/code>/);
  assert.match(html, /costs \$5 and \$6/);
  assert.match(html, /<pre><code>\$y\$\n<\/code><\/pre>/);
});

test("an unclosed or empty pair of dollars, or prices, are text", () => {
  assert.doesNotMatch(renderMarkdown("one $ and $ two", withMath), /dash-math/);
  assert.doesNotMatch(renderMarkdown("from $5 to $10 or $20", withMath), /dash-math/);
  assert.doesNotMatch(renderMarkdown("only $x", withMath), /dash-math/);
  assert.doesNotMatch(renderMarkdown("$$ $$", withMath), /dash-math/);
});

test("HTML special characters in TeX are escaped in the page (MathJax reads the text)", () => {
  assert.equal(mathHtml("a<b & c>d", false), '<span class="dash-math dash-math-inline">\\(a&lt;b &amp; c&gt;d\\)</span>');
  assert.match(renderMarkdown("$a<b$", withMath), /\\\(a&lt;b\\\)/);
});

test("an escaped dollar inside math belongs to the math", () => {
  assert.deepEqual(inlineMathAt("$a \\$ b$ rest"), { raw: "$a \\$ b$", tex: "a \\$ b", display: false });
  assert.equal(inlineMathAt("x $a$"), undefined);
  assert.deepEqual(blockMathAt("  $$\nx\n$$\n\nnext"), { raw: "  $$\nx\n$$\n\n", tex: "x", display: true });
});

test("without mathjax the dollars stay text and markdown applies inside them", () => {
  const html = renderMarkdown("$E=mc^2$ and $a_b_c$", withoutMath);
  assert.doesNotMatch(html, /dash-math/);
  assert.match(html, /\$E=mc\^2\$/);
  // The option does not leak between cached parsers.
  assert.match(renderMarkdown("$x$", withMath), /dash-math/);
  assert.doesNotMatch(renderMarkdown("$x$", withoutMath), /dash-math/);
});

test("the MathJax configuration keeps page typesetting off and lets a user's settings win", () => {
  const config = mathJaxConfig(undefined);
  assert.deepEqual(config.startup, { typeset: false });
  assert.deepEqual(config.svg, { fontCache: "global" });
  assert.deepEqual((config.tex as Record<string, unknown>).inlineMath, [["\\(", "\\)"]]);

  const user = { tex: { macros: { RR: "\\mathbb{R}" } }, startup: { typeset: true }, loader: { load: ["x"] } };
  const merged = mathJaxConfig(user);
  assert.deepEqual((merged.tex as Record<string, unknown>).macros, { RR: "\\mathbb{R}" });
  assert.deepEqual((merged.tex as Record<string, unknown>).displayMath, [["\\[", "\\]"]]);
  assert.deepEqual(merged.startup, { typeset: false });
  assert.deepEqual(merged.loader, { load: ["x"] });
  assert.deepEqual(user.startup, { typeset: true });
});

test("only a started MathJax 3 or later counts as loaded", () => {
  const api = { version: "3.2.2", startup: { promise: Promise.resolve() }, typesetPromise: async () => undefined };
  assert.equal(isMathJax(api), true);
  assert.equal(isMathJax({ ...api, version: "4.0.0" }), true);
  assert.equal(isMathJax({ ...api, version: "2.7.9" }), false);
  assert.equal(isMathJax({ tex: {}, startup: { typeset: false } }), false);
  assert.equal(isMathJax(undefined), false);
});
