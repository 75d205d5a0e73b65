// The wrapper around every Dash component (renderer §3.1): subscribes to its own path in the store,
// resolves `window[namespace][type]`, builds its props (layout props, setProps, wrapped children,
// props a parent injected with cloneElement) and re-renders only when its own props change.
import React from "react";
import { mapComponentsAt, type PropSpec } from "../childrenProps";
import { stringifyId } from "../ids";
import { pathKey, samePath } from "../store/layout";
import type { DashStore } from "../store/store";
import type { LayoutNode, LayoutPath, Props, RenderType } from "../types";
import { dashWindow } from "../window";
import { renderChildren, wrapperElement, type WrapperType } from "./children";
import { DashContext, useEngine } from "./contexts";
import { makeDashContext } from "./dashContext";
import { ErrorBoundary } from "./ErrorBoundary";
import { PropsCheckFailure, propsProblem } from "../devtools/PropsCheckFailure";
import { MissingComponent } from "./MissingComponent";

export interface WrapperProps {
  componentPath: LayoutPath;
  /** The layout node this element was made for: a new node (children replaced) re-renders it. */
  _passedComponent?: unknown;
  _dashprivate_error?: unknown;
  _newRender?: boolean;
  [injected: string]: unknown;
}

type DashComponent = React.ComponentType<Props> & { dashRenderType?: unknown; dashChildrenUpdate?: unknown };

function componentClass(node: LayoutNode): DashComponent | undefined {
  const registry = dashWindow()[node.namespace] as Record<string, DashComponent> | undefined;
  return registry ? registry[node.type] : undefined;
}

/** Subscribe to the component's path (and its descendants for `dashChildrenUpdate` classes). */
function useVersion(store: DashStore, path: LayoutPath, key: string, watchDescendants: boolean): number {
  const pathRef = React.useRef(path);
  pathRef.current = path;
  const subscribe = React.useCallback(
    (listener: () => void) => {
      const off = store.subscribePath(key, listener);
      const offDescendants = watchDescendants ? store.watchDescendants(pathRef.current, listener) : null;
      return () => {
        off();
        if (offDescendants) offDescendants();
      };
    },
    [store, key, watchDescendants],
  );
  return React.useSyncExternalStore(subscribe, () => store.versionOf(key));
}

/** Why this render happens: the store's reason when our version moved, else the parent re-rendered. */
function useRenderType(store: DashStore, key: string, version: number): RenderType {
  const committed = React.useRef<number | null>(null);
  React.useEffect(() => {
    committed.current = version;
  });
  return committed.current !== null && committed.current !== version ? store.renderTypeOf(key) : "parent";
}

function wrapPropValues(specs: PropSpec[], path: LayoutPath, props: Props): void {
  for (let i = 1; i < specs.length; i++) {
    const prop = (specs[i][0] as { key: string }).key;
    if (props[prop] === undefined) continue;
    props[prop] = mapComponentsAt(props[prop], specs[i], (rel, child) =>
      wrapperElement(Wrapper as WrapperType, child, [...path, "props", ...rel]),
    );
  }
}

function WrapperBody(props: WrapperProps): React.ReactElement | null {
  const engine = useEngine();
  const store = engine.store;
  const { componentPath, _passedComponent, _dashprivate_error, _newRender, ...injected } = props;
  const key = pathKey(componentPath);
  const node = store.nodeAt(componentPath);
  const Component = node ? componentClass(node) : undefined;
  const version = useVersion(store, componentPath, key, Boolean(Component && Component.dashChildrenUpdate));
  const renderType = useRenderType(store, key, version);
  const pathRef = React.useRef(componentPath);
  pathRef.current = componentPath;
  const setProps = React.useCallback((changes: Props) => engine.setProps(pathRef.current, changes), [engine]);
  const context = React.useMemo(() => makeDashContext(store, componentPath), [store, key]);

  if (!node) return null;
  if (!Component) return React.createElement(MissingComponent, { namespace: node.namespace, type: node.type });

  const layoutProps = node.props || {};
  const componentProps: Props = {};
  for (const name in layoutProps) if (name !== "children") componentProps[name] = layoutProps[name];
  const specs = store.childrenProps.specsFor(node.namespace, node.type);
  if (specs.length > 1) wrapPropValues(specs, componentPath, componentProps);
  if (typeof layoutProps.id === "object" && layoutProps.id !== null) componentProps.id = stringifyId(layoutProps.id);
  componentProps.setProps = setProps;
  if (Component.dashRenderType) componentProps.dashRenderType = renderType;
  if ("children" in layoutProps) {
    componentProps.children = renderChildren(Wrapper as WrapperType, layoutProps.children, [
      ...componentPath,
      "props",
      "children",
    ]);
  }
  Object.assign(componentProps, injected);

  const problem = store.config.props_check ? propsProblem(Component, node, componentProps) : null;
  const content = problem
    ? React.createElement(PropsCheckFailure, { message: problem })
    : React.createElement(Component, componentProps);
  return React.createElement(
    ErrorBoundary,
    { label: `${node.namespace}.${node.type} at ${key}`, onError: engine.renderFailed },
    React.createElement(DashContext.Provider, { value: context }, content),
  );
}

function sameProps(previous: WrapperProps, next: WrapperProps): boolean {
  const names = Object.keys(next);
  if (names.length !== Object.keys(previous).length) return false;
  for (const name of names) {
    if (name === "componentPath") {
      if (!samePath(previous.componentPath, next.componentPath)) return false;
    } else if (!Object.is(previous[name], next[name])) {
      return false;
    }
  }
  return true;
}

/** Memoised: a parent re-rendering with the same node and path does not re-render this component. */
export const Wrapper = React.memo(WrapperBody, sameProps);
