// `react/jsx-runtime` for npm libraries compiled with the automatic JSX runtime (e.g. Radix):
// built on the page's React (see shims/react.ts) so no second React is bundled.
import React from "./react";

type Props = Record<string, unknown> | null;

/** Creates an element the way the automatic runtime does: children inside `props`, key apart. */
export function jsx(type: React.ElementType, props: Props, key?: React.Key): React.ReactElement {
  const config = key === undefined ? props : { ...props, key };
  return React.createElement(type, config);
}

/**
 * Same for static children lists (`jsxs`): passing them as separate arguments tells React they
 * are a fixed list, so it does not ask for keys.
 */
export function jsxs(type: React.ElementType, props: Props, key?: React.Key): React.ReactElement {
  const children = props?.children;
  if (!Array.isArray(children)) return jsx(type, props, key);
  const { children: _children, ...rest } = props as Record<string, unknown>;
  const config = key === undefined ? rest : { ...rest, key };
  return React.createElement(type, config, ...(children as React.ReactNode[]));
}

export const jsxDEV = jsx;
export const Fragment = React.Fragment;
