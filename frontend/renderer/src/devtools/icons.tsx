// Small inline SVG icons of the debug menu (drawn here, no icon font).
import React from "react";

const h = React.createElement;

function icon(className: string, ...shapes: React.ReactElement[]): React.ReactElement {
  return h(
    "svg",
    { className, viewBox: "0 0 16 16", width: 16, height: 16, "aria-hidden": true, focusable: false },
    ...shapes,
  );
}

const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 1.5, strokeLinecap: "round" as const };

/** A circle with an exclamation mark. */
export function ErrorsIcon(): React.ReactElement {
  return icon(
    "dash-debug-menu__icon",
    h("circle", { key: "c", cx: 8, cy: 8, r: 6.5, ...stroke }),
    h("path", { key: "l", d: "M8 4.5v4.5M8 11.2v.3", ...stroke }),
  );
}

/** Three linked nodes. */
export function GraphIcon(): React.ReactElement {
  return icon(
    "dash-debug-menu__icon",
    h("circle", { key: "a", cx: 3.5, cy: 4, r: 2, ...stroke }),
    h("circle", { key: "b", cx: 12.5, cy: 4, r: 2, ...stroke }),
    h("circle", { key: "c", cx: 8, cy: 12.5, r: 2, ...stroke }),
    h("path", { key: "l", d: "M5 5.5l2 5M11 5.5l-2 5", ...stroke }),
  );
}

/** Check mark (server reachable), crossed plug (unreachable) or clock (no hot reload). */
export function StatusIcon({ status }: { status: string }): React.ReactElement {
  if (status === "available") return icon("dash-debug-menu__icon", h("path", { key: "p", d: "M3 8.5l3 3 7-7", ...stroke }));
  if (status === "unavailable") {
    return icon(
      "dash-debug-menu__icon",
      h("path", { key: "p", d: "M5 3v3M11 3v3M4 6h8v2a4 4 0 0 1-8 0zM8 12v2.5M2 2l12 12", ...stroke }),
    );
  }
  return icon(
    "dash-debug-menu__icon",
    h("circle", { key: "c", cx: 8, cy: 8, r: 6.5, ...stroke }),
    h("path", { key: "p", d: "M8 4.5V8l2.5 1.5", ...stroke }),
  );
}

/** Chevron of the collapse toggle: points right when expanded, left when collapsed. */
export function ToggleIcon({ collapsed }: { collapsed: boolean }): React.ReactElement {
  return icon("dash-debug-menu__icon", h("path", { key: "p", d: collapsed ? "M10 3L5 8l5 5" : "M6 3l5 5-5 5", ...stroke }));
}

/** Chevron of an error card; `flipped` while the card is collapsed. */
export function CollapseIcon({ flipped }: { flipped: boolean }): React.ReactElement {
  const className = flipped ? "dash-fe-error__collapse dash-fe-error__collapse--flipped" : "dash-fe-error__collapse";
  return icon(className, h("path", { key: "p", d: "M3 10l5-5 5 5", ...stroke }));
}
