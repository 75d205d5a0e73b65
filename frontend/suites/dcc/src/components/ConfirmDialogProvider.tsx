// dcc.ConfirmDialogProvider: `div#{id}` around its child, whose click opens the confirm dialog.
import React from "react";
import { domId, sendProps, useIsLoading } from "../page";
import { useConfirmDialog } from "./ConfirmDialog";
import type { ConfirmDialogProps } from "./ConfirmDialog";

export interface ConfirmDialogProviderProps extends ConfirmDialogProps {
  id?: unknown;
  children?: React.ReactNode;
}

export function ConfirmDialogProvider(props: ConfirmDialogProviderProps): React.ReactElement {
  useConfirmDialog(props);
  const loading = useIsLoading();
  const latest = React.useRef(props);
  latest.current = props;
  const open = React.useCallback(() => sendProps(latest.current, { displayed: true }), []);
  // The onClick reaches the child component through its wrapper and replaces the child's own.
  const children = React.Children.map(props.children, (child) =>
    React.isValidElement(child) ? React.cloneElement(child as React.ReactElement<{ onClick?: () => void }>, { onClick: open }) : child,
  );
  return (
    <div id={domId(props.id)} data-dash-is-loading={loading ? "true" : undefined}>
      {children}
    </div>
  );
}
