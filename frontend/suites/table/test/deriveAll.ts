// Test helper: every derived prop at once, composed the way the DataTable composes them.
import { deriveViewport, deriveVirtual, type DerivedProps } from "../src/logic/derived";
import type { Row } from "../src/types";

/** Every derived prop, from the data and the index lists the row pipeline produced. */
export function deriveProps(
  data: Row[],
  virtualIndices: number[],
  viewportIndices: number[],
  selectedRows: number[],
  selectedColumns: string[],
  visibleColumnIds: string[],
): DerivedProps {
  const virtual = deriveVirtual(data, virtualIndices, selectedRows);
  return { ...virtual, ...deriveViewport(data, viewportIndices, selectedRows, selectedColumns, visibleColumnIds, virtual) };
}
