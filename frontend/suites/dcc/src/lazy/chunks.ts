// The async chunks of dcc (`dcc/async-<name>.js`): one file in ./entries per chunk, named like it.
// The main bundle and every chunk sit in the same folder, so each reads the folder from its own
// script tag while it loads.
import { chunkHandle, currentScriptFolder } from "../../../../shims/chunk-loader";
import type { ChunkHandle } from "../../../../shims/chunk-loader";

export const DCC_NAMESPACE = "dash_core_components";

const folder = currentScriptFolder("dcc/dash_core_components");
const development = process.env.NODE_ENV === "development";

function dccChunk(name: string): ChunkHandle {
  return chunkHandle(DCC_NAMESPACE, name, folder, development);
}

/** dcc.Markdown and marked. */
export const markdownChunk = dccChunk("markdown");
/** highlight.js with the common languages, fetched by Markdown only for code blocks. */
export const highlightChunk = dccChunk("highlight");
/** DatePickerSingle, DatePickerRange, date-fns and their popover. */
export const datepickerChunk = dccChunk("datepicker");
/** dcc.Dropdown and its Radix popover. */
export const dropdownChunk = dccChunk("dropdown");
/** Slider and RangeSlider (Radix slider, d3-format for marks). */
export const sliderChunk = dccChunk("slider");
/** dcc.Graph's glue to plotly.js (plotly.js itself is fetched separately). */
export const graphChunk = dccChunk("graph");
/** dcc.Upload. */
export const uploadChunk = dccChunk("upload");
/** MathJax 3 (TeX to SVG), fetched only for a Markdown or Graph with `mathjax=True`. */
export const mathjaxChunk = dccChunk("mathjax");
