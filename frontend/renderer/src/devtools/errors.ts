// The dev-tools error list (renderer §4): what one error card holds, how a server answer body is
// shown (full HTML page, HTML fragment or plain text) and the order of the list. Pure.

/** Where an error came from: the browser (render, clientside, validation) or the server's answer. */
export type ErrorSource = "frontend" | "backend";

/** How the body of a back-end error is displayed. */
export type BodyKind = "document" | "fragment" | "text";

export interface DevError {
  /** Unique per page, stable while the page lives (React key). */
  id: number;
  source: ErrorSource;
  /** The card's title, e.g. "Callback error updating out.children". */
  title: string;
  /** Longer explanation (front-end), or the server's answer body (back-end). */
  message: string;
  /** JavaScript stack lines of a front-end error. */
  stack: string[];
  /** Back-end only: how `message` is displayed. */
  bodyKind: BodyKind;
  /** Milliseconds since the epoch. */
  time: number;
}

/** What the engine reports beyond the title and message. */
export interface ErrorDetails {
  /** HTTP status of a failed server answer: makes the error a back-end one. */
  status?: number;
  /** The server's answer body. */
  body?: string;
  /** A JavaScript error whose stack is shown folded. */
  error?: unknown;
}

const DOCUMENT_START = /^\s*(<!doctype html|<html[\s>])/i;
const TAG = /<([a-z][a-z0-9-]*)(\s[^>]*)?>/i;

/** A complete HTML page goes into an iframe, an HTML fragment is injected, anything else is text. */
export function bodyKindOf(body: string): BodyKind {
  if (DOCUMENT_START.test(body)) return "document";
  return TAG.test(body) && body.trim().startsWith("<") ? "fragment" : "text";
}

/** Stack lines of a JavaScript error without the first line when it repeats the message. */
export function stackLines(error: unknown): string[] {
  if (!(error instanceof Error) || !error.stack) return [];
  const lines = error.stack.split("\n").map((line) => line.trim()).filter(Boolean);
  if (lines.length && lines[0].includes(error.message)) lines.shift();
  return lines;
}

/** Build an error card from what a reporter received. */
export function makeError(id: number, title: string, message: string, details: ErrorDetails, time: number): DevError {
  if (details.status !== undefined) {
    const body = details.body !== undefined ? details.body : message;
    return { id, source: "backend", title, message: body, stack: [], bodyKind: bodyKindOf(body), time };
  }
  return { id, source: "frontend", title, message, stack: stackLines(details.error), bodyKind: "text", time };
}

/** The list with `error` added: front-end errors before back-end ones, newest first in each group. */
export function addError(list: readonly DevError[], error: DevError): DevError[] {
  const front = list.filter((item) => item.source === "frontend");
  const back = list.filter((item) => item.source === "backend");
  return error.source === "frontend" ? [error, ...front, ...back] : [...front, error, ...back];
}

/** `12:34:56 PM`-style local time of an error. */
export function clockTime(time: number): string {
  return new Date(time).toLocaleTimeString();
}
