import { test } from "node:test";
import assert from "node:assert/strict";
import { defineChunk, resetChunks } from "../../../shims/chunk-loader";
import { xlsxChunk } from "../src/lazy/chunks";
import { exportFileName, exportTable } from "../src/lazy/export";
import type { SheetRow } from "../src/logic/sheet";
import { columnWidths, sheetCell, toSheetRows } from "../src/logic/sheet";
import type { Column } from "../src/types";

const columns: Column[] = [
  { id: "city", name: ["Place", "City"] },
  { id: "country", name: ["Place", "Country"] },
  { id: "sales", name: ["Figures", "Sales"], type: "numeric" },
];
const rows = [
  { city: "Lyon", country: "France", sales: 1250.5 },
  { city: "Oslo", country: "Norway", sales: null },
];

function values(lines: SheetRow[]): unknown[][] {
  return lines.map((line) => line.map((cell) => (cell === null ? null : cell.value)));
}

test("xlsx cells keep numbers and booleans typed and leave empty values empty", () => {
  assert.deepEqual(sheetCell(3.5), { value: 3.5, type: Number });
  assert.deepEqual(sheetCell(true), { value: true, type: Boolean });
  assert.deepEqual(sheetCell("12"), { value: "12", type: String });
  assert.deepEqual(sheetCell({ a: 1 }), { value: '{"a":1}', type: String });
  assert.equal(sheetCell(null), null);
  assert.equal(sheetCell(undefined), null);
  assert.equal(sheetCell(""), null);
  // Excel cannot store NaN: it is written as the text the table shows.
  assert.deepEqual(sheetCell(Number.NaN), { value: "NaN", type: String });
});

test("xlsx header lines follow export_headers like the CSV export", () => {
  assert.deepEqual(values(toSheetRows(rows, columns, "none", false)), [
    ["Lyon", "France", 1250.5],
    ["Oslo", "Norway", null],
  ]);
  assert.deepEqual(values(toSheetRows(rows, columns, "ids", false)).slice(0, 1), [["city", "country", "sales"]]);
  assert.deepEqual(values(toSheetRows(rows, columns, "names", true)).slice(0, 2), [
    ["Place", "Place", "Figures"],
    ["City", "Country", "Sales"],
  ]);
  assert.deepEqual(values(toSheetRows(rows, columns, "display", false)).slice(0, 2), [
    ["Place", "Place", "Figures"],
    ["City", "Country", "Sales"],
  ]);
});

test("display headers with merge_duplicate_headers become merged cells", () => {
  const [top, bottom] = toSheetRows(rows, columns, "display", true);
  assert.equal(top[0]?.value, "Place");
  assert.equal(top[0]?.columnSpan, 2);
  assert.equal(top[1], null, "the cell covered by the merge is left empty");
  assert.equal(top[2]?.value, "Figures");
  assert.equal(top[2]?.columnSpan, undefined);
  assert.deepEqual(bottom.map((cell) => cell?.value), ["City", "Country", "Sales"]);
  assert.ok(bottom.every((cell) => cell?.fontWeight === "bold"), "header cells stand out");
});

test("column widths fit the longest text but ignore merged header labels", () => {
  const lines = toSheetRows(
    [{ city: "A city with a rather long name indeed", country: "X", sales: 1 }],
    [{ id: "city", name: ["A very long merged group label", "City"] }, { id: "country", name: ["A very long merged group label", "C"] }, { id: "sales" }],
    "display",
    true,
  );
  const [city, country, sales] = columnWidths(lines);
  assert.equal(city, "A city with a rather long name indeed".length + 2);
  assert.equal(country, 8);
  assert.equal(sales, 8);
  assert.deepEqual(columnWidths([[{ value: "x".repeat(200), type: String }]]), [50]);
});

test("an xlsx export hands the typed sheet to the xlsx chunk as Data.xlsx", async () => {
  resetChunks();
  const saved: { rows: SheetRow[]; widths: number[]; fileName: string }[] = [];
  defineChunk(xlsxChunk.key, {
    saveWorkbook: async (sheet: SheetRow[], widths: number[], fileName: string) => {
      saved.push({ rows: sheet, widths, fileName });
    },
  });
  await exportTable({ format: "xlsx", rows, columns, headers: "names", mergeHeaders: false });
  assert.equal(saved.length, 1);
  assert.equal(saved[0].fileName, "Data.xlsx");
  assert.deepEqual(values(saved[0].rows)[2], ["Lyon", "France", 1250.5]);
  assert.equal(saved[0].widths.length, 3);
  resetChunks();
});

test("an xlsx chunk that publishes no writer is reported, naming the chunk", async () => {
  resetChunks();
  defineChunk(xlsxChunk.key, {});
  await assert.rejects(
    exportTable({ format: "xlsx", rows, columns, headers: "ids", mergeHeaders: false }),
    /async-xlsx\.js did not publish saveWorkbook/,
  );
  resetChunks();
});

test("export file names are Data.csv and Data.xlsx; the xlsx chunk is async-xlsx.js", () => {
  assert.equal(exportFileName("csv"), "Data.csv");
  assert.equal(exportFileName("xlsx"), "Data.xlsx");
  assert.equal(xlsxChunk.key, "dash_table/xlsx");
  assert.match(xlsxChunk.url, /async-xlsx\.js$/);
});
