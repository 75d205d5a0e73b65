// The `show_undo_redo` toolbar (dom-contract §2): `div._dash-undo-redo > div` holding an undo and a redo
// link, each shown only while there is something to undo or redo. Clicking replays the recorded edit
// through the engine, so callbacks listening to the restored props run as after a user change.
import React from "react";
import { addStyleSheet } from "../../../shared/styleSheet";
import type { Engine } from "../engine";
import type { PropHistory } from "../store/history";

export const UNDO_REDO_STYLE_ID = "_dash-undo-redo-style";

const CSS = `
._dash-undo-redo { min-height: 30px; box-sizing: border-box; padding: 4px 8px;
  font: 13px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2d3d; }
._dash-undo-redo > div { display: flex; align-items: center; gap: 6px; }
._dash-undo-redo-link { display: inline-flex; align-items: center; gap: 5px; padding: 2px 11px 2px 8px;
  border: 1px solid #d5dde6; border-radius: 13px; background: #fff; cursor: pointer; user-select: none;
  transition: background-color .12s, border-color .12s; }
._dash-undo-redo-link:hover { background: #eef2f6; border-color: #b9c6d3; }
._dash-undo-redo-link:active { background: #dfe8f3; }
._dash-undo-redo-link:focus-visible { outline: 2px solid #7aa7d9; outline-offset: 1px; }
._dash-icon-undo, ._dash-icon-redo { font-size: 15px; line-height: 1; color: #3d6fa8; }
._dash-undo-redo-label { letter-spacing: .02em; }
`;


interface LinkProps {
  kind: "undo" | "redo";
  icon: string;
  onActivate: () => void;
}

/** Keep the focus where it is: a blur of the edited input would otherwise count as a change. */
function keepFocus(event: React.MouseEvent): void {
  event.preventDefault();
}

/** `span._dash-undo-redo-link` with its icon and label; also usable from the keyboard. */
function HistoryLink({ kind, icon, onActivate }: LinkProps): React.ReactElement {
  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    onActivate();
  };
  return (
    <span
      className="_dash-undo-redo-link"
      role="button"
      tabIndex={0}
      title={kind === "undo" ? "Undo the last change" : "Redo the last undone change"}
      onMouseDown={keepFocus}
      onClick={onActivate}
      onKeyDown={onKeyDown}
    >
      <div className={`_dash-icon-${kind}`} aria-hidden="true">
        {icon}
      </div>
      <div className="_dash-undo-redo-label">{kind}</div>
    </span>
  );
}

/** The toolbar; re-renders whenever the history's stacks change. */
export function UndoRedo({ engine, history }: { engine: Engine; history: PropHistory }): React.ReactElement {
  React.useSyncExternalStore(history.subscribe, () => history.version);
  React.useInsertionEffect(() => addStyleSheet(UNDO_REDO_STYLE_ID, CSS), []);
  const undo = React.useCallback(() => engine.undo(), [engine]);
  const redo = React.useCallback(() => engine.redo(), [engine]);
  return (
    <div className="_dash-undo-redo">
      <div>
        {history.canUndo ? <HistoryLink key="undo" kind="undo" icon={"\u21ba"} onActivate={undo} /> : null}
        {history.canRedo ? <HistoryLink key="redo" kind="redo" icon={"\u21bb"} onActivate={redo} /> : null}
      </div>
    </div>
  );
}
