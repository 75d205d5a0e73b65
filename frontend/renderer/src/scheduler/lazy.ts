// Renderer §2.4: a callback reading (Input or State) a component whose async chunk has not loaded
// yet waits for it. Such a component class has a static `_dashprivate_isLazyComponentReady` that is
// a promise until the chunk is there (then `true`); the wait ends when every promise has settled.
import { isComponent } from "../childrenProps";
import type { CallbackDef } from "../graph/graph";
import type { MatchValues } from "../graph/patterns";
import { resolveId, type LayoutLookup } from "../graph/resolve";
import type { Dependency, LayoutNode } from "../types";

/** The class of a layout node (`window[namespace][type]`), or undefined. */
export type ClassLookup = (node: LayoutNode) => object | undefined;

function readiness(statics: object | undefined): PromiseLike<unknown> | null {
  if (!statics) return null;
  const ready = (statics as { _dashprivate_isLazyComponentReady?: unknown })._dashprivate_isLazyComponentReady;
  if (typeof ready !== "object" || ready === null) return null;
  return typeof (ready as PromiseLike<unknown>).then === "function" ? (ready as PromiseLike<unknown>) : null;
}

function collect(deps: Dependency[], match: MatchValues | null, layout: LayoutLookup, classOf: ClassLookup, into: Set<PromiseLike<unknown>>): void {
  for (const dep of deps) {
    for (const found of resolveId(dep.id, layout, match)) {
      const node = layout.get(found.path);
      const ready = isComponent(node) ? readiness(classOf(node)) : null;
      if (ready) into.add(ready);
    }
  }
}

/** The readiness promises of the not-yet-loaded components a callback instance reads (often none). */
export function lazyReadiness(
  cb: CallbackDef,
  match: MatchValues | null,
  layout: LayoutLookup,
  classOf: ClassLookup,
): PromiseLike<unknown>[] {
  const waits = new Set<PromiseLike<unknown>>();
  collect(cb.inputs, match, layout, classOf, waits);
  collect(cb.state, match, layout, classOf, waits);
  return [...waits];
}

/** Resolves when every promise has settled; a chunk that failed to load holds nothing back. */
export function whenSettled(waits: PromiseLike<unknown>[]): Promise<void> {
  return Promise.all(waits.map((wait) => Promise.resolve(wait).catch(() => undefined))).then(() => undefined);
}
