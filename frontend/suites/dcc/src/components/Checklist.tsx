// dcc.Checklist: checkboxes whose `value` lists the checked values in click order.
import React from "react";
import { toggleValue } from "../logic/options";
import type { OptionValue } from "../logic/options";
import { sendProps } from "../page";
import type { RendererProps } from "../page";
import { OptionsList } from "./OptionsList";
import type { OptionsListProps } from "./OptionsList";

export type ChecklistProps = RendererProps & Omit<OptionsListProps, "kind" | "onPick">;

export function Checklist(props: ChecklistProps): React.ReactElement {
  const latest = React.useRef(props);
  latest.current = props;
  const onPick = React.useCallback((value: OptionValue) => {
    sendProps(latest.current, { value: toggleValue(latest.current.value, value) });
  }, []);
  return <OptionsList {...props} kind="checklist" onPick={onPick} />;
}

Checklist.dashPersistence = { persisted_props: ["value"], persistence_type: "local" };
