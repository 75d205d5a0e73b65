// Entry of the dcc suite bundle: injects the default styles and defines `window.dash_core_components`.
// The heavy components are stand-ins that fetch their async chunk on first render (./lazy).
import { attachMetadataPropTypes } from "../../../shared/attachPropTypes";
import type { DocgenComponent } from "../../../shared/propTypes";
import metadata from "../metadata.json";
import { Button } from "./components/Button";
import { Checklist } from "./components/Checklist";
import { Clipboard } from "./components/Clipboard";
import { ConfirmDialog } from "./components/ConfirmDialog";
import { ConfirmDialogProvider } from "./components/ConfirmDialogProvider";
import { Download } from "./components/Download";
import { Geolocation } from "./components/Geolocation";
import { Input } from "./components/Input";
import { Interval } from "./components/Interval";
import { Link } from "./components/Link";
import { Loading } from "./components/Loading";
import { Location } from "./components/Location";
import { RadioItems } from "./components/RadioItems";
import { Store } from "./components/Store";
import { Tab } from "./components/Tab";
import { Tabs } from "./components/Tabs";
import { Textarea } from "./components/Textarea";
import { Tooltip } from "./components/Tooltip";
import { DatePickerRange, DatePickerSingle, Dropdown, Graph, Markdown, RangeSlider, Slider, Upload } from "./lazy/components";
import { page } from "./page";
import buttonCss from "./styles/button.css";
import datepickerCss from "./styles/datepicker.css";
import dropdownCss from "./styles/dropdown.css";
import { injectStyles } from "./styles/inject";
import inputCss from "./styles/input.css";
import loadingCss from "./styles/loading.css";
import markdownCss from "./styles/markdown.css";
import optionsCss from "./styles/options.css";
import sliderCss from "./styles/slider.css";
import tabsCss from "./styles/tabs.css";
import themeCss from "./styles/theme.css";
import tooltipCss from "./styles/tooltip.css";

injectStyles([themeCss, buttonCss, inputCss, optionsCss, dropdownCss, sliderCss, tabsCss, loadingCss, tooltipCss, markdownCss, datepickerCss].join("\n"));

const components = {
  Button,
  Checklist,
  Clipboard,
  ConfirmDialog,
  ConfirmDialogProvider,
  DatePickerRange,
  DatePickerSingle,
  Download,
  Dropdown,
  Geolocation,
  Graph,
  Input,
  Interval,
  Link,
  Loading,
  Location,
  Markdown,
  RadioItems,
  RangeSlider,
  Slider,
  Store,
  Tab,
  Tabs,
  Textarea,
  Tooltip,
  Upload,
};
// propTypes for the props check, from the metadata the Python classes are generated from (the build
// keeps only its types).
attachMetadataPropTypes(components, metadata as unknown as Record<string, DocgenComponent>);
page.dash_core_components = components as unknown as typeof page.dash_core_components;
