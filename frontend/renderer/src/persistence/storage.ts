// Where persisted values live (renderer §3.6): localStorage, sessionStorage or an in-page map. Web
// storage is probed once with a large write; when that fails the memory store stands in.

/** The subset of the Web Storage API persistence uses. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type PersistenceType = "local" | "session" | "memory";

/** Survives remounts of components, not page reloads. */
export class MemoryStore implements KeyValueStore {
  private readonly items = new Map<string, string>();

  getItem(key: string): string | null {
    const value = this.items.get(key);
    return value === undefined ? null : value;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const PROBE_KEY = "_dash_persistence_probe";
const PROBE_SIZE = 128 * 1024;

/** Whether `backend` accepts (and gives back) a ~128 KB value. */
export function storageWorks(backend: KeyValueStore | undefined | null): boolean {
  if (!backend) return false;
  try {
    const probe = "x".repeat(PROBE_SIZE);
    backend.setItem(PROBE_KEY, probe);
    const ok = backend.getItem(PROBE_KEY) === probe;
    backend.removeItem(PROBE_KEY);
    return ok;
  } catch {
    return false;
  }
}

/** Picks the store for each persistence type, probing web storage on first use. */
export class PersistenceStores {
  private readonly memory = new MemoryStore();
  private readonly chosen = new Map<PersistenceType, KeyValueStore>();

  constructor(
    private readonly backends: { local?: () => KeyValueStore | undefined; session?: () => KeyValueStore | undefined },
    private readonly onFallback: (type: PersistenceType) => void = () => undefined,
  ) {}

  get(type: PersistenceType): KeyValueStore {
    const known = this.chosen.get(type);
    if (known) return known;
    let store: KeyValueStore = this.memory;
    if (type !== "memory") {
      const open = this.backends[type];
      let backend: KeyValueStore | undefined;
      try {
        backend = open ? open() : undefined;
      } catch {
        backend = undefined;
      }
      if (backend && storageWorks(backend)) store = backend;
      else this.onFallback(type);
    }
    this.chosen.set(type, store);
    return store;
  }
}
