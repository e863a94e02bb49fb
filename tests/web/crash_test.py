"""`hsg serve` killed with SIGKILL while 32 clients are writing (issue 15, "Crash").

32 threads, each its own assessor session and its own client, record assessments (varied
answers) and agree an amount for each through the API, noting every response. After a
bounded number of requests the server is killed with SIGKILL. Then: the server restarts
on the file, `PRAGMA integrity_check` is ok, `hsg audit verify` is ok, every request that
got a 2xx is in the store as answered (the allocation with its id, client, date and
answers; the agreement with its amount), and nothing else is there but what the requests
left unanswered by the kill may have written, each whole: every allocation row has its
audit event and every decision row its event, one to one.

    python3 crash_test.py PATH/TO/hsg [threads=32] [kill_after=800]
"""

import datetime
import http.client
import json
import random
import sqlite3
import sys
import threading

from hsg_server import Client, Server, check, main, run

THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 32
KILL_AFTER = int(sys.argv[3]) if len(sys.argv) > 3 else 800


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.sent = 0
        self.reached = threading.Event()

    def next(self):
        with self.lock:
            self.sent += 1
            if self.sent >= KILL_AFTER:
                self.reached.set()


class Writer(threading.Thread):
    """One assessor: its own client ref, then record → agree, record → agree, ... until the
    server goes away. `log` holds (what, status or None, detail) per request sent."""

    def __init__(self, number, port, questionnaire, counter, password, ready):
        super().__init__(daemon=True)
        self.number = number
        self.name_ = f"crash{number:02d}"
        self.ref = f"C-CRASH-{number:02d}"
        self.client = Client(port)
        self.password = password
        self.questionnaire = questionnaire
        self.counter = counter
        self.ready = ready
        self.random = random.Random(number)
        self.log = []
        self.unexpected = []

    def answers(self):
        return {area: self.random.choice(options) for area, options in self.questionnaire}

    def send(self, what, method, path, body):
        self.counter.next()
        try:
            response = self.client.api(method, path, body)
        # The server was killed: no answer, or one cut off after its headers (IncompleteRead).
        except (OSError, http.client.HTTPException) as error:
            self.log.append((what, None, body, None))
            raise StopIteration from error
        if not 200 <= response.status < 300:
            self.unexpected.append(f"{method} {path}: {response.status} {response.body[:200]}")
        self.log.append((what, response.status, body, response.json()))
        return response

    def run(self):
        try:
            self.client.api_sign_in(self.name_, self.password)
            # Everyone signed in before anyone writes, so the kill finds 32 writing.
            self.ready.wait(timeout=120)
            self.send("client", "POST", "/api/clients",
                      {"ref": self.ref, "group": "older_people", "asc_funded": False})
            day = datetime.date(2024, 4, 1)
            while True:
                # A later day each time: a client's assessments go forward.
                day += datetime.timedelta(days=1)
                recorded = self.send("allocation", "POST", f"/api/clients/{self.ref}/allocations",
                                     {"date": day.isoformat(), "answers": self.answers()})
                if recorded.status != 201:
                    continue
                allocation = recorded.json()["allocation_id"]
                amount = f"{self.random.randint(1000, 2500)}.00"
                self.send(("agree", allocation), "POST", f"/api/allocations/{allocation}/agree",
                          {"amount": amount, "reason": f"crash test {self.number}"})
        except StopIteration:
            pass
        except Exception as error:  # noqa: BLE001 - reported by the main thread
            self.unexpected.append(f"{type(error).__name__}: {error}")


def questionnaire_of(client):
    shown = client.api("GET", "/api/questionnaire")
    check(shown.status == 200, f"GET /api/questionnaire: {shown!r}")
    areas = []
    for area in shown.json()["areas"]:
        areas.append((area["area"], [option["option"] for option in area["options"]]))
    check(len(areas) == 10, f"the questionnaire has {len(areas)} areas")
    return areas


def check_store(hsg, server, writers):
    # Integrity first, on the file as the kill left it (SQLite recovers the WAL on open).
    connection = sqlite3.connect(server.db, timeout=30)
    integrity = connection.execute("PRAGMA integrity_check").fetchall()
    connection.close()
    check(integrity == [("ok",)], f"PRAGMA integrity_check: {integrity}")
    verified = run(hsg, ["audit", "verify", "--db", server.db])
    check(verified.stdout.startswith("ok: "), f"hsg audit verify: {verified.stdout}")

    allocations = {row[0]: row[1:] for row in server.query(
        "SELECT id, client_ref, assessed_on, answers FROM allocations")}
    agreements = {row[0]: row[1:] for row in server.query(
        "SELECT allocation_id, agreed_pence, actor FROM decisions WHERE kind = 'agree'")}
    events = dict(server.query(
        "SELECT action, count(*) FROM audit_events GROUP BY action"))
    check(events.get("allocation.record", 0) == len(allocations),
          f"{len(allocations)} allocations but {events.get('allocation.record', 0)} "
          "allocation.record events")
    check(events.get("decision.agree", 0) == len(agreements),
          f"{len(agreements)} agreements but {events.get('decision.agree', 0)} events")
    event_ids = {row[0] for row in server.query(
        "SELECT entity_id FROM audit_events WHERE action = 'allocation.record'")}
    check(event_ids == {f"allocations:{i}" for i in allocations} or
          event_ids == {str(i) for i in allocations},
          "the allocation.record events do not name exactly the allocation rows")

    clients = {row[0] for row in server.query("SELECT ref FROM clients")}
    check(events.get("client.add", 0) == len(clients),
          f"{len(clients)} clients but {events.get('client.add', 0)} client.add events")
    answered = set()
    unanswered = 0
    for writer in writers:
        for what, status, body, reply in writer.log:
            if status is None:
                unanswered += 1
                continue
            if not 200 <= status < 300:
                continue
            if what == "client":
                check(writer.ref in clients, f"client {writer.ref} got {status} but is not stored")
            elif what == "allocation":
                allocation = reply["allocation_id"]
                check(allocation in allocations,
                      f"allocation {allocation} got {status} but is not in the store")
                ref, date, answers = allocations[allocation]
                check(ref == writer.ref and date == body["date"] and
                      json.loads(answers) == body["answers"],
                      f"allocation {allocation} is stored as {ref} {date} {answers}, "
                      f"sent {writer.ref} {body}")
                answered.add(allocation)
            elif isinstance(what, tuple):
                allocation = what[1]
                check(allocation in agreements,
                      f"the agreement of {allocation} got {status} but is not in the store")
                pence, actor = agreements[allocation]
                check(pence == int(body["amount"].replace(".", "")) and actor == writer.name_,
                      f"agreement of {allocation}: stored {pence} by {actor}, sent {body}")
    # What is there beyond the answered: at most one in-flight request per writer.
    extra = set(allocations) - answered
    check(len(extra) <= unanswered,
          f"{len(extra)} allocations nobody was told of, {unanswered} requests unanswered")
    for allocation in extra:
        ref = allocations[allocation][0]
        owner = [w for w in writers if w.ref == ref]
        check(owner and owner[0].log and owner[0].log[-1][0] == "allocation" and
              owner[0].log[-1][1] is None,
              f"allocation {allocation} of {ref} is stored but its writer's last request "
              "was answered")
    return len(answered), len(allocations), unanswered


def test(hsg):
    users = {f"crash{n:02d}": ["assessor"] for n in range(THREADS)}
    password = "crash-test-password-1"
    with Server(hsg, users={}) as server:
        for name, roles in users.items():
            server.add_user(name, roles, password)
        server.start(["--threads", "8"])
        reader = Client(server.port)
        reader.api_sign_in("crash00", password)
        questionnaire = questionnaire_of(reader)
        counter = Counter()
        ready = threading.Barrier(THREADS)
        writers = [Writer(n, server.port, questionnaire, counter, password, ready)
                   for n in range(THREADS)]
        for writer in writers:
            writer.start()
        check(counter.reached.wait(timeout=300),
              f"only {counter.sent} requests in 300 s: the server is stuck")
        server.kill()
        for writer in writers:
            writer.join(timeout=60)
            check(not writer.is_alive(), f"writer {writer.number} still running after the kill")
        problems = [p for w in writers for p in w.unexpected]
        check(not problems, "error responses before the kill:\n" + "\n".join(problems[:20]))
        answered, stored, unanswered = check_store(hsg, server, writers)
        check(answered > 100, f"only {answered} allocations answered before the kill")
        # The server comes back on the file and shows what was answered.
        server.start()
        again = Client(server.port)
        again.api_sign_in("crash01", password)
        for writer in writers[:4]:
            for what, status, body, reply in writer.log:
                if what == "allocation" and status == 201:
                    shown = again.api("GET", f"/api/allocations/{reply['allocation_id']}")
                    check(shown.status == 200, f"after the restart: {shown!r}")
        # A writer whose client was added (one whose first request the kill cut off has none).
        added = [w for w in writers if w.log and w.log[0][1] == 201]
        check(added, "no client was added before the kill")
        recorded = again.api("POST", f"/api/clients/{added[0].ref}/allocations",
                             {"date": "2026-11-30", "answers": dict(
                                 (area, options[0]) for area, options in questionnaire)})
        check(recorded.status == 201, f"recording after the restart: {recorded!r}")
        server.stop()
        run(hsg, ["audit", "verify", "--db", server.db])
        print(f"crash_test: {counter.sent} requests sent, {answered} allocations answered, "
              f"{stored} stored, {unanswered} unanswered at the kill")


if __name__ == "__main__":
    main(test)
