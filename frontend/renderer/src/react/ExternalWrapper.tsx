// `dash_component_api.ExternalWrapper` (renderer §3.4): a component library renders a Dash component
// that lives inside one of its props (e.g. dmc `data[n].label`). The component is put into the store
// at `componentPath` and rendered wired like any other; later prop changes re-sync and notify callbacks.
import React from "react";
import { pathKey } from "../store/layout";
import type { LayoutNode, LayoutPath } from "../types";
import { useEngine } from "./contexts";
import { Wrapper } from "./Wrapper";

export interface ExternalWrapperProps {
  component: LayoutNode;
  componentPath: LayoutPath;
  /** Remove the component from the store when this unmounts. */
  temp?: boolean;
  [injected: string]: unknown;
}

function changedKeys(before: LayoutNode, after: LayoutNode): string[] {
  const old = before.props || {};
  const now = after.props || {};
  return Object.keys({ ...old, ...now }).filter((key) => old[key] !== now[key]);
}

export function ExternalWrapper(props: ExternalWrapperProps): React.ReactElement {
  const { component, componentPath, temp = false, ...injected } = props;
  const engine = useEngine();
  const key = pathKey(componentPath);
  const inserted = React.useRef<{ key: string; component: LayoutNode } | null>(null);
  if (!inserted.current || inserted.current.key !== key) {
    // First render at this path: insert without notifications (nobody may update during render).
    engine.store.insertComponent(componentPath, component, true);
    inserted.current = { key, component };
  }

  React.useEffect(() => {
    const last = inserted.current;
    if (!last || last.component === component) return;
    inserted.current = { key, component };
    engine.store.insertComponent(componentPath, component);
    if (last.component.type === component.type) {
      engine.propsChanged(componentPath, changedKeys(last.component, component));
    }
  }, [engine, key, component]);

  React.useEffect(
    () => () => {
      if (temp) engine.store.removeComponent(componentPath);
    },
    [engine, key, temp],
  );

  return React.createElement(Wrapper, { ...injected, componentPath, _passedComponent: component });
}
