// The stand-ins the main bundle registers for the dcc components that live in async chunks. Their
// statics repeat the real components' (test/lazy.test.ts checks they agree).
import { lazyComponent } from "../../../../shims/lazy-component";
import type { DatePickerRangeProps } from "../components/DatePickerRange";
import type { DatePickerSingleProps } from "../components/DatePickerSingle";
import type { DropdownProps } from "../components/Dropdown";
import type { GraphProps } from "../components/Graph";
import type { MarkdownProps } from "../components/Markdown";
import type { RangeSliderProps } from "../components/RangeSlider";
import type { SliderProps } from "../components/Slider";
import type { UploadProps } from "../components/Upload";
import { datepickerChunk, dropdownChunk, graphChunk, markdownChunk, sliderChunk, uploadChunk } from "./chunks";

function persisting(...props: string[]): Record<string, unknown> {
  return { dashPersistence: { persisted_props: props, persistence_type: "local" } };
}

export const Markdown = lazyComponent<MarkdownProps>(markdownChunk, "Markdown");
export const DatePickerSingle = lazyComponent<DatePickerSingleProps>(datepickerChunk, "DatePickerSingle", persisting("date"));
export const DatePickerRange = lazyComponent<DatePickerRangeProps>(
  datepickerChunk,
  "DatePickerRange",
  persisting("start_date", "end_date"),
);
export const Dropdown = lazyComponent<DropdownProps>(dropdownChunk, "Dropdown", persisting("value"));
export const Slider = lazyComponent<SliderProps>(sliderChunk, "Slider", persisting("value"));
export const RangeSlider = lazyComponent<RangeSliderProps>(sliderChunk, "RangeSlider", persisting("value"));
export const Graph = lazyComponent<GraphProps>(graphChunk, "Graph");
export const Upload = lazyComponent<UploadProps>(uploadChunk, "Upload");
