// The read-only `derived_*` props: what is left after filtering and sorting (virtual) and what
// is on the current page (viewport), as rows, indices into `data` and row ids.
import type { Row, RowId } from "../types";

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
  const position = new Map<number, number>();
  indices.forEach((dataIndex, i) => position.set(dataIndex, i));
  const found: number[] = [];
  for (const dataIndex of selected) {
    const at = position.get(dataIndex);
    if (at !== undefined) found.push(at);
  }
  return found;
}

/** Every derived prop, from the data and the index lists the row pipeline produced. */
export function deriveProps(
  data: Row[],
  virtualIndices: number[],
  viewportIndices: number[],
  selectedRows: number[],
  selectedColumns: string[],
  visibleColumnIds: string[],
): DerivedProps {
  const virtualData = virtualIndices.map((i) => data[i]);
  const viewportData = viewportIndices.map((i) => data[i]);
  const virtualSelected = positionsOf(selectedRows, virtualIndices);
  const viewportSelected = positionsOf(selectedRows, viewportIndices);
  const visible = new Set(visibleColumnIds);
  return {
    derived_virtual_data: virtualData,
    derived_virtual_indices: virtualIndices,
    derived_virtual_row_ids: virtualData.map(rowIdOf),
    derived_virtual_selected_rows: virtualSelected,
    derived_virtual_selected_row_ids: virtualSelected.map((p) => rowIdOf(virtualData[p])),
    derived_viewport_data: viewportData,
    derived_viewport_indices: viewportIndices,
    derived_viewport_row_ids: viewportData.map(rowIdOf),
    derived_viewport_selected_rows: viewportSelected,
    derived_viewport_selected_row_ids: viewportSelected.map((p) => rowIdOf(viewportData[p])),
    derived_viewport_selected_columns: selectedColumns.filter((id) => visible.has(id)),
  };
}
