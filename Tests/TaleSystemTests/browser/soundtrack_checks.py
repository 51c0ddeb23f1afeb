"""Checks the soundtrack and effects in headless Chromium (selenium, Debian's chromium-driver).

Usage: soundtrack_checks.py SITE_DIR ARTIFACTS_DIR

With the Web Audio API replaced by a recording stub: nothing plays before the Sound button; the
button starts the scene's theme; turning the page crossfades to the next theme; mute silences all;
sounds play at their words; music ducks under read-aloud. With the real canvas: effects draw and
move, stand still under reduced motion, go away with the "still pictures" setting, and lightning
never flashes more than three times a second. With Chromium's real OfflineAudioContext: 20 seconds
of a calm and of a tense theme are rendered to WAV files in ARTIFACTS_DIR/audio. Prints
"soundtrack: N passed, M failed".
"""
import base64
import json
import os
import struct
import sys
import time
import wave

from harness import SiteChecks, chrome
from selenium.webdriver.common.by import By

PIP = "books/pip-and-the-paper-moon/index.html"
TIDES = "books/the-cartographer-of-tides/index.html"

# A Web Audio stand-in that records what the page asks of it.
AUDIO_STUB = r"""
(function () {
  var log = window.__audio = { contexts: 0, oscillators: 0, sources: 0, ramps: [], targets: [], resumed: 0, suspended: 0, state: "none" };
  function Param(value) { this.value = value; }
  Param.prototype.setValueAtTime = function (v) { this.value = v; return this; };
  Param.prototype.linearRampToValueAtTime = function (v, t) { log.ramps.push([this.id, v, t]); this.value = v; return this; };
  Param.prototype.exponentialRampToValueAtTime = Param.prototype.linearRampToValueAtTime;
  Param.prototype.setTargetAtTime = function (v, t) { log.targets.push([this.id, v, t]); return this; };
  Param.prototype.cancelScheduledValues = function () { return this; };
  var ids = 0;
  function Node(ctx) { this.context = ctx; }
  Node.prototype.connect = function (other) { return other; };
  Node.prototype.disconnect = function () {};
  function FakeContext() {
    log.contexts++;
    log.state = "running";
    this.sampleRate = 44100;
    this.started = performance.now();
    this.destination = new Node(this);
  }
  Object.defineProperty(FakeContext.prototype, "currentTime", { get: function () { return (performance.now() - this.started) / 1000; } });
  FakeContext.prototype.createGain = function () { var n = new Node(this); n.gain = new Param(1); n.gain.id = ++ids; n.id = ids; return n; };
  FakeContext.prototype.createOscillator = function () {
    var n = new Node(this); n.frequency = new Param(440); n.type = "sine";
    n.start = function () { log.oscillators++; }; n.stop = function () {}; return n;
  };
  FakeContext.prototype.createBiquadFilter = function () { var n = new Node(this); n.frequency = new Param(350); n.Q = new Param(1); return n; };
  FakeContext.prototype.createBufferSource = function () {
    var n = new Node(this); n.start = function () { log.sources++; }; n.stop = function () {}; return n;
  };
  FakeContext.prototype.createBuffer = function (channels, length) { var data = new Float32Array(length); return { getChannelData: function () { return data; } }; };
  FakeContext.prototype.decodeAudioData = function (data) { log.decoded = (log.decoded || 0) + 1; log.decodedBytes = data.byteLength; return Promise.resolve({ duration: 1 }); };
  FakeContext.prototype.resume = function () { log.resumed++; log.state = "running"; return Promise.resolve(); };
  FakeContext.prototype.suspend = function () { log.suspended++; log.state = "suspended"; return Promise.resolve(); };
  window.AudioContext = FakeContext;
  window.webkitAudioContext = FakeContext;
})();
"""

WAV_RENDER = r"""
var music = arguments[0], seconds = arguments[1];
var rate = 44100, ctx = new OfflineAudioContext(1, rate * seconds, rate);
var out = ctx.createGain(); out.gain.value = 0.8; out.connect(ctx.destination);
Tale.renderMusic(ctx, out, music, 0, seconds);
return ctx.startRendering().then(function (buffer) {
  var samples = buffer.getChannelData(0), bytes = new Uint8Array(samples.length * 2);
  for (var i = 0; i < samples.length; i++) {
    var s = Math.max(-1, Math.min(1, samples[i])) * 32767;
    bytes[i * 2] = s & 255; bytes[i * 2 + 1] = (s >> 8) & 255;
  }
  var text = ""; for (var j = 0; j < bytes.length; j += 32768) text += String.fromCharCode.apply(null, bytes.subarray(j, j + 32768));
  return btoa(text);
});
"""


def browser():
    return chrome()


class Checks(SiteChecks):
    def __init__(self, site, artifacts):
        super().__init__(site, artifacts)
        self.cues = {}

    def cue(self, book, scene):
        if book not in self.cues:
            self.cues[book] = json.load(open(os.path.join(self.site, "books", book, "cues.json")))
        return next(s for s in self.cues[book]["scenes"] if s["id"] == scene)

    @staticmethod
    def press(driver, selector):
        element = driver.find_element(By.CSS_SELECTOR, ".reader-ui " + selector)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        element.click()
        time.sleep(0.2)

    @staticmethod
    def current(driver):
        return driver.execute_script("var p = document.querySelector('main .page.current'); return p && p.id")

    @staticmethod
    def audio(driver):
        return driver.execute_script("return JSON.parse(JSON.stringify(window.__audio))")

    def audio_with_stub(self):
        driver = browser()
        try:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": AUDIO_STUB})
            self.fresh(driver, PIP)
            hint = driver.find_element(By.CSS_SELECTOR, ".sound-hint")
            self.check(hint.is_displayed() and "tap" in hint.text, "the cover says kindly that sound waits for a tap")
            self.press(driver, ".next")
            self.press(driver, ".next")
            state = self.audio(driver)
            self.check(state["contexts"] == 0 and state["oscillators"] == 0, f"nothing plays before the Sound button: {state['contexts']} contexts")
            self.check(not hint.is_displayed(), "the hint goes once the story starts")
            self.press(driver, ".prev")
            self.press(driver, ".sound")
            calm = self.cue("pip-and-the-paper-moon", "biggest-moon")["music"]
            state = self.audio(driver)
            theme = driver.execute_script("return Tale.soundtrack.theme")
            self.check(state["contexts"] == 1 and state["oscillators"] > 0 and theme == calm["theme"],
                       f"Sound starts the scene's theme: {theme}, {state['oscillators']} oscillators")
            self.check(driver.find_element(By.CSS_SELECTOR, ".sound").get_attribute("aria-pressed") == "true", "the Sound button shows it is on")
            self.press(driver, ".next")
            pond = self.cue("pip-and-the-paper-moon", "pond")["music"]
            log = driver.execute_script("return Tale.soundtrack.log")
            fades = [entry for entry in log if entry["type"] == "fade-out"]
            self.check(fades and fades[-1]["theme"] == calm["theme"] and abs(fades[-1]["seconds"] - pond["crossfade"]) < 1e-6,
                       f"turning the page fades the old theme over the cue's crossfade: {fades}")
            self.check(driver.execute_script("return Tale.soundtrack.theme") == pond["theme"], "and starts the new scene's theme")
            ramps = self.audio(driver)["ramps"]
            self.check(any(value == 0 for _, value, _ in ramps) and any(value == 1 for _, value, _ in ramps),
                       "the crossfade ramps one gain down and another up")
            time.sleep(3.5)
            sounds = [entry["name"] for entry in driver.execute_script("return Tale.soundtrack.log") if entry["type"] == "sound"]
            self.check("footsteps" in sounds, f"the footsteps cue plays at its word: {sounds}")
            self.press(driver, ".next")
            self.press(driver, ".next")
            self.press(driver, ".next")
            self.press(driver, ".next")
            time.sleep(1.2)
            owl = [entry for entry in driver.execute_script("return Tale.soundtrack.log") if entry["type"] == "sound" and entry["name"] == "owl"]
            state = self.audio(driver)
            self.check(self.current(driver) == "owl" and owl and owl[0]["recorded"] and state.get("decodedBytes", 0) > 1000,
                       f"the book's own owl recording plays instead of the synthesised one: {owl}, {state.get('decodedBytes')}")
            self.press(driver, ".read")
            time.sleep(0.3)
            targets = self.audio(driver)["targets"]
            self.check(any(abs(value - 0.25) < 1e-6 for _, value, _ in targets), "music ducks under read-aloud")
            self.press(driver, ".read")
            self.press(driver, ".sound")
            state = self.audio(driver)
            self.check(state["state"] == "suspended" and state["suspended"] >= 1, "one press mutes everything")
            before = state["oscillators"] + state["sources"]
            self.press(driver, ".next")
            time.sleep(0.5)
            state = self.audio(driver)
            self.check(state["oscillators"] + state["sources"] == before, "nothing new plays while muted")
        finally:
            driver.quit()

    @staticmethod
    def canvas_pixels(driver):
        return driver.execute_script("""
            var c = document.querySelector('main .page.current canvas.effects');
            if (!c) return null;
            var data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, count = 0, sum = 0;
            for (var i = 3; i < data.length; i += 4) { if (data[i]) count++; sum = (sum + data[i] * (i % 997)) % 1000000007; }
            return [count, sum];""")

    def effects(self):
        driver = browser()
        try:
            self.fresh(driver, PIP, "#biggest-moon")
            time.sleep(0.5)
            first = self.canvas_pixels(driver)
            time.sleep(0.7)
            second = self.canvas_pixels(driver)
            self.check(first and first[0] > 0, f"the stars effect draws on the canvas: {first}")
            self.check(first and second and first[1] != second[1], "and moves")
            driver.find_element(By.CSS_SELECTOR, "[aria-controls='settings']").click()
            driver.find_element(By.CSS_SELECTOR, "[data-setting='effectsOff']").click()
            time.sleep(0.2)
            self.check(self.canvas_pixels(driver) is None, "the still-pictures setting removes the effects")
            driver.find_element(By.CSS_SELECTOR, "[data-setting='effectsOff']").click()

            self.fresh(driver, TIDES, "#grey")
            time.sleep(5)
            flashes = driver.execute_script("return Tale.effects.flashes")
            worst = max((sum(1 for t in flashes if s <= t < s + 1000) for s in flashes), default=0)
            self.check(len(flashes) >= 3, f"lightning flashes: {len(flashes)}")
            self.check(worst <= 3, f"never more than three flashes in a second: {worst}")

            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
            self.fresh(driver, PIP, "#biggest-moon")
            time.sleep(0.3)
            first = self.canvas_pixels(driver)
            time.sleep(0.7)
            second = self.canvas_pixels(driver)
            self.check(first and first[0] > 0 and first == second, f"reduced motion: a still picture: {first} {second}")
            self.fresh(driver, TIDES, "#grey")
            time.sleep(3)
            self.check(driver.execute_script("return Tale.effects.flashes.length") == 0, "reduced motion: no lightning flashes")
        finally:
            driver.quit()

    def render_wavs(self):
        folder = os.path.join(self.artifacts, "audio")
        os.makedirs(folder, exist_ok=True)
        driver = browser()
        rendered = {}
        try:
            driver.get(self.base + PIP)
            for name, book, scene in (("calm", "pip-and-the-paper-moon", "biggest-moon"),
                                      ("tense", "the-cartographer-of-tides", "missing")):
                music = self.cue(book, scene)["music"]
                self.check(music["theme"] == name, f"{book}#{scene} has the {name} theme: {music['theme']}")
                driver.set_script_timeout(120)
                pcm = base64.b64decode(driver.execute_script(WAV_RENDER, music, 20))
                path = os.path.join(folder, f"{name}.wav")
                with wave.open(path, "wb") as out:
                    out.setnchannels(1)
                    out.setsampwidth(2)
                    out.setframerate(44100)
                    out.writeframes(pcm)
                samples = struct.unpack(f"<{len(pcm) // 2}h", pcm)
                rms = (sum(s * s for s in samples[::7]) / max(1, len(samples[::7]))) ** 0.5 / 32768
                peak = max(abs(s) for s in samples) / 32768
                with wave.open(path) as back:
                    seconds = back.getnframes() / back.getframerate()
                self.check(abs(seconds - 20) < 0.01, f"{name}.wav lasts 20 s: {seconds}")
                self.check(0.005 < rms < 0.5 and peak < 0.999, f"{name}.wav is audible and does not clip: rms {rms:.4f}, peak {peak:.3f}")
                rendered[name] = pcm
                print(f"{name}.wav: rms {rms:.4f}, peak {peak:.3f}")
            self.check(rendered.get("calm") != rendered.get("tense"), "calm and tense music differ")
        finally:
            driver.quit()

    def run(self):
        self.attempt(self.audio_with_stub, self.effects, self.render_wavs)
        self.server.shutdown()
        return self.report("soundtrack")


if __name__ == "__main__":
    os.makedirs(sys.argv[2], exist_ok=True)
    sys.exit(Checks(sys.argv[1], sys.argv[2]).run())
