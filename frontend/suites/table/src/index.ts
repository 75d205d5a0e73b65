// Entry of the dash_table bundle: injects the default styles and defines `window.dash_table`. The
// DataTable registered here is a stand-in that fetches the table chunk on first render (./lazy).
import { attachMetadataPropTypes } from "../../../shared/attachPropTypes";
import type { DocgenComponent } from "../../../shared/propTypes";
import metadata from "../metadata.json";
import { DataTable } from "./lazy/components";
import { page } from "./page";
import { injectStyles } from "./styles/inject";
import tableCss from "./styles/table.css";

injectStyles(tableCss);

const components = { DataTable };
// propTypes for the props check, from the metadata the Python class is generated from (the build
// keeps only its types): the stand-in carries them, so the check needs no chunk.
attachMetadataPropTypes(components, metadata as unknown as Record<string, DocgenComponent>);
page.dash_table = components as unknown as typeof page.dash_table;
