// Persistence of user-changed props (renderer §3.6): the storage key and value format, replaying a
// stored value while the layout still holds the value it replaced, recording every update of a
// persisted prop, and switching slots when `persistence` / `persisted_props` / `persistence_type` change.
import { propsOf } from "../childrenProps";
import { deepEqual } from "../equal";
import { stringifyId } from "../ids";
import type { DashId, LayoutNode, Props } from "../types";
import type { KeyValueStore, PersistenceStores, PersistenceType } from "./storage";

/** One piece of a nested persisted prop (`columns.name`): how to read it from and write it into the prop. */
export interface PersistenceTransform {
  extract(propValue: unknown): unknown;
  apply(storedValue: unknown, propValue: unknown): unknown;
}

/** The statics of a component class persistence reads (renderer §3.3). */
export interface PersistenceStatics {
  defaultProps?: { persisted_props?: unknown; persistence_type?: unknown; [prop: string]: unknown };
  dashPersistence?: { persisted_props?: unknown; persistence_type?: unknown };
  persistenceTransforms?: Record<string, Record<string, PersistenceTransform>>;
}

export type ClassLookup = (node: LayoutNode) => PersistenceStatics | undefined;

/** The effective persistence settings of one component. */
export interface Settings {
  idText: string;
  persistence: unknown;
  persistedProps: string[];
  type: PersistenceType;
}

const TYPES: ReadonlySet<string> = new Set(["local", "session", "memory"]);
const UNDEFINED = "U";
const SETTING_PROPS = ["persistence", "persisted_props", "persistence_type"];

/** `_dash_persistence.<canonicalId>.<persistedProp>.<JSON(persistence)>` */
export function storageKey(idText: string, persistedProp: string, persistence: unknown): string {
  return `_dash_persistence.${idText}.${persistedProp}.${JSON.stringify(persistence)}`;
}

/** `[newValue, originalValue]`, or `[newValue]` when the original was undefined; undefined is "U". */
export function encodeEntry(value: unknown, original: unknown): string {
  const wrap = (item: unknown) => (item === undefined ? UNDEFINED : item);
  return JSON.stringify(original === undefined ? [wrap(value)] : [wrap(value), wrap(original)]);
}

export function decodeEntry(text: string): { value: unknown; original: unknown } | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed) || !parsed.length) return null;
    const unwrap = (item: unknown) => (item === UNDEFINED ? undefined : item);
    return { value: unwrap(parsed[0]), original: unwrap(parsed[1]) };
  } catch {
    return null;
  }
}

/** Settings from the props, falling back to the class's `defaultProps`, else its `dashPersistence`. */
export function settingsOf(props: Props, statics: PersistenceStatics | undefined): Settings | null {
  const id = props.id as DashId | undefined | null;
  if (id === undefined || id === null || !props.persistence) return null;
  const defaults = (statics && (statics.defaultProps || statics.dashPersistence)) || {};
  const persistedProps = props.persisted_props !== undefined ? props.persisted_props : defaults.persisted_props;
  const type = props.persistence_type !== undefined ? props.persistence_type : defaults.persistence_type;
  if (!Array.isArray(persistedProps) || typeof type !== "string" || !TYPES.has(type)) return null;
  return {
    idText: stringifyId(id),
    persistence: props.persistence,
    persistedProps: persistedProps.filter((item): item is string => typeof item === "string"),
    type: type as PersistenceType,
  };
}

/** How a persisted prop name (`value`, `columns.name`) maps onto its prop. */
function transformFor(persistedProp: string, statics: PersistenceStatics | undefined) {
  const dot = persistedProp.indexOf(".");
  const prop = dot === -1 ? persistedProp : persistedProp.slice(0, dot);
  const piece = dot === -1 ? "" : persistedProp.slice(dot + 1);
  const custom = piece && statics && statics.persistenceTransforms && statics.persistenceTransforms[prop];
  const transform: PersistenceTransform = (custom && custom[piece]) || {
    extract: (value) => value,
    apply: (stored) => stored,
  };
  return { prop, transform };
}

export class Persistence {
  constructor(
    private readonly stores: PersistenceStores,
    private readonly classOf: ClassLookup,
  ) {}

  private storeFor(settings: Settings): KeyValueStore {
    return this.stores.get(settings.type);
  }

  /**
   * Replay stored values into a component that arrives in the layout: a stored value replaces the
   * layout's only while the layout still holds the value it replaced; a stale entry is deleted.
   * Mutates `node.props` (a fresh object from the server).
   */
  applyToNode(node: LayoutNode): void {
    if (!propsOf(node).persistence) return;
    const statics = this.classOf(node);
    const settings = settingsOf(propsOf(node), statics);
    if (!settings) return;
    const replay = this.replay(settings, propsOf(node), statics);
    if (replay) node.props = { ...propsOf(node), ...replay };
  }

  /** Props to write so a component shows the values stored for `settings` (null when none apply). */
  private replay(settings: Settings, props: Props, statics: PersistenceStatics | undefined): Props | null {
    const store = this.storeFor(settings);
    let out: Props | null = null;
    for (const persistedProp of settings.persistedProps) {
      const key = storageKey(settings.idText, persistedProp, settings.persistence);
      const raw = store.getItem(key);
      if (raw === null) continue;
      const entry = decodeEntry(raw);
      const { prop, transform } = transformFor(persistedProp, statics);
      const current = out && prop in out ? out[prop] : props[prop];
      if (entry && deepEqual(entry.original, transform.extract(current))) {
        out = out || {};
        out[prop] = transform.apply(entry.value, current);
      } else {
        store.removeItem(key);
      }
    }
    return out;
  }

  /**
   * Adjust an update before it is written: when it changes the persistence settings, the old slot's
   * values go back to their originals (props the update does not set) and the new slot's are replayed.
   */
  beforeUpdate(node: LayoutNode, update: Props): Props {
    if (!SETTING_PROPS.some((name) => name in update)) return update;
    const statics = this.classOf(node);
    const before = propsOf(node);
    const oldSettings = settingsOf(before, statics);
    const merged = { ...before, ...update };
    const newSettings = settingsOf(merged, statics);
    if (sameSettings(oldSettings, newSettings)) return update;
    const out = { ...update };
    if (oldSettings) {
      const store = this.storeFor(oldSettings);
      for (const persistedProp of oldSettings.persistedProps) {
        const { prop, transform } = transformFor(persistedProp, statics);
        if (prop in update) continue;
        const raw = store.getItem(storageKey(oldSettings.idText, persistedProp, oldSettings.persistence));
        const entry = raw === null ? null : decodeEntry(raw);
        if (entry) out[prop] = transform.apply(entry.original, prop in out ? out[prop] : before[prop]);
      }
    }
    if (newSettings) Object.assign(out, this.replay(newSettings, { ...before, ...out }, statics) || {});
    return out;
  }

  /**
   * Record persisted props an update wrote (user edits and callback outputs alike), keeping the
   * first layout value as the original. Skipped when the same update changed the settings.
   */
  record(node: LayoutNode, before: Props, changed: Props): void {
    if (!propsOf(node).persistence) return;
    if (SETTING_PROPS.some((name) => name in changed && !deepEqual(changed[name], before[name]))) return;
    const statics = this.classOf(node);
    const settings = settingsOf(propsOf(node), statics);
    if (!settings) return;
    const store = this.storeFor(settings);
    for (const persistedProp of settings.persistedProps) {
      const { prop, transform } = transformFor(persistedProp, statics);
      if (!(prop in changed)) continue;
      const key = storageKey(settings.idText, persistedProp, settings.persistence);
      const raw = store.getItem(key);
      const known = raw === null ? null : decodeEntry(raw);
      const original = known ? known.original : transform.extract(before[prop]);
      const value = transform.extract(changed[prop]);
      if (deepEqual(value, original)) store.removeItem(key);
      else store.setItem(key, encodeEntry(value, original));
    }
  }
}

function sameSettings(a: Settings | null, b: Settings | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.type === b.type &&
    deepEqual(a.persistence, b.persistence) &&
    deepEqual(a.persistedProps, b.persistedProps)
  );
}
