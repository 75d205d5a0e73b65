// DataTable's persistence statics (renderer §3.6): the documented props, and for `columns` only the
// renamed headers. Read by the renderer from the registered class, before the table chunk loads.
import type { Column } from "../types";

export const TABLE_PERSISTENCE = {
  persisted_props: ["columns.name", "filter_query", "hidden_columns", "page_current", "selected_columns", "selected_rows", "sort_by"],
  persistence_type: "local",
};

export const TABLE_PERSISTENCE_TRANSFORMS = {
  columns: {
    name: {
      extract: (columns: Column[] | undefined) => (columns ?? []).map((c) => c.name),
      apply: (names: Column["name"][], columns: Column[] | undefined) =>
        (columns ?? []).map((c, i) => (i < names.length ? { ...c, name: names[i] } : c)),
    },
  },
};
