// dcc.Textarea: `textarea.dash-textarea` sending `value` on every keystroke (dom-contract §5.3).
import React from "react";
import { attributeProps, count, domId, now, sendProps, useIsLoading } from "../page";
import type { RendererProps } from "../page";

export interface TextareaProps extends RendererProps {
  id?: unknown;
  value?: string;
  className?: string;
  n_blur?: number;
  n_clicks?: number;
  [attribute: string]: unknown;
}

const ATTRIBUTES: ReadonlySet<string> = new Set([
  "autoFocus", "cols", "disabled", "form", "maxLength", "minLength", "name", "placeholder", "readOnly",
  "required", "rows", "wrap", "accessKey", "contentEditable", "contextMenu", "dir", "draggable", "hidden",
  "lang", "spellCheck", "style", "tabIndex", "title",
]);

export function Textarea(props: TextareaProps): React.ReactElement {
  const latest = React.useRef(props);
  latest.current = props;
  const loading = useIsLoading();
  const handlers = React.useMemo(
    () => ({
      onChange(event: React.ChangeEvent<HTMLTextAreaElement>): void {
        sendProps(latest.current, { value: event.target.value });
      },
      onBlur(): void {
        const p = latest.current;
        sendProps(p, { n_blur: count(p.n_blur) + 1, n_blur_timestamp: now() });
      },
      onClick(): void {
        const p = latest.current;
        sendProps(p, { n_clicks: count(p.n_clicks) + 1, n_clicks_timestamp: now() });
      },
    }),
    [],
  );
  return (
    <textarea
      {...attributeProps(props, ATTRIBUTES)}
      id={domId(props.id)}
      // Dash's quirk, kept for CSS and tests written against it: "dash-textarea undefined" without className.
      className={`dash-textarea ${props.className}`}
      value={props.value ?? ""}
      onChange={handlers.onChange}
      onBlur={handlers.onBlur}
      onClick={handlers.onClick}
      data-dash-is-loading={loading ? "true" : undefined}
    />
  );
}

Textarea.dashPersistence = { persisted_props: ["value"], persistence_type: "local" };
