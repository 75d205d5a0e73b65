// Syntax highlighting of fenced code in dcc.Markdown: highlight.js (core + common languages) is
// loaded on first use, only when a rendered Markdown contains code blocks.
import type { HLJSApi } from "highlight.js";

let loading: Promise<HLJSApi> | null = null;

async function loadHighlighter(): Promise<HLJSApi> {
  const [core, ...languages] = await Promise.all([
    import("highlight.js/lib/core"),
    import("highlight.js/lib/languages/python"),
    import("highlight.js/lib/languages/javascript"),
    import("highlight.js/lib/languages/typescript"),
    import("highlight.js/lib/languages/json"),
    import("highlight.js/lib/languages/bash"),
    import("highlight.js/lib/languages/css"),
    import("highlight.js/lib/languages/xml"),
    import("highlight.js/lib/languages/sql"),
    import("highlight.js/lib/languages/yaml"),
    import("highlight.js/lib/languages/r"),
    import("highlight.js/lib/languages/markdown"),
    import("highlight.js/lib/languages/plaintext"),
  ]);
  const names = ["python", "javascript", "typescript", "json", "bash", "css", "xml", "sql", "yaml", "r", "markdown", "plaintext"];
  const hljs = core.default;
  names.forEach((name, i) => hljs.registerLanguage(name, languages[i].default));
  hljs.configure({ ignoreUnescapedHTML: true });
  return hljs;
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
    (error: unknown) => console.error("dcc.Markdown could not load the code highlighter:", error),
  );
}
