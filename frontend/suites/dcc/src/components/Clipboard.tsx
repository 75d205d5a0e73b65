// dcc.Clipboard: a copy icon; a click copies `target_id`'s text or `content` (dom-contract §5.12).
import * as checkIcon from "@fortawesome/free-regular-svg-icons/faCheckCircle";
import * as copyIcon from "@fortawesome/free-regular-svg-icons/faCopy";
import React from "react";
import { count, domId, sendProps, useIsLoading } from "../page";
import type { RendererProps } from "../page";
import { FontAwesomeIcon } from "./FontAwesomeIcon";

export interface ClipboardProps extends RendererProps {
  id?: unknown;
  target_id?: unknown;
  content?: string;
  html_content?: string;
  n_clicks?: number;
  title?: string;
  style?: React.CSSProperties;
  className?: string;
  children?: React.ReactNode;
  copied_children?: React.ReactNode;
}

const COPIED_MS = 1000;
const SETTLE_MS = 100;
const MAX_WAIT_MS = 30000;

/** The text of the element with this id: an input's value, else its rendered text. */
export function targetText(targetId: string): string | null {
  const element = document.getElementById(targetId);
  if (!element) return null;
  const value = (element as HTMLInputElement).value;
  return typeof value === "string" ? value : element.innerText;
}

async function writeClipboard(text: string, html: string | undefined): Promise<void> {
  if (html && typeof ClipboardItem !== "undefined" && navigator.clipboard.write) {
    const item = new ClipboardItem({
      "text/plain": new Blob([text], { type: "text/plain" }),
      "text/html": new Blob([html], { type: "text/html" }),
    });
    await navigator.clipboard.write([item]);
    return;
  }
  await navigator.clipboard.writeText(text);
}

const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms));

export function Clipboard(props: ClipboardProps): React.ReactElement | null {
  const latest = React.useRef(props);
  latest.current = props;
  const loading = useIsLoading();
  const loadingRef = React.useRef(loading);
  loadingRef.current = loading;
  const [copied, setCopied] = React.useState(false);

  React.useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const onClick = async (): Promise<void> => {
    const p = latest.current;
    sendProps(p, { n_clicks: count(p.n_clicks) + 1 });
    let text: string | null;
    let html: string | undefined;
    if (p.target_id !== undefined && p.target_id !== null) {
      text = targetText(domId(p.target_id) as string);
    } else {
      // Give a callback on n_clicks the chance to fill `content` first.
      await sleep(SETTLE_MS);
      const started = Date.now();
      while (loadingRef.current && Date.now() - started < MAX_WAIT_MS) await sleep(50);
      text = latest.current.content ?? "";
      html = latest.current.html_content ?? undefined;
    }
    if (text === null) return;
    try {
      await writeClipboard(text, html);
      setCopied(true);
    } catch (error) {
      console.error("dcc.Clipboard could not write to the clipboard:", error);
    }
  };

  if (typeof navigator === "undefined" || !navigator.clipboard) return null;
  const idle = props.children ?? <FontAwesomeIcon icon={copyIcon} />;
  const done = props.copied_children ?? <FontAwesomeIcon icon={checkIcon} />;
  return (
    <div
      id={domId(props.id)}
      className={props.className}
      title={props.title}
      style={{ cursor: "pointer", display: "inline-block", ...props.style }}
      onClick={() => void onClick()}
      data-dash-is-loading={loading ? "true" : undefined}
    >
      {copied ? done : idle}
    </div>
  );
}
