// Functions that dash-ag-grid column definitions name with {"function": "..."}, and a clientside
// namespace the grid's function strings reach through `dash_clientside`. Loaded from assets/,
// before the renderer and before the grid's lazy chunk captures `window.dash_clientside`.
window.dashAgGridFunctions = Object.assign(window.dashAgGridFunctions || {}, {
  formatPrice: function (value) {
    return value === null || value === undefined ? "n/a" : "$" + value.toLocaleString("en-US");
  },
});

window.dash_clientside = Object.assign(window.dash_clientside || {}, {
  grid_helpers: {
    dayOf: function (timestamp) {
      return timestamp ? timestamp.slice(0, 10) : "";
    },
    selectAllRows: function (n_clicks, gridId) {
      if (!n_clicks) {
        return window.dash_clientside.no_update;
      }
      var api = window.dash_ag_grid.getApi(gridId);
      api.selectAll();
      return "grid API: " + api.getDisplayedRowCount() + " rows shown";
    },
  },
});
