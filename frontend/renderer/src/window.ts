// The browser globals the renderer reads and defines (renderer §0.3), typed in one place.
import type { ClientsideNamespace } from "./clientside";
import type { DashStore } from "./store/store";
import type { ChildrenPropsConfig } from "./types";

export interface DashWindow {
  dash_clientside?: ClientsideNamespace;
  dash_component_api?: Record<string, unknown>;
  dash_stores?: DashStore[];
  store?: DashStore;
  DashRenderer?: unknown;
  _dashPlotlyJSURL?: string;
  __dashprivate_childrenProps?: ChildrenPropsConfig;
  [namespace: string]: unknown;
}

/** `window`, seen with the globals Dash pages use. */
export function dashWindow(): DashWindow {
  return window as unknown as DashWindow;
}
