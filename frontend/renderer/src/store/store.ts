// The renderer's store: the layout tree, its id index, per-component versions and subscriptions,
// `state.loading`, and a redux-like facade (`getState/subscribe/dispatch`) for component libraries.
import { ChildrenProps, isComponent, propsOf } from "../childrenProps";
import { deepEqual } from "../equal";
import { stringifyId } from "../ids";
import type { DashConfig, DashId, LayoutNode, LayoutPath, LoadingEntry, Props, RenderType } from "../types";
import { getIn, pathKey, setIn, startsWith } from "./layout";
import { PathIndex } from "./paths";

type Listener = () => void;

/** What one prop update did, so the engine can trigger callbacks. */
export interface PropUpdate {
  node: LayoutNode;
  path: LayoutPath;
  /** The props actually written (after dropping unchanged ones when asked to). */
  changed: Props;
  /** Props holding components (children, children_props) whose content was replaced. */
  replaced: string[];
  /** Ids that entered the layout with the replaced props, in crawl order. */
  addedIds: DashId[];
  /** Ids that left the layout with the replaced props (and did not come back with them). */
  removedIds: DashId[];
}

export type AppStatus = "loading" | "ready" | "error";

/** Summary of a pending callback, exposed as `state.pendingCallbacks`. */
export interface PendingSummary {
  output: string;
  changedPropIds: string[];
  executing: boolean;
}

/** The snapshot `getState()` returns (renderer §3.4; dash.testing reads `paths`, `isLoading`...). */
export interface DashState {
  layout: Record<string, unknown>;
  paths: { strs: PathIndex["strs"]; objs: PathIndex["objs"] };
  loading: Record<string, LoadingEntry[]>;
  pendingCallbacks: PendingSummary[];
  /** The pending callbacks by stage, as Dash's store names them. */
  callbacks: { requested: PendingSummary[]; executing: PendingSummary[] };
  isLoading: boolean;
  config: DashConfig;
  graphs: unknown;
  appLifecycle: string;
}

export interface StoreAction {
  type: string;
  payload?: { itempath?: LayoutPath; id?: DashId; props?: Props };
}

interface ChildrenWatcher {
  path: LayoutPath;
  listeners: Set<Listener>;
}

export class DashStore {
  /** `{components: <root layout>}`; other top-level keys are used by ExternalWrapper. */
  readonly layout: Record<string, unknown> = {};
  readonly paths: PathIndex;
  readonly childrenProps: ChildrenProps;
  status: AppStatus = "loading";
  errorMessage = "";
  graphs: unknown = null;
  /** Applies a prop change coming from `dispatch` (set by the engine, which owns callbacks). */
  actionHandler: ((action: StoreAction) => void) | null = null;

  private loading: Record<string, LoadingEntry[]> = {};
  private pending: PendingSummary[] = [];
  private busy = true;
  private readonly versions = new Map<string, number>();
  private readonly renderTypes = new Map<string, RenderType>();
  private readonly pathListeners = new Map<string, Set<Listener>>();
  private readonly childrenWatchers = new Map<string, ChildrenWatcher>();
  private readonly loadingListeners = new Map<string, Set<Listener>>();
  private readonly statusListeners = new Set<Listener>();
  private readonly globalListeners = new Set<Listener>();
  private snapshot: DashState | null = null;

  constructor(readonly config: DashConfig) {
    this.childrenProps = new ChildrenProps(config.children_props || {});
    this.paths = new PathIndex(this.childrenProps);
  }

  // ---- layout ------------------------------------------------------------------------------

  /** Install the layout (a component or a list) at `["components"]` and index its ids. */
  setLayout(layout: unknown): DashId[] {
    const old = this.layout.components;
    if (old !== undefined) this.paths.remove(old, ["components"]);
    this.layout.components = layout;
    const ids = this.paths.add(layout, ["components"]);
    this.touch(["components"], "parent");
    return ids;
  }

  /** The value at `path` in the layout (a node, a props object, a prop value...). */
  get(path: readonly (string | number)[]): unknown {
    return getIn(this.layout, path);
  }

  /** The component at `path`, or undefined. */
  nodeAt(path: readonly (string | number)[]): LayoutNode | undefined {
    const node = getIn(this.layout, path);
    return isComponent(node) ? node : undefined;
  }

  /** Path of a component from its canonical id text. */
  pathOf(canonicalId: string): LayoutPath | undefined {
    return this.paths.pathOf(canonicalId);
  }

  /**
   * Merge `props` into the component at `path`. With `dropEqual` (user `setProps`), values deep-equal
   * to the stored ones are skipped. Re-indexes ids when component-holding props change and notifies
   * the component's subscribers (and ancestors that watch descendants). Returns null if nothing changed.
   */
  updateProps(path: LayoutPath, props: Props, renderType: RenderType, dropEqual: boolean): PropUpdate | null {
    const node = this.nodeAt(path);
    if (!node) return null;
    const current = propsOf(node);
    const changed: Props = {};
    let any = false;
    for (const key of Object.keys(props)) {
      if (dropEqual && deepEqual(current[key], props[key])) continue;
      changed[key] = props[key];
      any = true;
    }
    if (!any) return null;
    const holders = this.childrenProps.propNamesFor(node.namespace, node.type);
    const replaced = Object.keys(changed).filter((key) => holders.has(key) && changed[key] !== current[key]);
    const idChanged = "id" in changed && !deepEqual(changed.id, current.id);
    const removed: DashId[] = [];
    if (idChanged && current.id !== undefined && current.id !== null) {
      this.paths.removeId(current.id as DashId, path);
      removed.push(current.id as DashId);
    }
    for (const key of replaced) removed.push(...this.paths.remove(current[key], [...path, "props", key]));
    node.props = { ...current, ...changed };
    if (idChanged && changed.id !== undefined && changed.id !== null) this.paths.addId(changed.id as DashId, path);
    const addedIds: DashId[] = [];
    for (const key of replaced) addedIds.push(...this.paths.add(changed[key], [...path, "props", key]));
    this.touch(path, renderType);
    return { node, path, changed, replaced, addedIds, removedIds: this.departed(removed) };
  }

  /** The ids among `removed` that are no longer anywhere in the layout. */
  private departed(removed: DashId[]): DashId[] {
    if (!removed.length) return removed;
    return removed.filter((id) => !this.paths.has(stringifyId(id)));
  }

  /**
   * Insert a component at `path` without re-rendering its container (ExternalWrapper). Returns the ids
   * added. An existing component there is replaced. `silent` skips notifications (safe during render).
   */
  insertComponent(path: LayoutPath, component: LayoutNode, silent = false): DashId[] {
    const previous = getIn(this.layout, path);
    if (previous !== undefined) this.paths.remove(previous, path);
    setIn(this.layout, path, component);
    const ids = this.paths.add(component, path);
    if (silent) this.snapshot = null;
    else this.touch(path, "parent");
    return ids;
  }

  /** Remove what `insertComponent` put at `path`. */
  removeComponent(path: LayoutPath): void {
    const previous = getIn(this.layout, path);
    if (previous === undefined) return;
    this.paths.remove(previous, path);
    const parent = getIn(this.layout, path.slice(0, -1));
    if (parent && typeof parent === "object" && !Array.isArray(parent)) {
      delete (parent as Record<string, unknown>)[path[path.length - 1]];
    }
    this.emit();
  }

  // ---- per-component subscriptions ---------------------------------------------------------

  /** Version counter of the component at `key` (a `pathKey`); changes whenever its props change. */
  versionOf(key: string): number {
    return this.versions.get(key) || 0;
  }

  /** Why the component at `key` last changed. */
  renderTypeOf(key: string): RenderType {
    return this.renderTypes.get(key) || "parent";
  }

  subscribePath(key: string, listener: Listener): () => void {
    let set = this.pathListeners.get(key);
    if (!set) this.pathListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size) return;
      // Nobody renders this path any more: forget its bookkeeping (a new subscriber starts afresh).
      this.pathListeners.delete(key);
      this.versions.delete(key);
      this.renderTypes.delete(key);
    };
  }

  /** Also notify `listener` when any descendant of `path` changes (`dashChildrenUpdate`). */
  watchDescendants(path: LayoutPath, listener: Listener): () => void {
    const key = pathKey(path);
    let watcher = this.childrenWatchers.get(key);
    if (!watcher) this.childrenWatchers.set(key, (watcher = { path, listeners: new Set() }));
    watcher.listeners.add(listener);
    return () => {
      watcher!.listeners.delete(listener);
      if (!watcher!.listeners.size) this.childrenWatchers.delete(key);
    };
  }

  private touch(path: LayoutPath, renderType: RenderType): void {
    const key = pathKey(path);
    this.versions.set(key, this.versionOf(key) + 1);
    this.renderTypes.set(key, renderType);
    const listeners = this.pathListeners.get(key);
    if (listeners) for (const listener of [...listeners]) listener();
    if (this.childrenWatchers.size) this.notifyAncestors(path);
    this.emit();
  }

  private notifyAncestors(path: LayoutPath): void {
    for (const [key, watcher] of this.childrenWatchers) {
      if (watcher.path.length < path.length && startsWith(path, watcher.path)) {
        this.versions.set(key, this.versionOf(key) + 1);
        this.renderTypes.set(key, "components");
        for (const listener of [...watcher.listeners]) listener();
      }
    }
  }

  // ---- loading -----------------------------------------------------------------------------

  /** `state.loading` entries for a path key (same array until they change). */
  loadingAt(key: string): LoadingEntry[] | undefined {
    return this.loading[key];
  }

  subscribeLoading(key: string, listener: Listener): () => void {
    let set = this.loadingListeners.get(key);
    if (!set) this.loadingListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (!set!.size) this.loadingListeners.delete(key);
    };
  }

  /** Add (`add` true) or remove loading entries; each change makes a new `loading` object. */
  changeLoading(entries: LoadingEntry[], add: boolean): void {
    if (!entries.length) return;
    const next = { ...this.loading };
    const touched = new Set<string>();
    for (const entry of entries) {
      const key = pathKey(entry.path);
      touched.add(key);
      const list = next[key] || [];
      if (add) {
        next[key] = [...list, entry];
      } else {
        const at = list.indexOf(entry);
        if (at === -1) continue;
        const rest = list.filter((_, i) => i !== at);
        if (rest.length) next[key] = rest;
        else delete next[key];
      }
    }
    this.loading = next;
    for (const key of touched) {
      const listeners = this.loadingListeners.get(key);
      if (listeners) for (const listener of [...listeners]) listener();
    }
    this.emit();
  }

  // ---- app status, pending callbacks -------------------------------------------------------

  get isLoading(): boolean {
    return this.busy;
  }

  setPending(pending: PendingSummary[], busy: boolean): void {
    const changed = busy !== this.busy;
    this.pending = pending;
    this.busy = busy;
    if (changed) for (const listener of [...this.statusListeners]) listener();
    this.emit();
  }

  setStatus(status: AppStatus, message = ""): void {
    this.status = status;
    this.errorMessage = message;
    for (const listener of [...this.statusListeners]) listener();
    this.emit();
  }

  /** Notified when `status` or `isLoading` changes. */
  subscribeStatus = (listener: Listener): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  // ---- redux-like facade -------------------------------------------------------------------

  getState = (): DashState => {
    if (!this.snapshot) {
      this.snapshot = {
        layout: this.layout,
        paths: { strs: this.paths.strs, objs: this.paths.objs },
        loading: this.loading,
        pendingCallbacks: this.pending,
        callbacks: {
          requested: this.pending.filter((item) => !item.executing),
          executing: this.pending.filter((item) => item.executing),
        },
        isLoading: this.busy,
        config: this.config,
        graphs: this.graphs,
        appLifecycle: this.status === "ready" ? "HYDRATED" : "STARTED",
      };
    }
    return this.snapshot;
  };

  subscribe = (listener: Listener): (() => void) => {
    this.globalListeners.add(listener);
    return () => this.globalListeners.delete(listener);
  };

  /** Minimal dispatch: `{type: "ON_PROP_CHANGE", payload: {itempath | id, props}}` updates props. */
  dispatch = (action: StoreAction): StoreAction => {
    if (this.actionHandler) this.actionHandler(action);
    return action;
  };

  private emit(): void {
    this.snapshot = null;
    if (!this.globalListeners.size) return;
    for (const listener of [...this.globalListeners]) listener();
  }
}
