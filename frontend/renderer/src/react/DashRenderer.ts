// `new DashRenderer(hooks?)`: reads the config, creates the engine and its store, mounts the app into
// `#react-entry-point` and loads layout and dependencies (renderer §1).
import React from "react";
import { createRoot } from "react-dom/client";
import { plotlyUrl, readConfig } from "../config";
import { Engine, type ComponentStatics } from "../engine";
import { installClientside } from "../globals";
import { watchTitle } from "../loading";
import { register, setPropsAnywhere } from "../registry";
import { Transport, type Fetcher } from "../transport";
import type { RendererHooks } from "../types";
import { dashWindow } from "../window";
import { App } from "./App";

export class DashRenderer {
  readonly engine: Engine;

  constructor(hooks: RendererHooks = {}) {
    const config = readConfig(document);
    const w = dashWindow();
    installClientside(setPropsAnywhere);
    const fetcher: Fetcher = (url, init) => fetch(url, init);
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
      reportError: config.ui ? (title, message) => console.error(`${title}\n${message}`) : () => undefined,
    });
    register(this.engine);
    w._dashPlotlyJSURL = plotlyUrl(config);
    w.__dashprivate_childrenProps = config.children_props || {};
    watchTitle(this.engine.store, config.update_title, document);

    const entry = document.getElementById("react-entry-point");
    if (!entry) throw new Error('The page has no element with id "react-entry-point" to render the app into.');
    createRoot(entry).render(React.createElement(App, { engine: this.engine, ui: Boolean(config.ui) }));
    this.engine.load().catch((error: unknown) => {
      console.error(error);
      this.engine.fail("Error loading layout");
    });
  }
}
