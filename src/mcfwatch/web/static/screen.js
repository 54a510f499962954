// Screening progress: while a job runs, poll its JSON twin and reload the page when it is done.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box || box.dataset.state !== "running") { return; }
  function poll() {
    fetch("/screen/" + encodeURIComponent(box.dataset.job), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (page) {
        var j = page.job;
        box.querySelector(".progress").textContent = j.done + " of " + j.total;
        box.querySelector("progress").value = j.done;
        if (j.state !== "running") { window.location.reload(); } else { window.setTimeout(poll, 500); }
      });
  }
  window.setTimeout(poll, 300);
})();
