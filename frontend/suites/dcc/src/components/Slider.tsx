// dcc.Slider: one handle on a track with marks (dom-contract §5.5, renderer §5.2).
import React from "react";
import { SliderBase } from "./SliderBase";
import type { SliderBaseProps } from "./SliderBase";

export type SliderProps = Omit<SliderBaseProps, "allowCross" | "pushable" | "count">;

export function Slider(props: SliderProps): React.ReactElement {
  return <SliderBase {...props} range={false} />;
}

Slider.dashPersistence = { persisted_props: ["value"], persistence_type: "local" };
