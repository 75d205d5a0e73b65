// dcc.Tab: only its content is rendered here; dcc.Tabs draws the header from its layout props.
import React from "react";

export interface TabProps {
  children?: React.ReactNode;
}

export function Tab(props: TabProps): React.ReactElement {
  return <>{props.children}</>;
}
