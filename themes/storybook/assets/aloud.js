// Tale storybook reader: reading aloud. A narrated page plays its recording; otherwise the browser's
// voice speaks it. The word being heard is highlighted; where there is no voice, the control says so.
(function () {
  "use strict";
  var reader = window.TaleReader;
  if (!reader) return;
  var doc = reader.doc, root = reader.root, $ = reader.$, current = reader.current;
  // Reading aloud, with the spoken word highlighted. Browsers that never fire word boundary
  // events (or have no speech at all) get highlighting from estimated word timings instead.
  var synth = window.speechSynthesis;
  var canSpeak = !!(synth && typeof window.SpeechSynthesisUtterance === "function");
  var reading = null;
  var readButton = $(".read");
  function readingAutoAdvance() { return !!reader.state.settings.autoAdvance; }
  function rate() { return Number(reader.state.settings.rate) || 1; }
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
      reader.tell("word", { index: index });
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
    var audio = new window.Audio(current().dataset.narration);
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
    reader.tell("narration", { src: audio.src, words: timings.length - 1 });
    var played = audio.play();
    if (played && played.catch) played.catch(fallBack);
  }
  function startReading() {
    stopReading();
    var words = wordsOf(current());
    if (!words.length) return;
    reading = { words: words, index: -1, page: current(), speaking: false, paused: false, boundary: false };
    reader.tell("reading", { active: true });
    readButton.setAttribute("aria-pressed", "true");
    readButton.textContent = "Pause";
    var timings = recordedTimings(current(), words.length);
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
    var voice = reader.state.settings.voice && synth.getVoices().filter(function (v) { return v.name === reader.state.settings.voice; })[0];
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
    var silent = voiceless && !recordedTimings(current(), wordsOf(current()).length);
    readButton.textContent = silent ? "No voice on this device" : "Read to me";
    readButton.disabled = silent;
    readButton.setAttribute("aria-pressed", "false");
  }
  function finished() {
    var turnPage = readingAutoAdvance() && reader.nextOf(current());
    stopReading();
    if (turnPage) {
      reader.goNext();
      window.setTimeout(startReading, reader.reduceMotion.matches ? 50 : 450);
    }
  }
  function stopReading() {
    if (reading) {
      window.clearTimeout(reading.timer);
      window.clearTimeout(reading.fallback);
      if (reading.audio) { reading.audio.pause(); window.cancelAnimationFrame(reading.frame); }
      highlight(-1);
      if (canSpeak) synth.cancel();
      reader.tell("reading", { active: false });
    }
    reading = null;
    if (current()) updateReadButton();
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
    reader.applySettings();
  }
  if (canSpeak) { fillVoices(); synth.addEventListener && synth.addEventListener("voiceschanged", fillVoices); }

  // A new page: stop reading the old one, and say whether this one can be read aloud.
  doc.addEventListener("tale:page", function () { stopReading(); });
})();
