// plotly.js is not bundled: the first dcc.Graph of a page injects `<script src=window._dashPlotlyJSURL>`
// (the plotly.js the installed plotly package ships, or a CDN URL without serve_locally) unless
// `window.Plotly` already exists. Every graph waits on the same promise (renderer §0.3).

/** The plotly.js functions dcc.Graph calls. */
export interface PlotlyApi {
  react(gd: HTMLElement, figure: Record<string, unknown>): Promise<unknown>;
  animate(gd: HTMLElement, frame: unknown, options?: unknown): Promise<unknown>;
  addFrames(gd: HTMLElement, frames: unknown[]): Promise<unknown>;
  deleteFrames(gd: HTMLElement, indices?: number[]): Promise<unknown>;
  extendTraces(gd: HTMLElement, update: unknown, indices: number[], maxPoints?: unknown): Promise<unknown>;
  prependTraces(gd: HTMLElement, update: unknown, indices: number[], maxPoints?: unknown): Promise<unknown>;
  purge(gd: HTMLElement): void;
  Plots: { resize(gd: HTMLElement): Promise<unknown> };
}

type Handler = (data: unknown) => void;

/** The graph div once plotly.js has drawn into it. */
export interface PlotlyElement extends HTMLDivElement {
  on?(event: string, handler: Handler): void;
  removeListener?(event: string, handler: Handler): void;
  data?: unknown[];
  layout?: Record<string, unknown>;
}

interface PlotlyGlobals {
  Plotly?: PlotlyApi;
  _dashPlotlyJSURL?: string;
}

/** How long to wait for plotly.js before reporting an error. */
export const PLOTLY_TIMEOUT_MS = 30000;

let loading: Promise<PlotlyApi> | null = null;

function pageGlobals(): Window & PlotlyGlobals {
  return window as Window & PlotlyGlobals;
}

function existingScript(url: string): HTMLScriptElement | null {
  for (const script of Array.from(document.scripts)) if (script.getAttribute("src") === url) return script;
  return null;
}

function injectPlotly(url: string): Promise<PlotlyApi> {
  return new Promise((resolve, reject) => {
    const script = existingScript(url) ?? document.createElement("script");
    const timer = setTimeout(() => fail(`plotly.js did not load within ${PLOTLY_TIMEOUT_MS / 1000} s from ${url}`), PLOTLY_TIMEOUT_MS);
    function fail(message: string): void {
      clearTimeout(timer);
      reject(new Error(`dcc.Graph: ${message}.`));
    }
    script.addEventListener("load", () => {
      clearTimeout(timer);
      const plotly = pageGlobals().Plotly;
      if (plotly) resolve(plotly);
      else fail(`the script ${url} loaded but did not define window.Plotly`);
    });
    script.addEventListener("error", () => fail(`could not load plotly.js from ${url}`));
    if (!script.isConnected) {
      script.src = url;
      script.async = true;
      document.head.appendChild(script);
    }
  });
}

/** plotly.js, loading it on first call; a failed load is retried by the next graph that asks. */
export function loadPlotly(): Promise<PlotlyApi> {
  const globals = pageGlobals();
  if (globals.Plotly) return Promise.resolve(globals.Plotly);
  if (!loading) {
    const url = globals._dashPlotlyJSURL;
    loading = url
      ? injectPlotly(url)
      : Promise.reject(new Error("dcc.Graph: window.Plotly is missing and no plotly.js URL is configured."));
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
