// Runs first in the MathJax chunk, before MathJax itself: MathJax reads its configuration from
// `window.MathJax` when its script starts.
import { isMathJax, mathJaxConfig } from "../logic/mathjax";

const page = globalThis as { MathJax?: unknown };
if (!isMathJax(page.MathJax)) page.MathJax = mathJaxConfig(page.MathJax);
