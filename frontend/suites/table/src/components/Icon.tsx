// Font Awesome 5 icons as inline SVG, with the classes and data attributes Dash's table renders
// (`svg.svg-inline--fa.fa-sort[data-icon="sort"]`, dom-contract §1.4).
import React from "react";
import type { IconDefinition } from "@fortawesome/fontawesome-common-types";

export function Icon({ icon }: { icon: IconDefinition }): React.ReactElement {
  const [width, height, , , path] = icon.icon;
  const widthClass = `fa-w-${Math.ceil((Number(width) / Number(height)) * 16)}`;
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      data-prefix={icon.prefix}
      data-icon={icon.iconName}
      className={`svg-inline--fa fa-${icon.iconName} ${widthClass}`}
      role="img"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
    >
      <path fill="currentColor" d={Array.isArray(path) ? path.join(" ") : path} />
    </svg>
  );
}
