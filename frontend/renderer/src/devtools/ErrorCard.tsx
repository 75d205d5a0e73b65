// One error of the Errors popup (dom-contract §3): a header that folds the card, and when unfolded
// the message, a JavaScript stack, or the server's answer (HTML page in an iframe, HTML fragment or
// plain text).
import React from "react";
import { clockTime, type DevError } from "./errors";
import { CollapseIcon } from "./icons";

const h = React.createElement;

/** An iframe showing a full HTML page, grown to the height of its content once loaded. */
function BackendPage({ html }: { html: string }): React.ReactElement {
  const [height, setHeight] = React.useState(400);
  const onLoad = (event: React.SyntheticEvent<HTMLIFrameElement>) => {
    try {
      const body = event.currentTarget.contentDocument && event.currentTarget.contentDocument.body;
      if (body) setHeight(Math.min(Math.max(body.scrollHeight + 24, 120), 2000));
    } catch {
      // a cross-origin document keeps the default height
    }
  };
  return h("iframe", { srcDoc: html, onLoad, title: "Server error", style: { width: "100%", height, border: "none" } });
}

function backendBody(error: DevError): React.ReactElement {
  if (error.bodyKind === "document") {
    return h("div", { className: "dash-be-error__st" }, h("div", { className: "dash-backend-error" }, h(BackendPage, { html: error.message })));
  }
  const inner =
    error.bodyKind === "fragment"
      ? h("div", { className: "dash-backend-error", dangerouslySetInnerHTML: { __html: error.message } })
      : h("div", { className: "dash-backend-error" }, h("pre", null, error.message));
  return h("div", { className: "dash-be-error__str" }, inner);
}

function frontendBody(error: DevError): React.ReactElement[] {
  const parts: React.ReactElement[] = [];
  if (error.message && error.message !== error.title) {
    parts.push(
      h("div", { key: "m", className: "dash-fe-error__st" }, h("div", { className: "dash-fe-error__info dash-fe-error__curved" }, error.message)),
    );
  }
  if (error.stack.length) {
    const lines = error.stack.map((line, i) => h("p", { key: i }, line));
    parts.push(
      h(
        "div",
        { key: "s", className: "dash-fe-error__st" },
        h("div", { className: "dash-fe-error__info" }, h("details", null, h("summary", null, "(This error originated from the built-in JavaScript code that runs Dash apps. Click to see the full stack trace or open your browser's console.)"), ...lines)),
      ),
    );
  }
  return parts;
}

export function ErrorCard({ error }: { error: DevError }): React.ReactElement {
  const [open, setOpen] = React.useState(false);
  const header = h(
    "div",
    { className: "dash-fe-error-item test-devtools-error-toggle", onClick: () => setOpen(!open) },
    h("span", { className: "dash-fe-error-top__group" }, h("span", { className: "dash-fe-error__title" }, error.title)),
    h(
      "span",
      { className: "dash-fe-error-top__group" },
      h("span", { className: "dash-fe-error__timestamp percy-hide" }, clockTime(error.time)),
      h("span", { className: "dash-fe-error__timestamp percy-show" }, "00:00:00 PM"),
      h(CollapseIcon, { flipped: !open }),
    ),
  );
  const body = open
    ? h("div", { className: "error-container" }, ...(error.source === "backend" ? [backendBody(error)] : frontendBody(error)))
    : null;
  return h("div", { className: "dash-error-card__content" }, header, body);
}
