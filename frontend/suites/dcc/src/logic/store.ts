// dcc.Store rules (renderer §5.4): the backends (memory, localStorage, sessionStorage) and what to
// do on mount and on every `data` change. Web storage keys: `<id>` (JSON data), `<id>-timestamp`.
import { deepEqual } from "./equal";

export type StorageType = "memory" | "local" | "session";

/** Where a Store keeps its data. `getItem` gives null when nothing is stored. */
export interface StoreBackend {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
  removeItem(key: string): void;
  getModified(key: string): number;
}

/** A backend over a Web Storage object; the timestamp lives under `<key>-timestamp`. */
export class WebStorageBackend implements StoreBackend {
  constructor(readonly storage: Storage) {}

  getItem(key: string): unknown {
    const text = this.storage.getItem(key);
    if (text === null) return null;
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }

  setItem(key: string, value: unknown): void {
    this.storage.setItem(key, JSON.stringify(value));
    this.storage.setItem(`${key}-timestamp`, String(Date.now()));
  }

  removeItem(key: string): void {
    this.storage.removeItem(key);
    this.storage.removeItem(`${key}-timestamp`);
  }

  getModified(key: string): number {
    const stamp = Number(this.storage.getItem(`${key}-timestamp`));
    return Number.isFinite(stamp) && stamp > 0 ? stamp : -1;
  }
}

/** Keeps data for the life of one mounted Store (the layout itself holds it afterwards). */
export class MemoryBackend implements StoreBackend {
  private readonly items = new Map<string, { value: unknown; modified: number }>();

  getItem(key: string): unknown {
    const item = this.items.get(key);
    return item === undefined ? null : item.value;
  }

  setItem(key: string, value: unknown): void {
    this.items.set(key, { value, modified: Date.now() });
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  getModified(key: string): number {
    return this.items.get(key)?.modified ?? -1;
  }
}

/** What the Store must do: write its data to the backend and/or send props to the renderer. */
export interface StoreStep {
  write?: { value: unknown };
  remove?: boolean;
  props?: Record<string, unknown>;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined;
}

/** On mount: stored data wins over the layout's; otherwise the layout's data is stored. */
export function mountStep(backend: StoreBackend, key: string, data: unknown): StoreStep {
  const stored = backend.getItem(key);
  if (isEmpty(stored)) {
    if (isEmpty(data)) return {};
    return { write: { value: data }, props: { modified_timestamp: "now" } };
  }
  if (deepEqual(stored, data)) return {};
  return { props: { data: stored, modified_timestamp: backend.getModified(key) } };
}

/** On a later prop change: `clear_data` erases; new `data` is written and time-stamped. */
export function updateStep(backend: StoreBackend, key: string, data: unknown, clearData: unknown): StoreStep {
  if (clearData) return { remove: true, props: { data: null, clear_data: false } };
  if (deepEqual(backend.getItem(key), data)) return {};
  return { write: { value: data }, props: { modified_timestamp: "now" } };
}

/**
 * Carries out a step against the backend; returns the props to send (a `"now"` timestamp becomes
 * the backend's modification time of the write).
 */
export function applyStep(backend: StoreBackend, key: string, step: StoreStep): Record<string, unknown> | null {
  if (step.remove) backend.removeItem(key);
  if (step.write) backend.setItem(key, step.write.value);
  if (!step.props) return null;
  const props = { ...step.props };
  if (props.modified_timestamp === "now") props.modified_timestamp = backend.getModified(key);
  return props;
}

/** The props another tab's `storage` event implies, or null when it is not about this Store. */
export function storageEventProps(
  backend: StoreBackend,
  key: string,
  event: { key: string | null; newValue: string | null },
): Record<string, unknown> | null {
  if (event.key !== key) return null;
  let data: unknown = null;
  if (event.newValue !== null) {
    try {
      data = JSON.parse(event.newValue);
    } catch {
      return null;
    }
  }
  return { data, modified_timestamp: backend.getModified(key) };
}
