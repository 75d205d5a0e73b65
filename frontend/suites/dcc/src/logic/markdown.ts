// dcc.Markdown text to HTML (renderer §5.3): `children` joined, dedented, parsed with `marked`.
// Raw HTML is escaped unless allowed; script URLs in links and images are neutralised. With
// `mathjax`, `$…$` (inline) and `$$…$$` (display) are taken out whole by marked extensions before
// any other inline rule sees them, so `_`, `*` and backslashes inside math stay TeX; code spans, code blocks
// and `\$` keep their dollars. Math becomes `span.dash-math` for ./mathjax.ts to typeset.
import { Marked } from "marked";
import type { TokenizerAndRendererExtension, Tokens } from "marked";
import { MATH_CLASS } from "./mathjax";

export interface MarkdownOptions {
  allowHtml: boolean;
  linkTarget?: string;
  mathjax?: boolean;
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

/** One piece of math found in the source: its TeX, whether it is display math, the text it spans. */
export interface MathMatch {
  raw: string;
  tex: string;
  display: boolean;
}

const DISPLAY_MATH = /^\$\$([\s\S]+?)\$\$/;
// Inline math follows Pandoc's rule, so that prices are not math: no space just inside either
// dollar, no digit right after the closing one.
const INLINE_MATH = /^\$(?!\s)((?:\\[\s\S]|[^\\$])+?)(?<!\s)\$(?!\d)/;
const BLOCK_MATH = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/;

function mathMatch(match: RegExpExecArray | null, display: boolean): MathMatch | undefined {
  if (!match || !match[1].trim()) return undefined;
  return { raw: match[0], tex: match[1].trim(), display };
}

/** Math at the very start of `src` inside a paragraph: `$$…$$` (display) or `$…$` (inline). */
export function inlineMathAt(src: string): MathMatch | undefined {
  return mathMatch(DISPLAY_MATH.exec(src), true) ?? mathMatch(INLINE_MATH.exec(src), false);
}

/** A `$$…$$` block starting a line (up to three spaces in), possibly over several lines. */
export function blockMathAt(src: string): MathMatch | undefined {
  return mathMatch(BLOCK_MATH.exec(src), true);
}

/** The element standing for one piece of math until MathJax replaces its text with SVG. */
export function mathHtml(tex: string, display: boolean): string {
  const [open, close] = display ? ["\\[", "\\]"] : ["\\(", "\\)"];
  const kind = display ? "display" : "inline";
  return `<span class="${MATH_CLASS} ${MATH_CLASS}-${kind}">${open}${escapeHtml(tex)}${close}</span>`;
}

function mathToken(type: string, found: MathMatch | undefined): Tokens.Generic | undefined {
  return found && { type, raw: found.raw, text: found.tex, display: found.display };
}

const MATH_EXTENSIONS: TokenizerAndRendererExtension[] = [
  {
    name: "dashBlockMath",
    level: "block",
    tokenizer: (src) => mathToken("dashBlockMath", blockMathAt(src)),
    renderer: (token) => `${mathHtml(token.text as string, true)}\n`,
  },
  {
    name: "dashInlineMath",
    level: "inline",
    start: (src) => src.indexOf("$"),
    tokenizer: (src) => mathToken("dashInlineMath", inlineMathAt(src)),
    renderer: (token) => mathHtml(token.text as string, Boolean(token.display)),
  },
];

function makeParser(options: MarkdownOptions): Marked {
  const parser = new Marked({ gfm: true, breaks: false, async: false });
  if (options.mathjax) parser.use({ extensions: MATH_EXTENSIONS });
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
  const key = `${options.allowHtml}|${Boolean(options.mathjax)}|${options.linkTarget ?? ""}`;
  let parser = parsers.get(key);
  if (!parser) {
    parser = makeParser(options);
    parsers.set(key, parser);
  }
  return parser.parse(text) as string;
}
