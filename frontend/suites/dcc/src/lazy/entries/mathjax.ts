// Chunk `dcc/async-mathjax.js`: MathJax 3 with every TeX extension and SVG output, for dcc.Markdown
// and dcc.Graph with `mathjax=True`. The full TeX build is used so that no extension is fetched
// later from a MathJax folder this server does not have. Import order matters: the setup module
// writes the configuration that MathJax reads as it starts.
import "../mathjax-setup";
import "mathjax/es5/tex-svg-full.js";
import { defineChunk } from "../../../../../shims/chunk-loader";
import { mathjaxChunk } from "../chunks";

defineChunk(mathjaxChunk.key, { MathJax: (globalThis as { MathJax?: unknown }).MathJax });
