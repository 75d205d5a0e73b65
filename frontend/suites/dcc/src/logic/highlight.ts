// Syntax highlighting of fenced code in dcc.Markdown: the highlighter chunk (see ./highlighter.ts) is
// fetched on first use, only when a rendered Markdown contains code blocks.
import type { HLJSApi } from "highlight.js";
import { highlightChunk } from "../lazy/chunks";

let loading: Promise<HLJSApi> | null = null;

async function loadHighlighter(): Promise<HLJSApi> {
  const exports = await highlightChunk.load();
  return exports.highlighter as HLJSApi;
}

/** Highlights every `pre > code` under `root` (loads highlight.js the first time). */
export function highlightCode(root: HTMLElement): void {
  const blocks = Array.from(root.querySelectorAll<HTMLElement>("pre > code"));
  if (!blocks.length) return;
  loading ??= loadHighlighter();
  loading.then(
    (hljs) => {
      for (const block of blocks) {
        if (!block.isConnected || block.dataset.highlighted) continue;
        const lang = /language-(\S+)/.exec(block.className)?.[1];
        if (lang && !hljs.getLanguage(lang)) block.classList.replace(`language-${lang}`, "language-plaintext");
        hljs.highlightElement(block);
      }
    },
    (error: unknown) => {
      loading = null;
      console.error("dcc.Markdown could not load the code highlighter:", error);
    },
  );
}
