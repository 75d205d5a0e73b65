// Suites and the renderer use the page's React (the UMD script defines window.React):
// esbuild aliases `react` to this module so one React instance serves every bundle.
declare const window: Window & { React: typeof import("react") };
const React = window.React;
export default React;
export const {
  Children, Component, Fragment, PureComponent, StrictMode, Suspense,
  cloneElement, createContext, createElement, createRef, forwardRef, isValidElement,
  lazy, memo, startTransition, useCallback, useContext, useDebugValue, useDeferredValue,
  useEffect, useId, useImperativeHandle, useInsertionEffect, useLayoutEffect, useMemo,
  useReducer, useRef, useState, useSyncExternalStore, useTransition, version,
} = React;
