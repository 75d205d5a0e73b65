// The dev tools' look, injected once into the page's <head> when the UI is on.
import { addStyleSheet } from "../../../shared/styleSheet";

export const STYLE_ID = "_dash-devtools-style";

const CSS = `
.dash-debug-menu__outer { position: fixed; bottom: 12px; right: 12px; z-index: 10001; display: flex;
  align-items: center; font: 13px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2d3d;
  background: #fff; border-radius: 22px; box-shadow: 0 2px 10px rgba(0,0,0,.18); padding: 3px 4px; }
.dash-debug-menu__content { display: flex; align-items: center; }
.dash-debug-menu__button, .dash-debug-menu__status { display: inline-flex; align-items: center; gap: 5px;
  border: none; background: transparent; color: inherit; font: inherit; padding: 6px 10px; border-radius: 16px;
  cursor: pointer; position: relative; }
.dash-debug-menu__button:hover { background: #eef2f6; }
.dash-debug-menu__button--selected { background: #dfe8f3; }
.dash-debug-menu__status { cursor: default; }
.dash-debug-menu__button--available .dash-debug-menu__icon { color: #1f9d55; }
.dash-debug-menu__button--unavailable .dash-debug-menu__icon { color: #c0392b; }
.dash-debug-menu__button--cold .dash-debug-menu__icon { color: #8a99a8; }
.dash-debug-menu__icon { width: 16px; height: 16px; flex: none; }
.dash-debug-menu__error-count { background: #c0392b; color: #fff; border-radius: 9px; padding: 0 6px;
  font-size: 11px; line-height: 17px; }
.dash-debug-menu__divider { width: 1px; height: 20px; background: #dde3ea; margin: 0 6px; }
.dash-debug-menu__version { padding: 0 6px; color: #5b6b7c; }
.dash-debug-menu__toggle { border: none; background: transparent; color: #5b6b7c; cursor: pointer;
  width: 30px; height: 30px; border-radius: 15px; display: inline-flex; align-items: center;
  justify-content: center; position: relative; padding: 0; }
.dash-debug-menu__toggle:hover { background: #eef2f6; }
.dash-debug-menu__error-indicator { position: absolute; top: 3px; right: 3px; width: 8px; height: 8px;
  border-radius: 4px; background: #c0392b; }
.dash-debug-menu__popup { position: absolute; bottom: calc(100% + 10px); right: 0; }
.dash-error-card { width: min(720px, calc(100vw - 40px)); max-height: 70vh; overflow: auto; background: #fff;
  border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.22); }
.dash-error-card__topbar { display: flex; justify-content: space-between; align-items: center; padding: 10px 14px;
  border-bottom: 1px solid #e5e9ee; font-weight: 600; position: sticky; top: 0; background: #fff; }
.dash-fe-error__icon-x { cursor: pointer; font-size: 18px; line-height: 1; padding: 0 4px; }
.dash-error-card__content { border-bottom: 1px solid #eef1f4; }
.dash-fe-error-item { display: flex; justify-content: space-between; align-items: center; gap: 12px;
  padding: 9px 14px; cursor: pointer; }
.dash-fe-error-item:hover { background: #f7f9fb; }
.dash-fe-error-top__group { display: inline-flex; align-items: center; gap: 8px; flex: none; }
.dash-fe-error-top__group:first-child { flex: 1 1 auto; min-width: 0; }
.dash-fe-error__title { color: #b03a2e; font-weight: 600; white-space: pre-wrap; overflow-wrap: anywhere; }
.dash-fe-error__timestamp { color: #8a99a8; font-size: 12px; white-space: nowrap; }
.percy-show { display: none; }
.dash-fe-error__collapse { width: 14px; height: 14px; transition: transform .15s; }
.dash-fe-error__collapse--flipped { transform: rotate(180deg); }
.error-container { padding: 0 14px 12px; }
.dash-fe-error__info { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; white-space: pre-wrap;
  word-break: break-word; background: #f7f9fb; padding: 8px 10px; margin-top: 6px; }
.dash-fe-error__curved { border-radius: 6px; }
.dash-fe-error__info p { margin: 2px 0; }
.dash-backend-error pre { white-space: pre-wrap; word-break: break-word; font-size: 12px; margin: 6px 0 0; }
.dash-callback-dag--container { width: min(900px, calc(100vw - 40px)); height: 60vh; background: #fff;
  border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.22); position: relative; overflow: hidden; }
.dash-callback-dag--canvas { position: absolute; inset: 0; overflow: auto; }
.dash-callback-dag--message { padding: 16px; color: #5b6b7c; }
.dash-callback-dag--layoutSelector { position: absolute; top: 8px; left: 8px; }
.dash-callback-dag--info { position: absolute; top: 8px; right: 8px; bottom: 8px; width: 300px; overflow: auto;
  background: rgba(255,255,255,.96); border: 1px solid #e5e9ee; border-radius: 6px; font-size: 11px; }
.dash-callback-dag--info pre { margin: 8px; white-space: pre-wrap; word-break: break-word; }
.dash-callback-dag--node { cursor: pointer; }
.dash-callback-dag--node text { font-size: 11px; fill: #1f2d3d; }
.dash-callback-dag--node text.dash-callback-dag--sub { fill: #5b6b7c; }
.dash-callback-dag--property rect { fill: #eef4fb; stroke: #9db7d5; }
.dash-callback-dag--callback rect { fill: #fdf3e6; stroke: #e0a458; }
.dash-callback-dag--clientside rect { fill: #eaf7ef; stroke: #6cc08b; }
.dash-callback-dag--selected rect { stroke: #1f2d3d; stroke-width: 2; }
`;

/** Add the dev-tools stylesheet to the document (once). */
export function injectStyles(doc: Document): void {
  addStyleSheet(STYLE_ID, CSS, false, doc);
}
