// Loaded before the theme's bundle. The search index is the heaviest file of the site; the theme
// would request it on every first visit. Hold that request until the reader reaches for search
// (focus, click or a search hotkey), so a first visit loads only the page.
(function () {
  "use strict";
  var INDEX = /search\/search_index\.json(\?|$)/;
  var released = false, queue = [];
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__iloLazy = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.__iloLazy || released) return send.apply(xhr, args);
    queue.push(function () { send.apply(xhr, args); });
  };
  function release() {
    if (released) return;
    released = true;
    queue.splice(0).forEach(function (go) { go(); });
  }
  document.addEventListener("focusin", function (e) {
    if (e.target && e.target.closest && e.target.closest(".md-search")) release();
  }, true);
  document.addEventListener("click", function (e) {
    if (e.target && e.target.closest && e.target.closest('.md-search, label[for="__search"]')) release();
  }, true);
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" || e.key === "s" || e.key === "f") release();
  }, true);
  window.__iloReleaseSearch = release;
})();
