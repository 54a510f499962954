// Document viewer: highlight the span named in ?hl=START-END and the evidence of a clicked relation.
(function () {
  "use strict";
  var doc = document.getElementById("doctext");
  if (!doc) { return; }
  var segs = Array.prototype.slice.call(doc.querySelectorAll(".seg"));
  function mark(pred) {
    var first = null;
    segs.forEach(function (s) { s.classList.remove("active"); if (pred(s)) { s.classList.add("active"); first = first || s; } });
    if (first) { first.scrollIntoView({ block: "center" }); }
  }
  var hl = (doc.dataset.hl || "").split("-").map(Number);
  if (hl.length === 2 && !isNaN(hl[0]) && !isNaN(hl[1])) {
    var start = hl[0], end = hl[1], anchor = null;
    segs.forEach(function (s) {
      var a = Number(s.dataset.start), b = a + s.textContent.length;
      if (a < end && b > start) { s.classList.add("hl"); anchor = anchor || s; }
    });
    if (anchor) { anchor.id = "hl"; anchor.scrollIntoView({ block: "center" }); }
  }
  document.querySelectorAll(".rel-link").forEach(function (link) {
    link.addEventListener("click", function () {
      var id = link.dataset.relation;
      mark(function (s) { return (s.dataset.relations || "").split(" ").indexOf(id) >= 0; });
    });
  });
})();
