// Chunk `dash_table/async-table.js`: the DataTable implementation.
import { defineChunk } from "../../../../../shims/chunk-loader";
import { DataTable } from "../../components/DataTable";
import { tableChunk } from "../chunks";

defineChunk(tableChunk.key, { DataTable });
