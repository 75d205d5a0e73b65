// The spreadsheet body (dom-contract §7.1): the scrolling container with its inner box and the four
// fragments. Without fixed rows or columns everything is one table in `.cell-1-1`; with them the
// header (and fixed data) rows go to the top fragments and the fixed columns to the left ones.
// Every fragment keeps full rows and marks the cells of other fragments as phantoms; the top row
// of fragments and the left column stick (CSS `position: sticky`) while the container scrolls.
import React from "react";
import { columnParts } from "../logic/fixed";
import type { ColumnPart, FixedSplit } from "../logic/fixed";
import type { StyleObject } from "../types";
import { useAlignedColumns } from "./useAlignedColumns";
import type { RowWindow } from "./useRowWindow";

export interface GridProps {
  /** State classes shared by the container and the inner box. */
  stateClasses: string;
  styleTable: StyleObject | undefined;
  scrollRef: React.RefObject<HTMLDivElement>;
  split: FixedSplit;
  columnCount: number;
  operationColumns: number;
  /** Header and filter rows of the table. */
  headerRowCount: number;
  /** Rows on the page (fixed top rows included). */
  rowCount: number;
  /** The rendered window of the non-fixed rows, in page-row positions. */
  body: RowWindow;
  fill: boolean;
  /** Header and filter rows for one fragment's column part. */
  renderHeaders(part: ColumnPart): React.ReactNode;
  /** Data rows [`start`, `end`) for one fragment's column part. */
  renderRows(part: ColumnPart, start: number, end: number): React.ReactNode;
  /** Changes that alter the natural column widths (the table re-measures them). */
  layoutKey: unknown[];
}

function spacer(height: number, where: string): React.ReactNode {
  return height > 0 ? <tr key={where} className="dash-virtual-spacer" style={{ height }} /> : null;
}

function Fragment(props: { name: string; cells: number; aligned: boolean; rows: React.ReactNode[] }): React.ReactElement {
  const rows = props.rows.filter((c) => c !== null && c !== undefined && c !== false);
  if (!rows.length) return <div className={`cell ${props.name}`} />;
  return (
    <div className={`cell ${props.name}`}>
      <table className="cell-table" tabIndex={-1}>
        {props.aligned ? (
          <colgroup>
            {Array.from({ length: props.cells }, (_, i) => (
              <col key={i} />
            ))}
          </colgroup>
        ) : null}
        <tbody>
          {rows.map((part, i) => (
            <React.Fragment key={i}>{part}</React.Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Grid(props: GridProps): React.ReactElement {
  const { split, body } = props;
  const innerRef = React.useRef<HTMLDivElement>(null);
  // Stable parts keep the memoized rows from re-rendering when nothing about them changed.
  const parts = React.useMemo(
    () => columnParts(split, props.columnCount),
    [split.leftColumns, props.columnCount], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const aligned = split.headersOnTop || split.leftColumns > 0;
  const cells = props.operationColumns + props.columnCount;
  const topRows = split.topDataRows;
  const headerRows = props.headerRowCount;
  useAlignedColumns(
    innerRef,
    props.scrollRef,
    {
      active: aligned,
      cellCount: cells,
      operationColumns: props.operationColumns,
      leftCells: split.leftColumns ? props.operationColumns + split.leftColumns : 0,
      fill: props.fill,
      matchedRows: split.headersOnTop ? [headerRows + topRows, 0] : [0, headerRows],
    },
    props.layoutKey,
  );

  // Rows of a top (fixed-row) and a bottom fragment, for one column part.
  const topFragment = (part: ColumnPart): React.ReactNode[] =>
    split.headersOnTop ? [props.renderHeaders(part), topRows ? props.renderRows(part, 0, topRows) : null] : [];
  const bottomFragment = (part: ColumnPart): React.ReactNode[] => [
    split.headersOnTop ? null : props.renderHeaders(part),
    spacer(body.padTop, "pad-top"),
    body.end > body.start ? props.renderRows(part, body.start, body.end) : null,
    spacer(body.padBottom, "pad-bottom"),
  ];
  const noRows: React.ReactNode[] = [];
  return (
    <div className={`dash-spreadsheet-container ${props.stateClasses}`} style={props.styleTable} ref={props.scrollRef}>
      <div className={`dash-spreadsheet-inner ${props.stateClasses}`} ref={innerRef}>
        <div className="dt-table-container__row dt-table-container__row-0">
          <Fragment name="cell-0-0 dash-fixed-row dash-fixed-column" cells={cells} aligned={aligned} rows={parts.left ? topFragment(parts.left) : noRows} />
          <Fragment name="cell-0-1 dash-fixed-row" cells={cells} aligned={aligned} rows={topFragment(parts.right)} />
        </div>
        <div className="dt-table-container__row dt-table-container__row-1">
          <Fragment name="cell-1-0 dash-fixed-column" cells={cells} aligned={aligned} rows={parts.left ? bottomFragment(parts.left) : noRows} />
          <Fragment name="cell-1-1 dash-fixed-content" cells={cells} aligned={aligned} rows={bottomFragment(parts.right)} />
        </div>
      </div>
    </div>
  );
}
