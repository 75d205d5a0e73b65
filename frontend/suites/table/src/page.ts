// The page globals this suite reads or defines. The renderer bundle loads after the suites, so
// `dash_component_api` is only read while rendering, never at load time.
import type { ComponentType } from "react";

export interface LoadingEntry {
  path: (string | number)[];
  property: string;
  id: string;
}

/** What `dash_component_api.useDashContext()` returns (the members this suite uses). */
export interface DashContextValue {
  useLoading(options?: { filterFunc?: (entry: LoadingEntry) => boolean }): boolean;
}

/** `window.dash_component_api`, defined by the renderer. */
export interface DashComponentApi {
  useDashContext(): DashContextValue;
  stringifyId(id: unknown): string;
}

export interface TableGlobals {
  dash_component_api?: DashComponentApi;
  dash_table?: Record<string, ComponentType<never>>;
}

/** The global object (`window` in a page, `globalThis` under node for tests). */
export const page = globalThis as typeof globalThis & TableGlobals;

const isDataEntry = (entry: LoadingEntry): boolean => entry.property === "data";

/** Whether a callback writing this table's `data` is pending (a hook: call it at every render). */
export function useDataLoading(): boolean {
  // The API's presence never changes between renders, so the hook order stays stable.
  const api = page.dash_component_api;
  return api ? api.useDashContext().useLoading({ filterFunc: isDataEntry }) === true : false;
}

/** The DOM id of a Dash id: strings as they are, dict ids as the renderer stringifies them. */
export function domId(id: unknown): string | undefined {
  if (id === undefined || id === null) return undefined;
  if (typeof id === "string") return id;
  const api = page.dash_component_api;
  return api ? api.stringifyId(id) : JSON.stringify(id);
}
