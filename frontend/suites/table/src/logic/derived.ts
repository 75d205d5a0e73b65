// The read-only `derived_*` props: what is left after filtering and sorting (virtual) and what
// is on the current page (viewport), as rows, indices into `data` and row ids.
import type { Row, RowId } from "../types";
import { rowsAt } from "./rows";

export interface DerivedProps {
  derived_virtual_data: Row[];
  derived_virtual_indices: number[];
  derived_virtual_row_ids: (RowId | null)[];
  derived_virtual_selected_rows: number[];
  derived_virtual_selected_row_ids: (RowId | null)[];
  derived_viewport_data: Row[];
  derived_viewport_indices: number[];
  derived_viewport_row_ids: (RowId | null)[];
  derived_viewport_selected_rows: number[];
  derived_viewport_selected_row_ids: (RowId | null)[];
  derived_viewport_selected_columns: string[];
}

/** The `id` of a row (its row id), or null. */
export function rowIdOf(row: Row | undefined): RowId | null {
  const id = row?.id;
  return typeof id === "string" || typeof id === "number" ? id : null;
}

function positionsOf(selected: number[], indices: number[]): number[] {
  if (!selected.length) return [];
  const position = new Map<number, number>();
  indices.forEach((dataIndex, i) => position.set(dataIndex, i));
  const found: number[] = [];
  for (const dataIndex of selected) {
    const at = position.get(dataIndex);
    if (at !== undefined) found.push(at);
  }
  return found;
}

export type VirtualProps = Pick<
  DerivedProps,
  | "derived_virtual_data"
  | "derived_virtual_indices"
  | "derived_virtual_row_ids"
  | "derived_virtual_selected_rows"
  | "derived_virtual_selected_row_ids"
>;

export type ViewportProps = Omit<DerivedProps, keyof VirtualProps>;

/** The `derived_virtual_*` props: every row left after filtering and sorting. */
export function deriveVirtual(data: Row[], virtualIndices: number[], selectedRows: number[]): VirtualProps {
  const rows = rowsAt(data, virtualIndices);
  const selected = positionsOf(selectedRows, virtualIndices);
  return {
    derived_virtual_data: rows,
    derived_virtual_indices: virtualIndices,
    derived_virtual_row_ids: rows.map(rowIdOf),
    derived_virtual_selected_rows: selected,
    derived_virtual_selected_row_ids: selected.map((p) => rowIdOf(rows[p])),
  };
}

/** The `derived_viewport_*` props: the rows of the current page (or rendered window). When
 *  `virtual` describes the same index list, its arrays are reused rather than built again. */
export function deriveViewport(
  data: Row[],
  viewportIndices: number[],
  selectedRows: number[],
  selectedColumns: string[],
  visibleColumnIds: string[],
  virtual?: VirtualProps,
): ViewportProps {
  const same = virtual !== undefined && virtual.derived_virtual_indices === viewportIndices;
  const rows = same ? virtual.derived_virtual_data : rowsAt(data, viewportIndices);
  const selected = same ? virtual.derived_virtual_selected_rows : positionsOf(selectedRows, viewportIndices);
  const visible = new Set(visibleColumnIds);
  return {
    derived_viewport_data: rows,
    derived_viewport_indices: viewportIndices,
    derived_viewport_row_ids: same ? virtual.derived_virtual_row_ids : rows.map(rowIdOf),
    derived_viewport_selected_rows: selected,
    derived_viewport_selected_row_ids: same ? virtual.derived_virtual_selected_row_ids : selected.map((p) => rowIdOf(rows[p])),
    derived_viewport_selected_columns: selectedColumns.filter((id) => visible.has(id)),
  };
}
