import { test } from "node:test";
import assert from "node:assert/strict";
import { BLANK_URL, cleanUrl, isDangerousUrl, revealUrl } from "../src/url";

const dangerous: Array<[string, string]> = [
  ["plain javascript:", "javascript:alert(1)"],
  ["mixed case", "JaVaScRiPt:alert(document.cookie)"],
  ["vbscript", "vbscript:msgbox(1)"],
  ["upper-case vbscript", "VBSCRIPT:msgbox(1)"],
  ["decimal entity", "&#106;avascript:alert(1)"],
  ["decimal entity without semicolon", "&#106avascript:alert(1)"],
  ["hex entity", "&#x6A;avascript:alert(1)"],
  ["fully encoded scheme", "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)"],
  ["entity-encoded colon", "javascript&#58;alert(1)"],
  ["&colon; entity", "javascript&colon;alert(1)"],
  ["&tab; inside the scheme", "java&tab;script:alert(1)"],
  ["&newline; inside the scheme (any case)", "java&NewLine;script:alert(1)"],
  ["literal tab inside the scheme", "java\tscript:alert(1)"],
  ["literal newline inside the scheme", "java\nscript:alert(1)"],
  ["entity decoding to a tab", "java&#9;script:alert(1)"],
  ["leading spaces", "   javascript:alert(1)"],
  ["leading control characters", "\u0001\u0002\u001fjavascript:alert(1)"],
  ["leading non-word characters", "\"'  javascript:alert(1)"],
  ["zero-width characters", "\u200bjava\u200cscript\u200d:alert(1)"],
  ["byte order mark", "\ufeffjavascript:alert(1)"],
  ["double-encoded entity", "&#38;#106;avascript:alert(1)"],
];

for (const [label, url] of dangerous) {
  test(`dangerous URL is replaced: ${label}`, () => {
    assert.equal(isDangerousUrl(url), true);
    assert.equal(cleanUrl(url), BLANK_URL);
  });
}

const safe: Array<[string, string]> = [
  ["https URL", "https://plotly.com/dash"],
  ["http URL with a colon in the query", "http://example.com/?t=12:30"],
  ["relative path", "/page-2"],
  ["relative path mentioning javascript", "/javascript-basics"],
  ["relative path starting with the word", "javascript-basics.html"],
  ["fragment", "#section"],
  ["mailto", "mailto:someone@example.com"],
  ["data URL", "data:text/plain;base64,SGVsbG8="],
  ["data URL with html", "data:text/html,<b>hi</b>"],
  ["empty string", ""],
  ["scheme that only starts with the word", "javascripts:foo"],
  ["about:blank itself", "about:blank"],
];

for (const [label, url] of safe) {
  test(`safe URL is kept as written: ${label}`, () => {
    assert.equal(isDangerousUrl(url), false);
    assert.equal(cleanUrl(url), url);
  });
}

test("a custom fallback replaces a dangerous URL", () => {
  assert.equal(cleanUrl("javascript:void(0)", "#"), "#");
});

test("revealUrl decodes entities and removes invisible characters", () => {
  assert.equal(revealUrl("&#104;ttp&#x3A;//a\u0000b"), "http://ab");
  assert.equal(revealUrl("&#1114112;x"), "x");
});
