// Graph explorer: reads the page's JSON twin, draws it with Cytoscape, shows an edge's evidence on click
// and adds a node's neighbours on click. No inline script: the CSP allows scripts from this origin only.
(function () {
  "use strict";
  var box = document.getElementById("cy");
  var panel = document.getElementById("evidence");
  if (!box || typeof cytoscape === "undefined") { return; }
  var colours = { partner: "#1f77b4", mcf: "#ff7f0e", military: "#d62728", listed: "#9467bd", other: "#98a2b3" };
  var expanded = {};
  // Room for the names: cose's defaults packed a dozen labelled nodes on top of one another.
  var LAYOUT = { name: "cose", animate: false, nodeRepulsion: function () { return 400000; },
                 idealEdgeLength: function () { return 110; }, nodeOverlap: 20, padding: 30, randomize: false };

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value == null ? "" : String(value);
    if (cls) { el.className = cls; }
    return el;
  }

  function showEdge(d) {
    panel.replaceChildren();
    panel.appendChild(text("h2", d.label + (d.date ? " · " + d.date : "")));
    var q = text("blockquote", "“" + (d.quote || "") + "”", "quote");
    var a = document.createElement("a");
    a.className = "src evidence-link";
    a.href = "/document/" + encodeURIComponent(d.document) + "?hl=" + d.start + "-" + d.end + "#hl";
    a.textContent = (d.title || d.document) + " · " + d.start + "–" + d.end;
    q.appendChild(a);
    panel.appendChild(q);
    panel.appendChild(text("p", "edge " + d.id, "muted"));
  }

  fetch(box.dataset.src, { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (g) {
      var cy = cytoscape({
        container: box,
        elements: { nodes: g.nodes, edges: g.edges },
        style: [
          { selector: "node", style: { "label": "data(label)", "background-color": function (n) { return colours[n.data("role")] || colours.other; },
              "font-size": 11, "text-wrap": "wrap", "text-max-width": 120, "width": 22, "height": 22,
              "text-valign": "top", "text-margin-y": -4, "min-zoomed-font-size": 7,
              "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1 } },
          // Only the exposure path's edges carry a label: a hub's every edge labelled was an unreadable tangle
          // of words over the names. Any other edge shows its label when selected or hovered.
          { selector: "edge", style: { "label": function (e) { return e.data("path") ? e.data("label") : ""; },
              "font-size": 8, "curve-style": "bezier", "min-zoomed-font-size": 6,
              "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.8,
              "target-arrow-shape": "triangle", "width": function (e) { return e.data("path") ? 4 : 1.5; },
              "line-color": function (e) { return e.data("path") ? "#b42318" : "#98a2b3"; },
              "target-arrow-color": function (e) { return e.data("path") ? "#b42318" : "#98a2b3"; } } },
          { selector: ":selected", style: { "overlay-opacity": 0.15 } },
          { selector: "edge:selected, edge.hover", style: { "label": "data(label)", "z-index": 10 } }
        ],
        layout: LAYOUT
      });
      window.mcfGraph = cy;
      cy.on("tap", "edge", function (evt) { showEdge(evt.target.data()); });
      cy.on("mouseover", "edge", function (evt) { evt.target.addClass("hover"); });
      cy.on("mouseout", "edge", function (evt) { evt.target.removeClass("hover"); });
      cy.on("tap", "node", function (evt) {
        var id = evt.target.id();
        if (expanded[id]) { return; }
        expanded[id] = true;
        fetch("/entity/" + encodeURIComponent(id) + "/neighbours", { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (more) {
            var add = [];
            more.nodes.forEach(function (n) { if (cy.getElementById(n.data.id).empty()) { add.push({ group: "nodes", data: n.data }); } });
            more.edges.forEach(function (e) { if (cy.getElementById(e.data.id).empty()) { add.push({ group: "edges", data: e.data }); } });
            cy.add(add);
            cy.layout(LAYOUT).run();
          });
      });
      cy.on("dbltap", "node", function (evt) { window.location.href = "/entity/" + encodeURIComponent(evt.target.id()); });
      box.dataset.ready = "1";
    });
})();
