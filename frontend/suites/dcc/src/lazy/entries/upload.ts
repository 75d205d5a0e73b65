// Chunk `dcc/async-upload.js`: dcc.Upload.
import { defineChunk } from "../../../../../shims/chunk-loader";
import { Upload } from "../../components/Upload";
import { uploadChunk } from "../chunks";

defineChunk(uploadChunk.key, { Upload });
