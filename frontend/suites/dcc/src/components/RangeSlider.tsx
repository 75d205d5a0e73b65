// dcc.RangeSlider: two (or more) handles selecting a range (dom-contract §5.5, renderer §5.2).
import React from "react";
import { SliderBase } from "./SliderBase";
import type { SliderBaseProps } from "./SliderBase";

export type RangeSliderProps = SliderBaseProps;

export function RangeSlider(props: RangeSliderProps): React.ReactElement {
  return <SliderBase {...props} range />;
}

RangeSlider.dashPersistence = { persisted_props: ["value"], persistence_type: "local" };
