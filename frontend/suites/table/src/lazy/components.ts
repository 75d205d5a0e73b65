// The stand-in the main bundle registers for DataTable: it fetches the table chunk on first render.
import { lazyComponent } from "../../../../shims/lazy-component";
import { TABLE_PERSISTENCE, TABLE_PERSISTENCE_TRANSFORMS } from "../logic/persistence";
import type { DataTableProps } from "../types";
import { tableChunk } from "./chunks";

export const DataTable = lazyComponent<DataTableProps>(tableChunk, "DataTable", {
  dashPersistence: TABLE_PERSISTENCE,
  persistenceTransforms: TABLE_PERSISTENCE_TRANSFORMS,
});
