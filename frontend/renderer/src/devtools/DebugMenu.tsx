// The debug menu (dom-contract §3): Errors and Callbacks buttons, version, server status, custom
// `dev_tools` components, the open popup above it, and the collapse toggle.
import React from "react";
import type { Engine } from "../engine";
import { ExternalWrapper } from "../react/ExternalWrapper";
import type { LayoutNode } from "../types";
import { CallbackGraph } from "./CallbackGraph";
import { ErrorsPopup } from "./ErrorsPopup";
import { ErrorsIcon, GraphIcon, StatusIcon, ToggleIcon } from "./icons";
import type { DevToolsState } from "./state";

const h = React.createElement;
const SELECTED = "dash-debug-menu__button--selected";

/** A `dev_tools` entry of the config: a component plus where it goes. */
interface CustomTool extends LayoutNode {
  position?: "left" | "right";
}

function customTools(engine: Engine, side: "left" | "right"): React.ReactElement[] {
  const tools = (engine.store.config.dev_tools || []) as CustomTool[];
  const out: React.ReactElement[] = [];
  tools.forEach((tool, i) => {
    if ((tool.position || "right") !== side) return;
    const component: LayoutNode = { namespace: tool.namespace, type: tool.type, props: tool.props || {} };
    out.push(h(ExternalWrapper, { key: `tool-${i}`, component, componentPath: ["__dash_devtools", i] }));
  });
  return out;
}

function popupContent(engine: Engine, state: DevToolsState): React.ReactElement | null {
  if (state.popup === "errors") return h(ErrorsPopup, { state });
  if (state.popup === "callbacks") return h(CallbackGraph, { engine, state });
  return null;
}

function menuContent(engine: Engine, state: DevToolsState): React.ReactElement {
  const count = state.errors.length;
  const errorsSelected = state.popup === "errors";
  const graphSelected = state.popup === "callbacks";
  const version = String(engine.store.config.dash_version || "");
  return h(
    "div",
    { className: "dash-debug-menu__content" },
    ...customTools(engine, "left"),
    h(
      "button",
      {
        id: "dash-debug-menu__errors-button",
        // The class strings reproduce Dash's ("null …" unselected) so selectors written for it match.
        className: `${errorsSelected ? SELECTED : "null"} dash-debug-menu__button`,
        onClick: () => state.togglePopup("errors"),
      },
      h(ErrorsIcon),
      "Errors",
      count > 0 ? h("span", { className: "test-devtools-error-count dash-debug-menu__error-count" }, count) : null,
    ),
    h(
      "button",
      {
        id: "dash-debug-menu__callback-graph-button",
        className: `${graphSelected ? SELECTED : ""} dash-debug-menu__button`,
        onClick: () => state.togglePopup("callbacks"),
      },
      h(GraphIcon),
      "Callbacks",
    ),
    h("div", { className: "dash-debug-menu__divider" }),
    h("div", { className: "dash-debug-menu__version" }, h("span", null, `v${version}`)),
    h("div", { className: "dash-debug-menu__divider" }),
    h(
      "div",
      { className: `dash-debug-menu__status dash-debug-menu__button--${state.serverStatus}`, title: statusTitle(state.serverStatus) },
      h(StatusIcon, { status: state.serverStatus }),
      "Server",
    ),
    ...customTools(engine, "right"),
    h("div", { className: "dash-debug-menu__divider", style: { marginRight: 0 } }),
  );
}

function statusTitle(status: string): string {
  if (status === "available") return "Hot reload is on and the server answers.";
  if (status === "unavailable") return "The server does not answer.";
  return "Hot reload is off.";
}

export function DebugMenu({ engine, state }: { engine: Engine; state: DevToolsState }): React.ReactElement {
  React.useSyncExternalStore(state.subscribe, state.getVersion);
  const collapsed = state.collapsed;
  const modifier = collapsed ? "collapsed" : "expanded";
  return h(
    "div",
    { className: `dash-debug-menu__outer dash-debug-menu__outer--${modifier}` },
    h("div", { className: "dash-debug-menu__popup" }, popupContent(engine, state)),
    collapsed ? null : menuContent(engine, state),
    h(
      "button",
      { className: `dash-debug-menu__toggle dash-debug-menu__toggle--${modifier}`, onClick: () => state.toggleCollapsed() },
      h(ToggleIcon, { collapsed }),
      collapsed && state.errors.length ? h("div", { className: "dash-debug-menu__error-indicator" }) : null,
    ),
  );
}
