// The page globals the dcc suite reads or defines. The renderer bundle loads after this suite, so
// `dash_component_api` and `dash_clientside` are only read while rendering, never at load time.

import React from "react";
import type { ComponentType, ReactElement } from "react";

export type DashId = string | Record<string, unknown>;
export type LayoutPath = (string | number)[];

/** A component in the layout JSON. */
export interface LayoutNode {
  type: string;
  namespace: string;
  props: Record<string, unknown>;
}

export interface LoadingEntry {
  path: LayoutPath;
  property: string;
  id: string;
}

export interface LoadingOptions {
  extraPath?: LayoutPath;
  rawPath?: LayoutPath;
  filterFunc?: (entry: LoadingEntry) => boolean;
}

/** The part of the renderer state this suite reads (`state.loading`, renderer §3.4). */
export interface DashStateView {
  loading: Record<string, LoadingEntry[]>;
}

/** What `dash_component_api.useDashContext()` returns. */
export interface DashContextValue {
  componentPath: LayoutPath;
  isLoading(options?: LoadingOptions): boolean;
  useLoading(options?: LoadingOptions): boolean;
  useSelector<T>(selector: (state: DashStateView) => T, equalityFn?: (a: T, b: T) => boolean): T;
}

export interface ExternalWrapperProps {
  component: unknown;
  componentPath: LayoutPath;
  temp?: boolean;
}

/** `window.dash_component_api`, defined by the renderer. */
export interface DashComponentApi {
  useDashContext(): DashContextValue;
  getLayout(pathOrId: LayoutPath | DashId): unknown;
  stringifyId(id: unknown): string;
  ExternalWrapper: ComponentType<ExternalWrapperProps>;
}

/** `window.dash_clientside`, defined by the renderer. */
export interface DashClientside {
  clean_url?: (url: string, fallback?: string) => string;
}

export interface DccGlobals {
  dash_component_api?: DashComponentApi;
  dash_clientside?: DashClientside;
  dash_core_components?: Record<string, ComponentType<never>>;
}

/** The global object (`window` in a page, `globalThis` under node for tests). */
export const page = globalThis as typeof globalThis & DccGlobals;

/** Props every dcc component receives from the renderer besides its layout props. */
export interface RendererProps {
  setProps?: (changes: Record<string, unknown>) => void;
}

/** Sends prop changes to the renderer (no-op when rendered outside Dash, e.g. in tests). */
export function sendProps(props: RendererProps, changes: Record<string, unknown>): void {
  if (typeof props.setProps === "function") props.setProps(changes);
}

/** The renderer's context for this component, or undefined outside a Dash page. */
export function useDashContextSafe(): DashContextValue | undefined {
  // The API's presence never changes between renders, so the hook order stays stable.
  const api = page.dash_component_api;
  return api ? api.useDashContext() : undefined;
}

/** Whether a callback writing to this component is pending (a hook: call it at every render). */
export function useIsLoading(): boolean {
  const context = useDashContextSafe();
  return context ? context.useLoading() === true : false;
}

/** The DOM id of a Dash id: strings as they are, dict ids as the renderer stringifies them. */
export function domId(id: unknown): string | undefined {
  if (id === undefined || id === null) return undefined;
  if (typeof id === "string") return id;
  const api = page.dash_component_api;
  return api ? api.stringifyId(id) : JSON.stringify(id);
}

/** Renders a component JSON (e.g. an option label) wired like any other Dash component. */
export function renderLayoutNode(component: unknown, componentPath: LayoutPath, key?: string): ReactElement | null {
  const api = page.dash_component_api;
  if (!api) return null;
  return React.createElement(api.ExternalWrapper, { component, componentPath, key });
}

/** Whether a value is a component in the layout JSON form. */
export function isLayoutNode(value: unknown): value is LayoutNode {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as LayoutNode).type === "string" &&
    typeof (value as LayoutNode).namespace === "string"
  );
}

/** The props of `props` that are DOM attributes: those named in `allowed` plus `data-*` / `aria-*`. */
export function attributeProps(props: Record<string, unknown>, allowed: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in props) {
    const value = props[key];
    if (value === undefined || value === null) continue;
    if (allowed.has(key) || key.startsWith("data-") || key.startsWith("aria-")) out[key] = value;
  }
  return out;
}

/** Milliseconds since 1970: the timestamps of `n_clicks_timestamp` and friends. */
export function now(): number {
  return Date.now();
}

/** A counter prop as a number (missing or invalid counts as 0). */
export function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
