// The root of the page: "Loading...", a loading error, or the layout (wrapped for the dev-tools UI as
// dom-contract §2 says), preceded by the undo/redo toolbar (`show_undo_redo`) and followed by the
// pending-callbacks indicator.
import React from "react";
import { isComponent } from "../childrenProps";
import { DebugMenu } from "../devtools/DebugMenu";
import type { DevToolsState } from "../devtools/state";
import type { Engine } from "../engine";
import { renderChildren, type WrapperType } from "./children";
import { EngineContext } from "./contexts";
import { LoadingIndicator } from "./LoadingIndicator";
import { UndoRedo } from "./UndoRedo";
import { Wrapper } from "./Wrapper";

const ROOT = ["components"];
const ROOT_KEY = JSON.stringify(ROOT);

function LayoutRoot({ engine }: { engine: Engine }): React.ReactElement | null {
  const store = engine.store;
  const subscribe = React.useCallback((listener: () => void) => store.subscribePath(ROOT_KEY, listener), [store]);
  React.useSyncExternalStore(subscribe, () => store.versionOf(ROOT_KEY));
  const layout = store.get(ROOT);
  if (isComponent(layout)) return React.createElement(Wrapper, { componentPath: ROOT, _passedComponent: layout });
  return React.createElement(React.Fragment, null, renderChildren(Wrapper as WrapperType, layout, ROOT));
}

function wrapForDevTools(content: React.ReactElement, engine: Engine, devTools: DevToolsState | null): React.ReactElement {
  const h = React.createElement;
  const app = h("div", { id: "_dash-app-content" }, content);
  const menu = devTools ? h(DebugMenu, { engine, state: devTools }) : null;
  return h("div", { id: "_dash-global-error-container" }, h("div", null, menu, app));
}

/** `div._dash-error`: the short message, or the server's error page when the dev-tools UI is on. */
function failureNotice(engine: Engine): React.ReactElement {
  if (!engine.failureHtml) return React.createElement("div", { className: "_dash-error" }, engine.store.errorMessage);
  return React.createElement("div", { className: "_dash-error", dangerouslySetInnerHTML: { __html: engine.failureHtml } });
}

export function App({
  engine,
  ui,
  devTools = null,
}: {
  engine: Engine;
  ui: boolean;
  /** The dev tools' state when the UI is on: the debug menu is rendered before the app. */
  devTools?: DevToolsState | null;
}): React.ReactElement {
  const store = engine.store;
  const status = React.useSyncExternalStore(store.subscribeStatus, () => store.status);
  React.useEffect(() => {
    // Children's mount effects (setProps filling defaults) ran first, so they replace initial calls.
    if (status === "ready") engine.start();
  }, [engine, status]);

  let content: React.ReactElement;
  if (status === "loading") content = React.createElement("div", { className: "_dash-loading" }, "Loading...");
  else if (status === "error") content = failureNotice(engine);
  else {
    content = React.createElement(LayoutRoot, { engine });
    if (ui) content = wrapForDevTools(content, engine, devTools);
  }
  return React.createElement(
    EngineContext.Provider,
    { value: engine },
    engine.history ? React.createElement(UndoRedo, { engine, history: engine.history }) : null,
    content,
    React.createElement(LoadingIndicator),
  );
}
