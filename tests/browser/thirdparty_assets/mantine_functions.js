// Functions that dash-mantine-components props name with {"function": "..."}.
// Loaded from assets/, so they exist before the first render.
window.dashMantineFunctions = Object.assign(window.dashMantineFunctions || {}, {
  celsiusLabel: function (value) {
    return value + " °C";
  },
});
