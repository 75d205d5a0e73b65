// Undo/redo history of user edits (`show_undo_redo`, renderer §4): each entry is one `setProps` a
// component made, with the values of its changed callback Inputs before and after. Callback outputs
// are never recorded; stepping through the history hands back the values to re-apply.
import type { DashId, Props } from "../types";

/** One user edit: the component's id and the changed props' values before and after it. */
export interface HistoryEntry {
  id: DashId;
  /** Values the changed props had before the edit (`undefined` for props that were unset). */
  before: Props;
  after: Props;
}

/** What undo or redo should write: the component id and the props to set on it. */
export interface HistoryStep {
  id: DashId;
  props: Props;
}

type Listener = () => void;

/**
 * The edit of one component between two prop sets, as `{before, after}`: only the `watched` props
 * (its callback Inputs) whose value changed (the store replaces changed values and keeps the others),
 * or null when none changed.
 */
export function editBetween(
  previous: Props,
  next: Props,
  watched: ReadonlySet<string>,
): { before: Props; after: Props } | null {
  let before: Props | null = null;
  const after: Props = {};
  for (const key of watched) {
    if (!(key in next) || Object.is(previous[key], next[key])) continue;
    before = before || {};
    before[key] = previous[key];
    after[key] = next[key];
  }
  return before && { before, after };
}

/** Two stacks of edits with a version counter for subscribers (React reads it with useSyncExternalStore). */
export class PropHistory {
  private readonly past: HistoryEntry[] = [];
  private readonly future: HistoryEntry[] = [];
  private readonly listeners = new Set<Listener>();
  private recording = false;
  /** Bumped on every change of either stack. */
  version = 0;

  /** Start accepting edits (mount-time defaults filled in before this are not the user's). */
  startRecording(): void {
    this.recording = true;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Remember a user edit; a new edit makes the undone ones unreachable, so the redo stack empties. */
  record(entry: HistoryEntry): void {
    if (!this.recording) return;
    this.past.push(entry);
    this.future.length = 0;
    this.changed();
  }

  /** Move the latest edit to the redo stack and return the values to restore, or null if none. */
  undo(): HistoryStep | null {
    const entry = this.past.pop();
    if (!entry) return null;
    this.future.push(entry);
    this.changed();
    return { id: entry.id, props: entry.before };
  }

  /** Move the latest undone edit back to the undo stack and return the values to re-apply, or null. */
  redo(): HistoryStep | null {
    const entry = this.future.pop();
    if (!entry) return null;
    this.past.push(entry);
    this.changed();
    return { id: entry.id, props: entry.after };
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}
