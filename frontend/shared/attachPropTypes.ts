// Gives the components of a suite their `propTypes`, built on first read: production pages (where
// nothing reads them but the callback-to-layout check) and pages that never render a component pay
// nothing for validators they do not use.

import { propTypesFor } from "./propTypes";
import type { DocgenComponent, PropTypesLibrary, PropValidator } from "./propTypes";

/** The page's `prop-types` library (the UMD script defines `window.PropTypes`), if loaded. */
export function pagePropTypes(): PropTypesLibrary | undefined {
  const holder = globalThis as { PropTypes?: PropTypesLibrary };
  return holder.PropTypes;
}

/**
 * Defines `component.propTypes` as a getter that calls `build` once with the library from `library()`
 * and keeps the result; without a library (or with a component that already declares propTypes)
 * nothing is attached.
 */
export function attachPropTypes(
  component: unknown,
  build: (lib: PropTypesLibrary) => Record<string, PropValidator>,
  library: () => PropTypesLibrary | undefined = pagePropTypes,
): void {
  if ((typeof component !== "function" && typeof component !== "object") || component === null) return;
  if (Object.prototype.hasOwnProperty.call(component, "propTypes")) return;
  let built: Record<string, PropValidator> | undefined;
  Object.defineProperty(component, "propTypes", {
    configurable: true,
    enumerable: true,
    get(): Record<string, PropValidator> | undefined {
      if (built) return built;
      const lib = library();
      if (lib) built = build(lib);
      return built;
    },
    set(value: unknown): void {
      // A suite or app replacing the table: its own value wins from then on.
      Object.defineProperty(component, "propTypes", { value, writable: true, configurable: true, enumerable: true });
    },
  });
}

/**
 * Attaches to each component of `components` the propTypes of the metadata entry with its name
 * (react-docgen `displayName`); components without an entry get none.
 */
export function attachMetadataPropTypes(
  components: Readonly<Record<string, unknown>>,
  metadata: Readonly<Record<string, DocgenComponent>>,
): void {
  for (const entry of Object.values(metadata)) {
    const component = components[entry.displayName];
    if (component) attachPropTypes(component, (lib) => propTypesFor(lib, entry.props));
  }
}
