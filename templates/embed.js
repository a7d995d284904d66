// Replaces each figure's static SVG with an interactive Vega-Lite view (vega-embed, bundled).
(function () {
  if (typeof vegaEmbed !== "function") return;
  document.querySelectorAll(".figure-view[data-spec]").forEach(function (view) {
    var source = document.getElementById(view.getAttribute("data-spec"));
    if (!source) return;
    var spec = JSON.parse(source.textContent);
    var target = document.createElement("div");
    vegaEmbed(target, spec, {
      renderer: "svg",
      actions: { export: true, source: false, compiled: false, editor: false },
    })
      .then(function () {
        view.replaceChildren(target);
        view.classList.add("interactive");
      })
      .catch(function (error) {
        // keep the static SVG
        console.warn("figure left static:", error);
      });
  });
})();
