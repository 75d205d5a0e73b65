// Dropdown cells (renderer §7): the options a cell offers (`dropdown_data` for the row, else the
// last matching `dropdown_conditional`, else the column's `dropdown`) and the search over them.
import type { Column, DataTableProps, DropdownOption, DropdownSpec, Row } from "../types";
import { matches } from "./styles";

/** The dropdown of the cell of `column` in `row` (data index `dataIndex`), or null. */
export function dropdownFor(
  props: Pick<DataTableProps, "dropdown" | "dropdown_conditional" | "dropdown_data">,
  column: Column,
  row: Row,
  dataIndex: number,
): DropdownSpec | null {
  const own = props.dropdown_data?.[dataIndex]?.[column.id];
  if (own) return own;
  const conditional = props.dropdown_conditional ?? [];
  for (let i = conditional.length - 1; i >= 0; i--) {
    const entry = conditional[i];
    if (entry.options && matches({ if: entry.if }, { column, editable: false, row })) return entry;
  }
  return props.dropdown?.[column.id] ?? null;
}

/** The option whose value is `value`, if any. */
export function optionOf(options: DropdownOption[], value: unknown): DropdownOption | undefined {
  return options.find((option) => option.value === value);
}

/** The options whose label contains `search` (ignoring case); all of them for an empty search. */
export function searchOptions(options: DropdownOption[], search: string): DropdownOption[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return options;
  return options.filter((option) => String(option.label).toLowerCase().includes(needle));
}
