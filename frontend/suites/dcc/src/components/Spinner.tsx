// The built-in spinners of dcc.Loading (dom-contract §5.9), one element tree per `type`.
import React from "react";

function repeat(count: number, make: (n: number) => React.ReactElement): React.ReactElement[] {
  return Array.from({ length: count }, (_, i) => make(i + 1));
}

const CUBE_SIDES = ["front", "back", "right", "left", "top", "bottom"];

export function SpinnerElement(props: { type?: string }): React.ReactElement {
  switch (props.type) {
    case "circle":
      return (
        <div className="dash-spinner dash-sk-circle">
          {repeat(12, (n) => <div key={n} className={`dash-sk-circle${n} dash-sk-child`} />)}
        </div>
      );
    case "dot":
      return (
        <div className="dash-spinner dash-dot-spinner">
          {repeat(3, (n) => <div key={n} className={`dash-dot-spinner-bounce${n}`} />)}
        </div>
      );
    case "cube":
      return (
        <div className="dash-spinner dash-cube-container">
          <div className="dash-cube">
            {CUBE_SIDES.map((side) => <div key={side} className={`dash-cube-side dash-cube-side--${side}`} />)}
          </div>
        </div>
      );
    case "graph":
      return (
        <div>
          <div className="dash-spinner dash-graph-spinner">
            <div className="dash-graph-spinner__bottom" />
            {["one", "two", "three"].map((n) => <div key={n} className={`dash-bar dash-bar__${n}`} />)}
            <div className="dash-graph-spinner__background" />
            {["one", "two", "three", "four"].map((n) => <div key={`d${n}`} className={`dash-dot dash-dot__${n}`} />)}
            {["one", "two", "three", "four"].map((n) => <div key={`v${n}`} className={`dash-vert dash-vert__${n}`} />)}
          </div>
        </div>
      );
    default:
      return (
        <div className="dash-spinner dash-default-spinner">
          {repeat(5, (n) => <div key={n} className={`dash-default-spinner-rect${n}`} />)}
        </div>
      );
  }
}
