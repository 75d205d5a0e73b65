// dcc.Tabs rules (renderer §5.3): each Tab's value (default `tab-<n>`) and which one is selected.

export interface TabInfo {
  value: string;
  disabled: boolean;
}

/** The value of the Tab at `index` (0-based): its own `value`, else `tab-<index + 1>`. */
export function tabValue(value: unknown, index: number): string {
  return value === undefined || value === null ? `tab-${index + 1}` : String(value);
}

/** The selected value: `value` when given, else the first tab's value (`tab-1` when there is none). */
export function selectedValue(value: unknown, tabs: TabInfo[]): string {
  if (value !== undefined && value !== null) return String(value);
  return tabs.length ? tabs[0].value : "tab-1";
}

/** CSS width of a Tab: numbers are pixels. */
export function tabWidth(width: unknown): string | undefined {
  if (typeof width === "number") return `${width}px`;
  return typeof width === "string" && width ? width : undefined;
}
