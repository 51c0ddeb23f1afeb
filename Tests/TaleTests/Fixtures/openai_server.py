"""A stand-in for an OpenAI-compatible chat-completions service, for Tale's provider tests.
Prints its port, then serves on 127.0.0.1 until killed.

The first path segment picks the behaviour: POST /<scenario>/v1/chat/completions.
  ok            200 with a short scene
  slow-429      429 with retry-after: 1 on the first request, then 200
  ms-429        429 with retry-after-ms: 300 on the first request, then 200
  flaky-500     500 on the first request, then 200
  conflict-409  409 on the first request, then 200
  unauthorized  401 with an error message that echoes the Authorization header
  forbidden     403
  bad-request   400
  hang          never answers
  malformed     200 with a body that is not JSON
  empty         200 with no choices
  html          200 with an HTML page
  banned-once   a scene with a word too strong for kids, then a clean one
  banned        always a scene with a word too strong for kids
  remote-flag   a scene that only the moderation endpoint flags ("sneaky"), then a clean one
  story         a numbered scene each time ("... clue number N ..."), so a test can follow the story so far
  stranger-once a scene that names a stranger (Bartholomew), then numbered scenes
  stranger      always a scene that names a stranger
  long          always a scene of 400 words
  title-paragraph  a plan whose first title is a paragraph, every time
  no-schema     refuses response_format with a 400 that says so; answers plans without it
A request for a story plan (one that asks for response_format, or says "Plan the story") is
answered with a plan for the book in the prompt: its scene count, its titles, its first character.
POST /<scenario>/v1/moderations flags any input that holds "sneaky".
POST /<scenario>/v1/audio/speech answers a real MP3 (LAME) for ok, and JSON otherwise.
POST /<scenario>/v1/images/generations answers a small PNG as b64_json for ok, bytes that are not a PNG
for not-png (and for ok-edits and no-edits), and 500 otherwise.
POST /<scenario>/v1/images/edits (multipart/form-data with reference pictures) answers a small PNG
for ok and ok-edits, 404 for no-edits (a service without an edits endpoint), and 500 otherwise.
GET /__requests answers every request received so far (path, headers, body, time, and for a
multipart body its parts: name, filename, content type, size, and a field's text), as JSON.
"""
import base64
from email.parser import BytesParser
from email.policy import default as email_policy
import json
import os
import struct
import subprocess
import sys
import tempfile
import wave
import zlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from local_server import serve

REQUESTS = []
COUNTS = {}
LOCK = threading.Lock()
CLEAN = "Moss looks up at the quiet sky.\n\nWren sings a small song, and the path feels shorter."
BANNED = "Moss wants to kill the dark with a big stick."


def png(width=96, height=64):
    """A small valid PNG: a sky-blue to grass-green gradient."""
    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in (60 + y, 140 + y, 220 - 2 * y)) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def mp3(text):
    """A real MP3 (a soft tone, a third of a second per word), encoded by LAME."""
    seconds = 0.33 * max(1, len(text.split()))
    with tempfile.TemporaryDirectory() as folder:
        wav, out = os.path.join(folder, "tone.wav"), os.path.join(folder, "tone.mp3")
        with wave.open(wav, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(22050)
            frames = int(22050 * seconds)
            w.writeframes(b"".join(struct.pack("<h", int(3000 * ((i // 50) % 2 * 2 - 1))) for i in range(frames)))
        subprocess.run(["lame", "--quiet", "-m", "m", "-b", "48", wav, out], check=True)
        return open(out, "rb").read()


def plan_for(prompt, paragraph_title=False):
    """A valid story plan for the book the prompt describes."""
    count = 1
    titles = {}
    hero = "Moss"
    for line in prompt.splitlines():
        if line.startswith("The book has ") and line.endswith(" scenes."):
            count = int(line.split()[3])
        if line.startswith("Scene ") and 'title "' in line:
            number = int(line.split()[1].rstrip(":"))
            titles[number] = line.split('title "')[1].split('"')[0]
        if line.startswith("- ") and hero == "Moss" and "Characters" in prompt:
            hero = line[2:].split(" (")[0].split(":")[0]
    scenes = []
    untitled = [n for n in range(1, count + 1) if n not in titles]
    for number in range(1, count + 1):
        title = titles.get(number, "Part %d" % number)
        if paragraph_title and untitled and number == untitled[0]:
            title = "Once upon a time there was a snail who went looking for a lantern in the long grass at dusk"
        scenes.append({"title": title, "event": "%s looks for the lantern, part %d." % (hero, number),
                       "time": "evening", "present": [hero], "roles": ["journey"], "thing": "trouble"})
    return json.dumps({"hero": hero, "goal": "find the lantern", "goal_kind": "find", "key_thing": "lantern",
                       "obstacle": "the grass is tall", "setting": "a meadow", "setting_kind": "meadow", "start_time": "evening",
                       "scenes": scenes, "summary": "%s looks for a lantern in the long grass." % hero, "tags": ["snails", "night"]})


def numbered(n):
    return "Moss finds clue number %d under the quiet stones.\n\nMoss looks up at the sky and keeps going, slow and brave." % n


def completion(text):
    return {"id": "chatcmpl-test", "object": "chat.completion", "model": "test-model",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}]}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, content_type="application/json", headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/__requests":
            with LOCK:
                self.answer(200, REQUESTS)
        else:
            self.answer(404, {"error": {"message": "not found"}})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        body = raw.decode("utf-8", "replace")
        scenario = self.path.strip("/").split("/")[0]
        record = {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body, "time": time.time()}
        content_type = self.headers.get("Content-Type", "")
        if content_type.startswith("multipart/form-data"):
            message = BytesParser(policy=email_policy).parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw)
            record["parts"] = [{"name": part.get_param("name", header="content-disposition"), "filename": part.get_filename(),
                                "type": part.get_content_type(), "size": len(part.get_payload(decode=True) or b""),
                                "text": None if part.get_filename() else (part.get_payload(decode=True) or b"").decode()}
                               for part in message.iter_parts()]
            record["body"] = ""
        with LOCK:
            REQUESTS.append(record)
            COUNTS[scenario] = COUNTS.get(scenario, 0) + 1
            count = COUNTS[scenario]
        if self.path.endswith("/v1/moderations"):
            text = json.loads(body or "{}").get("input", "")
            flagged = "sneaky" in text
            return self.answer(200, {"id": "modr-test", "results": [{"flagged": flagged, "categories": {"harassment": flagged, "violence": False}}]})
        if self.path.endswith("/v1/audio/speech"):
            if scenario == "ok":
                return self.answer(200, mp3(json.loads(body)["input"]), content_type="audio/mpeg")
            return self.answer(200, {"error": "not audio"})
        if self.path.endswith("/v1/images/edits"):
            if scenario in ("ok", "ok-edits"):
                return self.answer(200, {"created": 1, "data": [{"b64_json": base64.b64encode(png()).decode()}]})
            if scenario == "no-edits":
                return self.answer(404, {"error": {"message": "Unknown request URL: POST /v1/images/edits"}})
            return self.answer(500, {"error": {"message": "image scenario " + scenario}})
        if self.path.endswith("/v1/images/generations"):
            if scenario in ("ok", "ok-edits", "no-edits"):
                return self.answer(200, {"created": 1, "data": [{"b64_json": base64.b64encode(png()).decode()}]})
            if scenario == "not-png":
                return self.answer(200, {"created": 1, "data": [{"b64_json": base64.b64encode(b"GIF89a....").decode()}]})
            return self.answer(500, {"error": {"message": "image scenario " + scenario}})
        if not self.path.endswith("/v1/chat/completions"):
            return self.answer(404, {"error": {"message": "no such endpoint"}})
        request = json.loads(body or "{}")
        prompt = "\n".join(m.get("content", "") for m in request.get("messages", []))
        if "response_format" in request or "Plan the story" in prompt:
            if scenario == "no-schema" and "response_format" in request:
                return self.answer(400, {"error": {"message": "response_format is not supported by this server"}})
            return self.answer(200, completion(plan_for(prompt, paragraph_title=scenario == "title-paragraph")))
        with LOCK:
            COUNTS["scene:" + scenario] = COUNTS.get("scene:" + scenario, 0) + 1
            count = COUNTS["scene:" + scenario]
        first = count == 1
        if scenario in ("story", "no-schema", "title-paragraph"):
            self.answer(200, completion(numbered(count)))
        elif scenario == "stranger-once":
            self.answer(200, completion("Moss meets a heron. Then Bartholomew waves from the reeds and says hello to everyone." if first else numbered(count)))
        elif scenario == "stranger":
            self.answer(200, completion("Moss meets a heron. Then Bartholomew waves from the reeds and says hello to everyone."))
        elif scenario == "long":
            self.answer(200, completion(" ".join(["Moss walks on through the grass."] * 80)))
        elif scenario == "ok":
            self.answer(200, completion(CLEAN))
        elif scenario in ("slow-429", "ms-429", "flaky-500", "conflict-409") and first:
            status = {"slow-429": 429, "ms-429": 429, "flaky-500": 500, "conflict-409": 409}[scenario]
            headers = [("retry-after", "1")] if scenario == "slow-429" else [("retry-after-ms", "300")] if scenario == "ms-429" else []
            self.answer(status, {"error": {"message": "try again later"}}, headers=headers)
        elif scenario in ("slow-429", "ms-429", "flaky-500", "conflict-409"):
            self.answer(200, completion(CLEAN))
        elif scenario == "unauthorized":
            self.answer(401, {"error": {"message": "Incorrect API key provided: " + self.headers.get("Authorization", "")}})
        elif scenario == "forbidden":
            self.answer(403, {"error": {"message": "model not allowed"}})
        elif scenario == "bad-request":
            self.answer(400, {"error": {"message": "bad request"}})
        elif scenario == "hang":
            time.sleep(30)
        elif scenario == "malformed":
            self.answer(200, b"{\"choices\": [", content_type="application/json")
        elif scenario == "empty":
            self.answer(200, {"id": "x", "choices": []})
        elif scenario == "html":
            self.answer(200, b"<!doctype html><html><body>Welcome to nginx!</body></html>", content_type="text/html")
        elif scenario == "banned-once":
            self.answer(200, completion(BANNED if first else CLEAN))
        elif scenario == "remote-flag":
            self.answer(200, completion("Moss plays a sneaky trick on Wren." if first else CLEAN))
        elif scenario == "banned":
            self.answer(200, completion(BANNED))
        else:
            self.answer(404, {"error": {"message": "unknown scenario"}})


serve(ThreadingHTTPServer(("127.0.0.1", 0), Handler))
