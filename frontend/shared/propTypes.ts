// Component metadata → `propTypes`: turns react-docgen type descriptors (the metadata the Python
// classes are generated from) into validators of the `prop-types` library, so the renderer's props
// check sees the same types as the Python docstrings. The library is passed in (the page's
// `window.PropTypes` in the suites, the npm package in tests): this module never touches globals.

import type * as PropTypesModule from "prop-types";

/** The `prop-types` library (its production build answers every check with "valid"). */
export type PropTypesLibrary = typeof PropTypesModule;

/** One prop-types validator, as the library returns it. */
export type PropValidator = PropTypesModule.Validator<unknown>;

/** A react-docgen type descriptor: `{name: "union", value: [...]}`, `{name: "string"}`, ... */
export interface DocgenType {
  readonly name: string;
  readonly value?: unknown;
  readonly required?: boolean;
  readonly computed?: boolean;
}

/** A react-docgen prop entry (only the parts the check needs; prose is stripped at build time). */
export interface DocgenProp {
  readonly type?: DocgenType;
  readonly required?: boolean;
}

/** A react-docgen component entry. */
export interface DocgenComponent {
  readonly displayName: string;
  readonly props: Readonly<Record<string, DocgenProp>>;
}

type Simple = Exclude<keyof PropTypesLibrary, "checkPropTypes" | "resetWarningCache" | "PropTypes">;

/** Descriptor names that map one-to-one onto a library validator. */
const SIMPLE: Readonly<Record<string, Simple>> = {
  string: "string",
  number: "number",
  bool: "bool",
  object: "object",
  array: "array",
  func: "func",
  node: "node",
  element: "element",
  symbol: "symbol",
  any: "any",
  tuple: "array",
};

const QUOTED = /^(['"])(.*)\1$/s;

/**
 * The value of an enum literal as react-docgen writes it (`'text'`, `3`, `true`, `null`);
 * `undefined` for a computed expression that cannot be evaluated here.
 */
export function enumLiteral(entry: unknown): { value: unknown } | undefined {
  if (entry === null || typeof entry !== "object") return undefined;
  const { value, computed } = entry as { value?: unknown; computed?: boolean };
  if (computed || typeof value !== "string") return undefined;
  const quoted = QUOTED.exec(value);
  if (quoted) return { value: quoted[2] };
  try {
    return { value: JSON.parse(value) };
  } catch {
    return undefined;
  }
}

function enumValidator(lib: PropTypesLibrary, entries: unknown): PropValidator {
  if (!Array.isArray(entries)) return lib.any;
  const values: unknown[] = [];
  for (const entry of entries) {
    const literal = enumLiteral(entry);
    // One value we cannot evaluate makes the whole enum unknowable: accept anything.
    if (!literal) return lib.any;
    values.push(literal.value);
  }
  return lib.oneOf(values);
}

function fieldValidators(lib: PropTypesLibrary, fields: unknown): Record<string, PropValidator> {
  const out: Record<string, PropValidator> = {};
  if (fields === null || typeof fields !== "object") return out;
  for (const [key, field] of Object.entries(fields as Record<string, DocgenType>)) {
    out[key] = validatorFor(lib, field, Boolean(field && field.required));
  }
  return out;
}

function baseValidator(lib: PropTypesLibrary, type: DocgenType): PropValidator {
  const simple = SIMPLE[type.name];
  if (simple) return lib[simple] as PropValidator;
  switch (type.name) {
    case "enum":
      return enumValidator(lib, type.value);
    case "union":
      return Array.isArray(type.value)
        ? lib.oneOfType(type.value.map((member: DocgenType) => validatorFor(lib, member)))
        : lib.any;
    case "arrayOf":
      return lib.arrayOf(validatorFor(lib, type.value as DocgenType));
    case "objectOf":
      return lib.objectOf(validatorFor(lib, type.value as DocgenType));
    case "shape":
      return lib.shape(fieldValidators(lib, type.value)) as PropValidator;
    case "exact":
      return lib.exact(fieldValidators(lib, type.value)) as PropValidator;
    default:
      // instanceOf, custom and anything newer: nothing we can check from metadata alone.
      return lib.any;
  }
}

/** The validator of one descriptor (`isRequired` when `required`); unknown types accept anything. */
export function validatorFor(lib: PropTypesLibrary, type: DocgenType | undefined, required = false): PropValidator {
  const base = type && typeof type.name === "string" ? baseValidator(lib, type) : lib.any;
  return required ? ((base as PropTypesModule.Requireable<unknown>).isRequired as PropValidator) : base;
}

/** The `propTypes` object of a component from its react-docgen props. */
export function propTypesFor(
  lib: PropTypesLibrary,
  props: Readonly<Record<string, DocgenProp>>,
): Record<string, PropValidator> {
  const out: Record<string, PropValidator> = {};
  for (const name of Object.keys(props)) {
    const prop = props[name];
    out[name] = validatorFor(lib, prop.type, Boolean(prop.required));
  }
  return out;
}
