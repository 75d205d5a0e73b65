// Chunk `dcc/async-markdown.js`: dcc.Markdown with marked (highlight.js is a chunk of its own).
import { defineChunk } from "../../../../../shims/chunk-loader";
import { Markdown } from "../../components/Markdown";
import { markdownChunk } from "../chunks";

defineChunk(markdownChunk.key, { Markdown });
