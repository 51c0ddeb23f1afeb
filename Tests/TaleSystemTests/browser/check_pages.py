"""Opens every page of a built Tale site in headless Chromium (selenium, Debian's chromium-driver)
and checks what a reader sees, with JavaScript on and off.

Usage: check_pages.py SITE_DIR ARTIFACTS_DIR

The site is served from 127.0.0.1 by a server this script starts and stops. For each reader page:
every scene's heading and text are present; every <img> has alt text, loads, and has a size; the
choices are plain links; a screenshot of the cover and of the first scene is saved and must not be
blank. The library page is checked the same way. Exits 1 with a list of problems, else prints
"N passed, 0 failed".
"""
import json
import os
import struct
import sys
import zlib

from harness import chrome, serve
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def driver(javascript=True):
    return chrome(javascript=javascript, extra=("--force-device-scale-factor=1",))


def png_pixels(data):
    """Decodes an 8-bit RGB or RGBA PNG (what Chromium writes) into a list of pixel tuples."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, idat, width, height, channels = 8, b"", 0, 0, 4
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunk = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6), "unexpected PNG format"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        offset += length + 12
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, position = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[position]
        row = bytearray(raw[position + 1:position + 1 + stride])
        position += stride + 1
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + left) & 255
            elif kind == 2:
                row[i] = (row[i] + up) & 255
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                row[i] = (row[i] + predictor) & 255
        rows.append(row)
        previous = row
    return width, height, [tuple(row[x:x + 3]) for row in rows[::4] for x in range(0, stride, channels * 4)]


def blank_reason(png):
    """None when the screenshot shows something; else why it looks blank."""
    _, _, pixels = png_pixels(png)
    counts = {}
    for pixel in pixels:
        counts[pixel] = counts.get(pixel, 0) + 1
    top = max(counts.values()) / len(pixels)
    if len(counts) < 16:
        return f"only {len(counts)} colours"
    if top > 0.97:
        return f"{top:.0%} of the screenshot is one colour"
    return None


def check_images(browser, page, problems, label, selector="img"):
    images = browser.find_elements(By.CSS_SELECTOR, selector)
    for image in images:
        src = image.get_attribute("src")
        alt = image.get_attribute("alt")
        if not alt or not alt.strip():
            problems.append(f"{page} ({label}): image {src} has no alt text")
        # Lazy images load when they come near the viewport: bring each one there and wait for it.
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", image)
        try:
            WebDriverWait(browser, 10).until(
                lambda b: b.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image))
        except TimeoutException:
            problems.append(f"{page} ({label}): image {src} did not load")
    browser.execute_script("window.scrollTo(0, 0)")
    return len(images)


def main():
    site, artifacts = sys.argv[1], sys.argv[2]
    os.makedirs(artifacts, exist_ok=True)
    manifest = json.load(open(os.path.join(site, "tale-manifest.json")))
    pages = sorted(f["path"] for f in manifest["files"] if f["path"].startswith("books/") and f["path"].endswith("/index.html"))
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    problems, checked = [], 0
    with_js, without_js = driver(True), driver(False)
    try:
        # The library page.
        for browser, label in ((with_js, "js"), (without_js, "no-js")):
            browser.get(base + "index.html")
            cards = browser.find_elements(By.CSS_SELECTOR, ".book-card")
            if len(cards) != len(pages):
                problems.append(f"index.html ({label}): {len(cards)} book cards for {len(pages)} books")
            check_images(browser, "index.html", problems, label)
            shot = browser.get_screenshot_as_png()
            open(os.path.join(artifacts, f"library-{label}.png"), "wb").write(shot)
            if reason := blank_reason(shot):
                problems.append(f"index.html ({label}): screenshot looks blank: {reason}")
        checked += 1
        for page in pages:
            slug = page.split("/")[1]
            data = json.load(open(os.path.join(site, "books", slug, "book.json")))
            for browser, label in ((with_js, "js"), (without_js, "no-js")):
                browser.get(base + page)
                body = browser.find_element(By.TAG_NAME, "body").get_attribute("textContent")
                for scene in data["scenes"]:
                    section = browser.find_elements(By.ID, scene["id"])
                    if not section:
                        problems.append(f"{page} ({label}): scene {scene['id']} missing")
                        continue
                    first_words = " ".join(scene["text"].split()[:6])
                    if first_words and first_words not in " ".join(body.split()):
                        problems.append(f"{page} ({label}): text of scene {scene['id']} missing: {first_words!r}")
                    # Without JavaScript choices are plain links; the reader turns them into buttons.
                    if label == "no-js":
                        targets = [c.get_attribute("href").split("#")[-1] for c in section[0].find_elements(By.CSS_SELECTOR, "a.choice")]
                    else:
                        targets = [c.get_attribute("data-target") for c in section[0].find_elements(By.CSS_SELECTOR, "button.choice")]
                    if targets != [c["target"] for c in scene["choices"]]:
                        problems.append(f"{page} ({label}): choices of {scene['id']} do not lead to their scenes: {targets}")
                if label == "no-js":
                    count = check_images(browser, page, problems, label)
                else:
                    # The reader shows one page at a time; visit each so its (lazy) picture loads.
                    count = check_images(browser, page, problems, label, "main .page.current img")  # the cover
                    for scene in data["scenes"]:
                        browser.get(base + page + "#" + scene["id"])
                        count += check_images(browser, page + "#" + scene["id"], problems, label, "main .page.current img")
                expected = 1 + sum(1 for s in data["scenes"] if s["illustration"])
                if count < expected:
                    problems.append(f"{page} ({label}): {count} images, expected at least {expected}")
                ran = browser.execute_script("return document.documentElement.dataset.taleReader || ''")
                if label == "no-js" and ran:
                    problems.append(f"{page} (no-js): the reader script ran although JavaScript was off")
                if label == "js" and ran != "on":
                    problems.append(f"{page} (js): the reader script did not run")
                shot = browser.get_screenshot_as_png()
                open(os.path.join(artifacts, f"{slug}-cover-{label}.png"), "wb").write(shot)
                if reason := blank_reason(shot):
                    problems.append(f"{page} ({label}): cover screenshot looks blank: {reason}")
            first = data["scenes"][0]["id"]
            with_js.get(base + page + "#" + first)
            with_js.execute_script("document.documentElement.style.scrollBehavior = 'auto';"
                                   "document.getElementById(arguments[0]).scrollIntoView({behavior: 'instant'})", first)
            shot = with_js.get_screenshot_as_png()
            open(os.path.join(artifacts, f"{slug}-scene.png"), "wb").write(shot)
            if reason := blank_reason(shot):
                problems.append(f"{page}#{first}: screenshot looks blank: {reason}")
            checked += 1
    finally:
        with_js.quit()
        without_js.quit()
        server.shutdown()
    for problem in problems:
        print("problem:", problem)
    print(f"pages: {checked} passed, {1 if problems else 0} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
