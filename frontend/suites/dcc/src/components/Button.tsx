// dcc.Button: `button.dash-button` counting clicks and blurs (dom-contract §5.16).
import React from "react";
import { attributeProps, count, domId, now, sendProps, useIsLoading } from "../page";
import type { RendererProps } from "../page";

export interface ButtonProps extends RendererProps {
  id?: unknown;
  children?: React.ReactNode;
  className?: string;
  n_clicks?: number;
  n_blur?: number;
  [attribute: string]: unknown;
}

const ATTRIBUTES: ReadonlySet<string> = new Set([
  "type", "disabled", "autoFocus", "form", "formAction", "formEncType", "formMethod", "formNoValidate",
  "formTarget", "name", "value", "accessKey", "style", "tabIndex", "title", "onClick",
]);

export function Button(props: ButtonProps): React.ReactElement {
  const latest = React.useRef(props);
  latest.current = props;
  const loading = useIsLoading();
  const dom = attributeProps(props, ATTRIBUTES);
  const onClick = React.useCallback(() => {
    const p = latest.current;
    sendProps(p, { n_clicks: count(p.n_clicks) + 1, n_clicks_timestamp: now() });
  }, []);
  const onBlur = React.useCallback(() => {
    const p = latest.current;
    sendProps(p, { n_blur: count(p.n_blur) + 1, n_blur_timestamp: now() });
  }, []);
  return (
    <button
      {...dom}
      type={(props.type as "button" | "submit" | "reset" | undefined) ?? "button"}
      id={domId(props.id)}
      // Dash's quirk: the class string keeps a trailing space when no className is given.
      className={`dash-button ${props.className ?? ""}`}
      // An onClick injected by a parent (ConfirmDialogProvider) replaces the click counter.
      onClick={typeof dom.onClick === "function" ? (dom.onClick as () => void) : onClick}
      onBlur={onBlur}
      data-dash-is-loading={loading ? "true" : undefined}
    >
      {props.children}
    </button>
  );
}
