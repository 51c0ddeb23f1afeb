// Tale storybook reader. It enhances a page that already works without JavaScript: one page at a
// time, turned by buttons, keys, swipes and taps; choices as buttons with "back one choice";
// read-aloud with the spoken word highlighted; settings; progress saved in localStorage under
// "tale:<slug>" (the only thing stored; no cookies, no requests to other sites); a service worker
// keeps an opened book readable offline.
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var script = doc.currentScript;
  root.dataset.taleReader = "on";
  var main = doc.getElementById("story");
  var ui = doc.querySelector(".reader-ui");
  if (!main || !ui) return;

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
    stopReading();
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
    updateReadButton();
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
  function restart() {
    state = freshState(state);
    save();
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
  ui.addEventListener("click", function (event) {
    var link = event.target.closest("#contents a[href^='#']");
    if (link) {
      event.preventDefault();
      closePanels();
      goTo(link.hash.slice(1));
    }
  });
  $(".prev").addEventListener("click", goPrevious);
  $(".next").addEventListener("click", goNext);
  $(".undo-choice").addEventListener("click", undoChoice);

  doc.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape") { closePanels(); return; }
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

  // ---- The toolbar: the page keeps room for it (its height, which includes the safe-area inset), and on
  // phones the rarely used controls sit in a "More" menu so it stays one row.
  var toolbar = $(".toolbar"), more = $(".more");
  function reserveToolbar() { root.style.setProperty("--toolbar-height", toolbar.offsetHeight + "px"); }
  if (window.ResizeObserver) new window.ResizeObserver(reserveToolbar).observe(toolbar);
  function setMenu(open) { more.setAttribute("aria-expanded", String(open)); }
  more.addEventListener("click", function () { setMenu(more.getAttribute("aria-expanded") !== "true"); });
  $(".more-menu").addEventListener("click", function (event) { if (event.target.closest("button")) setMenu(false); });

  // ---- Panels and settings.
  function closePanels() {
    setMenu(false);
    [].forEach.call(ui.querySelectorAll(".toggle"), function (toggle) {
      toggle.setAttribute("aria-expanded", "false");
      doc.getElementById(toggle.getAttribute("aria-controls")).hidden = true;
    });
  }
  [].forEach.call(ui.querySelectorAll(".toggle"), function (toggle) {
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      closePanels();
      toggle.setAttribute("aria-expanded", String(open));
      var panel = doc.getElementById(toggle.getAttribute("aria-controls"));
      panel.hidden = !open;
      if (open) { var control = panel.querySelector("a, button, input, select"); if (control) control.focus(); }
    });
  });
  function applySettings() {
    var s = state.settings;
    root.style.setProperty("--text-scale", String(s.scale || 1));
    root.classList.toggle("contrast", !!s.contrast);
    root.classList.toggle("dyslexia", !!s.dyslexia);
    root.classList.toggle("theme-light", s.theme === "light");
    root.classList.toggle("theme-dark", s.theme === "dark");
    root.classList.toggle("effects-off", !!s.effectsOff);
    [].forEach.call(ui.querySelectorAll("[data-setting]"), function (control) {
      var name = control.dataset.setting;
      if (control.type === "checkbox") control.checked = !!s[name];
      else if (control.tagName === "SELECT" && s[name] !== undefined) control.value = String(s[name]);
    });
  }
  ui.addEventListener("change", function (event) {
    var name = event.target.dataset.setting;
    if (!name) return;
    state.settings[name] = event.target.type === "checkbox" ? event.target.checked : event.target.value;
    save();
    applySettings();
    tell("settings", state.settings);
  });
  ui.addEventListener("click", function (event) {
    var name = event.target.dataset && event.target.dataset.setting;
    if (name !== "smaller" && name !== "larger") return;
    var scale = (state.settings.scale || 1) + (name === "larger" ? 0.15 : -0.15);
    state.settings.scale = Math.round(Math.min(2, Math.max(0.7, scale)) * 100) / 100;
    save();
    applySettings();
  });

  // ---- Reading aloud, with the spoken word highlighted. Browsers that never fire word boundary
  // events (or have no speech at all) get highlighting from estimated word timings instead.
  var synth = window.speechSynthesis;
  var canSpeak = !!(synth && typeof window.SpeechSynthesisUtterance === "function");
  var reading = null;
  var readButton = $(".read");
  function readingAutoAdvance() { return !!state.settings.autoAdvance; }
  function rate() { return Number(state.settings.rate) || 1; }
  function wordsOf(page) {
    if (!page.wordSpans) {
      var spans = [];
      [].forEach.call(page.querySelectorAll("h1, h2, .text"), function (block) {
        var walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        var nodes = [];
        while (walker.nextNode()) nodes.push(walker.currentNode);
        nodes.forEach(function (node) {
          if (!/\S/.test(node.nodeValue) || node.parentNode.closest(".visually-hidden")) return;
          var fragment = doc.createDocumentFragment();
          node.nodeValue.split(/(\s+)/).forEach(function (part) {
            if (!part) return;
            if (/^\s+$/.test(part)) { fragment.appendChild(doc.createTextNode(part)); return; }
            var span = doc.createElement("span");
            span.className = "word";
            span.textContent = part;
            spans.push(span);
            fragment.appendChild(span);
          });
          node.parentNode.replaceChild(fragment, node);
        });
      });
      page.wordSpans = spans;
    }
    return page.wordSpans;
  }
  function highlight(index) {
    if (!reading) return;
    if (reading.index >= 0 && reading.words[reading.index]) reading.words[reading.index].classList.remove("spoken");
    reading.index = index;
    if (reading.words[index]) {
      reading.words[index].classList.add("spoken");
      tell("word", { index: index });
    }
  }
  function estimate(fromIndex) {
    if (!reading || reading.estimating) return;
    reading.estimating = true;
    var secondsPerCharacter = 60 / (150 * 6 * rate());
    function step(index) {
      if (!reading || reading.paused) { if (reading) reading.resumeAt = index; return; }
      if (index >= reading.words.length) { if (!reading.speaking) finished(); return; }
      highlight(index);
      var word = reading.words[index].textContent;
      var pause = /[.!?]["”’]?$/.test(word) ? 0.35 : /[,;:]$/.test(word) ? 0.15 : 0;
      reading.timer = window.setTimeout(function () { step(index + 1); }, ((word.length + 1) * secondsPerCharacter + pause) * 1000);
    }
    reading.step = step;
    step(fromIndex || 0);
  }
  // A narrated book carries each page's recording and when each word starts (data-timings: one
  // start per word, then the end). The recording is used when its words are the page's words.
  function recordedTimings(page, count) {
    var list = (page.dataset.timings || "").split(" ").map(Number);
    return page.dataset.narration && list.length === count + 1 ? list : null;
  }
  function playRecording(timings) {
    var session = reading;
    var audio = new window.Audio(current.dataset.narration);
    audio.playbackRate = rate();
    session.audio = audio;
    function follow() {
      if (session !== reading) return;
      var ms = audio.currentTime * 1000, index = 0;
      while (index + 1 < timings.length - 1 && timings[index + 1] <= ms) index++;
      if (index !== session.index) highlight(index);
      if (!audio.paused && !audio.ended) session.frame = window.requestAnimationFrame(follow);
    }
    audio.addEventListener("playing", function () { session.speaking = true; follow(); });
    audio.addEventListener("ended", function () { if (session === reading) finished(); });
    // A recording that cannot play (offline and never cached, a codec the device lacks) gives way to the browser's voice.
    function fallBack() { if (session === reading && !session.speaking) { session.audio = null; speak(session); } }
    audio.addEventListener("error", fallBack);
    tell("narration", { src: audio.src, words: timings.length - 1 });
    var played = audio.play();
    if (played && played.catch) played.catch(fallBack);
  }
  function startReading() {
    stopReading();
    var words = wordsOf(current);
    if (!words.length) return;
    reading = { words: words, index: -1, page: current, speaking: false, paused: false, boundary: false };
    tell("reading", { active: true });
    readButton.setAttribute("aria-pressed", "true");
    readButton.textContent = "Pause";
    var timings = recordedTimings(current, words.length);
    if (timings) playRecording(timings); else speak(reading);
  }
  // The browser's own voice. No speech at all, or speech that fails before a word is said (Chromium with
  // no voices installed says "synthesis-failed"), leaves the control saying so instead of a silent highlight.
  function speak(session) {
    if (!canSpeak) { noVoice(); return; }
    var text = "", starts = [];
    session.words.forEach(function (span) { starts.push(text.length); text += span.textContent + " "; });
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = root.lang || "en";
    utterance.rate = rate();
    var voice = state.settings.voice && synth.getVoices().filter(function (v) { return v.name === state.settings.voice; })[0];
    if (voice) utterance.voice = voice;
    utterance.onstart = function () { session.speaking = true; };
    utterance.onboundary = function (event) {
      if (session !== reading || (event.name && event.name !== "word")) return;
      session.boundary = true;
      window.clearTimeout(session.timer);
      var index = 0;
      while (index + 1 < starts.length && starts[index + 1] <= event.charIndex) index++;
      highlight(index);
    };
    utterance.onend = function () {
      session.speaking = false;
      if (session === reading && (session.boundary || session.index >= session.words.length - 1)) finished();
    };
    utterance.onerror = function (event) {
      var spoke = session.speaking;
      session.speaking = false;
      if (session !== reading) return;
      if (!spoke && event && event.error !== "interrupted" && event.error !== "canceled") noVoice();
      else if (session.boundary || session.index >= session.words.length - 1) finished();
    };
    synth.cancel();
    synth.speak(utterance);
    // No word boundaries soon after speaking starts (Chrome on Android, Google voices): estimate. Not started
    // at all after a while: there is no voice to hear.
    session.fallback = window.setTimeout(function () {
      if (session !== reading || session.boundary) return;
      if (session.speaking) estimate(0);
      else session.fallback = window.setTimeout(function () { if (session === reading && !session.speaking) noVoice(); }, 1700);
    }, 800);
  }
  var voiceless = false;
  function noVoice() {
    voiceless = true;
    stopReading();
  }
  // "Read to me", unless this page has no recording and the device no voice.
  function updateReadButton() {
    if (reading) return;
    var silent = voiceless && !recordedTimings(current, wordsOf(current).length);
    readButton.textContent = silent ? "No voice on this device" : "Read to me";
    readButton.disabled = silent;
    readButton.setAttribute("aria-pressed", "false");
  }
  function finished() {
    var turnPage = readingAutoAdvance() && nextOf(current);
    stopReading();
    if (turnPage) {
      goNext();
      window.setTimeout(startReading, reduceMotion.matches ? 50 : 450);
    }
  }
  function stopReading() {
    if (reading) {
      window.clearTimeout(reading.timer);
      window.clearTimeout(reading.fallback);
      if (reading.audio) { reading.audio.pause(); window.cancelAnimationFrame(reading.frame); }
      highlight(-1);
      if (canSpeak) synth.cancel();
      tell("reading", { active: false });
    }
    reading = null;
    if (current) updateReadButton();
  }
  readButton.addEventListener("click", function () {
    if (!reading) { startReading(); return; }
    reading.paused = !reading.paused;
    readButton.textContent = reading.paused ? "Go on" : "Pause";
    if (reading.audio) { if (reading.paused) reading.audio.pause(); else reading.audio.play(); } else if (canSpeak) { if (reading.paused) synth.pause(); else synth.resume(); }
    if (!reading.paused && reading.estimating && reading.resumeAt !== undefined) {
      var at = reading.resumeAt;
      reading.resumeAt = undefined;
      reading.step(at);
    } else if (reading.paused) {
      window.clearTimeout(reading.timer);
      reading.resumeAt = reading.index + 1;
    }
  });
  function fillVoices() {
    if (!canSpeak) return;
    var select = $("[data-setting='voice']");
    var language = (root.lang || "en").split("-")[0];
    synth.getVoices().filter(function (v) { return v.lang.split("-")[0] === language; }).forEach(function (voice) {
      if (select.querySelector("option[value='" + CSS.escape(voice.name) + "']")) return;
      var option = doc.createElement("option");
      option.value = voice.name;
      option.textContent = voice.name;
      select.appendChild(option);
    });
    applySettings();
  }
  if (canSpeak) { fillVoices(); synth.addEventListener && synth.addEventListener("voiceschanged", fillVoices); }

  // ---- Offline: a service worker caches everything this book needs once it has been opened.
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
      pages.forEach(function (page) { if (page.dataset.narration) urls.push(new URL(page.dataset.narration, location.href).href); });
      try {
        var files = JSON.parse(doc.getElementById("tale-cues").textContent).files || {};
        Object.keys(files).forEach(function (name) { urls.push(new URL(files[name], location.href).href); });
      } catch (error) { /* a book without sounds */ }
      registration.active.postMessage({ type: "cache-book", urls: urls });
    }).catch(function () { /* offline reading is a bonus */ });
  }

  // ---- Start: a deep link wins; otherwise offer to continue where the reader left off.
  root.classList.add("js-reader");
  ui.hidden = false;
  reserveToolbar();
  applySettings();
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
        state = freshState(state);
        save();
        show(first, "push");
      });
    }
  }
})();
