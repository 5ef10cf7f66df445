"""Headless Chromium: where it is, and one long-lived browser that prints HTML to PDF.

`kinerja report`'s test renders the report with the binary; the layout generator prints
drawn agreements with it (Skia's PDF writer, a real producer's). Printing through one
browser kept open (the DevTools protocol over --remote-debugging-pipe: JSON messages ended
by NUL on file descriptors 3 and 4) takes a fifth of a second a document, where
`chromium --print-to-pdf` starts a browser each time (over a second): the layout test prints
hundreds. No dependency: the pipe is two os.pipe()s.
"""

from __future__ import annotations

import atexit
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

INSTALL = "apt-get install -y chromium fonts-liberation fonts-dejavu-core (`make test` and .ci/run install it when missing)"
TIMEOUT = 120.0  # seconds a browser may take to answer


def chromium() -> str | None:
    """The Chromium (or Chrome) binary on PATH, None when there is none."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


class BrowserError(RuntimeError):
    pass


class Browser:
    """One headless Chromium and the tab it prints in, spoken to over a pipe."""

    def __init__(self, binary: str):
        self.owner = os.getpid()
        self.profile = tempfile.TemporaryDirectory(prefix="kinerja-chromium-")
        to_browser, self._out = os.pipe()
        self._in, from_browser = os.pipe()
        # the browser reads fd 3 and writes fd 4: copies above them first, so no dup2 clobbers the other
        child = (fcntl.fcntl(to_browser, fcntl.F_DUPFD_CLOEXEC, 10), fcntl.fcntl(from_browser, fcntl.F_DUPFD_CLOEXEC, 10))
        os.close(to_browser)
        os.close(from_browser)

        def at_3_and_4() -> None:
            os.dup2(child[0], 3)
            os.dup2(child[1], 4)

        command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
                   f"--user-data-dir={self.profile.name}", "about:blank"]
        try:
            # close_fds=False: every fd Python opens is non-inheritable (PEP 446), so only 0-2 and the
            # pipe's 3 and 4 reach the browser; pass_fds=(3, 4) would fail where this process has no fd 3
            self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                            close_fds=False, preexec_fn=at_3_and_4)
        finally:
            os.close(child[0])
            os.close(child[1])
        self._buffer = b""
        self._last_id = 0
        self.session: str | None = None  # the tab's, once opened

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._last_id += 1
        message: dict = {"id": self._last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        answer = self._wait(lambda m: m.get("id") == self._last_id)
        if "error" in answer:
            raise BrowserError(f"{method}: {answer['error']}")
        return answer["result"]

    def _wait(self, wanted: Callable[[dict], bool]) -> dict:
        """The first message `wanted`; the events before it are not needed."""
        while not wanted(message := self._message()):
            pass
        return message

    def _message(self) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._in], [], [], TIMEOUT)
            chunk = os.read(self._in, 1 << 20) if ready else b""
            if not chunk:
                raise BrowserError("chromium stopped answering" if ready else f"chromium gave no answer in {TIMEOUT:.0f} s")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def print_pdf(self, html: Path, pdf: Path) -> None:
        """The page at `html` printed as its CSS @page rules say, no header or footer."""
        if self.session is None:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            self.call("Page.enable", session=self.session)
        navigated = self.call("Page.navigate", {"url": html.as_uri()}, session=self.session)
        if navigated.get("errorText"):
            raise BrowserError(f"chromium could not open {html}: {navigated['errorText']}")
        self._wait(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == self.session)
        printed = self.call("Page.printToPDF", {"preferCSSPageSize": True, "displayHeaderFooter": False}, session=self.session)
        pdf.write_bytes(base64.b64decode(printed["data"]))

    def close(self) -> None:
        if os.getpid() != self.owner:
            return
        for fd in (self._out, self._in):
            os.close(fd)
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.profile.cleanup()


_browser: Browser | None = None


def print_to_pdf(html: Path, pdf: Path) -> None:
    """Print `html` to `pdf` with this process's browser, started on first use and once more
    if it failed (a crashed browser is not reused)."""
    global _browser
    binary = chromium()
    if binary is None:
        raise BrowserError(f"printing with Chromium needs it installed: {INSTALL}")
    for attempt in (1, 2):
        if _browser is None or _browser.owner != os.getpid():
            _browser = Browser(binary)
        try:
            _browser.print_pdf(html, pdf)
            return
        except (BrowserError, OSError):
            _close()
            if attempt == 2:
                raise


def _close() -> None:
    global _browser
    if _browser is not None:
        browser, _browser = _browser, None
        browser.close()


atexit.register(_close)
