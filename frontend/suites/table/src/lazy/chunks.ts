// The async chunk of dash_table (`dash_table/async-table.js`, built from ./entries/table.ts): the
// whole DataTable. The main bundle keeps only the styles and the stand-in.
import { chunkHandle, currentScriptFolder } from "../../../../shims/chunk-loader";

export const TABLE_NAMESPACE = "dash_table";

/** DataTable with the row pipeline, filtering, editing, virtualization and export. */
export const tableChunk = chunkHandle(
  TABLE_NAMESPACE,
  "table",
  currentScriptFolder("dash_table/bundle"),
  process.env.NODE_ENV === "development",
);

/** The xlsx writer (`dash_table/async-xlsx.js`): fetched by the table the first time a user exports xlsx. */
export const xlsxChunk = chunkHandle(
  TABLE_NAMESPACE,
  "xlsx",
  currentScriptFolder("dash_table/bundle"),
  process.env.NODE_ENV === "development",
);
