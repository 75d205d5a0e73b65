// Chunk `dcc/async-dropdown.js`: dcc.Dropdown and its Radix popover.
import { defineChunk } from "../../../../../shims/chunk-loader";
import { Dropdown } from "../../components/Dropdown";
import { dropdownChunk } from "../chunks";

defineChunk(dropdownChunk.key, { Dropdown });
