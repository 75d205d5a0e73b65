// The page globals this suite reads or defines. The renderer bundle loads after this suite, so its
// globals (`dash_component_api`, `dash_clientside`) are only read while rendering, never at load time.

import type { ComponentType } from "react";

/** What `dash_component_api.useDashContext()` returns (only the member this suite uses). */
export interface DashContextValue {
  useLoading?: () => boolean;
}

/** `window.dash_component_api`, defined by the renderer. */
export interface DashComponentApi {
  useDashContext?: () => DashContextValue | undefined;
}

/** `window.dash_clientside`, defined by the renderer (and extended by the page). */
export interface DashClientside {
  clean_url?: (url: string, fallback?: string) => string;
}

export interface HtmlSuiteGlobals {
  dash_component_api?: DashComponentApi;
  dash_clientside?: DashClientside;
  dash_html_components?: Record<string, ComponentType<Record<string, unknown>>>;
}

/** The global object (`window` in a page, `globalThis` under node for tests). */
export const page = globalThis as typeof globalThis & HtmlSuiteGlobals;

/** Whether the renderer's callback for this component is pending (hook: call it at every render). */
export function useIsLoading(): boolean {
  const api = page.dash_component_api;
  // The API's presence never changes between renders of a component, so the hook order is stable.
  const context = api?.useDashContext?.();
  return context?.useLoading?.() === true;
}
