// The Export button's action: CSV is written on the spot; xlsx fetches the xlsx chunk (the zip
// writer) the first time and hands it the typed sheet.
import type { Column, Row } from "../types";
import { download, toCsv } from "../logic/exporting";
import type { ExportHeaders } from "../logic/exporting";
import { columnWidths, toSheetRows } from "../logic/sheet";
import type { SheetRow } from "../logic/sheet";
import { xlsxChunk } from "./chunks";

/** What the xlsx chunk publishes: writes `rows` as a one-sheet workbook and downloads it. */
export type SaveWorkbook = (rows: SheetRow[], widths: number[], fileName: string) => Promise<void>;

/** What one Export click writes: the rows (filtered and sorted) and how to head them. */
export interface ExportRequest {
  format: "csv" | "xlsx";
  rows: Row[];
  columns: Column[];
  headers: ExportHeaders;
  mergeHeaders: boolean;
}

/** The file name of an export, as Dash names it. */
export function exportFileName(format: "csv" | "xlsx"): string {
  return format === "xlsx" ? "Data.xlsx" : "Data.csv";
}

/** Downloads `rows` as the workbook `fileName`, loading the writer the first time. */
export async function downloadWorkbook(rows: SheetRow[], fileName: string): Promise<void> {
  const exports = xlsxChunk.loaded() ?? (await xlsxChunk.load());
  const save = exports.saveWorkbook as SaveWorkbook | undefined;
  if (typeof save !== "function") {
    throw new Error(`${xlsxChunk.url} did not publish saveWorkbook; rebuild the front end (npm run build).`);
  }
  await save(rows, columnWidths(rows), fileName);
}

/** Writes and downloads the export file of `request`. */
export async function exportTable(request: ExportRequest): Promise<void> {
  const { format, rows, columns, headers, mergeHeaders } = request;
  const fileName = exportFileName(format);
  if (format === "xlsx") {
    await downloadWorkbook(toSheetRows(rows, columns, headers, mergeHeaders), fileName);
  } else {
    download(toCsv(rows, columns, headers, mergeHeaders), fileName, "text/csv;charset=utf-8");
  }
}
