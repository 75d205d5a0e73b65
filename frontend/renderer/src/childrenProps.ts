// Which props of a component may hold components (renderer §3.1 `children_props`): `children` always,
// plus per-type specs such as `label`, `a.b`, `options[].label`, `items[]`, `prop{}`, `x[].y{}`.
import type { ChildrenPropsConfig, LayoutNode, PathKey } from "./types";

/** One step of a spec: an object key, every item of a list (`[]`) or every value of a dict (`{}`). */
export type SpecStep = { key: string } | { each: "list" } | { each: "dict" };
export type PropSpec = SpecStep[];

const CHILDREN_SPEC: PropSpec = [{ key: "children" }];

/** Parse one spec string: `options[].label` → key options, each list item, key label. */
export function parseSpec(text: string): PropSpec {
  const steps: PropSpec = [];
  for (const part of text.split(".")) {
    const match = /^([^[{]*)((?:\[\]|\{\})*)$/.exec(part);
    const name = match ? match[1] : part;
    if (name) steps.push({ key: name });
    const markers = match ? match[2] : "";
    for (let i = 0; i < markers.length; i += 2) {
      steps.push({ each: markers[i] === "[" ? "list" : "dict" });
    }
  }
  return steps;
}

/** A value that is a layout component (`{namespace, type, props}`). */
export function isComponent(value: unknown): value is LayoutNode {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as LayoutNode).type === "string" &&
    typeof (value as LayoutNode).namespace === "string"
  );
}

/** The props of a node (tolerates a missing `props`). */
export function propsOf(node: LayoutNode): Record<string, unknown> {
  return node.props || {};
}

/** Parsed specs per component type, computed once from the config. */
export class ChildrenProps {
  private readonly specs = new Map<string, PropSpec[]>();
  private readonly propNames = new Map<string, ReadonlySet<string>>();

  constructor(readonly config: ChildrenPropsConfig = {}) {}

  /** Specs of a type, `children` first. */
  specsFor(namespace: string, type: string): PropSpec[] {
    const key = namespace + "\u0000" + type;
    let found = this.specs.get(key);
    if (!found) {
      const extra = (this.config[namespace] && this.config[namespace][type]) || [];
      found = [CHILDREN_SPEC, ...extra.map(parseSpec)];
      this.specs.set(key, found);
    }
    return found;
  }

  /** Top-level prop names of a type that may hold components (`children`, `label`, `options`...). */
  propNamesFor(namespace: string, type: string): ReadonlySet<string> {
    const key = namespace + "\u0000" + type;
    let names = this.propNames.get(key);
    if (!names) {
      names = new Set(this.specsFor(namespace, type).map((spec) => (spec[0] as { key: string }).key));
      this.propNames.set(key, names);
    }
    return names;
  }
}

export type ComponentVisitor = (relPath: PathKey[], node: LayoutNode) => void;

/**
 * Call `visit` for every component found at the spec's locations inside `props`. A list at the end of
 * a spec is walked like `children` is. `relPath` is relative to the props object.
 */
export function forEachComponentAt(props: unknown, spec: PropSpec, visit: ComponentVisitor): void {
  walk(props, spec, 0, [], visit);
}

function walk(value: unknown, spec: PropSpec, step: number, rel: PathKey[], visit: ComponentVisitor): void {
  if (value === null || typeof value !== "object") return;
  if (step === spec.length) {
    visitLeaf(value, rel, visit);
    return;
  }
  const current = spec[step];
  if ("key" in current) {
    if (Array.isArray(value)) return;
    const next = (value as Record<string, unknown>)[current.key];
    if (next !== undefined) walk(next, spec, step + 1, [...rel, current.key], visit);
  } else if (current.each === "list") {
    if (!Array.isArray(value)) return;
    value.forEach((item, i) => walk(item, spec, step + 1, [...rel, i], visit));
  } else {
    if (Array.isArray(value) || isComponent(value)) return;
    for (const [key, item] of Object.entries(value)) walk(item, spec, step + 1, [...rel, key], visit);
  }
}

function visitLeaf(value: object, rel: PathKey[], visit: ComponentVisitor): void {
  if (isComponent(value)) {
    visit(rel, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (isComponent(item)) visit([...rel, i], item);
    });
  }
}

/** Turns a component found at `relPath` into what should be rendered there. */
export type ComponentMapper = (relPath: PathKey[], node: LayoutNode) => unknown;

/**
 * Copy of `value` (the value of the spec's first prop) with every component at the spec's locations
 * replaced by `map(...)`. Parts of the value that hold no component are shared, not copied.
 */
export function mapComponentsAt(value: unknown, spec: PropSpec, map: ComponentMapper): unknown {
  const head = spec[0] as { key: string };
  return mapWalk(value, spec, 1, [head.key], map);
}

function mapWalk(value: unknown, spec: PropSpec, step: number, rel: PathKey[], map: ComponentMapper): unknown {
  if (value === null || typeof value !== "object") return value;
  if (step === spec.length) return mapLeaf(value, rel, map);
  const current = spec[step];
  if ("key" in current) {
    if (Array.isArray(value) || isComponent(value)) return value;
    const obj = value as Record<string, unknown>;
    if (obj[current.key] === undefined) return value;
    const mapped = mapWalk(obj[current.key], spec, step + 1, [...rel, current.key], map);
    return mapped === obj[current.key] ? value : { ...obj, [current.key]: mapped };
  }
  if (current.each === "list") {
    if (!Array.isArray(value)) return value;
    return value.map((item, i) => mapWalk(item, spec, step + 1, [...rel, i], map));
  }
  if (Array.isArray(value) || isComponent(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = mapWalk(item, spec, step + 1, [...rel, key], map);
  return out;
}

function mapLeaf(value: object, rel: PathKey[], map: ComponentMapper): unknown {
  if (isComponent(value)) return map(rel, value);
  if (Array.isArray(value)) {
    return value.map((item, i) => (isComponent(item) ? map([...rel, i], item) : item));
  }
  return value;
}
