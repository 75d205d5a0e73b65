// A suite component whose implementation lives in an async chunk (renderer §3.3). The main bundle
// registers this stand-in under the component's name; its first render fetches the chunk, renders
// nothing until the chunk has run, then renders the real component with the same props. Once the
// chunk is there, later instances render the real component at once.
import React from "react";
import type { ChunkExports, ChunkHandle } from "./chunk-loader";

/**
 * `_dashprivate_isLazyComponentReady`: `true` once the chunk has run and the stand-ins already
 * mounted show the real component, else a promise resolved when that is so (or the chunk failed).
 * The renderer holds back callbacks reading such a component until then (§2.4); reading it starts
 * the fetch, so a component that is in the layout but never renders cannot hold callbacks forever.
 */
export type LazyReadiness = true | Promise<boolean>;

export type LazyComponent<P> = React.FunctionComponent<P> & {
  readonly _dashprivate_isLazyComponentReady: LazyReadiness;
};

interface LoadState<P> {
  implementation?: React.ComponentType<P>;
  error?: Error;
}

function pick<P>(chunk: ChunkHandle, exports: ChunkExports, name: string): React.ComponentType<P> {
  const found = exports[name];
  if (typeof found !== "function") {
    throw new Error(`The chunk "${chunk.key}" (${chunk.url}) has no component "${name}"; rebuild the front end.`);
  }
  return found as React.ComponentType<P>;
}

function initialState<P>(chunk: ChunkHandle, name: string): LoadState<P> {
  const exports = chunk.loaded();
  return exports ? { implementation: pick<P>(chunk, exports, name) } : {};
}

/**
 * The stand-in for component `name` of `chunk`. `statics` are the class fields the renderer reads
 * before the chunk is there (`dashPersistence`, `persistenceTransforms`, ...): give the real
 * component's values.
 */
export function lazyComponent<P extends object>(
  chunk: ChunkHandle,
  name: string,
  statics: Record<string, unknown> = {},
): LazyComponent<P> {
  // Stand-ins mounted before the chunk came that do not show the real component yet. Callbacks
  // held back by readiness go on once there are none left, so the real components have mounted
  // (and sent their mount-time setProps) before those callbacks read the layout.
  let waitingMounts = 0;
  const readyWaiters: (() => void)[] = [];
  const release = (): void => {
    if (waitingMounts === 0 && chunk.loaded()) for (const resolve of readyWaiters.splice(0)) resolve();
  };

  function Lazy(props: P): React.ReactElement | null {
    const [state, setState] = React.useState<LoadState<P>>(() => initialState<P>(chunk, name));
    const stopWaiting = React.useRef<(() => void) | null>(null);
    React.useEffect(() => {
      if (state.implementation) return undefined;
      let mounted = true;
      waitingMounts += 1;
      stopWaiting.current = () => {
        stopWaiting.current = null;
        waitingMounts -= 1;
        release();
      };
      chunk.load().then(
        (exports) => {
          if (!mounted) return;
          try {
            setState({ implementation: pick<P>(chunk, exports, name) });
          } catch (error) {
            setState({ error: error as Error });
          }
        },
        (error: Error) => mounted && setState({ error }),
      );
      return () => {
        mounted = false;
        stopWaiting.current?.();
      };
      // Fetched once per mount: changing props do not change which chunk is needed.
    }, []);
    // Runs after the real component's own mount effects (children's effects come first).
    React.useEffect(() => {
      if (state.implementation) stopWaiting.current?.();
    }, [state.implementation]);
    // A chunk that cannot be loaded is a render error: the renderer's error boundary reports it.
    if (state.error) throw state.error;
    return state.implementation ? React.createElement(state.implementation, props) : null;
  }
  Lazy.displayName = name;
  Object.assign(Lazy, statics);
  Object.defineProperty(Lazy, "_dashprivate_isLazyComponentReady", {
    get(): LazyReadiness {
      if (chunk.loaded() && waitingMounts === 0) return true;
      return new Promise<boolean>((resolve) => {
        readyWaiters.push(() => resolve(true));
        // A chunk that fails to load holds nothing back: its stand-ins report the error.
        chunk.load().then(release, () => resolve(true));
      });
    },
  });
  return Lazy as LazyComponent<P>;
}
