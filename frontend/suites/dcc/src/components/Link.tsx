// dcc.Link: an `<a>` that navigates inside the app with pushState (dom-contract §5.15).
import React from "react";
import { navigate } from "../logic/history";
import { domId, page, useIsLoading } from "../page";
import type { RendererProps } from "../page";

export interface LinkProps extends RendererProps {
  id?: unknown;
  href?: string;
  children?: React.ReactNode;
  refresh?: boolean;
  target?: string;
  title?: string;
  className?: string;
  style?: React.CSSProperties;
}

const BLANK = "about:blank";

/** `href` with script URLs replaced (the renderer's cleaner also reports them to the dev tools). */
export function safeHref(href: string): string {
  const clean = page.dash_clientside?.clean_url;
  if (typeof clean === "function") return clean(href, BLANK);
  // Same rule as the renderer: a javascript: URL (ignoring case, spaces and control characters) is unsafe.
  const normalised = href.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  return normalised.startsWith("javascript:") ? BLANK : href;
}

/** Whether a click should stay inside the app (plain left click, same tab). */
export function isInAppClick(
  event: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean },
  target: string | undefined,
): boolean {
  const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
  return event.button === 0 && !modified && (!target || target === "_self");
}

export function Link(props: LinkProps): React.ReactElement {
  const href = safeHref(props.href ?? "");
  const loading = useIsLoading();
  const onClick = (event: React.MouseEvent<HTMLAnchorElement>): void => {
    if (!isInAppClick(event, props.target)) return;
    event.preventDefault();
    if (props.refresh) {
      window.location.href = href;
      return;
    }
    navigate(href);
  };
  return (
    <a
      id={domId(props.id)}
      className={props.className}
      style={props.style}
      href={href}
      target={props.target}
      title={props.title}
      onClick={onClick}
      data-dash-is-loading={loading ? "true" : undefined}
    >
      {props.children ?? props.href}
    </a>
  );
}
