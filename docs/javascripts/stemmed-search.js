// Loaded before the theme's bundle, on every page; acts only on the sites whose index is stemmed
// (<html lang="ru">, "fr" or "es": mkdocs.<code>.yml, search plugin). The theme's search appends a
// wildcard to every query word ("труд" -> "труд*") and a wildcard word skips lunr's stemmer, so a word
// typed in one form never finds another form of it: "принудительный" does not find "о принудительном
// труде". Each word in the site's script is sent twice, once with a boost ("принудительный^1": no
// wildcard, so it is stemmed like the index) and once as typed (prefix matching while the reader
// types). On the Russian site only Cyrillic words are touched (its stemmer leaves Latin words, English
// text from the data, as they are), and every word before the last is required.
(function () {
  "use strict";
  var SCRIPT = { ru: /[\u0400-\u04FF]/, fr: /[A-Za-z\u00C0-\u024F]/, es: /[A-Za-z\u00C0-\u024F]/ };
  var WORD = SCRIPT[document.documentElement.lang];
  if (!WORD || typeof Worker === "undefined") return;
  var QUERY = 2;  // the theme's message type for a query (SearchMessageType.QUERY)
  // Russian: every word but the last (still being typed) is also required ("+word^1"): lunr ranks any
  // page that has one of the words, and "труд" alone is in the title of most Conventions ("Международной
  // организации труда"), so "принудительный труд" ranked pages without "принудительный" first. Not in
  // French or Spanish, whose short words ("de", "des", "los") are stop words left out of the index: a
  // required one would match nothing.
  var REQUIRE = document.documentElement.lang === "ru";
  function withStems(query) {
    var words = query.split(/\s+/);
    var last = words.length - 1;
    while (last > 0 && !words[last]) last--;
    return words.map(function (word, i) {
      var plain = word && !/["*+\-:^~]/.test(word) && WORD.test(word);
      if (!plain) return word;
      return (REQUIRE && i < last ? "+" : "") + word + "^1 " + word;
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
