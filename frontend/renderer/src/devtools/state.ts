// The dev tools' own state (outside the layout store): the error list, the open popup, the collapsed
// flag (kept in localStorage), the server status and per-callback figures. Observable for React.
import { addError, makeError, type DevError, type ErrorDetails } from "./errors";
import type { ServerStatus } from "./hotReload";
import { addCall, emptyFigures, type CallbackFigures, type CallRecord, type NetworkInfo } from "./stats";

export type PopupName = "errors" | "callbacks" | null;

export const COLLAPSED_KEY = "dash_debug_menu_collapsed";

type Listener = () => void;

/** The part of Web Storage used to remember the collapsed menu. */
export interface FlagStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export class DevToolsState {
  errors: DevError[] = [];
  popup: PopupName = null;
  collapsed: boolean;
  serverStatus: ServerStatus;
  /** Figures per callback, by the callback's `output` string. */
  readonly figures = new Map<string, CallbackFigures>();
  /** Bumped on every change (the React snapshot). */
  version = 0;
  private nextId = 1;
  private readonly listeners = new Set<Listener>();
  private readonly network = new Map<string, NetworkInfo>();

  constructor(
    hotReload: boolean,
    private readonly storage: FlagStorage | null,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.serverStatus = hotReload ? "available" : "cold";
    this.collapsed = readFlag(storage);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Add an error card; the Errors popup opens whenever the list changes. */
  report(title: string, message: string, details: ErrorDetails = {}): void {
    const error = makeError(this.nextId++, title, message, details, this.now());
    this.errors = addError(this.errors, error);
    this.popup = "errors";
    this.changed();
  }

  /** Open `name`, or close it when it is the open one. */
  togglePopup(name: Exclude<PopupName, null>): void {
    this.popup = this.popup === name ? null : name;
    this.changed();
  }

  closePopup(): void {
    this.popup = null;
    this.changed();
  }

  toggleCollapsed(): void {
    this.collapsed = !this.collapsed;
    try {
      if (this.storage) this.storage.setItem(COLLAPSED_KEY, String(this.collapsed));
    } catch {
      // storage full or blocked: the flag lasts for this page only
    }
    this.changed();
  }

  setServerStatus(status: ServerStatus): void {
    if (status === this.serverStatus) return;
    this.serverStatus = status;
    this.changed();
  }

  /** What the page saw of the last HTTP exchange of the callback with this `output`. */
  noteNetwork(output: string, info: NetworkInfo): void {
    this.network.set(output, info);
  }

  /** One finished call of the callback with this `output` (network details joined when known). */
  recordCall(output: string, record: CallRecord): void {
    const network = this.network.get(output);
    this.network.delete(output);
    const full = network && !record.clientside ? { ...record, network } : record;
    this.figures.set(output, addCall(this.figures.get(output) || emptyFigures(), full));
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}

function readFlag(storage: FlagStorage | null): boolean {
  try {
    return Boolean(storage) && storage!.getItem(COLLAPSED_KEY) === "true";
  } catch {
    return false;
  }
}
