// Inline Font Awesome SVG in the markup Dash uses (dom-contract §1.4).
import React from "react";

export interface IconData {
  prefix: string;
  iconName: string;
  width: number;
  height: number;
  svgPathData: string | string[];
}

export function FontAwesomeIcon(props: { icon: IconData }): React.ReactElement {
  const { icon } = props;
  const path = Array.isArray(icon.svgPathData) ? icon.svgPathData.join(" ") : icon.svgPathData;
  const widthClass = `fa-w-${Math.ceil((icon.width / icon.height) * 16)}`;
  return (
    <svg
      className={`svg-inline--fa fa-${icon.iconName} ${widthClass}`}
      data-prefix={icon.prefix}
      data-icon={icon.iconName}
      aria-hidden="true"
      role="img"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${icon.width} ${icon.height}`}
    >
      <path fill="currentColor" d={path} />
    </svg>
  );
}
