// props_check in the component tree (renderer §3.7): the props a component is about to receive are
// checked against its class's `propTypes`; a failure throws from render so the error boundary reports
// it to the dev tools and keeps the last good render on screen.
import type React from "react";
import { checkProps, PropsCheckError } from "./propsCheck";
import { stringifyId } from "../ids";
import type { LayoutNode, Props } from "../types";

type Checked = { propTypes?: unknown; displayName?: string };

/** The reworded first propTypes failure of a component's props, or null (also when it has none). */
export function propsProblem(component: Checked, node: LayoutNode, props: Props): string | null {
  const propTypes = component.propTypes;
  if (!propTypes || typeof propTypes !== "object") return null;
  const id = node.props ? node.props.id : undefined;
  const idText = id === undefined || id === null ? "not set" : stringifyId(id);
  return checkProps(propTypes as Record<string, unknown>, props, node.type, idText);
}

/** Rendered in place of a component whose props failed the check: throws the worded error. */
export function PropsCheckFailure({ message }: { message: string }): React.ReactElement {
  throw new PropsCheckError(message);
}
