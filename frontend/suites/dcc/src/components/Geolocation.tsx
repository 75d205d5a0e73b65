// dcc.Geolocation: no DOM; reads the device position on mount, on `update_now` and on option changes.
import React from "react";
import { sendProps } from "../page";
import type { RendererProps } from "../page";

export interface GeolocationProps extends RendererProps {
  update_now?: boolean;
  high_accuracy?: boolean;
  maximum_age?: number;
  timeout?: number;
  show_alert?: boolean;
}

/** The `position` prop of a browser position reading. */
export function positionProps(coords: GeolocationCoordinates): Record<string, number | null> {
  return {
    lat: coords.latitude,
    lon: coords.longitude,
    accuracy: coords.accuracy,
    alt: coords.altitude,
    alt_accuracy: coords.altitudeAccuracy,
    heading: coords.heading,
    speed: coords.speed,
  };
}

export function Geolocation(props: GeolocationProps): null {
  const latest = React.useRef(props);
  latest.current = props;
  const { update_now, high_accuracy, maximum_age, timeout } = props;
  React.useEffect(() => {
    const fail = (code: number, message: string): void => {
      if (latest.current.show_alert) window.alert(`ERROR(${code}): ${message}`);
      sendProps(latest.current, { position_error: { code, message }, update_now: false });
    };
    if (!navigator.geolocation) {
      fail(999, "The browser does not support geolocation.");
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) =>
        sendProps(latest.current, {
          local_date: new Date(position.timestamp).toLocaleString(),
          timestamp: position.timestamp,
          position: positionProps(position.coords),
          position_error: null,
          update_now: false,
        }),
      (error) => fail(error.code, error.message),
      {
        enableHighAccuracy: Boolean(high_accuracy),
        maximumAge: maximum_age ?? 0,
        timeout: typeof timeout === "number" && Number.isFinite(timeout) ? timeout : Infinity,
      },
    );
  }, [update_now === true, high_accuracy, maximum_age, timeout]);
  return null;
}
