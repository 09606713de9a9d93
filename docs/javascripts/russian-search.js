// Loaded before the theme's bundle, on every page; acts only on pages in Russian (<html lang="ru">).
// The theme's search appends a wildcard to every query word ("труд" -> "труд*") and a wildcard word
// skips lunr's stemmer, so a Russian word typed in one form never finds another form of it:
// "принудительный" does not find "о принудительном труде". Each Cyrillic word is sent twice, once
// with a boost ("принудительный^1": no wildcard, so it is stemmed like the index) and once as typed
// (prefix matching while the reader types); every word before the last is required. The Russian
// site's index is built with lunr's Russian stemmer (mkdocs.ru.yml: search pipeline).
(function () {
  "use strict";
  if (document.documentElement.lang !== "ru" || typeof Worker === "undefined") return;
  var QUERY = 2;  // the theme's message type for a query (SearchMessageType.QUERY)
  var CYRILLIC = /[\u0400-\u04FF]/;
  // Every word but the last (still being typed) is also required ("+word^1"): lunr ranks any page
  // that has one of the words, and "труд" alone is in the title of most Conventions ("Международной
  // организации труда"), so "принудительный труд" ranked pages without "принудительный" first.
  function withStems(query) {
    var words = query.split(/\s+/);
    var last = words.length - 1;
    while (last > 0 && !words[last]) last--;
    return words.map(function (word, i) {
      var plain = word && !/["*+\-:^~]/.test(word) && CYRILLIC.test(word);
      if (!plain) return word;
      return (i < last ? "+" : "") + word + "^1 " + word;
    }).join(" ");
  }
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      arguments[0] = { type: QUERY, data: withStems(message.data) };
    }
    return post.apply(this, arguments);
  };
})();
