// The Errors popup (dom-contract §3): a top bar ("Errors", server state, close) and the cards.
import React from "react";
import { ErrorCard } from "./ErrorCard";
import type { DevToolsState } from "./state";

const h = React.createElement;

export function ErrorsPopup({ state }: { state: DevToolsState }): React.ReactElement {
  const title = state.serverStatus === "unavailable" ? "Errors 🚫 Server Unavailable" : "Errors";
  return h(
    "div",
    { className: "dash-error-card dash-error-card--container" },
    h(
      "div",
      { className: "dash-error-card__topbar" },
      h("div", { className: "dash-error-card__message" }, title),
      h("div", { className: "dash-fe-error__icon-x", onClick: () => state.closePopup() }, "×"),
    ),
    h("div", { className: "dash-error-card__list" }, ...state.errors.map((error) => h(ErrorCard, { key: error.id, error }))),
  );
}
