#!/usr/bin/env python3
"""Latency of `planlint lsp`: time from didOpen to publishDiagnostics for a plan, how fast the server
answers a request while a large plan is being checked (the reading thread must not wait for the check), and
a keystroke in the large plan (issue 17: under 30 ms on 1 MB): the median of 20 incremental changes of one
character, each from didChange to its diagnostics, as an editor sends them (textDocumentSync.change = 2).

usage: lsp_latency.py PLANLINT SMALL_PLAN LARGE_PLAN"""
import json
import os
import subprocess
import sys
import time


def frame(msg):
    body = json.dumps(msg).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if line in (b"\r\n", b"\n"):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))


def wait(proc, pred):
    while True:
        m = read(proc)
        if pred(m):
            return m


def uri(path):
    return "file://" + os.path.abspath(path)


def main():
    planlint, small, large = sys.argv[1:4]
    proc = subprocess.Popen([planlint, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    send = lambda m: (proc.stdin.write(frame(m)), proc.stdin.flush())
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    wait(proc, lambda m: m.get("id") == 1)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    for version, path in enumerate([small, small, small], start=1):
        text = open(path, encoding="utf-8").read()
        t0 = time.perf_counter()
        if version == 1:
            send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                  "params": {"textDocument": {"uri": uri(path), "languageId": "text", "version": 1, "text": text}}})
        else:
            send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                  "params": {"textDocument": {"uri": uri(path), "version": version}, "contentChanges": [{"text": text}]}})
        m = wait(proc, lambda m: m.get("method") == "textDocument/publishDiagnostics")
        print("%s (%d bytes), version %d: diagnostics after %.1f ms (%d)"
              % (path, len(text.encode()), version, (time.perf_counter() - t0) * 1000, len(m["params"]["diagnostics"])))
    text = open(large, encoding="utf-8").read()
    t0 = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri(large), "languageId": "text", "version": 1, "text": text}}})
    send({"jsonrpc": "2.0", "id": 2, "method": "no/such/method"})
    wait(proc, lambda m: m.get("id") == 2)
    answered = time.perf_counter() - t0
    m = wait(proc, lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri(large))
    checked = time.perf_counter() - t0
    print("%s (%d bytes): a request answered after %.1f ms; its diagnostics after %.1f ms (%d)"
          % (large, len(text.encode()), answered * 1000, checked * 1000, len(m["params"]["diagnostics"])))
    at = text.index("\n", len(text) // 2) + 1  # a line in the middle of the plan
    line = text.count("\n", 0, at)
    times = []
    for version in range(2, 22):
        t0 = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri(large), "version": version},
                         "contentChanges": [{"range": {"start": {"line": line, "character": 0},
                                                       "end": {"line": line, "character": 1 if version > 2 else 0}},
                                             "text": "x"}]}})
        wait(proc, lambda m: m.get("method") == "textDocument/publishDiagnostics"
             and m["params"]["uri"] == uri(large) and m["params"].get("version") == version)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print("%s: a keystroke (one character changed) to its diagnostics: median %.1f ms of %d (%.1f to %.1f)"
          % (large, times[len(times) // 2], len(times), times[0], times[-1]))
    send({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
    wait(proc, lambda m: m.get("id") == 3)
    send({"jsonrpc": "2.0", "method": "exit"})
    print("exit code", proc.wait())


if __name__ == "__main__":
    main()
