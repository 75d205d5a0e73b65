// Chunk `dcc/async-datepicker.js`: both date pickers with date-fns and their popover.
import { defineChunk } from "../../../../../shims/chunk-loader";
import { DatePickerRange } from "../../components/DatePickerRange";
import { DatePickerSingle } from "../../components/DatePickerSingle";
import { datepickerChunk } from "../chunks";

defineChunk(datepickerChunk.key, { DatePickerSingle, DatePickerRange });
