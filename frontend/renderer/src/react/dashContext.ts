// The value of DashContext (renderer §3.4): componentPath plus loading and store hooks.
import React from "react";
import { pathKey } from "../store/layout";
import type { DashState, DashStore, StoreAction } from "../store/store";
import type { LayoutPath, LoadingEntry } from "../types";

export interface LoadingOptions {
  extraPath?: LayoutPath;
  rawPath?: LayoutPath;
  filterFunc?: (entry: LoadingEntry) => boolean;
}

export type Selector<T> = (state: DashState) => T;
export type Equality<T> = (a: T, b: T) => boolean;

export interface DashContextValue {
  componentPath: LayoutPath;
  /** Non-hook read of the loading state. */
  isLoading(options?: LoadingOptions): boolean;
  /** Hook: true while a callback writing to this component (or the given path) executes. */
  useLoading(options?: LoadingOptions): boolean;
  useSelector<T>(selector: Selector<T>, equalityFn?: Equality<T>): T;
  useDispatch(): (action: StoreAction) => StoreAction;
  useStore(): DashStore;
}

function loadingKey(componentPath: LayoutPath, options?: LoadingOptions): string {
  if (options && options.rawPath) return pathKey(options.rawPath);
  if (options && options.extraPath) return pathKey([...componentPath, ...options.extraPath]);
  return pathKey(componentPath);
}

function hasLoading(entries: LoadingEntry[] | undefined, options?: LoadingOptions): boolean {
  if (!entries || !entries.length) return false;
  return options && options.filterFunc ? entries.some(options.filterFunc) : true;
}

/** react-redux style `useSelector` over the renderer store, with a memoised selection. */
export function useStoreSelector<T>(store: DashStore, selector: Selector<T>, isEqual: Equality<T> = Object.is): T {
  const memo = React.useRef<{ state: DashState; selector: Selector<T>; value: T } | null>(null);
  const read = () => {
    const state = store.getState();
    const last = memo.current;
    if (last && last.state === state && last.selector === selector) return last.value;
    const value = selector(state);
    const kept = last && isEqual(last.value, value) ? last.value : value;
    memo.current = { state, selector, value: kept };
    return kept;
  };
  return React.useSyncExternalStore(store.subscribe, read);
}

function useLoadingEntries(store: DashStore, key: string): LoadingEntry[] | undefined {
  const subscribe = React.useCallback((listener: () => void) => store.subscribeLoading(key, listener), [store, key]);
  return React.useSyncExternalStore(subscribe, () => store.loadingAt(key));
}

export function makeDashContext(store: DashStore, componentPath: LayoutPath): DashContextValue {
  return {
    componentPath,
    isLoading: (options) => hasLoading(store.loadingAt(loadingKey(componentPath, options)), options),
    useLoading: (options) => hasLoading(useLoadingEntries(store, loadingKey(componentPath, options)), options),
    useSelector: (selector, equalityFn) => useStoreSelector(store, selector, equalityFn),
    useDispatch: () => store.dispatch,
    useStore: () => store,
  };
}
