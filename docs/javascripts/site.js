// Small, local behaviour for the site (no remote resources):
// - a visible cue on tables and charts wider than the screen ("scroll sideways");
// - the absolute URL in "Cite this page";
// - PNG downloads of the SVG charts, drawn in the browser;
// - the filter of the Sources page, and opening the group that holds a linked source;
// - a note when the site is opened from the file system, where the browser blocks search.
(function () {
  "use strict";

  function markScrollable() {
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset .chart").forEach(function (box) {
      var wide = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("is-scrollable", wide);
      var hint = box.previousElementSibling;
      var has = hint && hint.classList.contains("scroll-hint");
      if (wide && !has) {
        hint = document.createElement("p");
        hint.className = "scroll-hint";
        hint.textContent = "Scroll sideways to see every column \u2192";
        box.parentNode.insertBefore(hint, box);
      } else if (!wide && has) {
        hint.remove();
      }
    });
  }

  function citeUrl() {
    document.querySelectorAll(".cite__url").forEach(function (el) {
      if (location.protocol === "http:" || location.protocol === "https:") el.textContent = location.href.split("#")[0];
    });
  }

  function pngLinks() {
    document.querySelectorAll("a.download-png").forEach(function (a) {
      if (a.dataset.ready) return;
      a.dataset.ready = "1";
      var name = (a.getAttribute("href") || "chart.svg").split("/").pop().replace(/\.svg$/, ".png");
      a.setAttribute("download", name);
      a.addEventListener("click", function (event) {
        event.preventDefault();
        var img = new Image();
        img.onload = function () {
          var scale = 2, canvas = document.createElement("canvas");
          canvas.width = img.naturalWidth * scale;
          canvas.height = img.naturalHeight * scale;
          var g = canvas.getContext("2d");
          g.fillStyle = "#ffffff";
          g.fillRect(0, 0, canvas.width, canvas.height);
          g.drawImage(img, 0, 0, canvas.width, canvas.height);
          canvas.toBlob(function (blob) {
            var link = document.createElement("a");
            link.href = URL.createObjectURL(blob);
            link.download = name;
            document.body.appendChild(link);
            link.click();
            setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
          }, "image/png");
        };
        img.src = a.href;
      });
    });
  }

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    // A source's row sits in its group; a kind's anchor sits just before its group.
    var after = target && (target.closest("p") || target).nextElementSibling;
    var group = target && (target.closest("details") || (after && after.tagName === "DETAILS" ? after : null));
    if (group && !group.open) {
      group.open = true;
      target.scrollIntoView();
    }
  }

  function sourceFilter() {
    var input = document.getElementById("source-filter");
    if (!input || input.dataset.ready) return;
    input.dataset.ready = "1";
    var count = document.getElementById("source-filter-count");
    if (input.form) input.form.addEventListener("submit", function (e) { e.preventDefault(); });
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
      document.querySelectorAll("details.source-group").forEach(function (group) {
        var hits = 0;
        group.querySelectorAll("tbody tr").forEach(function (row) {
          var text = row.textContent.toLowerCase();
          var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
          row.hidden = !ok;
          if (ok) hits += 1;
        });
        group.hidden = hits === 0;
        group.open = words.length > 0 && hits > 0;
        shown += hits;
      });
      count.textContent = words.length ? shown + " matching" : "";
      markScrollable();
    });
  }

  function fileNotice() {
    if (location.protocol !== "file:" || document.querySelector(".file-notice")) return;
    var note = document.createElement("p");
    note.className = "file-notice";
    note.textContent = "Opened from the file system: pages and downloads work, but the browser blocks search here. " +
      "To search, serve the site: run `make serve` and open http://127.0.0.1:8000/.";
    var main = document.querySelector(".md-content__inner") || document.body;
    main.insertBefore(note, main.firstChild);
  }

  function all() {
    markScrollable(); citeUrl(); pngLinks(); sourceFilter(); openTarget(); fileNotice();
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(function () { setTimeout(all, 0); });
  else document.addEventListener("DOMContentLoaded", all);
  window.addEventListener("load", markScrollable);
  window.addEventListener("resize", markScrollable);
  window.addEventListener("hashchange", openTarget);
})();
