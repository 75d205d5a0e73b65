// MathJax 3 for dcc.Markdown and dcc.Graph (renderer §5.3): not in any bundle a page always loads.
// The first Markdown or Graph with `mathjax=True` fetches the chunk `async-mathjax.js` (MathJax's
// self-contained TeX-to-SVG build, configured by ../lazy/mathjax-setup.ts before it runs); a page
// that already has MathJax 3 or 4 uses that one. Markdown math is typeset only inside the elements
// its renderer marked (`span.dash-math`, holding `\(...\)` or `\[...\]`), never the whole page.
import { mathjaxChunk } from "../lazy/chunks";

/** The parts of the MathJax API used here (and, through `window.MathJax`, by plotly.js). */
export interface MathJaxApi {
  version: string;
  startup: { promise: Promise<unknown> };
  typesetPromise(elements?: Element[]): Promise<unknown>;
}

type ConfigSection = Record<string, unknown>;
export type MathJaxConfig = Record<string, ConfigSection | unknown>;

/** Class of the elements the Markdown renderer emits for math; `data-typeset` marks the done ones. */
export const MATH_CLASS = "dash-math";

/** Our settings: only `\(..\)` / `\[..\]` delimiters (which the Markdown renderer writes), SVG, no page typeset. */
export const DEFAULT_MATHJAX_CONFIG: Readonly<Record<string, ConfigSection>> = {
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: false,
  },
  svg: { fontCache: "global" },
  startup: { typeset: false },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether `value` is a running MathJax 3+ (not merely a configuration object waiting for it). */
export function isMathJax(value: unknown): value is MathJaxApi {
  if (!isObject(value) || typeof value.version !== "string") return false;
  return Number.parseInt(value.version, 10) >= 3 && isObject(value.startup) && typeof value.typesetPromise === "function";
}

/**
 * The configuration to put in `window.MathJax` before MathJax runs: ours, with whatever a
 * configuration object already there sets winning section by section (`startup.typeset` stays off,
 * so MathJax never typesets the whole page).
 */
export function mathJaxConfig(existing: unknown): MathJaxConfig {
  const user = isObject(existing) ? existing : {};
  const config: MathJaxConfig = { ...user };
  for (const [section, defaults] of Object.entries(DEFAULT_MATHJAX_CONFIG)) {
    const mine = user[section];
    config[section] = { ...defaults, ...(isObject(mine) ? mine : {}) };
  }
  (config.startup as ConfigSection).typeset = false;
  return config;
}

function pageMathJax(): unknown {
  return (globalThis as { MathJax?: unknown }).MathJax;
}

async function fetchMathJax(): Promise<MathJaxApi> {
  if (!isMathJax(pageMathJax())) await mathjaxChunk.load();
  const api = pageMathJax();
  if (!isMathJax(api)) throw new Error(`${mathjaxChunk.url} ran but window.MathJax is not MathJax 3; rebuild the front end.`);
  await api.startup.promise;
  return api;
}

let loading: Promise<MathJaxApi> | null = null;

/** MathJax once it has started (one fetch per page); a failed load is retried by the next caller. */
export function loadMathJax(): Promise<MathJaxApi> {
  if (!loading) {
    loading = fetchMathJax();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

// MathJax asks that typeset calls do not overlap: each waits for the one before.
let typesetQueue: Promise<unknown> = Promise.resolve();

/** Typesets the math elements under `root` not done yet (loads MathJax the first time). */
export function typesetMath(root: HTMLElement, describe: string): void {
  const pending = (): HTMLElement[] =>
    Array.from(root.querySelectorAll<HTMLElement>(`.${MATH_CLASS}:not([data-typeset])`)).filter((el) => el.isConnected);
  if (!pending().length) return;
  typesetQueue = typesetQueue
    .then(() => loadMathJax())
    .then((mathjax) => {
      const elements = pending();
      for (const element of elements) element.dataset.typeset = "true";
      return elements.length ? mathjax.typesetPromise(elements) : undefined;
    })
    .catch((error: unknown) => console.error(`${describe}: MathJax could not typeset the math:`, error));
}
