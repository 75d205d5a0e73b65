// props_check (renderer §3.7): a component's props checked against its class's `propTypes` before
// each render, with PropTypes' wording turned into Dash's ("Invalid argument `x` passed into Type
// with ID "id"..."). Works with any validator following the PropTypes calling convention.

/** A PropTypes validator: returns an Error (or null) for one prop. */
export type Validator = (
  props: Record<string, unknown>,
  propName: string,
  componentName: string,
  location: string,
  propFullName: string | null,
  secret: string,
) => Error | null | undefined;

// prop-types refuses direct calls without this marker (its documented internal convention).
const PROP_TYPES_SECRET = "SECRET_DO_NOT_PASS_THIS_OR_YOU_WILL_BE_FIRED";

const REQUIRED = /^(?:The )?prop `([^`]+)` is marked as required in `([^`]+)`, but its value is `(\w+)`/;
const WRONG_TYPE = /^Invalid prop `([^`]+)` of type `([^`]+)` supplied to `([^`]+)`, expected (.+?)\.?$/s;
const WRONG_VALUE = /^Invalid prop `([^`]+)` of value `(.*)` supplied to `([^`]+)`, expected (.+?)\.?$/s;
const OTHER = /^Invalid prop `([^`]+)` supplied to `([^`]+)`(?:, expected (.+?))?\.?$/s;

function shortValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value, null, 2);
  } catch {
    text = String(value);
  }
  if (text === undefined) text = String(value);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** The value at a PropTypes `propFullName` such as `options[2].label` (top-level prop if unknown). */
function valueAt(props: Record<string, unknown>, fullName: string): unknown {
  const parts = fullName.match(/[^.[\]]+/g) || [fullName];
  let value: unknown = props;
  for (const part of parts) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Dash's wording of a PropTypes failure message for component `type` with id text `id`. */
export function rewordPropTypeError(message: string, type: string, id: string, props: Record<string, unknown>): string {
  const owner = `${type} with ID "${id}"`;
  let match = REQUIRED.exec(message);
  if (match) return `Required argument \`${match[1]}\` passed into ${owner} is required but it was not provided.`;
  match = WRONG_TYPE.exec(message);
  if (match) {
    return (
      `Invalid argument \`${match[1]}\` passed into ${owner}.\nExpected ${match[4]}.\n` +
      `Was supplied type \`${match[2]}\`.\nValue provided: ${shortValue(valueAt(props, match[1]))}`
    );
  }
  match = WRONG_VALUE.exec(message);
  if (match) {
    return (
      `Invalid argument \`${match[1]}\` passed into ${owner}.\nExpected ${match[4]}.\n` +
      `Value provided: ${shortValue(valueAt(props, match[1]))}`
    );
  }
  match = OTHER.exec(message);
  if (match) {
    const expected = match[3] ? `\nExpected ${match[3]}.` : "";
    return `Invalid argument \`${match[1]}\` passed into ${owner}.${expected}\nValue provided: ${shortValue(valueAt(props, match[1]))}`;
  }
  return `${message} (component ${owner})`;
}

/**
 * The first props problem of a component, worded for the dev tools, or null. `propTypes` maps prop
 * names to validators; validators that throw are reported as problems too.
 */
export function checkProps(
  propTypes: Record<string, unknown>,
  props: Record<string, unknown>,
  type: string,
  id: string,
): string | null {
  for (const name of Object.keys(propTypes)) {
    const validator = propTypes[name];
    if (typeof validator !== "function") continue;
    let error: Error | null | undefined;
    try {
      error = (validator as Validator)(props, name, type, "prop", null, PROP_TYPES_SECRET);
    } catch (thrown) {
      error = thrown instanceof Error ? thrown : new Error(String(thrown));
    }
    if (error instanceof Error) return rewordPropTypeError(error.message, type, id, props);
  }
  return null;
}

/** Thrown from a component's render when its props fail the check (caught by the error boundary). */
export class PropsCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PropsCheckError";
  }
}
