// Per-callback figures for the callback graph (renderer §4): call counts, mean time, and the details
// of the last call (server timings from `Server-Timing`, network time, bytes up and down). Pure.

/** `Server-Timing` header entries as `{name: milliseconds}` (entries without `dur` count 0). */
export function parseServerTiming(header: string | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  if (!header) return out;
  for (const entry of header.split(",")) {
    const [rawName, ...params] = entry.split(";").map((part) => part.trim());
    if (!rawName) continue;
    let duration = 0;
    for (const param of params) {
      const eq = param.indexOf("=");
      if (eq !== -1 && param.slice(0, eq).trim().toLowerCase() === "dur") {
        const value = Number(param.slice(eq + 1).trim().replace(/^"|"$/g, ""));
        if (Number.isFinite(value)) duration = value;
      }
    }
    out[rawName] = duration;
  }
  return out;
}

/** What the page learned about one HTTP exchange of a server callback. */
export interface NetworkInfo {
  /** Milliseconds from sending the request to receiving the whole answer. */
  network: number;
  upload: number;
  download: number;
  status: number;
  serverTimings: Record<string, number>;
}

/** The figures of one finished call. */
export interface CallRecord {
  clientside: boolean;
  ok: boolean;
  /** Milliseconds from start to result (request round trip, or the clientside function). */
  elapsed: number;
  inputs: unknown;
  state: unknown;
  outputs: unknown;
  network?: NetworkInfo;
}

export interface CallbackFigures {
  calls: number;
  errors: number;
  totalTime: number;
  last: CallRecord | null;
}

export function emptyFigures(): CallbackFigures {
  return { calls: 0, errors: 0, totalTime: 0, last: null };
}

/** Figures with one more call. */
export function addCall(figures: CallbackFigures, record: CallRecord): CallbackFigures {
  return {
    calls: figures.calls + 1,
    errors: figures.errors + (record.ok ? 0 : 1),
    totalTime: figures.totalTime + record.elapsed,
    last: record,
  };
}

/** Mean milliseconds per call, rounded (0 before the first call). */
export function meanTime(figures: CallbackFigures): number {
  return figures.calls ? Math.round(figures.totalTime / figures.calls) : 0;
}
