// Shown in place of a component whose class is not on the page (`window[namespace][type]` missing).
import React from "react";

const reported = new Set<string>();

export function MissingComponent({ namespace, type }: { namespace: string; type: string }): React.ReactElement {
  const message =
    `Dash component "${type}" was not found in "window.${namespace}". ` +
    "Check that its component library is imported in the app so that its script is on the page.";
  React.useEffect(() => {
    const key = `${namespace}.${type}`;
    if (reported.has(key)) return;
    reported.add(key);
    console.error(message);
  }, [namespace, type, message]);
  return React.createElement("div", { className: "dash-missing-component", style: { color: "#b00020" } }, message);
}
