// Markdown cells and tooltips: text → HTML with `marked`. Raw HTML is escaped unless
// `markdown_options.html`; links open in `markdown_options.link_target`; script URLs are dropped.
import { Marked } from "marked";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function safeUrl(url: string): string {
  const compact = url.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  return compact.startsWith("javascript:") || compact.startsWith("vbscript:") ? "about:blank" : url;
}

const parsers = new Map<string, Marked>();

function parserFor(allowHtml: boolean, linkTarget: string): Marked {
  const key = `${allowHtml}|${linkTarget}`;
  let parser = parsers.get(key);
  if (!parser) {
    parser = new Marked({
      async: false,
      gfm: true,
      renderer: {
        html(token) {
          return allowHtml ? token.text : escapeHtml(token.text);
        },
        link(token) {
          const text = this.parser.parseInline(token.tokens);
          const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
          const target = linkTarget ? ` target="${escapeHtml(linkTarget)}"` : "";
          return `<a href="${escapeHtml(safeUrl(token.href))}"${title}${target}>${text}</a>`;
        },
      },
    });
    parsers.set(key, parser);
  }
  return parser;
}

/** HTML of a markdown cell value. */
export function markdownHtml(text: unknown, options: { link_target?: string; html?: boolean } = {}): string {
  const source = text === null || text === undefined ? "" : String(text);
  return parserFor(options.html === true, options.link_target ?? "_blank").parse(source) as string;
}
