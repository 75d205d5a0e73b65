// dcc.Markdown: `div#{id}` holding the rendered HTML (dom-contract §5.14).
import React from "react";
import { highlightCode } from "../logic/highlight";
import { dedent, markdownSource, renderMarkdown } from "../logic/markdown";
import { typesetMath } from "../logic/mathjax";
import { domId, useIsLoading } from "../page";

export interface MarkdownProps {
  id?: unknown;
  children?: unknown;
  className?: string;
  style?: React.CSSProperties;
  dedent?: boolean;
  dangerously_allow_html?: boolean;
  link_target?: string;
  highlight_config?: { theme?: string };
  mathjax?: boolean;
}

export function Markdown(props: MarkdownProps): React.ReactElement {
  const ref = React.useRef<HTMLDivElement>(null);
  const loading = useIsLoading();
  const source = markdownSource(props.children);
  const allowHtml = Boolean(props.dangerously_allow_html);
  const mathjax = Boolean(props.mathjax);
  const html = React.useMemo(
    () =>
      renderMarkdown(props.dedent === false ? source : dedent(source), { allowHtml, mathjax, linkTarget: props.link_target }),
    [source, props.dedent, allowHtml, mathjax, props.link_target],
  );
  React.useEffect(() => {
    if (!ref.current) return;
    highlightCode(ref.current);
    if (mathjax) typesetMath(ref.current, `dcc.Markdown "${domId(props.id) ?? ""}"`);
  }, [html]);
  const classes = [props.className, props.highlight_config?.theme === "dark" ? "hljs-dark" : ""].filter(Boolean).join(" ");
  return (
    <div
      ref={ref}
      id={domId(props.id)}
      className={classes || undefined}
      style={props.style}
      data-dash-is-loading={loading ? "true" : undefined}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
