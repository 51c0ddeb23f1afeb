// Tale storybook reader: turning pages and saving progress. It enhances a page that already works
// without JavaScript: one page at a time, turned by buttons, keys, swipes and taps; choices as buttons
// with "back one choice"; progress saved in localStorage under "tale:<slug>" (the only thing stored;
// no cookies, no requests to other sites). The other concerns are small scripts of their own, loaded
// after this one: settings.js (toolbar, panels, settings), aloud.js (read-aloud) and offline.js.
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var script = doc.currentScript;
  var main = doc.getElementById("story");
  var ui = doc.querySelector(".reader-ui");
  if (!main || !ui) return;
  root.classList.add("js-reader");
  ui.hidden = false;

  var pages = [].slice.call(main.querySelectorAll(".page"));
  var byId = {};
  pages.forEach(function (page) { byId[page.id] = page; });
  var first = (main.querySelector(".turn.start") || { hash: "" }).hash.slice(1) || (pages[1] || pages[0]).id;
  var sceneCount = pages.length - 1;
  var endingCount = Number(script && script.dataset.endings) || main.querySelectorAll("[data-ending]").length;
  var branching = !!main.querySelector(".choices");
  var storageKey = "tale:" + main.dataset.book;
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  function $(selector) { return ui.querySelector(selector); }
  var announcer = $(".announcer");
  var current = null;

  // ---- Saved progress: the page, the trail of pages read, the choices made, endings found, settings.
  function freshState(keep) {
    return { page: "cover", trail: [], choices: [], endings: keep ? keep.endings : [], settings: keep ? keep.settings : {} };
  }
  function loadState() {
    try {
      var saved = JSON.parse(localStorage.getItem(storageKey) || "null");
      if (saved && byId[saved.page] && Array.isArray(saved.trail)) return saved;
    } catch (error) { /* storage off or corrupt: start afresh */ }
    return null;
  }
  function save() {
    try { localStorage.setItem(storageKey, JSON.stringify(state)); } catch (error) { /* private mode: fine */ }
  }
  var saved = loadState();
  var state = saved ? JSON.parse(JSON.stringify(saved)) : freshState();
  state.settings = state.settings || {};
  state.endings = state.endings || [];
  state.choices = state.choices || [];

  // ---- Turning pages.
  function nextOf(page) {
    if (page.id === "cover") return first;
    return page.dataset.next || null;
  }
  function tell(name, detail) { doc.dispatchEvent(new CustomEvent("tale:" + name, { detail: detail })); }
  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 30);
  }
  function show(id, how) {
    var page = byId[id] || byId.cover;
    if (page === current) return;
    var previous = current;
    current = page;
    pages.forEach(function (each) { each.classList.toggle("current", each === page); });
    if (previous && !reduceMotion.matches) {
      page.classList.remove("turning");
      void page.offsetWidth;
      page.classList.add("turning");
    }
    // The cover is never "where the reader left off": the last scene shown stays saved until another is.
    if (page.id !== "cover") { state.page = page.id; $(".resume").hidden = true; }
    if (page.hasAttribute("data-ending") && state.endings.indexOf(page.id) < 0) state.endings.push(page.id);
    save();
    if (how === "push") history.pushState({ page: page.id }, "", "#" + page.id);
    if (how === "replace") history.replaceState({ page: page.id }, "", "#" + page.id);
    updateControls();
    tell("page", { id: page.id });
    window.scrollTo(0, 0);
    var heading = page.querySelector("h1, h2");
    var place = position();
    announce(!place ? "Cover" : "Page " + place.number + (place.of ? " of " + place.of : "") + ": " + (heading ? heading.textContent : ""));
    if (heading && previous) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }
  // Where the reader is. A book without choices counts its scenes; a branching book counts the pages of
  // the path taken (or, opened by a link, of the shortest way there), and gives the total once no choice
  // is left between here and the end.
  var depths = null;
  function shortestDepth(id) {
    if (!depths) {
      depths = {};
      depths[first] = 1;
      for (var queue = [first]; queue.length;) {
        var page = byId[queue.shift()];
        var onward = [page.dataset.next].concat([].map.call(page.querySelectorAll(".choice"), function (c) { return (c.dataset.target || c.hash || "").replace("#", ""); }));
        onward.forEach(function (to) { if (byId[to] && !depths[to]) { depths[to] = depths[page.id] + 1; queue.push(to); } });
      }
    }
    return depths[id] || 1;
  }
  function position() {
    if (current.id === "cover") return null;
    if (!branching) return { number: pages.indexOf(current), of: sceneCount };
    var walked = state.trail.filter(function (id) { return id !== "cover"; }).length;
    var number = walked ? walked + 1 : shortestDepth(current.id);
    var page = current, ahead = 0;
    while (page && !page.querySelector(".choices") && page.dataset.next && ahead < pages.length) { page = byId[page.dataset.next]; ahead++; }
    var known = page && !page.querySelector(".choices") && !page.dataset.next;
    return { number: number, of: known ? number + ahead : 0 };
  }
  function choicesHere() { return current.querySelector("button.choice"); }
  function updateControls() {
    var place = position();
    $(".indicator").textContent = !place ? "Cover" : place.of ? place.number + " / " + place.of : "Page " + place.number;
    $(".prev").disabled = state.trail.length === 0;
    // On a choice page the arrow leads down to the choices instead of sitting disabled.
    var next = $(".next"), choosing = !nextOf(current) && !!choicesHere();
    next.disabled = !nextOf(current) && !choosing;
    next.setAttribute("aria-label", choosing ? "Choose below" : "Next page");
    next.firstElementChild.textContent = choosing ? "↓" : "→";
    $(".undo-choice").hidden = state.choices.length === 0;
    var again = current.querySelector(".choose-again");
    if (again) again.hidden = state.choices.length === 0;
    var found = current.querySelector(".endings-found");
    if (found && endingCount > 1) {
      found.hidden = false;
      found.textContent = "You have found " + state.endings.length + " of " + endingCount + " endings." +
        (state.endings.length < endingCount ? " Choose again to find the others!" : " You found them all!");
    }
  }
  var offering = false;
  function goTo(id) {
    if (!byId[id] || id === current.id) return;
    // Reading on from the cover instead of answering "Welcome back" starts a new path.
    if (offering) { offering = false; state.trail = []; state.choices = []; }
    state.trail.push(current.id);
    show(id, "push");
  }
  function goNext() {
    var target = nextOf(current), choice = choicesHere();
    if (target) goTo(target);
    else if (choice) {
      choice.scrollIntoView({ block: "center", behavior: reduceMotion.matches ? "auto" : "smooth" });
      choice.focus({ preventScroll: true });
    }
  }
  // A choice records the trail's length just after it was made; stepping back past it undoes it.
  function forgetChoicesBeyondTrail() {
    while (state.choices.length && state.choices[state.choices.length - 1].depth > state.trail.length) state.choices.pop();
  }
  function goPrevious() {
    var id = state.trail.pop();
    if (id === undefined) return;
    forgetChoicesBeyondTrail();
    show(id, "push");
  }
  function choose(target) {
    state.choices.push({ at: current.id, depth: state.trail.length + 1 });
    goTo(target);
  }
  function undoChoice() {
    var choice = state.choices.pop();
    if (!choice) return;
    state.trail.length = Math.max(0, choice.depth - 1);
    show(choice.at, "push");
  }
  // Forgets the page and the path (not the endings found or the settings).
  function startOver() {
    var fresh = freshState(state);
    state.page = fresh.page;
    state.trail = fresh.trail;
    state.choices = fresh.choices;
    save();
  }
  function restart() {
    startOver();
    show("cover", "push");
  }

  // Choices become buttons; links between scenes turn pages instead of scrolling.
  [].forEach.call(main.querySelectorAll("a.choice"), function (link) {
    var button = doc.createElement("button");
    button.type = "button";
    button.className = "choice";
    button.textContent = link.textContent;
    button.dataset.target = link.hash.slice(1);
    link.parentNode.replaceChild(button, link);
  });
  main.addEventListener("click", function (event) {
    var button = event.target.closest("button.choice");
    if (button) { choose(button.dataset.target); return; }
    if (event.target.closest("button.choose-again")) { undoChoice(); return; }
    var link = event.target.closest("a[href^='#']");
    if (link) {
      event.preventDefault();
      var id = link.hash.slice(1);
      if (link.classList.contains("again")) restart();
      else if (link.classList.contains("turn")) goNext();
      else goTo(id);
      return;
    }
    var art = event.target.closest(".art");
    if (art && !event.target.closest("a, button")) {
      var box = art.getBoundingClientRect();
      var x = (event.clientX - box.left) / box.width;
      if (x < 1 / 3) goPrevious(); else if (x > 2 / 3) goNext();
    }
  });
  $(".prev").addEventListener("click", goPrevious);
  $(".next").addEventListener("click", goNext);
  $(".undo-choice").addEventListener("click", undoChoice);

  doc.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(target.tagName))) return;
    var key = event.key;
    if (key === "ArrowRight" || key === "PageDown" || (key === " " && !event.shiftKey)) { event.preventDefault(); goNext(); }
    else if (key === "ArrowLeft" || key === "PageUp" || (key === " " && event.shiftKey)) { event.preventDefault(); goPrevious(); }
  });

  var touchStart = null;
  main.addEventListener("pointerdown", function (event) {
    if (event.pointerType !== "mouse") touchStart = { x: event.clientX, y: event.clientY };
  });
  main.addEventListener("pointerup", function (event) {
    if (!touchStart) return;
    var dx = event.clientX - touchStart.x, dy = event.clientY - touchStart.y;
    touchStart = null;
    if (Math.abs(dx) > 60 && Math.abs(dy) < 50) { if (dx < 0) goNext(); else goPrevious(); }
  });

  window.addEventListener("popstate", function () {
    var id = location.hash.slice(1) || "cover";
    if (!byId[id] || id === current.id) return;
    if (state.trail[state.trail.length - 1] === id) {
      state.trail.pop();
      forgetChoicesBeyondTrail();
    } else {
      state.trail.push(current.id);
    }
    show(id, "none");
  });


  // ---- Start: a deep link wins; otherwise offer to continue where the reader left off.
  function begin() {
    var linked = location.hash.slice(1);
    if (byId[linked]) {
      if (!saved || saved.page !== linked) { state.trail = []; state.choices = []; }
      show(linked, "replace");
    } else {
      show("cover", "replace");
      // Nothing to carry on from the cover or the first page (where "Start over" leaves a reader).
      if (saved && saved.page !== "cover" && saved.page !== first) {
        var resume = $(".resume");
        resume.hidden = false;
        offering = true;
        $(".continue").addEventListener("click", function () {
          resume.hidden = true;
          offering = false;
          state.trail = saved.trail.slice();
          state.choices = (saved.choices || []).slice();
          show(saved.page, "push");
        });
        $(".restart").addEventListener("click", function () {
          resume.hidden = true;
          offering = false;
          startOver();
          show(first, "push");
        });
      }
    }
  }

  // What the reader's other scripts (settings, read-aloud, offline) use. They load after this one,
  // deferred like it, and the book opens once they all have run.
  window.TaleReader = {
    doc: doc, root: root, main: main, ui: ui, $: $, pages: pages, state: state, save: save, tell: tell,
    reduceMotion: reduceMotion, nextOf: nextOf, goNext: goNext, goTo: goTo,
    current: function () { return current; }
  };
  doc.addEventListener("DOMContentLoaded", function () {
    begin();
    root.dataset.taleReader = "on";
  });
})();
