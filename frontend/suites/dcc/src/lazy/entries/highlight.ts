// Chunk `dcc/async-highlight.js`: highlight.js and its languages, for code blocks in dcc.Markdown.
import { defineChunk } from "../../../../../shims/chunk-loader";
import { createHighlighter } from "../../logic/highlighter";
import { highlightChunk } from "../chunks";

defineChunk(highlightChunk.key, { highlighter: createHighlighter() });
