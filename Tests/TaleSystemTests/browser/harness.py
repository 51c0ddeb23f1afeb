"""What the browser checks share: a quiet static server on 127.0.0.1 and headless Chromium
(Debian's chromium with chromium-driver, so selenium never downloads a driver)."""
import atexit
import functools
import http.server
import os
import shutil
import tempfile
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root):
    """Serves `root` on a free port of 127.0.0.1 in a background thread; stop it with shutdown()."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def chrome(width=1280, height=800, javascript=True, phone=False, log_requests=False, extra=()):
    """A headless Chromium driver."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 f"--window-size={width},{height}", *extra):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    if phone:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2}})
    if log_requests:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    # Chromium keeps its shared-memory files in TMPDIR (with --disable-dev-shm-usage) and can leave
    # them behind: give it a folder of its own, removed when the checks end.
    scratch = tempfile.mkdtemp(prefix="tale-chromium-")
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    service = Service(executable_path="/usr/bin/chromedriver", env={**os.environ, "TMPDIR": scratch})
    return webdriver.Chrome(service=service, options=options)


class Tally:
    """Counts checks: a failed one becomes a problem line, and a step that raises stops only itself."""

    def __init__(self):
        self.passed, self.problems = 0, []

    def check(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.problems.append(message)
        return condition

    def attempt(self, *steps):
        for step in steps:
            try:
                step()
            except Exception as error:
                name = getattr(getattr(step, "func", step), "__name__", "a step")
                self.problems.append(f"{name} stopped: {error.__class__.__name__}: {str(error).splitlines()[0] if str(error) else ''}")

    def report(self, name):
        """Prints the problems and the closing line `name: N passed, M failed`; returns the exit status."""
        for problem in self.problems:
            print("problem:", problem)
        print(f"{name}: {self.passed} passed, {len(self.problems)} failed")
        return 1 if self.problems else 0


class SiteChecks(Tally):
    """Checks against a built site served from 127.0.0.1 for the length of the run."""

    def __init__(self, site, artifacts):
        super().__init__()
        self.site, self.artifacts = site, artifacts
        self.server = serve(site)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"

    @staticmethod
    def current(driver):
        """The id of the reader's page on show."""
        return driver.execute_script("var p = document.querySelector('main .page.current'); return p && p.id")

    @staticmethod
    def click(driver, element):
        """Scrolls `element` to the middle of the screen and clicks it."""
        driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        element.click()

    def fresh(self, driver, path, fragment=""):
        """Opens `path` (+ `fragment`) as a first-time reader: storage cleared, then a full page load."""
        driver.get(self.base + path)
        driver.execute_script("localStorage.clear()")
        driver.get("about:blank")
        driver.get(self.base + path + fragment)
        if path.startswith("books/"):
            WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.documentElement.dataset.taleReader") == "on")
