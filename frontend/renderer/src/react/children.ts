// Children and component-valued props become wrapper elements (renderer §3.1): each carries its
// `componentPath`, and its React key is the canonical id, else the joined path.
import React from "react";
import { isComponent } from "../childrenProps";
import { stringifyId } from "../ids";
import type { LayoutNode, LayoutPath } from "../types";

export type WrapperType = React.ComponentType<{ componentPath: LayoutPath; _passedComponent: LayoutNode }>;

export function wrapperElement(Wrapper: WrapperType, node: LayoutNode, path: LayoutPath): React.ReactElement {
  const id = node.props ? node.props.id : undefined;
  const key = id === undefined || id === null ? path.join(",") : stringifyId(id);
  return React.createElement(Wrapper, { key, componentPath: path, _passedComponent: node });
}

/** `children` as React children: components wrapped, strings/numbers as they are, arrays mapped. */
export function renderChildren(Wrapper: WrapperType, value: unknown, path: LayoutPath): React.ReactNode {
  if (Array.isArray(value)) {
    return value.map((item, i) => (isComponent(item) ? wrapperElement(Wrapper, item, [...path, i]) : item));
  }
  return isComponent(value) ? wrapperElement(Wrapper, value, path) : (value as React.ReactNode);
}
