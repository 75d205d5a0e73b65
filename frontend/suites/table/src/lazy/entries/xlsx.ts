// Chunk `dash_table/async-xlsx.js`: writes the export workbook with write-excel-file. Kept out of
// the table chunk so that only users who click Export on an xlsx table download the zip writer.
import writeXlsxFile from "write-excel-file/browser";
import { defineChunk } from "../../../../../shims/chunk-loader";
import type { SheetRow } from "../../logic/sheet";
import { xlsxChunk } from "../chunks";
import type { SaveWorkbook } from "../export";

const saveWorkbook: SaveWorkbook = (rows: SheetRow[], widths: number[], fileName: string) =>
  writeXlsxFile(rows, { sheet: "Data", columns: widths.map((width) => ({ width })) }).toFile(fileName);

defineChunk(xlsxChunk.key, { saveWorkbook });
