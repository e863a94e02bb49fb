"""What every test of `hsg serve` shares: a store of its own, users added with the real
`hsg user add`, the real server started on a free port and stopped with SIGTERM, an HTTP
client that keeps its cookies itself, and read-only looks at the store.

The client manages the Cookie header by hand: the server's cookies are Secure, and
http.cookiejar (rightly) never sends a Secure cookie over plain http, which is all a test
on 127.0.0.1 has. Only the Python standard library is used here.
"""

import http.client
import json
import os
import re
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

# Passwords of 12 bytes or more (the store refuses shorter ones).
PASSWORDS = {
    "asha": "asha-correct-horse-1",
    "bilal": "bilal-battery-staple-2",
    "carys": "carys-auditor-pass-3",
    "dev": "dev-commissioner-pass-4",
    "erin": "erin-finance-pass-55",
    "femi": "femi-admin-password-6",
}
ROLES = {
    "asha": ["assessor"],
    "bilal": ["approver"],
    "carys": ["auditor"],
    "dev": ["commissioner"],
    "erin": ["finance"],
    "femi": ["admin"],
}
WORKED_EXAMPLE = {
    "tenancy_skills": "alongside",
    "housing_options": "none",
    "home_maintenance": "none",
    "settling_in": "alongside",
    "on_call": "monitoring",
    "money": "advice",
    "health": "none",
    "safety": "alongside",
    "social": "none",
    "work_learning": "none",
}
WORKED_TOTAL = "£2,405.00"

CSRF_FIELD = re.compile(r'<input[^>]*name="csrf"[^>]*value="([0-9a-f]+)"')


class Failure(Exception):
    pass


def check(condition, message):
    """A failed expectation ends the test with what was expected and what came."""
    if not condition:
        raise Failure(message)


def hsg_binary():
    check(len(sys.argv) >= 2, "usage: TEST.py PATH/TO/hsg")
    path = sys.argv[1]
    check(os.access(path, os.X_OK), f"{path} is not an executable hsg")
    return path


def run(hsg, args, stdin=None, expect=0):
    """Runs hsg with `args`; fails unless it exits `expect`. Returns the completed process."""
    done = subprocess.run([hsg] + args, input=stdin, capture_output=True, text=True, timeout=120)
    if expect is not None:
        check(done.returncode == expect,
              f"hsg {' '.join(args)} exited {done.returncode}, expected {expect}\n"
              f"stdout: {done.stdout}\nstderr: {done.stderr}")
    return done


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # [(name, value)] as sent, names lowercased
        self.body = body  # text

    def header(self, name):
        for key, value in self.headers:
            if key == name.lower():
                return value
        return None

    def all_headers(self, name):
        return [value for key, value in self.headers if key == name.lower()]

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError as error:
            raise Failure(f"not JSON ({error}): {self.body[:400]}")

    def __repr__(self):
        return f"{self.status} {self.body[:300]!r}"


class Client:
    """One browser-like user agent: its own cookies, sent by hand, and the CSRF token the
    server gave it."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.csrf = None
        self.connection = None

    def _connection(self):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        return self.connection

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, method, path, body=None, headers=None, form=None, json_body=None,
                cookies=True):
        sent = dict(headers or {})
        if form is not None:
            body = urllib.parse.urlencode(form)
            sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
        if json_body is not None:
            body = json.dumps(json_body)
            sent.setdefault("Content-Type", "application/json")
        if cookies and self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        encoded = body.encode() if isinstance(body, str) else body
        for attempt in range(2):
            try:
                connection = self._connection()
                connection.request(method, path, body=encoded, headers=sent)
                answer = connection.getresponse()
                payload = answer.read().decode("utf-8", "replace")
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A kept-alive connection the server closed: once more on a new one.
                self.close()
                if attempt == 1:
                    raise
        headers_seen = [(k.lower(), v) for k, v in answer.getheaders()]
        if answer.getheader("Connection", "").lower() == "close":
            self.close()
        response = Response(answer.status, headers_seen, payload)
        for value in response.all_headers("set-cookie"):
            self._take_cookie(value)
        return response

    def _take_cookie(self, header):
        first = header.split(";")[0]
        name, _, value = first.partition("=")
        name = name.strip()
        attributes = header.lower()
        if value == "" or "max-age=0" in attributes or "expires=thu, 01 jan 1970" in attributes:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value.strip()

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post_form(self, path, fields, **kwargs):
        return self.request("POST", path, form=fields, **kwargs)

    def api(self, method, path, body=None, csrf=True, **kwargs):
        headers = dict(kwargs.pop("headers", {}))
        if csrf and self.csrf is not None:
            headers.setdefault("X-CSRF-Token", self.csrf)
        return self.request(method, path, json_body=body, headers=headers, **kwargs)

    # Signing in ---------------------------------------------------------------------------

    def api_sign_in(self, name, password=None):
        response = self.request("POST", "/api/session",
                                json_body={"name": name, "password": password or PASSWORDS[name]})
        check(response.status == 200, f"POST /api/session as {name}: {response!r}")
        self.csrf = response.json()["csrf_token"]
        check("hsg_session" in self.cookies, f"no hsg_session cookie after sign-in as {name}")
        return response

    def form_sign_in(self, name, password=None, expect=303):
        page = self.get("/login")
        check(page.status == 200, f"GET /login: {page!r}")
        token = csrf_of(page)
        check("hsg_login" in self.cookies, "GET /login set no hsg_login cookie")
        response = self.post_form("/login", {"name": name,
                                             "password": password or PASSWORDS[name],
                                             "csrf": token})
        check(response.status == expect, f"POST /login as {name}: expected {expect}, {response!r}")
        if expect == 303:
            home = self.get("/")
            check(home.status == 200, f"GET / after sign-in: {home!r}")
            self.csrf = csrf_of(home)
        return response


def csrf_of(page):
    found = CSRF_FIELD.search(page.body)
    check(found is not None, f"no csrf field in the page: {page.body[:400]!r}")
    return found.group(1)


class Server:
    """A store in a temporary directory with the users of ROLES (or `users`), and the real
    `hsg serve` on it. Use as a context manager; stop() checks it exits 0 on SIGTERM."""

    def __init__(self, hsg, users=None, serve_args=(), directory=None):
        self.hsg = hsg
        self.owned = directory is None
        self.tmp = tempfile.TemporaryDirectory(prefix="hsg-web-") if self.owned else None
        self.dir = self.tmp.name if self.owned else directory
        self.db = os.path.join(self.dir, "hsg.db")
        self.serve_args = list(serve_args)
        self.process = None
        self.port = None
        self.stderr_path = os.path.join(self.dir, "serve.stderr")
        if not os.path.exists(self.db):
            run(hsg, ["init", "--db", self.db, "--actor", "femi"])
            for name, roles in (users or ROLES).items():
                self.add_user(name, roles)

    def add_user(self, name, roles, password=None):
        args = ["user", "add", name, "--db", self.db, "--actor", "femi", "--password-stdin"]
        for role in roles:
            args += ["--role", role]
        run(self.hsg, args, stdin=(password or PASSWORDS[name]) + "\n")

    def start(self, extra=()):
        stderr = open(self.stderr_path, "ab")
        self.process = subprocess.Popen(
            [self.hsg, "serve", "--listen", "127.0.0.1:0", "--db", self.db] + self.serve_args
            + list(extra),
            stdout=subprocess.PIPE, stderr=stderr)
        stderr.close()
        line = b""
        deadline = time.monotonic() + 30
        while not line.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            check(remaining > 0, f"hsg serve printed no listening line in 30 s: {line!r}")
            ready, _, _ = select.select([self.process.stdout], [], [], remaining)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 1)
                if chunk == b"":
                    raise Failure(f"hsg serve exited {self.process.wait()} before listening: "
                                  f"{line!r}\n{self.stderr()}")
                line += chunk
        found = re.fullmatch(rb"hsg serve: listening on http://127\.0\.0\.1:(\d+)\n", line)
        check(found is not None, f"unexpected listening line {line!r}")
        self.port = int(found.group(1))
        return self

    def stderr(self):
        with open(self.stderr_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def stop(self):
        """SIGTERM, then the exit status must be 0 within 30 s."""
        if self.process is None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise Failure("hsg serve did not stop within 30 s of SIGTERM")
        self.process.stdout.close()
        self.process = None
        check(code == 0, f"hsg serve exited {code} on SIGTERM\n{self.stderr()[-2000:]}")

    def kill(self):
        self.process.kill()
        self.process.wait()
        self.process.stdout.close()
        self.process = None

    def client(self):
        return Client(self.port)

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        if self.process is not None:
            if kind is None:
                self.stop()
            else:
                self.process.kill()
                self.process.wait()
                self.process.stdout.close()
                self.process = None
        if self.owned:
            self.tmp.cleanup()

    # Read-only looks at the store -----------------------------------------------------------

    def read(self):
        connection = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10)
        connection.execute("PRAGMA query_only = ON")
        return connection

    def snapshot(self):
        """Every table's row count and the audit chain's head (seq, hash): what a refused
        request must leave exactly as it was."""
        with self.read() as connection:
            tables = [row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY name")]
            counts = {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                      for t in tables}
            head = connection.execute(
                "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
        connection.close()
        return {"counts": counts, "head": head}

    def query(self, sql, *parameters):
        connection = self.read()
        try:
            return connection.execute(sql, parameters).fetchall()
        finally:
            connection.close()


def main(test):
    """Runs `test(hsg)` and exits 0, or prints the failure and exits 1."""
    try:
        test(hsg_binary())
    except Failure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    print("ok")
