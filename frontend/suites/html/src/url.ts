// URL sanitising for the props that navigate or load a document (A.href, Form.action, Iframe.src, ...).
// A value that would run script when followed (`javascript:` / `vbscript:`) is replaced; everything
// else, `data:` included, is kept as written. The renderer exposes its own `dash_clientside.clean_url`;
// this module is the suite's equivalent for pages where that function is missing.

export const BLANK_URL = "about:blank";

// `&#106;`, `&#x6A;` (the `;` is optional in HTML).
const NUMERIC_ENTITY = /&#(?:x([0-9a-f]+)|(\d+));?/gi;
// Named entities a browser turns into invisible characters or a colon inside a URL.
const INVISIBLE_ENTITY = /&(?:tab|newline);/gi;
const COLON_ENTITY = /&colon;/gi;
// C0/C1 control characters, zero-width and other invisible spacing characters, BOM.
const INVISIBLE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2000-\u200f\u2028\u2029\u2060\ufeff]/g;
// First word of the scheme, after any leading non-word characters.
const SCRIPT_SCHEME = /^\W*(?:javascript|vbscript)(?!\w)/i;
// Entities can hide entities (`&#38;#106;`): decode a few rounds, until nothing changes.
const MAX_DECODE_ROUNDS = 5;

function decodeCodePoint(_match: string, hex: string | undefined, decimal: string | undefined): string {
  const code = hex !== undefined ? parseInt(hex, 16) : parseInt(decimal as string, 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

/** The URL as a browser would read its scheme: entities decoded, invisible characters removed. */
export function revealUrl(url: string): string {
  let text = url;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    const next = text
      .replace(NUMERIC_ENTITY, decodeCodePoint)
      .replace(INVISIBLE_ENTITY, "")
      .replace(COLON_ENTITY, ":")
      .replace(INVISIBLE_CHARACTER, "");
    if (next === text) break;
    text = next;
  }
  return text;
}

/** True when following `url` would execute script (`javascript:` or `vbscript:`, however disguised). */
export function isDangerousUrl(url: string): boolean {
  // Fast path: with neither a colon nor an entity there is no scheme at all (relative URL).
  if (url.indexOf(":") < 0 && url.indexOf("&") < 0) return false;
  const revealed = revealUrl(url);
  const colon = revealed.indexOf(":");
  return colon >= 0 && SCRIPT_SCHEME.test(revealed.slice(0, colon));
}

/** `url` itself when it is safe, otherwise `fallback` (`about:blank` by default). */
export function cleanUrl(url: string, fallback: string = BLANK_URL): string {
  return isDangerousUrl(url) ? fallback : url;
}
