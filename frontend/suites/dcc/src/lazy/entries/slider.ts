// Chunk `dcc/async-slider.js`: Slider and RangeSlider (Radix slider, d3-format for the marks).
import { defineChunk } from "../../../../../shims/chunk-loader";
import { RangeSlider } from "../../components/RangeSlider";
import { Slider } from "../../components/Slider";
import { sliderChunk } from "../chunks";

defineChunk(sliderChunk.key, { Slider, RangeSlider });
