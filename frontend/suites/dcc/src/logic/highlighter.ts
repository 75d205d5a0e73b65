// highlight.js (core and the common languages) set up for dcc.Markdown. Bundled into its own chunk
// (`async-highlight.js`), fetched only when a rendered Markdown contains code blocks.
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import css from "highlight.js/lib/languages/css";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import markdown from "highlight.js/lib/languages/markdown";
import plaintext from "highlight.js/lib/languages/plaintext";
import python from "highlight.js/lib/languages/python";
import r from "highlight.js/lib/languages/r";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";
import type { HLJSApi, LanguageFn } from "highlight.js";

const LANGUAGES: Record<string, LanguageFn> = {
  python,
  javascript,
  typescript,
  json,
  bash,
  css,
  xml,
  sql,
  yaml,
  r,
  markdown,
  plaintext,
};

/** highlight.js with the languages above registered. */
export function createHighlighter(): HLJSApi {
  for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);
  hljs.configure({ ignoreUnescapedHTML: true });
  return hljs;
}
