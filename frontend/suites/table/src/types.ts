// Shapes of the DataTable props (renderer §7), as the suite reads them.

export type ColumnType = "any" | "numeric" | "text" | "datetime";
export type RowId = string | number;
export type Row = Record<string, unknown>;
/** A per-header-row flag: one for all rows, only the first/last row, or one per row. */
export type HeaderFlag = boolean | "first" | "last" | boolean[];
export type FilterCase = "sensitive" | "insensitive";

export interface FilterOptions {
  case?: FilterCase;
  placeholder_text?: string;
}

export interface LocaleFormat {
  symbol?: string[];
  decimal?: string;
  group?: string;
  grouping?: number[];
  numerals?: string[];
  percent?: string;
  separate_4digits?: boolean;
}

export interface ColumnFormat {
  locale?: LocaleFormat;
  nully?: unknown;
  prefix?: number | null;
  specifier?: string;
}

export interface Column {
  id: string;
  name?: string | string[];
  type?: ColumnType;
  presentation?: "input" | "dropdown" | "markdown";
  editable?: boolean;
  clearable?: HeaderFlag;
  deletable?: HeaderFlag;
  renamable?: HeaderFlag;
  hideable?: HeaderFlag;
  selectable?: HeaderFlag;
  format?: ColumnFormat;
  on_change?: { action?: "coerce" | "none" | "validate"; failure?: "accept" | "default" | "reject" };
  validation?: { allow_null?: boolean; default?: unknown; allow_YY?: boolean };
  filter_options?: FilterOptions;
  sort_as_null?: unknown[];
}

export interface Cell {
  row: number;
  column: number;
  row_id?: RowId;
  column_id: string;
}

export interface SortEntry {
  column_id: string;
  direction: "asc" | "desc";
}

export type StyleObject = Record<string, string | number>;

export interface ConditionalStyle {
  if?: {
    column_id?: string | string[];
    column_type?: ColumnType;
    column_editable?: boolean;
    filter_query?: string;
    row_index?: number | number[] | "odd" | "even";
    header_index?: number | number[] | "odd" | "even";
    state?: "active" | "selected";
  };
  [cssProperty: string]: unknown;
}

export interface DropdownOption {
  label: string;
  value: string | number | boolean;
}

export interface DropdownSpec {
  options: DropdownOption[];
  clearable?: boolean;
}

export interface TooltipSpec {
  value: string;
  type?: "text" | "markdown";
  delay?: number | null;
  duration?: number | null;
  use_with?: "both" | "data" | "header";
}

export type FilterAction = "custom" | "native" | "none" | { type: "custom" | "native"; operator?: "and" | "or" };

export interface DataTableProps {
  id?: string | Record<string, unknown>;
  setProps?: (changes: Record<string, unknown>) => void;
  columns?: Column[];
  data?: Row[];
  editable?: boolean;
  hidden_columns?: string[];
  merge_duplicate_headers?: boolean;
  locale_format?: LocaleFormat;
  markdown_options?: { link_target?: string; html?: boolean };
  css?: { selector: string; rule: string }[];
  fill_width?: boolean;
  style_as_list_view?: boolean;
  style_table?: StyleObject;
  style_cell?: StyleObject;
  style_data?: StyleObject;
  style_filter?: StyleObject;
  style_header?: StyleObject;
  style_cell_conditional?: ConditionalStyle[];
  style_data_conditional?: ConditionalStyle[];
  style_filter_conditional?: ConditionalStyle[];
  style_header_conditional?: ConditionalStyle[];
  sort_action?: "custom" | "native" | "none";
  sort_mode?: "single" | "multi";
  sort_by?: SortEntry[];
  sort_as_null?: unknown[];
  filter_action?: FilterAction;
  filter_query?: string;
  filter_options?: FilterOptions;
  page_action?: "custom" | "native" | "none";
  page_current?: number;
  page_size?: number;
  page_count?: number;
  row_selectable?: "single" | "multi" | false;
  selected_rows?: number[];
  selected_row_ids?: RowId[];
  column_selectable?: "single" | "multi" | false;
  selected_columns?: string[];
  cell_selectable?: boolean;
  active_cell?: Cell | null;
  selected_cells?: Cell[];
  start_cell?: Cell | null;
  end_cell?: Cell | null;
  is_focused?: boolean;
  row_deletable?: boolean;
  data_previous?: Row[] | null;
  data_timestamp?: number;
  include_headers_on_copy_paste?: boolean;
  export_format?: "csv" | "xlsx" | "none";
  export_columns?: "all" | "visible";
  export_headers?: "none" | "ids" | "names" | "display";
  fixed_rows?: { headers?: boolean; data?: number };
  fixed_columns?: { headers?: boolean; data?: number };
  virtualization?: boolean;
  dropdown?: Record<string, DropdownSpec>;
  dropdown_conditional?: (DropdownSpec & { if?: { column_id?: string; filter_query?: string } })[];
  dropdown_data?: Record<string, DropdownSpec>[];
  tooltip?: Record<string, string | TooltipSpec>;
  tooltip_data?: Record<string, string | TooltipSpec>[];
  tooltip_header?: Record<string, string | TooltipSpec | (string | TooltipSpec | null)[]>;
  tooltip_conditional?: (TooltipSpec & { if: { column_id?: string; filter_query?: string; row_index?: number | "odd" | "even" } })[];
  tooltip_delay?: number | null;
  tooltip_duration?: number | null;
  [other: string]: unknown;
}
