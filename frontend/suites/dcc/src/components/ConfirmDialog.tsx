// dcc.ConfirmDialog: no DOM; `displayed=True` opens the browser's confirm dialog (dom-contract §5.11).
import React from "react";
import { confirmAnswerProps } from "../logic/confirm";
import { now, sendProps } from "../page";
import type { RendererProps } from "../page";

export interface ConfirmDialogProps extends RendererProps {
  message?: string;
  displayed?: boolean;
  submit_n_clicks?: number;
  cancel_n_clicks?: number;
}

/** Shows the dialog whenever `displayed` turns true and reports the answer. */
export function useConfirmDialog(props: ConfirmDialogProps): void {
  const latest = React.useRef(props);
  latest.current = props;
  React.useEffect(() => {
    if (!props.displayed) return undefined;
    // Let the page paint first: confirm() blocks until answered.
    const timer = setTimeout(() => {
      const accepted = window.confirm(latest.current.message ?? "");
      sendProps(latest.current, confirmAnswerProps(accepted, latest.current, now()));
    }, 0);
    return () => clearTimeout(timer);
  }, [props.displayed]);
}

export function ConfirmDialog(props: ConfirmDialogProps): null {
  useConfirmDialog(props);
  return null;
}
