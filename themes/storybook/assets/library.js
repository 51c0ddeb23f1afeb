// Tale library page: filter by age and topic, and search titles, authors and summaries
// (from search.json; from the cards themselves where it cannot be fetched, as on file://).
(function () {
  "use strict";
  var finder = document.querySelector(".finder");
  if (!finder) return;
  var cards = [].slice.call(document.querySelectorAll(".book-card"));
  var text = document.getElementById("find-text");
  var tier = document.getElementById("find-tier");
  var tag = document.getElementById("find-tag");
  var found = finder.querySelector(".found");
  var haystack = {};
  function fold(value) {
    return String(value || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  cards.forEach(function (card) { haystack[card.dataset.slug] = fold(card.textContent); });
  function apply() {
    var words = fold(text.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card) {
      var tags = (card.dataset.tags || "").split(" ");
      var match = (!tier.value || card.dataset.tier === tier.value) && (!tag.value || tags.indexOf(tag.value) >= 0) &&
        words.every(function (word) { return haystack[card.dataset.slug].indexOf(word) >= 0; });
      card.hidden = !match;
      if (match) shown++;
    });
    found.textContent = shown === cards.length ? "" : shown === 0 ? "No books match. Try fewer words or another topic." :
      shown + (shown === 1 ? " book matches." : " books match.");
  }
  fetch("search.json").then(function (response) { return response.ok ? response.json() : null; }).then(function (index) {
    if (!index) return;
    index.books.forEach(function (book) {
      haystack[book.slug] = fold([book.title, book.author, book.summary, book.tags.join(" ")].join(" "));
    });
    apply();
  }).catch(function () { /* the cards' own text is searched instead */ });
  [text, tier, tag].forEach(function (control) {
    control.addEventListener("input", apply);
    control.addEventListener("change", apply);
  });
  finder.hidden = false;
})();
