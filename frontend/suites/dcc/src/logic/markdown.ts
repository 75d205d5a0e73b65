// dcc.Markdown text to HTML (renderer §5.3): `children` joined, dedented, parsed with `marked`.
// Raw HTML is escaped unless allowed; script URLs in links and images are neutralised.
import { Marked } from "marked";
import type { Tokens } from "marked";

export interface MarkdownOptions {
  allowHtml: boolean;
  linkTarget?: string;
}

/** `children` as one string: lists are joined with newlines. */
export function markdownSource(children: unknown): string {
  if (Array.isArray(children)) return children.map((c) => (c === null || c === undefined ? "" : String(c))).join("\n");
  return children === null || children === undefined ? "" : String(children);
}

/** Removes the indentation shared by every non-blank line (so indented Python strings read well). */
export function dedent(text: string): string {
  const lines = text.split("\n");
  let shared: number | null = null;
  for (const line of lines) {
    if (!line.trim()) continue;
    const indent = line.length - line.trimStart().length;
    shared = shared === null ? indent : Math.min(shared, indent);
  }
  if (!shared) return text;
  return lines.map((line) => line.slice(Math.min(shared as number, line.length - line.trimStart().length))).join("\n");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A URL safe to put in a link: script URLs become `about:blank`. */
export function safeUrl(url: string): string {
  const normalised = url.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  return normalised.startsWith("javascript:") || normalised.startsWith("vbscript:") ? "about:blank" : url;
}

function makeParser(options: MarkdownOptions): Marked {
  const parser = new Marked({ gfm: true, breaks: false, async: false });
  parser.use({
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag): string {
        return options.allowHtml ? token.text : escapeHtml(token.text);
      },
      link(token: Tokens.Link): string {
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
        const target = options.linkTarget ? ` target="${escapeHtml(options.linkTarget)}"` : "";
        const text = this.parser.parseInline(token.tokens);
        return `<a href="${escapeHtml(safeUrl(token.href))}"${title}${target}>${text}</a>`;
      },
      image(token: Tokens.Image): string {
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
        return `<img src="${escapeHtml(safeUrl(token.href))}" alt="${escapeHtml(token.text)}"${title}>`;
      },
    },
  });
  return parser;
}

const parsers = new Map<string, Marked>();

/** The HTML of a Markdown text (parsers are cached per option set). */
export function renderMarkdown(text: string, options: MarkdownOptions): string {
  const key = `${options.allowHtml}|${options.linkTarget ?? ""}`;
  let parser = parsers.get(key);
  if (!parser) {
    parser = makeParser(options);
    parsers.set(key, parser);
  }
  return parser.parse(text) as string;
}
