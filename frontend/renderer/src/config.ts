// The page's `#_dash-config` JSON and the URLs derived from it (renderer §0.2, protocol-server §3.3).
import type { DashConfig } from "./types";

/** Parse `#_dash-config`; `{}` when the element is absent or empty. */
export function readConfig(doc: Document): DashConfig {
  const element = doc.getElementById("_dash-config");
  const text = element && element.textContent;
  return text ? (JSON.parse(text) as DashConfig) : {};
}

/** Base of every request: `requests_pathname_prefix` (else `url_base_pathname`, else `/`) ending in `/`. */
export function requestPrefix(config: DashConfig): string {
  const prefix = config.requests_pathname_prefix || config.url_base_pathname || "/";
  return prefix.endsWith("/") ? prefix : prefix + "/";
}

/** Where dcc.Graph loads plotly.js from (`window._dashPlotlyJSURL`). */
export function plotlyUrl(config: DashConfig): string | undefined {
  if (config.serve_locally) {
    return requestPrefix(config) + "_dash-component-suites/plotly/package_data/plotly.min.js";
  }
  return config.plotlyjs_url;
}
