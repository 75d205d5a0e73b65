// Resolving a dependency to the component(s) it names in the current layout. Concrete ids resolve to
// one path; wildcard patterns (MATCH/ALL/ALLSMALLER) will resolve to lists through this same step.
import { stringifyId } from "../ids";
import type { Dependency, LayoutPath } from "../types";

/** What dependency resolution needs from the store. */
export interface LayoutLookup {
  pathOf(canonicalId: string): LayoutPath | undefined;
  get(path: readonly (string | number)[]): unknown;
}

export interface ResolvedDependency {
  /** The canonical id text. */
  idText: string;
  path: LayoutPath;
}

/** The component a concrete dependency names, or null when it is not in the layout. */
export function resolveDependency(dep: Dependency, layout: LayoutLookup): ResolvedDependency | null {
  const idText = stringifyId(dep.id);
  const path = layout.pathOf(idText);
  return path ? { idText, path } : null;
}

/** Current value of `dep`'s property in the layout (undefined when unset or missing). */
export function readValue(resolved: ResolvedDependency, property: string, layout: LayoutLookup): unknown {
  const node = layout.get(resolved.path) as { props?: Record<string, unknown> } | undefined;
  return node && node.props ? node.props[property] : undefined;
}
