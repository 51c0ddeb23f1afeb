"""Checks the storybook reader and library in headless Chromium (selenium, Debian's chromium-driver).

Usage: reader_checks.py SITE_DIR ARTIFACTS_DIR

Serves the built sample library from 127.0.0.1 with a server this script starts and stops, and checks:
page turning by key, button, tap and URL fragment, with back/forward; choices as buttons, back one
choice, autosave and restore, endings found; read-aloud saying so when speech synthesis is missing,
and highlighting when it fires no word boundaries and when it does; reduced motion; settings; library filters and
search; axe-core (WCAG 2.1 A/AA) on the library and a reader page in light and dark; that no request
goes to another origin; that an opened book reads again with the server stopped; screenshots at phone
and desktop sizes; and the gzip size of the reader's own JS and CSS. Prints "reader: N passed, M failed".
"""
import functools
import glob
import gzip
import json
import os
import sys
import time

import selenium_axe_python
from harness import SiteChecks, chrome, serve
from selenium import webdriver
from selenium.webdriver.common.actions import interaction
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

PIP = "books/pip-and-the-paper-moon/index.html"
JUNIPER = "books/which-way-juniper/index.html"
MOSS = "books/moss-and-the-lost-lantern/index.html"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def browser(phone=False):
    return chrome(phone=phone, log_requests=True)


class Checks(SiteChecks):
    def __init__(self, site, artifacts):
        super().__init__(site, artifacts)
        self.requests = []

    def collect_requests(self, driver):
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])

    # ---- helpers
    def key(self, driver, key):
        driver.find_element(By.TAG_NAME, "body").send_keys(key)
        time.sleep(0.15)

    def choice(self, driver, label):
        for button in driver.find_elements(By.CSS_SELECTOR, "main .page.current button.choice"):
            if button.text.strip() == label:
                self.click(driver, button)
                time.sleep(0.15)
                return True
        self.problems.append(f"no choice button labelled {label!r} on {self.current(driver)}")
        return False

    def toolbar(self, driver, selector):
        self.click(driver, driver.find_element(By.CSS_SELECTOR, ".reader-ui " + selector))
        time.sleep(0.15)

    # ---- checks
    def page_turning(self, driver):
        self.fresh(driver, PIP)
        self.check(self.current(driver) == "cover", "a book opens at its cover")
        self.key(driver, Keys.ARROW_RIGHT)
        self.check(self.current(driver) == "biggest-moon", "ArrowRight turns to the first scene")
        self.check(driver.execute_script("return location.hash") == "#biggest-moon", "the URL names the scene")
        self.toolbar(driver, ".next")
        self.check(self.current(driver) == "pond", "the Next button turns the page")
        self.check(driver.find_element(By.CSS_SELECTOR, ".indicator").text == "2 / 8", "the page indicator says 2 / 8")
        self.key(driver, Keys.SPACE)
        self.check(self.current(driver) == "net", "Space turns the page")
        self.key(driver, Keys.ARROW_LEFT)
        self.check(self.current(driver) == "pond", "ArrowLeft turns back")
        driver.back()
        time.sleep(0.2)
        self.check(self.current(driver) == "net", "browser Back goes to the page before")
        driver.forward()
        time.sleep(0.2)
        self.check(self.current(driver) == "pond", "browser Forward comes back")
        art = driver.find_element(By.CSS_SELECTOR, "main .page.current .art img")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", art)
        webdriver.ActionChains(driver).move_to_element_with_offset(art, int(art.size["width"] * 0.4), 0).click().perform()
        time.sleep(0.2)
        self.check(self.current(driver) == "net", "tapping the right of the picture turns the page")
        actions = ActionBuilder(driver, mouse=PointerInput(interaction.POINTER_TOUCH, "finger"))
        actions.pointer_action.move_to_location(900, 300).pointer_down().move_to_location(700, 305).move_to_location(500, 310).pointer_up()
        actions.perform()
        time.sleep(0.2)
        self.check(self.current(driver) == "bucket", f"a swipe to the left turns the page: {self.current(driver)}")
        self.toolbar(driver, "[aria-controls='contents']")
        self.click(driver, driver.find_element(By.CSS_SELECTOR, "#contents a[href='#owl']"))
        time.sleep(0.2)
        self.check(self.current(driver) == "owl" and not driver.find_element(By.ID, "contents").is_displayed(),
                   "the contents list opens a page and closes")
        driver.get(self.base + PIP + "#owl")
        time.sleep(0.3)
        self.check(self.current(driver) == "owl", "a #fragment opens that scene")
        focused = driver.execute_script("return document.activeElement && document.activeElement.id")
        self.toolbar(driver, ".next")
        focused = driver.execute_script("return document.activeElement && document.activeElement.id")
        self.check(focused == "two-moons-title", "focus moves to the new scene's heading")
        self.check("Page 7 of 8" in driver.find_element(By.CSS_SELECTOR, ".announcer").get_attribute("textContent"),
                   "the live region announces the page")
        hidden = driver.execute_script("return [].filter.call(document.querySelectorAll('main .page'), p => p.offsetParent !== null).length")
        self.check(hidden == 1, "one page is shown at a time")

    def choices_and_saving(self, driver):
        self.fresh(driver, JUNIPER, "#start")
        buttons = driver.find_elements(By.CSS_SELECTOR, "main .page.current .choices button")
        self.check(len(buttons) == 2 and all(b.tag_name == "button" for b in buttons), "choices are buttons")
        self.check(driver.find_element(By.CSS_SELECTOR, ".next").get_attribute("aria-label") == "Choose below",
                   "on a choice page the arrow points to the choices")
        self.choice(driver, "Climb the windy hill")
        self.check(self.current(driver) == "hill", "choosing follows the branch")
        self.toolbar(driver, ".undo-choice")
        self.check(self.current(driver) == "start", "back one choice returns to the choice")
        self.check(not driver.find_element(By.CSS_SELECTOR, ".undo-choice").is_displayed(), "no choice left to undo")
        self.choice(driver, "Take the river path")
        self.check(self.current(driver) == "river", "the other branch")
        driver.get(self.base + JUNIPER)
        resume = driver.find_element(By.CSS_SELECTOR, ".resume")
        self.check(resume.is_displayed(), "returning readers are offered to continue")
        self.click(driver, driver.find_element(By.CSS_SELECTOR, ".resume .continue"))
        time.sleep(0.2)
        self.check(self.current(driver) == "river", "Continue where you left off restores the page")
        self.check(driver.find_element(By.CSS_SELECTOR, ".undo-choice").is_displayed(), "the path taken is restored too")
        # Walk to an ending: river -> otter -> gate -> door -> tea.
        self.toolbar(driver, ".next")
        self.toolbar(driver, ".next")
        self.check(self.current(driver) == "gate", "the branch rejoins at the gate")
        self.choice(driver, "Knock on the green front door")
        self.toolbar(driver, ".next")
        self.check(self.current(driver) == "tea", "an ending is reached")
        found = driver.find_element(By.CSS_SELECTOR, "main .page.current .endings-found").text
        self.check(found.startswith("You have found 1 of 2 endings."), f"endings found are counted: {found!r}")
        self.check(driver.find_element(By.CSS_SELECTOR, ".next").get_attribute("disabled") is not None, "an ending has no next page")
        self.toolbar(driver, ".undo-choice")
        self.check(self.current(driver) == "gate", "back one choice from an ending")
        self.choice(driver, "Tiptoe round to the garden")
        self.toolbar(driver, ".next")
        found = driver.find_element(By.CSS_SELECTOR, "main .page.current .endings-found").text
        self.check(self.current(driver) == "surprise" and "2 of 2" in found and "all" in found, f"both endings found: {found!r}")
        driver.get(self.base + JUNIPER)
        self.click(driver, driver.find_element(By.CSS_SELECTOR, ".resume .restart"))
        time.sleep(0.2)
        self.check(self.current(driver) == "start", "Start over opens the first scene")
        keys = driver.execute_script("return Object.keys(localStorage)")
        self.check(keys == ["tale:which-way-juniper"], f"localStorage holds one key made from the slug: {keys}")
        saved = json.loads(driver.execute_script("return localStorage.getItem('tale:which-way-juniper')"))
        self.check(sorted(saved["endings"]) == ["surprise", "tea"], "endings found survive a new start")
        self.check(driver.execute_script("return document.cookie") == "", "no cookies")

    def read_aloud(self, driver, stub, label):
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": stub})
        self.fresh(driver, PIP, "#biggest-moon")
        self.toolbar(driver, ".read")
        if label == "no speech synthesis":
            time.sleep(0.5)
            lit = driver.execute_script("return document.querySelectorAll('.page.current .word.spoken').length")
            self.check(driver.find_element(By.CSS_SELECTOR, ".read").text == "No voice on this device" and lit == 0,
                       f"{label}: the control says there is no voice, and nothing is highlighted in silence ({lit} lit)")
            return []
        seen = []
        for _ in range(14):
            index = driver.execute_script("var w = [].slice.call(document.querySelectorAll('.page.current .word'));"
                                          "return w.findIndex(x => x.classList.contains('spoken'))")
            if index >= 0 and (not seen or seen[-1] != index):
                seen.append(index)
            time.sleep(0.25)
        self.check(len(seen) >= 4 and seen == sorted(seen), f"{label}: the highlight moves forward word by word: {seen}")
        self.toolbar(driver, ".read")
        paused_at = driver.execute_script("var s = document.querySelector('.word.spoken'); return s && s.textContent")
        time.sleep(0.8)
        still = driver.execute_script("var s = document.querySelector('.word.spoken'); return s && s.textContent")
        self.check(paused_at == still and driver.find_element(By.CSS_SELECTOR, ".read").text == "Go on",
                   f"{label}: pause stops the highlight")
        return seen

    def reading(self):
        no_speech = "Object.defineProperty(window, 'speechSynthesis', {value: undefined, configurable: true});"
        silent = ("window.__spoken = [];"
                  "Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {speak: function (u) {"
                  " window.__spoken.push(u.text); setTimeout(function () { u.onstart && u.onstart(); }, 20); },"
                  " cancel: function () {}, pause: function () {}, resume: function () {}, getVoices: function () { return []; },"
                  " addEventListener: function () {}}});"
                  "window.SpeechSynthesisUtterance = function (text) { this.text = text; };")
        boundaries = ("Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {speak: function (u) {"
                      " var starts = [], re = /\\S+/g, m; while ((m = re.exec(u.text))) starts.push(m.index);"
                      " var i = 0; (function next() { if (i >= starts.length || window.__paused) return;"
                      "   window.__boundaryWord = i; u.onboundary && u.onboundary({name: 'word', charIndex: starts[i++]});"
                      "   setTimeout(next, 150); })(); },"
                      " cancel: function () {}, pause: function () { window.__paused = true; }, resume: function () {},"
                      " getVoices: function () { return []; }, addEventListener: function () {}}});"
                      "window.SpeechSynthesisUtterance = function (text) { this.text = text; };")
        for stub, label in ((no_speech, "no speech synthesis"), (silent, "speech without word boundaries"),
                            (boundaries, "speech with word boundaries")):
            driver = browser()
            try:
                seen = self.read_aloud(driver, stub, label)
                if label == "speech without word boundaries":
                    spoken = driver.execute_script("return window.__spoken")
                    self.check(spoken and spoken[0].startswith("The Biggest Moon It was the biggest moon"),
                               f"the scene's words are handed to speech synthesis: {spoken!r}"[:200])
                if label == "speech with word boundaries":
                    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": "window.__paused = false;"})
                    self.fresh(driver, PIP, "#biggest-moon")
                    self.toolbar(driver, ".read")
                    pairs = []
                    for _ in range(6):
                        time.sleep(0.2)
                        pairs.append(tuple(driver.execute_script(
                            "var w = [].slice.call(document.querySelectorAll('.page.current .word'));"
                            "return [window.__boundaryWord, w.findIndex(x => x.classList.contains('spoken'))]")))
                    self.check(all(a == b for a, b in pairs) and pairs[-1][0] > pairs[0][0],
                               f"the highlight follows the boundary events: {pairs}")
                self.collect_requests(driver)
            finally:
                driver.quit()

    def narration(self):
        """A narrated book plays its own recording (no speech synthesis) and highlights each word at its time."""
        spy = ("window.__spoken = []; window.__narration = [];"
               "document.addEventListener('tale:narration', function (e) { window.__narration.push(e.detail); });"
               "Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {speak: function (u) {"
               " window.__spoken.push(u.text); }, cancel: function () {}, pause: function () {}, resume: function () {},"
               " getVoices: function () { return []; }, addEventListener: function () {}}});"
               "window.SpeechSynthesisUtterance = function (text) { this.text = text; };")
        driver = browser()
        try:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": spy})
            self.fresh(driver, MOSS, "#the-village-under-the-ferns")
            timings = [int(t) for t in driver.execute_script("return document.querySelector('.page.current').dataset.timings").split()]
            words = driver.execute_script("return document.querySelectorAll('.page.current h2, .page.current .text').length")
            self.toolbar(driver, ".read")
            samples = []
            for _ in range(24):
                time.sleep(0.15)
                samples.append(tuple(driver.execute_script(
                    "var w = [].slice.call(document.querySelectorAll('.page.current .word'));"
                    "var a = window.__narration.length; return [w.findIndex(x => x.classList.contains('spoken')), w.length, a]")))
            told = driver.execute_script("return window.__narration")
            self.check(told and told[0]["src"].endswith(".mp3") and told[0]["words"] == len(timings) - 1,
                       f"the page's recording is played: {told}")
            self.check(driver.execute_script("return window.__spoken.length") == 0, "no speech synthesis for a narrated page")
            indices = [index for index, _, _ in samples if index >= 0]
            self.check(samples[0][1] == len(timings) - 1, f"the recording has a time for every word: {samples[0][1]} words, {len(timings)} times")
            self.check(len(set(indices)) >= 4 and indices == sorted(indices), f"the highlight follows the recording: {indices}")
            position = driver.execute_script(
                "var w = [].slice.call(document.querySelectorAll('.page.current .word'));"
                "return [w.findIndex(x => x.classList.contains('spoken'))]")[0]
            self.check(position > 0, f"words are highlighted as they are heard: at word {position}")
            self.toolbar(driver, ".read")
            paused = driver.execute_script("return document.querySelector('.word.spoken') && document.querySelector('.word.spoken').textContent")
            time.sleep(0.6)
            still = driver.execute_script("return document.querySelector('.word.spoken') && document.querySelector('.word.spoken').textContent")
            self.check(paused == still, "pause stops the recording and the highlight")
            self.collect_requests(driver)
        finally:
            driver.quit()

    def reduced_motion(self, driver):
        self.fresh(driver, PIP)
        self.toolbar(driver, ".next")
        animated = driver.execute_script("return getComputedStyle(document.querySelector('.page.current')).animationName")
        self.check(animated == "page-turn", f"pages turn with an animation: {animated}")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
        self.fresh(driver, PIP)
        self.toolbar(driver, ".next")
        still = driver.execute_script("return getComputedStyle(document.querySelector('.page.current')).animationName")
        self.check(still == "none", f"reduced motion: no page-turn animation: {still}")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})

    def settings(self, driver):
        self.fresh(driver, PIP, "#pond")
        before = driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('.page.current .words')).fontSize)")
        driver.find_element(By.CSS_SELECTOR, "[aria-controls='settings']").click()
        self.check(driver.find_element(By.ID, "settings").is_displayed(), "the settings panel opens")
        driver.find_element(By.CSS_SELECTOR, "[data-setting='larger']").click()
        after = driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('.page.current .words')).fontSize)")
        self.check(after > before * 1.1, f"A+ makes the text larger: {before} -> {after}")
        for setting, cls in (("contrast", "contrast"), ("dyslexia", "dyslexia")):
            driver.find_element(By.CSS_SELECTOR, f"[data-setting='{setting}']").click()
            self.check(cls in driver.execute_script("return document.documentElement.className"), f"{setting} mode switches on")
        Select(driver.find_element(By.CSS_SELECTOR, "[data-setting='theme']")).select_by_value("dark")
        self.check("theme-dark" in driver.execute_script("return document.documentElement.className"), "dark colours on request")
        driver.refresh()
        self.check("theme-dark" in driver.execute_script("return document.documentElement.className")
                   and "contrast" in driver.execute_script("return document.documentElement.className"),
                   "settings are kept with the book's reading progress")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)

    def library(self, driver):
        driver.get(self.base + "index.html")
        self.check(driver.find_element(By.CSS_SELECTOR, ".finder").is_displayed(), "the library shows search and filters")
        visible = lambda: [c.get_attribute("data-slug") for c in driver.find_elements(By.CSS_SELECTOR, ".book-card") if c.is_displayed()]
        Select(driver.find_element(By.ID, "find-tier")).select_by_value("teens")
        self.check(visible() == ["the-cartographer-of-tides"], f"the age filter: {visible()}")
        Select(driver.find_element(By.ID, "find-tier")).select_by_value("")
        Select(driver.find_element(By.ID, "find-tag")).select_by_value("choose-your-path")
        self.check(visible() == ["which-way-juniper"], f"the topic filter: {visible()}")
        Select(driver.find_element(By.ID, "find-tag")).select_by_value("")
        time.sleep(0.3)
        driver.find_element(By.ID, "find-text").send_keys("moon fox")
        self.check(visible() == ["pip-and-the-paper-moon"], f"search over titles and summaries: {visible()}")
        self.check(driver.find_element(By.CSS_SELECTOR, ".found").text == "1 book matches.", "the result count is announced")

    def accessibility(self, driver):
        axe_source = open(os.path.join(os.path.dirname(selenium_axe_python.__file__), "axe-core", "axe.min.js")).read()
        for scheme in ("light", "dark"):
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for path in ("index.html", PIP + "#pond", JUNIPER + "#start"):
                self.fresh(driver, path.split("#")[0], "#" + path.split("#")[1] if "#" in path else "")
                WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.getAnimations().length === 0"))
                driver.execute_script(axe_source)
                result = driver.execute_script(
                    "return axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})", WCAG)
                violations = [f"{v['id']} ({len(v['nodes'])}: {v['nodes'][0]['target']})" for v in result["violations"]]
                self.check(not violations, f"axe ({scheme}) on {path}: {violations}")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})

    def offline(self):
        server = serve(self.site)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        driver = browser()
        try:
            driver.get(base + PIP)
            try:
                WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.documentElement.dataset.offline") == "ready")
                ready = True
            except Exception:
                ready = False
            self.check(ready, "the service worker caches the opened book")
            server.shutdown()
            server.server_close()
            driver.get(base + PIP + "#two-moons")
            time.sleep(0.5)
            text = driver.find_element(By.TAG_NAME, "body").get_attribute("textContent")
            self.check("There was the moon, high in the sky" in text, "the book opens with the server stopped")
            loaded = driver.execute_script("var i = document.querySelector('main .page.current img'); return !!i && i.complete && i.naturalWidth > 0")
            self.check(loaded, "its pictures come from the cache")
            self.collect_requests(driver)
        finally:
            driver.quit()

    def screenshots(self):
        for name, phone in (("desktop", False), ("phone", True)):
            driver = browser(phone=phone)
            try:
                for label, path in (("library", "index.html"), ("reader-cover", PIP), ("reader-scene", PIP + "#net"),
                                    ("reader-choice", JUNIPER + "#start")):
                    driver.get(self.base + path)
                    driver.execute_script("localStorage.clear()")
                    time.sleep(0.4)
                    target = os.path.join(self.artifacts, f"{label}-{name}.png")
                    driver.save_screenshot(target)
                    self.check(os.path.getsize(target) > 10000, f"screenshot {label}-{name} has content")
                self.collect_requests(driver)
            finally:
                driver.quit()

    def sizes(self):
        total = 0
        # Every script and style sheet of the theme; the fonts (and their @font-face rules) are not counted.
        for pattern in ("*.js", "*.css"):
            for path in glob.glob(os.path.join(self.site, "assets", pattern)):
                if not os.path.basename(path).startswith("fonts."):
                    total += len(gzip.compress(open(path, "rb").read(), 9))
        print(f"reader JS and CSS: {total} bytes gzipped")
        self.check(total < 40 * 1024, f"the reader's own JS and CSS stay under 40 KB gzipped: {total}")

    def run(self):
        driver = browser()
        try:
            self.attempt(*(functools.partial(step, driver) for step in (
                self.page_turning, self.choices_and_saving, self.reduced_motion, self.settings, self.library, self.accessibility)))
            self.collect_requests(driver)
        finally:
            driver.quit()
        self.attempt(self.reading, self.narration, self.screenshots, self.offline, self.sizes)
        foreign = sorted({url for url in self.requests if not url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:"))})
        self.check(not foreign, f"no request leaves the test server: {foreign}")
        self.check(len(self.requests) > 20, f"the request log saw the page loads: {len(self.requests)} requests")
        self.server.shutdown()
        return self.report("reader")


if __name__ == "__main__":
    os.makedirs(sys.argv[2], exist_ok=True)
    sys.exit(Checks(sys.argv[1], sys.argv[2]).run())
