// Tale storybook reader: small enhancements over a page that works without JavaScript.
// Arrow keys, Page Up/Down and Space turn pages. No requests, no cookies, no storage yet.
(function () {
  "use strict";
  document.documentElement.dataset.taleReader = "on";
  var pages = Array.prototype.slice.call(document.querySelectorAll("main .page"));
  if (!pages.length) return;
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

  function currentIndex() {
    var best = 0, bestDistance = Infinity;
    pages.forEach(function (page, index) {
      var distance = Math.abs(page.getBoundingClientRect().top - 48);
      if (distance < bestDistance) { best = index; bestDistance = distance; }
    });
    return best;
  }

  function show(index) {
    var page = pages[Math.max(0, Math.min(pages.length - 1, index))];
    page.scrollIntoView({ behavior: reduceMotion.matches ? "auto" : "smooth", block: "start" });
    var heading = page.querySelector("h1, h2");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName))) return;
    var key = event.key;
    if (key === "ArrowRight" || key === "PageDown" || (key === " " && !event.shiftKey)) {
      event.preventDefault();
      show(currentIndex() + 1);
    } else if (key === "ArrowLeft" || key === "PageUp" || (key === " " && event.shiftKey)) {
      event.preventDefault();
      show(currentIndex() - 1);
    }
  });
})();
