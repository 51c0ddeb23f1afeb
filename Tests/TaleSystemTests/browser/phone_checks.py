"""Checks the reader as a parent and a four-year-old use it on a phone (390x844) and a laptop (1280x800),
in headless Chromium (selenium, Debian's chromium-driver).

Usage: phone_checks.py SITE_DIR ARTIFACTS_DIR

Serves the built sample library from 127.0.0.1 with servers this script starts and stops, and checks:
that the effects canvas covers the picture the first time an effects page opens; that saved progress
lasts past a visit that did not answer "Welcome back"; that on a phone the picture takes at least 35 %
of the screen, the text stays at least 18 px, the toolbar is one row and nothing lies under it at the
end of a page; that the arrow on a choice page leads to the choices; that an ending offers "Read it
again", "Choose again" and "All books" and counts the pages of the path taken; that read-aloud speaks:
a narrated book's recordings are kept for offline reading, a recording that fails gives way to the
browser's voice, and with no voice at all the control says so; that the story is set in Andika, whose
faces Chromium loads; and axe at phone size, light and dark.
Leaves screenshots of a phone scene, a choice page scrolled to the bottom, an ending and a first-visit
effects page. Prints "phone: N passed, M failed".
"""
import functools
import os
import sys
import time

import selenium_axe_python
from harness import SiteChecks, chrome, serve
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PIP = "books/pip-and-the-paper-moon/index.html"
JUNIPER = "books/which-way-juniper/index.html"
MOSS = "books/moss-and-the-lost-lantern/index.html"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MOSS_PAGE = "the-village-under-the-ferns"

# Records what happens to every recording the page plays, and what is handed to speech synthesis.
AUDIO_SPY = """
window.__audio = []; window.__spoken = [];
(function () {
  var Real = window.Audio;
  window.Audio = function (src) {
    var audio = new Real(src), entry = { src: String(src), events: [] };
    window.__audio.push(entry);
    ["playing", "error", "ended"].forEach(function (name) { audio.addEventListener(name, function () { entry.events.push(name); }); });
    return audio;
  };
})();
"""
FAKE_VOICE = """
Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {speak: function (u) {
  window.__spoken.push(u.text); setTimeout(function () { u.onstart && u.onstart(); }, 20); },
  cancel: function () {}, pause: function () {}, resume: function () {}, getVoices: function () { return []; },
  addEventListener: function () {}}});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""
BROKEN_RECORDINGS = """
(function () {
  var Real = window.Audio;
  window.Audio = function () { return new Real("data:audio/mpeg;base64,AAAA"); };
})();
"""


class Checks(SiteChecks):
    # ---- helpers
    @staticmethod
    def click(driver, element):
        SiteChecks.click(driver, element)
        time.sleep(0.2)

    def button(self, driver, selector):
        self.click(driver, driver.find_element(By.CSS_SELECTOR, selector))

    def choose(self, driver, label):
        for button in driver.find_elements(By.CSS_SELECTOR, "main .page.current button.choice"):
            if button.text.strip() == label:
                self.click(driver, button)
                return
        raise AssertionError(f"no choice {label!r} on {self.current(driver)}")

    @staticmethod
    def rect(driver, selector):
        return driver.execute_script(
            "var e = document.querySelector(arguments[0]); if (!e) return null;"
            "var r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
            " width: r.width, height: r.height}", selector)

    def fits_sideways(self, driver, where):
        widths = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        self.check(widths[0] <= widths[1], f"phone: nothing sticks out sideways on {where}: {widths[0]} px wide in {widths[1]}")

    @staticmethod
    def to_bottom(driver):
        driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight)")
        time.sleep(0.3)

    def walk_to_tea(self, driver):
        """start -> river -> otter -> gate -> door -> tea: six pages on the path, two choices made."""
        self.fresh(driver, JUNIPER, "#start")
        self.choose(driver, "Take the river path")
        self.button(driver, ".reader-ui .next")
        self.button(driver, ".reader-ui .next")
        self.choose(driver, "Knock on the green front door")
        self.button(driver, ".reader-ui .next")

    # ---- 1. effects sized from the picture, the first time
    def effects_first_open(self, phone):
        driver = chrome(phone=phone)
        try:
            self.fresh(driver, JUNIPER, "#kite")
            time.sleep(0.8)
            sizes = driver.execute_script(
                "var c = document.querySelector('.page.current canvas.effects'), i = document.querySelector('.page.current .art img');"
                "if (!c || !i) return null; var a = c.getBoundingClientRect(), b = i.getBoundingClientRect();"
                "return {canvas: [c.width, c.height], box: [a.left, a.top, a.width, a.height], picture: [b.left, b.top, b.width, b.height]}")
            size = "phone" if phone else "desktop"
            if self.check(sizes is not None, f"{size}: the kite page draws wind on a canvas"):
                box, picture, canvas = sizes["box"], sizes["picture"], sizes["canvas"]
                self.check(all(abs(a - b) <= 2 for a, b in zip(box, picture)),
                           f"{size}: the effects canvas lies exactly over the picture on the first visit: {box} vs {picture}")
                self.check(canvas[0] >= 0.9 * picture[2] and canvas[1] >= 0.9 * picture[3],
                           f"{size}: the canvas is drawn at the picture's size, not stretched: {canvas} for {picture[2:]}")
            if phone:
                driver.save_screenshot(os.path.join(self.artifacts, "effects-first-visit-phone.png"))
        finally:
            driver.quit()

    # ---- 2. progress that lasts
    def progress_lasts(self):
        driver = chrome()
        try:
            self.fresh(driver, JUNIPER)
            self.button(driver, ".reader-ui .next")
            self.choose(driver, "Take the river path")
            driver.get(self.base + JUNIPER)
            time.sleep(0.3)
            self.check(driver.find_element(By.CSS_SELECTOR, ".resume").is_displayed(), "the first return offers to carry on")
            driver.get(self.base + JUNIPER)
            time.sleep(0.3)
            resume = driver.find_element(By.CSS_SELECTOR, ".resume")
            self.check(resume.is_displayed(), "a second return without answering still offers to carry on")
            self.button(driver, ".resume .continue")
            self.check(self.current(driver) == "river", f"carrying on opens the page left: {self.current(driver)}")
            driver.get(self.base + JUNIPER)
            time.sleep(0.3)
            restart = driver.find_element(By.CSS_SELECTOR, ".resume .restart")
            self.check(restart.text.strip() == "Start over", f"the offer has a clear Start over: {restart.text!r}")
            self.click(driver, restart)
            driver.get(self.base + JUNIPER)
            time.sleep(0.3)
            shown = driver.find_element(By.CSS_SELECTOR, ".resume").is_displayed()
            self.check(not shown, "after Start over, opening the book offers nothing to carry on")
            # Turning the page instead of answering puts the offer away.
            self.fresh(driver, JUNIPER)
            self.button(driver, ".reader-ui .next")
            self.button(driver, ".reader-ui .next")
            driver.get(self.base + JUNIPER)
            time.sleep(0.3)
            self.button(driver, ".reader-ui .next")
            self.check(not driver.find_element(By.CSS_SELECTOR, ".resume").is_displayed(), "turning the page puts the offer away")
            keys = driver.execute_script("return Object.keys(localStorage)")
            self.check(keys == ["tale:which-way-juniper"], f"localStorage holds only the book's progress: {keys}")
        finally:
            driver.quit()

    # ---- 3. a phone page: picture, text, a one-row toolbar that covers nothing
    def phone_pages(self):
        driver = chrome(phone=True)
        try:
            self.fresh(driver, PIP, "#net")
            time.sleep(0.5)
            height = driver.execute_script("return window.innerHeight")
            for scene in ("biggest-moon", "net", "owl"):
                driver.get(self.base + PIP + "#" + scene)
                time.sleep(0.4)
                picture = self.rect(driver, "main .page.current .art img")
                self.check(picture and picture["height"] >= 0.35 * height,
                           f"phone: the picture of {scene} takes at least 35% of the screen: {picture and picture['height']} of {height}")
                self.fits_sideways(driver, scene)
            text = driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('.page.current .text p')).fontSize)")
            self.check(text >= 18, f"phone: the story's text is at least 18 px: {text}")
            driver.get(self.base + PIP + "#net")
            time.sleep(0.4)
            driver.save_screenshot(os.path.join(self.artifacts, "phone-scene.png"))
            bar = self.rect(driver, ".toolbar")
            self.check(bar["height"] <= 72, f"phone: the toolbar is one row: {bar['height']} px")

            self.fresh(driver, JUNIPER, "#start")
            self.to_bottom(driver)
            bar = self.rect(driver, ".toolbar")
            last = driver.find_elements(By.CSS_SELECTOR, "main .page.current button.choice")[-1]
            bottom = driver.execute_script("return arguments[0].getBoundingClientRect().bottom", last)
            self.check(bottom <= bar["top"], f"phone: the last choice clears the toolbar: {bottom} vs {bar['top']}")
            driver.save_screenshot(os.path.join(self.artifacts, "phone-choice-bottom.png"))
            driver.execute_script("window.scrollTo(0, 0)")
            self.button(driver, ".reader-ui .next")
            focused = driver.execute_script("return document.activeElement && document.activeElement.className")
            label = driver.find_element(By.CSS_SELECTOR, ".reader-ui .next").get_attribute("aria-label")
            self.check(focused == "choice" and label == "Choose below",
                       f"phone: on a choice page the arrow says 'Choose below' and leads to the choices: {label!r}, focus on {focused!r}")

            self.walk_to_tea(driver)
            self.to_bottom(driver)
            bar = self.rect(driver, ".toolbar")
            self.check(bar["height"] <= 72, f"phone: the toolbar stays one row after choices: {bar['height']} px")
            self.fits_sideways(driver, "an ending")
            content = driver.execute_script(
                "var items = document.querySelectorAll('main .page.current .words > *');"
                "return Math.max.apply(null, [].map.call(items, function (e) { return e.offsetParent ? e.getBoundingClientRect().bottom : 0; }))")
            self.check(content <= bar["top"], f"phone: the end of the ending clears the toolbar: {content} vs {bar['top']}")
            driver.save_screenshot(os.path.join(self.artifacts, "phone-ending.png"))
        finally:
            driver.quit()

    def landscape(self):
        """A phone on its side gets the spread: the picture beside the words, whole above the toolbar."""
        driver = chrome(width=844, height=390)
        try:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 844, "height": 390, "deviceScaleFactor": 2, "mobile": True})
            self.fresh(driver, PIP, "#net")
            time.sleep(0.4)
            art, words = self.rect(driver, "main .page.current .art img"), self.rect(driver, "main .page.current .words")
            bar = self.rect(driver, ".toolbar")
            self.check(art["right"] <= words["left"] or words["right"] <= art["left"],
                       f"landscape phone: the picture sits beside the words: {art} {words}")
            self.check(art["bottom"] <= bar["top"] and art["height"] >= 0.5 * driver.execute_script("return innerHeight") ,
                       f"landscape phone: the whole picture shows above the toolbar: {art['top']}-{art['bottom']} vs {bar['top']}")
            self.fits_sideways(driver, "a landscape page")
            driver.save_screenshot(os.path.join(self.artifacts, "landscape-phone.png"))
        finally:
            driver.quit()

    # ---- 4. endings that lead somewhere
    def endings(self, phone):
        size = "phone" if phone else "desktop"
        driver = chrome(phone=phone)
        try:
            self.walk_to_tea(driver)
            self.check(self.current(driver) == "tea", "the walk reaches the tea ending")
            indicator = driver.find_element(By.CSS_SELECTOR, ".reader-ui .indicator").text
            self.check(indicator == "6 / 6", f"{size}: at an ending the counter counts the path's pages: {indicator!r}")
            actions = {}
            for element in driver.find_elements(By.CSS_SELECTOR, "main .page.current .ending-actions a, main .page.current .ending-actions button"):
                actions[element.text.strip()] = element
            for name in ("Read it again", "Choose again", "All books"):
                element = actions.get(name)
                self.check(element is not None and element.is_displayed() and element.is_enabled(),
                           f"{size}: an ending offers {name!r}: {sorted(actions)}")
            if "Choose again" in actions:
                self.click(driver, actions["Choose again"])
                self.check(self.current(driver) == "gate", f"{size}: Choose again goes back to the last choice: {self.current(driver)}")
                self.choose(driver, "Tiptoe round to the garden")
                self.button(driver, ".reader-ui .next")
                actions = {e.text.strip(): e for e in driver.find_elements(By.CSS_SELECTOR, "main .page.current .ending-actions a, main .page.current .ending-actions button")}
            if "Read it again" in actions:
                self.click(driver, actions["Read it again"])
                self.check(self.current(driver) == "cover", f"{size}: Read it again opens the cover: {self.current(driver)}")
            driver.get(self.base + JUNIPER + "#tea")
            time.sleep(0.3)
            books = [e for e in driver.find_elements(By.CSS_SELECTOR, "main .page.current .ending-actions a") if e.text.strip() == "All books"]
            if books:
                self.click(driver, books[0])
                self.check(driver.current_url == self.base + "index.html", f"{size}: All books opens the library: {driver.current_url}")
            if phone:
                driver.get(self.base + PIP + "#two-moons")
                time.sleep(0.3)
                self.check(driver.find_element(By.CSS_SELECTOR, ".reader-ui .indicator").text == "7 / 8",
                           "a book without choices counts its scenes: 7 / 8")
        finally:
            driver.quit()

    # ---- 5. read-aloud that always speaks
    def narration_offline(self):
        server = serve(self.site)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        driver = chrome()
        try:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": AUDIO_SPY + FAKE_VOICE})
            driver.get(base + MOSS)
            WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.documentElement.dataset.offline") == "ready")
            missing = driver.execute_async_script(
                "var done = arguments[0], urls = [].map.call(document.querySelectorAll('[data-narration]'),"
                " function (p) { return new URL(p.dataset.narration, location.href).href; });"
                "Promise.all(urls.map(function (u) { return caches.match(u).then(function (hit) { return hit ? null : u; }); }))"
                ".then(function (left) { done([urls.length, left.filter(Boolean)]); });")
            self.check(missing[0] >= 8 and not missing[1], f"a narrated book's recordings are kept with the book: {missing[0]} pages, missing {missing[1][:2]}")
            server.shutdown()
            server.server_close()
            driver.get(base + MOSS + "#" + MOSS_PAGE)
            time.sleep(0.5)
            self.button(driver, ".reader-ui .read")
            time.sleep(2.0)
            audio = driver.execute_script("return window.__audio")
            spoken = driver.execute_script("return window.__spoken")
            self.check(audio and "playing" in audio[-1]["events"] and not spoken,
                       f"offline, Read to me plays the page's recording: {audio}, synthesis {len(spoken)}")
        finally:
            driver.quit()

    def recording_fails(self):
        driver = chrome()
        try:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": AUDIO_SPY + FAKE_VOICE + BROKEN_RECORDINGS})
            self.fresh(driver, MOSS, "#" + MOSS_PAGE)
            self.button(driver, ".reader-ui .read")
            time.sleep(1.5)
            spoken = driver.execute_script("return window.__spoken")
            self.check(spoken and "Moss" in spoken[0], f"a recording that fails gives way to the browser's voice: {spoken[:1]}")
        finally:
            driver.quit()

    def no_voice(self):
        """Debian's headless Chromium has no speech voices: speaking fails with 'synthesis-failed'."""
        driver = chrome()
        try:
            self.fresh(driver, PIP, "#biggest-moon")
            self.button(driver, ".reader-ui .read")
            time.sleep(1.5)
            read = driver.find_element(By.CSS_SELECTOR, ".reader-ui .read")
            lit = driver.execute_script("return document.querySelectorAll('.page.current .word.spoken').length")
            self.check(read.text.strip() == "No voice on this device" and lit == 0,
                       f"with no voice at all the control says so and nothing is highlighted: {read.text!r}, {lit} lit")
        finally:
            driver.quit()

    # ---- the literacy font
    def literacy_font(self):
        driver = chrome(phone=True)
        try:
            self.fresh(driver, PIP, "#net")
            faces = driver.execute_async_script(
                "var done = arguments[0]; document.fonts.load('19px Andika').then(function () { return document.fonts.load('bold 19px Andika'); })"
                ".then(function () { done([].filter.call(Array.from(document.fonts), function (f) { return f.family.replace(/\"/g, '') === 'Andika'; })"
                ".map(function (f) { return f.weight + ' ' + f.status; })); }, function (e) { done(['failed ' + e]); });")
            self.check(sorted(faces) == ["400 loaded", "700 loaded"], f"Andika's regular and bold faces load (Chromium's font sanitiser accepts them): {faces}")
            family = driver.execute_script("return getComputedStyle(document.querySelector('.page.current .text p')).fontFamily")
            self.check(family.startswith('Andika') or family.startswith('"Andika"'), f"the story is set in Andika: {family}")
            spacing = driver.execute_script("return getComputedStyle(document.querySelector('.page.current .words')).letterSpacing")
            driver.execute_script("document.documentElement.classList.add('dyslexia')")
            after = driver.execute_script("var w = getComputedStyle(document.querySelector('.page.current .words')); return [w.letterSpacing, w.fontFamily]")
            self.check(after[0] != spacing and "Andika" in after[1], f"easier letters spaces the words out, still in Andika: {spacing} -> {after}")
        finally:
            driver.quit()

    # ---- axe at phone size
    def accessibility(self):
        axe_source = open(os.path.join(os.path.dirname(selenium_axe_python.__file__), "axe-core", "axe.min.js")).read()
        driver = chrome(phone=True)
        try:
            for scheme in ("light", "dark"):
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                for path, fragment in ((PIP, "#pond"), (JUNIPER, "#start"), (JUNIPER, "#tea"), ("index.html", "")):
                    self.fresh(driver, path, fragment)
                    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.getAnimations().length === 0"))
                    driver.execute_script(axe_source)
                    result = driver.execute_script("return axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})", WCAG)
                    violations = [f"{v['id']} ({len(v['nodes'])}: {v['nodes'][0]['target']})" for v in result["violations"]]
                    self.check(not violations, f"axe at phone size ({scheme}) on {path}{fragment}: {violations}")
        finally:
            driver.quit()

    def run(self):
        self.attempt(functools.partial(self.effects_first_open, True), functools.partial(self.effects_first_open, False),
                     self.progress_lasts, self.phone_pages, self.landscape, functools.partial(self.endings, True),
                     functools.partial(self.endings, False), self.narration_offline, self.recording_fails, self.no_voice, self.literacy_font,
                     self.accessibility)
        self.server.shutdown()
        return self.report("phone")


if __name__ == "__main__":
    os.makedirs(sys.argv[2], exist_ok=True)
    sys.exit(Checks(sys.argv[1], sys.argv[2]).run())
