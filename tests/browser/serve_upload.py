#!/usr/bin/env python3
"""Uploads a plan through `planlint serve`'s real form in headless Chromium and checks the report it shows.

Usage: serve_upload.py PLANLINT PLAN.docx SCREENSHOT.png
Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: NUL-separated JSON on file
descriptors 3 and 4), so nothing beyond Debian's chromium is needed. The browser asks for Finnish
(--accept-lang fi), as an official's would: the form must be in Finnish. The screenshot of the report is
saved for people to look at; the test reads what the browser built (the DOM) for the findings.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

planlint, plan, screenshot = sys.argv[1:4]


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


server = subprocess.Popen([planlint, "serve", "--port", "0"], stderr=subprocess.PIPE, text=True,
                          env={**os.environ, "PLANLINT_NO_CACHE": "1"})
line = server.stderr.readline()
if "listening on http://127.0.0.1:" not in line:
    fail("the server did not start: " + line)
url = line.split("listening on ")[1].strip()

work = tempfile.mkdtemp()
to_browser_r, to_browser_w = os.pipe()
from_browser_r, from_browser_w = os.pipe()


def move_fds():
    os.dup2(to_browser_r, 3)
    os.dup2(from_browser_w, 4)


browser = subprocess.Popen(
    [os.environ.get("CHROMIUM", "chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
     "--disable-extensions", "--remote-debugging-pipe", "--accept-lang=fi", "--lang=fi",
     "--user-data-dir=" + work + "/profile", "--window-size=1200,1600", "about:blank"],
    # (3 and 4 kept too: the child closes every descriptor not listed after move_fds has run)
    pass_fds=(3, 4, to_browser_r, from_browser_w), preexec_fn=move_fds, stdout=subprocess.DEVNULL,
    stderr=open(work + "/chromium.log", "w"))
os.close(to_browser_r)
os.close(from_browser_w)
incoming = b""
next_id = 0
events = []


def send(method, params=None, session=None):
    """Sends a command and returns its result, keeping the events that arrive meanwhile."""
    global next_id, incoming
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_browser_w, json.dumps(message).encode() + b"\0")
    deadline = time.time() + 60
    while time.time() < deadline:
        while b"\0" not in incoming:
            chunk = os.read(from_browser_r, 1 << 20)
            if not chunk:
                fail("the browser closed the pipe during " + method + ": " + open(work + "/chromium.log").read()[-2000:])
            incoming += chunk
        raw, incoming = incoming.split(b"\0", 1)
        reply = json.loads(raw)
        if reply.get("id") == next_id:
            if "error" in reply:
                fail(method + ": " + json.dumps(reply["error"]))
            return reply["result"]
        events.append(reply)
    fail("no answer to " + method)


def wait_for_load(session):
    deadline = time.time() + 60
    while time.time() < deadline:
        for e in events:
            if e.get("method") == "Page.loadEventFired" and e.get("sessionId") == session:
                events.remove(e)
                return
        send("Runtime.evaluate", {"expression": "1"}, session)  # reads the events that arrived
        time.sleep(0.1)
    fail("the page did not load")


def dom(session):
    return send("Runtime.evaluate", {"expression": "document.documentElement.outerHTML", "returnByValue": True},
                session)["result"]["value"]


try:
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send("Page.enable", session=session)
    send("Page.navigate", {"url": url}, session)
    wait_for_load(session)
    form = dom(session)
    if "Tarkista" not in form or 'lang="fi"' not in form:
        fail("the form is not in Finnish for a browser that asks for Finnish")
    root = send("DOM.getDocument", session=session)["root"]["nodeId"]
    node = send("DOM.querySelector", {"nodeId": root, "selector": "#document"}, session)["nodeId"]
    send("DOM.setFileInputFiles", {"nodeId": node, "files": [os.path.abspath(plan)]}, session)
    send("Runtime.evaluate", {"expression": "document.querySelector('button[type=submit]').click()"}, session)
    wait_for_load(session)
    report = dom(session)
    # The browser asks for Finnish: the findings are those of check --lang fi, places and headings included.
    for expected in ["planlint-raportti", "tavoitteen 1 otsikko poikkeaa tavoitteiden luettelon otsikosta", "<svg",
                     "kappale 26", "Tavoite 1:", os.path.basename(plan)]:
        if expected not in report:
            fail("the report in the browser lacks: " + expected)
        print("ok: the report shows " + expected)
    png = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session)["data"]
    import base64
    data = base64.b64decode(png)
    if not data.startswith(b"\x89PNG") or len(data) < 10000:
        fail("the screenshot is not a picture of the page")
    with open(screenshot, "wb") as f:
        f.write(data)
    print("ok: screenshot of the report in " + screenshot)
finally:
    browser.kill()
    server.terminate()
    server.wait()
