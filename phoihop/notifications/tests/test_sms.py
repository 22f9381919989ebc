import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from phoihop.notifications import sms


class _Gateway(BaseHTTPRequestHandler):
    status = 200
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Gateway.received.append((self.headers.get("Authorization"), json.loads(body)))
        self.send_response(_Gateway.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway():
    server = HTTPServer(("127.0.0.1", 0), _Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Gateway.received, _Gateway.status = [], 200
    yield f"http://127.0.0.1:{server.server_port}/send"
    server.shutdown()


def test_the_log_backend_is_the_default_and_keeps_the_message(settings):
    settings.PHOIHOP_SMS = {}
    sms.LogBackend.outbox.clear()
    sms.sms_send("0912345678", "Mã 123456")
    assert sms.LogBackend.outbox == [sms.Sent("0912345678", "Mã 123456")]


def test_the_http_backend_posts_to_the_gateway_in_international_form(settings, gateway):
    settings.PHOIHOP_SMS = {
        "BACKEND": "phoihop.notifications.sms.HttpBackend",
        "URL": gateway,
        "TOKEN": "t0ken",
        "SENDER": "HDND-TINH",
    }
    sms.sms_send("0912345678", "Mã 123456")
    assert _Gateway.received == [
        ("Bearer t0ken", {"to": "+84912345678", "from": "HDND-TINH", "text": "Mã 123456"})
    ]


def test_a_refusing_or_missing_gateway_raises_so_the_job_retries(settings, gateway):
    settings.PHOIHOP_SMS = {"BACKEND": "phoihop.notifications.sms.HttpBackend", "URL": gateway}
    _Gateway.status = 503
    with pytest.raises(sms.SmsError, match="503"):
        sms.sms_send("0912345678", "x")
    settings.PHOIHOP_SMS = {"BACKEND": "phoihop.notifications.sms.HttpBackend", "URL": ""}
    with pytest.raises(sms.SmsError, match="chưa được cấu hình"):
        sms.sms_send("0912345678", "x")


def test_numbers_are_masked_in_logs():
    assert sms.masked("0912345678") == "091****678"
    assert sms.masked("12") == "***"
