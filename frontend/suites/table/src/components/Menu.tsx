// The menu above the table (dom-contract §7.1): "Toggle Columns" for hideable/hidden columns and
// the "Export" button.
import React from "react";
import type { Column } from "../types";
import { labelAt, headerRowCount } from "../logic/headers";

export interface MenuProps {
  columns: Column[];
  hiddenColumns: string[];
  showToggle: boolean;
  showExport: boolean;
  onToggleColumn(columnId: string, visible: boolean): void;
  onExport(): void;
}

export function Menu(props: MenuProps): React.ReactElement {
  const [open, setOpen] = React.useState(false);
  const rows = headerRowCount(props.columns);
  const visibleCount = props.columns.filter((c) => !props.hiddenColumns.includes(c.id)).length;
  return (
    <div className="dash-spreadsheet-menu">
      {props.showToggle ? (
        <div className="dash-spreadsheet-menu-item">
          <button className="show-hide" onClick={() => setOpen(!open)}>
            Toggle Columns
          </button>
          {open ? (
            <div className="show-hide-menu">
              {props.columns.map((column) => {
                const visible = !props.hiddenColumns.includes(column.id);
                const canHide = Boolean(column.hideable) || !visible;
                return (
                  <div className="show-hide-menu-item" key={column.id}>
                    <input
                      type="checkbox"
                      checked={visible}
                      disabled={!canHide || (visible && visibleCount <= 1)}
                      onChange={() => props.onToggleColumn(column.id, !visible)}
                    />
                    <label>{labelAt(column, rows - 1, rows)}</label>
                  </div>
                );
              })}
            </div>
          ) : null}
        </div>
      ) : null}
      <div>
        {props.showExport ? (
          <button className="export" onClick={props.onExport}>
            Export
          </button>
        ) : null}
      </div>
    </div>
  );
}
