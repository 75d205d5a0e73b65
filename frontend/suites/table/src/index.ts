// Entry of the dash_table bundle: injects the default styles and defines `window.dash_table`. The
// DataTable registered here is a stand-in that fetches the table chunk on first render (./lazy).
import { DataTable } from "./lazy/components";
import { page } from "./page";
import { injectStyles } from "./styles/inject";
import tableCss from "./styles/table.css";

injectStyles(tableCss);

page.dash_table = { DataTable } as unknown as typeof page.dash_table;
