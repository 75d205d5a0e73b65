// `dash_clientside.clean_url(url, fallback)`: neutralise `javascript:` / `vbscript:` URLs (renderer §6.3).

const NUMERIC_ENTITY = /&#(x[0-9a-f]+|\d+);?/gi;
// Tab/newline entities, C0/C1 control characters and zero-width characters are ignored by browsers
// when they parse a URL scheme, so they must not hide one from us either.
const INVISIBLE = /&(tab|newline);|[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/gi;
// The first word after leading punctuation/space (but not a relative path such as `/javascript/`).
const DANGEROUS = /^[^\w/.?#]*(javascript|vbscript)\b/i;

function decodeEntities(text: string): string {
  return text.replace(NUMERIC_ENTITY, (_, code: string) => {
    const value = code[0] === "x" || code[0] === "X" ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : "";
  });
}

/** Whether a URL would run script when followed. */
export function isDangerousUrl(url: string): boolean {
  let text = url;
  // Entities may hide control characters and vice versa: repeat until stable.
  for (let i = 0; i < 4; i++) {
    const next = decodeEntities(text).replace(INVISIBLE, "");
    if (next === text) break;
    text = next;
  }
  return DANGEROUS.test(text.trim());
}

/** The URL itself, or `fallback` (default `about:blank`) when it is a script URL. */
export function cleanUrl(url: unknown, fallback = "about:blank"): unknown {
  if (typeof url !== "string" || url === "") return url;
  return isDangerousUrl(url) ? fallback : url;
}
