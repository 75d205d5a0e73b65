import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanUrl } from "../src/cleanUrl";

const dangerous = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "  javascript:alert(1)",
  "\u0001javascript:alert(1)",
  "java\tscript:alert(1)",
  "java&tab;script:alert(1)",
  "java&newline;script:alert(1)",
  "&#106;avascript:alert(1)",
  "&#x6A;avascript:alert(1)",
  "&#0000106&#0000097vascript:alert(1)",
  "jav\u200bascript:alert(1)",
  "vbscript:msgbox(1)",
];
const safe = ["https://plot.ly", "/relative/path", "page?x=1#top", "data:text/plain,hi", "mailto:a@b.c", "/javascript/page", ""];

for (const url of dangerous) {
  test(`clean_url blocks ${JSON.stringify(url)}`, () => assert.equal(cleanUrl(url), "about:blank"));
}
for (const url of safe) {
  test(`clean_url keeps ${JSON.stringify(url)}`, () => assert.equal(cleanUrl(url), url));
}

test("clean_url uses the given fallback", () => {
  assert.equal(cleanUrl("javascript:void(0)", "#"), "#");
});
