// What a cell shows: numbers through d3-format (column `format` over the table's
// `locale_format`), empty values as `format.nully`, booleans as "true"/"false".
import { formatLocale } from "d3-format";
import type { Column, ColumnFormat, LocaleFormat } from "../types";

const DEFAULT_LOCALE: Required<Pick<LocaleFormat, "symbol" | "decimal" | "group" | "grouping" | "percent">> = {
  symbol: ["$", ""],
  decimal: ".",
  group: ",",
  grouping: [3],
  percent: "%",
};

export type CellFormatter = (value: unknown) => string;

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
}

/** Plain text of a value with no number format. */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function numberFormatter(format: ColumnFormat, tableLocale: LocaleFormat | undefined): (value: number) => string {
  const locale = { ...DEFAULT_LOCALE, ...(tableLocale ?? {}), ...(format.locale ?? {}) };
  const d3 = formatLocale({
    decimal: locale.decimal,
    thousands: locale.group,
    grouping: locale.grouping,
    currency: [locale.symbol[0] ?? "", locale.symbol[1] ?? ""],
    percent: locale.percent,
    numerals: locale.numerals,
  });
  const specifier = format.specifier ?? "";
  const prefix = format.prefix;
  const main = typeof prefix === "number" ? d3.formatPrefix(specifier || ",", prefix) : d3.format(specifier);
  if (locale.separate_4digits !== false || !specifier.includes(",")) return main;
  // Without separate_4digits, four-digit numbers are not grouped (1234, but 12,345).
  const ungrouped = typeof prefix === "number"
    ? d3.formatPrefix(specifier.replace(",", ""), prefix)
    : d3.format(specifier.replace(",", ""));
  return (value) => (Math.abs(value) < 10000 ? ungrouped(value) : main(value));
}

/** The formatter of one column's cells. */
export function cellFormatter(column: Column, tableLocale?: LocaleFormat): CellFormatter {
  const format = column.format;
  if (column.type !== "numeric" || !format) return plainText;
  const nully = format.nully ?? "";
  let toText: (value: number) => string;
  try {
    toText = numberFormatter(format, tableLocale);
  } catch {
    // An invalid specifier shows values unformatted rather than breaking the table.
    toText = String;
  }
  return (value) => {
    if (isEmpty(value)) return plainText(nully);
    if (typeof value === "number") return toText(value);
    return plainText(value);
  };
}
