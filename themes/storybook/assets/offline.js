// Tale storybook reader: offline reading. A service worker keeps everything an opened book needs,
// its recordings and fonts included, so it reads (and reads aloud) with no network.
(function () {
  "use strict";
  var reader = window.TaleReader;
  if (!reader) return;
  var doc = reader.doc, root = reader.root, script = doc.querySelector("script[data-sw]");
  // Offline: a service worker caches everything this book needs once it has been opened.
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol) && script && script.dataset.sw) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "cached") root.dataset.offline = "ready";
    });
    navigator.serviceWorker.register(script.dataset.sw).then(function () { return navigator.serviceWorker.ready; }).then(function (registration) {
      var urls = [location.href.split("#")[0], new URL("book.json", location.href).href];
      [].forEach.call(doc.querySelectorAll("img[src], link[rel~='stylesheet'], link[rel='icon'], link[rel='manifest'], script[src]"), function (element) {
        urls.push(element.src || element.href);
      });
      // What the styles loaded (the fonts), which no element names.
      if (window.performance && performance.getEntriesByType) {
        performance.getEntriesByType("resource").forEach(function (entry) { if (entry.initiatorType === "css") urls.push(entry.name); });
      }
      // The recordings read-aloud plays and the sounds the soundtrack plays, so a book reads aloud offline.
      reader.pages.forEach(function (page) { if (page.dataset.narration) urls.push(new URL(page.dataset.narration, location.href).href); });
      try {
        var files = JSON.parse(doc.getElementById("tale-cues").textContent).files || {};
        Object.keys(files).forEach(function (name) { urls.push(new URL(files[name], location.href).href); });
      } catch (error) { /* a book without sounds */ }
      registration.active.postMessage({ type: "cache-book", urls: urls });
    }).catch(function () { /* offline reading is a bonus */ });
  }
})();
