"""Checks `tale serve` with headless Chromium: live reload after an edit, the error overlay after a
broken edit (the server stays up), and recovery after the fix; then the same for a theme template
the project starts overriding while the server runs (its themes/ folder made after the start),
and a book folder removed and put back, then edited.

Usage: serve_checks.py TALE_BINARY PROJECT_DIR
PROJECT_DIR is a copy of a fixture site the script may edit. Prints "serve: N passed, M failed".
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from harness import Tally, chrome
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

tally = Tally()
check = tally.check


def status_of(url, path, host=None, origin=None, websocket=False):
    """The status code `tale serve` answers a raw request with, headers as given (a rebinding page's)."""
    address = url.split("//")[1].rstrip("/")
    name, port = address.split(":")
    lines = [f"GET {path} HTTP/1.1", f"Host: {host or address}"]
    if websocket:
        lines += ["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"]
    if origin:
        lines.append(f"Origin: {origin}")
    with socket.create_connection((name, int(port)), timeout=5) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        first = connection.recv(200).decode(errors="replace").split("\r\n")[0]
    return int(first.split(" ")[1]) if first.startswith("HTTP/") else first


def main():
    tale, project = sys.argv[1], sys.argv[2]
    server = subprocess.Popen([tale, "serve", "--port", "0", "--source", project], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    driver = None
    try:
        url = None
        deadline = time.time() + 30
        while time.time() < deadline and url is None:
            line = server.stdout.readline()
            match = re.search(r"at (http://[0-9.]+:[0-9]+/)", line)
            if match:
                url = match.group(1)
        check(url is not None and url.startswith("http://127.0.0.1:"), f"serve listens on loopback by default: {url}")
        if url is None:
            return tally.report("serve")
        page = urllib.request.urlopen(url + "books/lantern/").read().decode()
        check('<script src="/__tale/live.js"></script></body>' in page, "served pages carry the live-reload script")
        check("new WebSocket" in urllib.request.urlopen(url + "__tale/live.js").read().decode(), "the live-reload script is served")
        own = url.rstrip("/")
        answers = {
            "page, own Host": status_of(url, "/books/lantern/"),
            "page, Host localhost": status_of(url, "/books/lantern/", host="localhost:" + own.split(":")[-1]),
            "page, Host evil.example": status_of(url, "/books/lantern/", host="evil.example"),
            "page, Origin evil.example": status_of(url, "/books/lantern/", origin="https://evil.example"),
            "socket, own Origin": status_of(url, "/__tale/live", origin=own, websocket=True),
            "socket, Origin evil.example": status_of(url, "/__tale/live", origin="https://evil.example", websocket=True),
            "socket, Host evil.example": status_of(url, "/__tale/live", host="evil.example:80", origin="http://evil.example", websocket=True),
        }
        check(answers == {"page, own Host": 200, "page, Host localhost": 200, "page, Host evil.example": 421,
                          "page, Origin evil.example": 403, "socket, own Origin": 101, "socket, Origin evil.example": 403,
                          "socket, Host evil.example": 421},
              f"serve answers its own pages and refuses a rebinding page's Host and a foreign Origin: {answers}")
        driver = chrome()
        driver.get(url + "books/lantern/index.html#porch")
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!window.taleLive"))
        time.sleep(0.5)
        driver.execute_script("window.__notReloaded = true")
        source = os.path.join(project, "content", "lantern", "index.md")
        original = open(source).read()
        started = time.time()
        with open(source, "w") as out:
            out.write(original.replace("loved the porch light", "adored the porch light"))
        try:
            WebDriverWait(driver, 10, poll_frequency=0.02).until(
                lambda d: not d.execute_script("return window.__notReloaded === true") and "adored the porch light" in d.page_source)
            latency = time.time() - started
            check(True, "")
            print(f"edit to reload: {latency * 1000:.0f} ms")
        except Exception:
            check(False, "the open page reloads with the edit")
        with open(source, "w") as out:
            out.write(original.replace("---\n\n## The Porch Light", "\n## The Porch Light", 1))
        try:
            WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "tale-build-error"))
            overlay = driver.find_element(By.ID, "tale-build-error").text
            check("content/lantern/index.md:1:1: error: front matter is never closed" in overlay, f"a broken edit shows the error over the page: {overlay[:200]!r}")
        except Exception:
            check(False, "a broken edit shows the error over the page")
        check(server.poll() is None, "the server survives a broken edit")
        page = urllib.request.urlopen(url + "books/lantern/").read().decode()
        check("adored the porch light" in page, "the last good build is still served")
        driver.execute_script("window.__notReloaded = true")
        with open(source, "w") as out:
            out.write(original)
        try:
            WebDriverWait(driver, 10, poll_frequency=0.02).until(
                lambda d: not d.execute_script("return window.__notReloaded === true") and "loved the porch light" in d.page_source)
            check(not driver.find_elements(By.ID, "tale-build-error"), "fixing the file clears the error")
        except Exception:
            check(False, "fixing the file reloads the page")
        theme_edits(driver, project)
        folder_made_again(driver, project)
    finally:
        if driver:
            driver.quit()
        server.kill()
        server.wait()
    return tally.report("serve")


def reloaded(driver, condition):
    """Whether the open page reloads and then meets `condition`, within 10 s."""
    try:
        WebDriverWait(driver, 10, poll_frequency=0.02).until(
            lambda d: not d.execute_script("return window.__notReloaded === true") and condition(d))
        return True
    except Exception:
        return False


def theme_edits(driver, project):
    """A theme template overridden, broken and mended while serving; the project had no themes/ folder."""
    check(not os.path.exists(os.path.join(project, "themes")), "the fixture starts without a themes/ folder")
    bundled = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "themes", "storybook", "templates", "head.mustache")).read()
    folder = os.path.join(project, "themes", "storybook", "templates")
    head = os.path.join(folder, "head.mustache")
    probe = '<meta name="tale-probe" content="theme edit">\n'
    has_probe = lambda d: bool(d.find_elements(By.CSS_SELECTOR, 'meta[name="tale-probe"]'))
    driver.execute_script("window.__notReloaded = true")
    os.makedirs(folder)
    with open(head, "w") as out:
        out.write(bundled + probe)
    check(reloaded(driver, has_probe), "a theme template made while serving reloads the page with it")
    with open(head, "w") as out:
        out.write(bundled + "{{#site}}\n")
    line = bundled.count("\n") + 1
    expected = f"themes/storybook/templates/head.mustache:{line}:1: error: section 'site' is never closed"
    try:
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "tale-build-error"))
        overlay = driver.find_element(By.ID, "tale-build-error").text
        check(expected in overlay, f"a broken theme template shows its place over the page: {overlay[:200]!r}")
    except Exception:
        check(False, "a broken theme template shows the error over the page")
    driver.execute_script("window.__notReloaded = true")
    with open(head, "w") as out:
        out.write(bundled + probe.replace("theme edit", "mended"))
    check(reloaded(driver, lambda d: has_probe(d) and not d.find_elements(By.ID, "tale-build-error")
                   and 'content="mended"' in d.page_source), "mending the template reloads the page and clears the error")


def folder_made_again(driver, project):
    """A book's folder removed and put back (as a branch switch does), then edited: the edit reloads."""
    book = os.path.join(project, "content", "lantern")
    # A copy outside content/, and the folder deleted: a new folder at the old path, not the old one moved.
    kept = os.path.join(project, "lantern.kept")
    shutil.copytree(book, kept)
    shutil.rmtree(book)
    try:
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "tale-build-error"))
    except Exception:
        check(False, "removing a book another links to shows the error over the page")
    driver.execute_script("window.__notReloaded = true")
    shutil.copytree(kept, book)
    check(reloaded(driver, lambda d: not d.find_elements(By.ID, "tale-build-error")), "putting the folder back reloads the page")
    source = os.path.join(book, "index.md")
    text = open(source).read()
    driver.execute_script("window.__notReloaded = true")
    with open(source, "w") as out:
        out.write(text.replace("loved the porch light", "cherished the porch light"))
    check(reloaded(driver, lambda d: "cherished the porch light" in d.page_source), "an edit in a folder put back reloads the page with it")


if __name__ == "__main__":
    sys.exit(main())
