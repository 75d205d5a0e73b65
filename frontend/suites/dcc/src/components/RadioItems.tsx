// dcc.RadioItems: radio buttons; `value` is the picked option's value.
import React from "react";
import type { OptionValue } from "../logic/options";
import { sendProps } from "../page";
import type { RendererProps } from "../page";
import { OptionsList } from "./OptionsList";
import type { OptionsListProps } from "./OptionsList";

export type RadioItemsProps = RendererProps & Omit<OptionsListProps, "kind" | "onPick">;

export function RadioItems(props: RadioItemsProps): React.ReactElement {
  const latest = React.useRef(props);
  latest.current = props;
  const onPick = React.useCallback((value: OptionValue) => {
    if (latest.current.value !== value) sendProps(latest.current, { value });
  }, []);
  return <OptionsList {...props} kind="radioitems" onPick={onPick} />;
}

RadioItems.dashPersistence = { persisted_props: ["value"], persistence_type: "local" };
