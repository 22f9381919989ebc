"""Driving the real application in headless Chromium (Playwright with Debian's Chromium).

``demo_server()`` starts phoihop on a fresh SQLite database in a temporary folder, with the demo
province loaded, and yields its base URL; ``sign_in(page, base, username)`` signs a demo account in
through the real form, TOTP step included; ``demo_job(base, code)`` runs a background job
against it. Used by browser tests and ``make screenshots``.
"""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = Path(os.environ.get("PHOIHOP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEMO_PASSWORD = "demo-phoihop-2026"  # noqa: S105 — the demo province's published password
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}


def chromium_available() -> bool:
    return CHROMIUM.exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _phoihop(args: list[str], env: dict) -> None:
    subprocess.run(  # noqa: S603 — our own interpreter and module, fixed arguments
        [sys.executable, "-m", "phoihop", *args],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _wait_until_serving(url: str, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"phoihop server exited with code {server.returncode}")
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 — our own loopback server
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"phoihop server did not answer {url} within {seconds} s")


# The environment of each running demo server, by base URL (for ``demo_job``).
_SERVER_ENV: dict[str, dict] = {}


def demo_job(base: str, code: str) -> None:
    """Run *code* (Python, Django set up) against the demo server at *base*: a background job
    the walkthrough cannot wait for, such as the morning's deadline reminders."""
    _phoihop(["shell", "-c", code], _SERVER_ENV[base])


@contextlib.contextmanager
def demo_server() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="phoihop-browser-") as data_dir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "phoihop.settings.dev",
            "PHOIHOP_DATA_DIR": data_dir,
            "PHOIHOP_DEMO": "1",
        }
        env.pop("DATABASE_URL", None)
        _phoihop(["migrate", "--noinput"], env)
        _phoihop(["demo", "load"], env)
        port = _free_port()
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "phoihop", "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Background jobs (a consolidation run, notifications) need the task consumer, as
        # `make run` starts it beside the web server.
        worker = subprocess.Popen(
            [sys.executable, "-m", "phoihop", "run_huey", "--workers", "1", "--quiet"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        _SERVER_ENV[base] = env
        try:
            _wait_until_serving(f"{base}/dang-nhap/", server)
            yield base
        finally:
            _SERVER_ENV.pop(base, None)
            for process in (server, worker):
                process.terminate()
                process.wait(timeout=10)


@contextlib.contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def totp_now(username: str) -> str:
    from django_otp.oath import totp

    from phoihop.demo.loader import demo_totp_key

    return f"{totp(bytes.fromhex(demo_totp_key(username))):06d}"


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_label("Mã xác thực (6 số)").fill(totp_now(username))
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/", timeout=90_000)


def shell_screenshots(out: Path) -> list[Path]:
    """Sign-in and dashboard, at desktop and phone widths.

    One sign-in serves both widths: a TOTP code is accepted once, so signing the same account
    in twice within its 30-second window would be refused.
    """
    out.mkdir(parents=True, exist_ok=True)
    sizes = (("desktop", DESKTOP), ("phone", PHONE))
    shots = []
    with demo_server() as base, browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP, locale="vi-VN")
        for label, viewport in sizes:
            page.set_viewport_size(viewport)
            page.goto(f"{base}/dang-nhap/")
            shots.append(out / f"sign-in-{label}.png")
            page.screenshot(path=shots[-1], full_page=True)
        sign_in(page, base, "hdnd.lanhdao")
        for label, viewport in sizes:
            page.set_viewport_size(viewport)
            page.goto(f"{base}/")
            shots.append(out / f"dashboard-{label}.png")
            page.screenshot(path=shots[-1], full_page=True)
        page.close()
    return shots


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phoihop.settings.dev")
    import django

    django.setup()
    for path in shell_screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)  # noqa: T201
