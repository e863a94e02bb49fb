#!/usr/bin/python3
"""GET /allocations/:id/letter: the client's decision letter served as the very bytes
`hsg letter ID --date TODAY --letterhead FILE` writes, with the server's own letterhead
and today's date; refused to a visitor not signed in (401, the sign-in page), open to every
role (each holds read_cases); linked from the allocation page; and served
with a Content-Security-Policy that allows the letter's own style by its hash and
nothing else (no scripts)."""

import base64
import datetime
import hashlib
import os
import re

from hsg_server import Server, check, main, run

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
LETTERHEAD = os.path.join(SOURCE, "docs", "examples", "letterhead.toml")
WORKED = os.path.join(SOURCE, "docs", "examples", "worked-example.toml")


def cli_letter(hsg, db, date):
    return run(hsg, ["letter", "1", "--db", db, "--date", date,
                     "--letterhead", LETTERHEAD]).stdout


def test(hsg):
    with Server(hsg, serve_args=["--letterhead", LETTERHEAD]) as server:
        run(hsg, ["client", "add", "C-1", "--group", "Older people with support needs",
                  "--name", "Ann Example", "--db", server.db, "--actor", "asha"])
        run(hsg, ["allocate", "C-1", "--answers", WORKED, "--date", "2025-01-15",
                  "--db", server.db, "--actor", "asha"])
        server.start()

        nobody = server.client()
        refused = nobody.get("/allocations/1/letter")
        check(refused.status == 401, f"the letter without a session: {refused!r}")
        check('name="password"' in refused.body, "401 without the sign-in form")
        check("Ann Example" not in refused.body, "the 401 page shows the client's name")

        # Every role may read cases (app/users/permissions.h), and a user has at least one,
        # so a signed-in user is never refused the letter: only a visitor is.
        for name in ("carys", "dev", "erin", "femi"):
            other = server.client()
            other.form_sign_in(name)
            answer = other.get("/allocations/1/letter")
            check(answer.status == 200, f"the letter for {name}: {answer!r}")

        asha = server.client()
        asha.form_sign_in("asha")
        page = asha.get("/allocations/1")
        check(page.status == 200, f"GET /allocations/1: {page!r}")
        check('<a id="letter-link" href="/allocations/1/letter">' in page.body,
              "the allocation page does not link to the letter")

        for _ in range(2):  # once more if midnight passed in between
            before = datetime.date.today().isoformat()
            served = asha.get("/allocations/1/letter")
            after = datetime.date.today().isoformat()
            if before == after:
                break
        check(served.status == 200, f"GET /allocations/1/letter: {served!r}")
        check(served.header("content-type") == "text/html; charset=utf-8",
              f"content type {served.header('content-type')!r}")
        expected = cli_letter(hsg, server.db, before)
        check(served.body == expected,
              "the served letter differs from hsg letter's:\n"
              f"served: {served.body[:600]!r}\ncli: {expected[:600]!r}")
        check("<p class=\"council\">Example Borough Council</p>" in served.body,
              "the server's letterhead is not on the letter")
        check("<p>Ann Example</p>" in served.body, "the client's name is not on the letter")
        check("Indicative grant: £2,405.00" in served.body, "the worked example's total")

        policies = served.all_headers("content-security-policy")
        check(len(policies) == 1, f"one Content-Security-Policy expected: {policies!r}")
        style = re.search(r"<style>(.*?)</style>", served.body, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        check(policies[0] == f"default-src 'none'; style-src 'sha256-{digest}'; "
              "frame-ancestors 'none'; form-action 'none'; base-uri 'none'",
              f"the letter's policy: {policies[0]!r} (style hash {digest})")
        check("<script" not in served.body, "a script in the letter")
        # The other security headers stay those of every answer.
        for name, value in (("x-content-type-options", "nosniff"),
                            ("referrer-policy", "no-referrer"), ("x-frame-options", "DENY"),
                            ("cache-control", "no-store")):
            check(served.header(name) == value, f"the letter's {name}: {served.header(name)!r}")

        missing = asha.get("/allocations/99/letter")
        check(missing.status == 404, f"the letter of an unknown allocation: {missing!r}")
        server.stop()


if __name__ == "__main__":
    main(test)
