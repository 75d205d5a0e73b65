// `new DashRenderer(hooks?)`: reads the config, creates the engine and its store, mounts the app into
// `#react-entry-point` and loads layout and dependencies (renderer §1).
import React from "react";
import { createRoot } from "react-dom/client";
import { plotlyUrl, readConfig } from "../config";
import { DevTools, startHotReload } from "../devtools/devTools";
import { Engine, type ComponentStatics } from "../engine";
import { installClientside } from "../globals";
import { watchTitle } from "../loading";
import { register, setPropsAnywhere } from "../registry";
import { nextTaskDefer } from "../scheduler/nextTask";
import { Transport, type Fetcher } from "../transport";
import type { RendererHooks } from "../types";
import { dashWindow } from "../window";
import { App } from "./App";

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export class DashRenderer {
  readonly engine: Engine;
  /** The dev tools (config `ui`), else null. */
  readonly devTools: DevTools | null;

  constructor(hooks: RendererHooks = {}) {
    const config = readConfig(document);
    const w = dashWindow();
    const clientside = installClientside(setPropsAnywhere);
    const devTools = (this.devTools = config.ui
      ? new DevTools(config, { doc: document, storage: safeLocalStorage() })
      : null);
    const plainFetcher: Fetcher = (url, init) => fetch(url, init);
    const fetcher = devTools ? devTools.measuringFetcher(plainFetcher) : plainFetcher;
    if (devTools) {
      clientside.clean_url = devTools.reportingCleanUrl(clientside.clean_url as (url: unknown, fallback?: string) => unknown);
    }
    this.engine = new Engine({
      config,
      hooks,
      transport: new Transport(config, fetcher, () => document.cookie, hooks.request_refresh_jwt),
      clientside: () => installClientside(setPropsAnywhere),
      componentClass: (node) => {
        const library = w[node.namespace] as Record<string, ComponentStatics> | undefined;
        return library ? library[node.type] : undefined;
      },
      storage: { local: () => window.localStorage, session: () => window.sessionStorage },
      // Without the dev-tools UI, callback errors stay out of the console (as in Dash).
      reportError: devTools ? devTools.report : () => undefined,
      observeCall: devTools ? devTools.recordCall : undefined,
      // Chained callbacks must not pay the browser's 4 ms clamp of nested timers per link.
      defer: nextTaskDefer(),
    });
    register(this.engine);
    w._dashPlotlyJSURL = plotlyUrl(config);
    w.__dashprivate_childrenProps = config.children_props || {};
    watchTitle(this.engine.store, config.update_title, document);

    const entry = document.getElementById("react-entry-point");
    if (!entry) throw new Error('The page has no element with id "react-entry-point" to render the app into.');
    const devToolsState = devTools ? devTools.state : null;
    createRoot(entry).render(React.createElement(App, { engine: this.engine, ui: Boolean(config.ui), devTools: devToolsState }));
    const load = () =>
      this.engine.load().catch((error: unknown) => {
        console.error(error);
        this.engine.fail("Error loading layout");
      });
    void load();
    const page = {
      doc: document,
      alert: (message: string) => window.alert(message),
      reload: () => window.location.reload(),
      fetchText: async (url: string) => {
        const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
        return { status: response.status, text: await response.text() };
      },
    };
    startHotReload(config, page, load, (status) => devTools && devTools.state.setServerStatus(status));
  }
}
