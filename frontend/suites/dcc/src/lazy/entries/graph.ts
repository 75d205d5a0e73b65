// Chunk `dcc/async-graph.js`: dcc.Graph's glue; plotly.js itself is fetched by the graph on first use.
import { defineChunk } from "../../../../../shims/chunk-loader";
import { Graph } from "../../components/Graph";
import { graphChunk } from "../chunks";

defineChunk(graphChunk.key, { Graph });
