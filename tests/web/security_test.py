"""Security of `hsg serve` against the running server (issue 15, "What must show it").

Every refused request must be refused with the right status (401 no, expired, signed-out
or disabled session; 403 missing or wrong CSRF token, a role without the permission, one's
own adjustment) and must write nothing: every table's row count and the audit chain's head
are compared before and after. Every route the server lists (`hsg serve --routes`) that
needs a session is in routes(), checked for every role against the spec's role rule. Text from users comes back HTML-escaped on every page that shows it;
passwords are not in the database file; sign-in is rate-limited and says the same for an
unknown user and a wrong password; cookies and headers are as the spec says.

    python3 security_test.py PATH/TO/hsg
"""

import datetime
import re
import time
import urllib.parse

from hsg_server import (PASSWORDS, ROLES, WORKED_EXAMPLE, Client, Server, check, csrf_of,
                        main, run)

CSP = "default-src 'self'; frame-ancestors 'none'; form-action 'self'"
SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
PAYLOADS = {
    SCRIPT: "&lt;script&gt;alert(1)&lt;/script&gt;",
    IMAGE: "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
}
SIGN_IN_REFUSED = "Unknown user name or wrong password."
TOO_MANY = "Too many attempts. Try again in a minute."

# The spec's role policy (app/users/permissions.h), stated here independently of the server.
PERMITS = {
    "read_cases": {"assessor", "approver", "finance", "auditor", "commissioner", "admin"},
    "add_client": {"assessor"},
    "record_assessment": {"assessor"},
    "agree_amount": {"assessor"},
    "approve_amount": {"approver"},
    "start_grant": {"assessor", "finance"},
    "signed_in": {"assessor", "approver", "finance", "auditor", "commissioner", "admin"},
    "read_rulesets": {"auditor", "commissioner", "admin"},
    "manage_users": {"admin"},
    "manage_providers": {"admin"},
    "read_ledger": {"finance", "auditor"},
    "post_ledger": {"finance"},
    "read_audit": {"auditor"},
    "run_whatif": {"commissioner"},
    "read_outcomes": {"commissioner", "auditor"},
}
# Pages that answer with a Content-Security-Policy of their own (a printable letter, a
# what-if report), tighter than the site's: the letter's allows only its inline style.
LETTER_CSP_START = "default-src 'none'; style-src 'sha256-"


def answers_form(answers):
    return {f"answer.{area}": option for area, option in answers.items()}


# Every route of the spec that needs a session: (method, path, kind, permission, body).
# Ids: client C-1, allocation 1 (pending approval), allocation 3 (agreed, no grant), grant 1.
def routes():
    allocation_form = dict(answers_form(WORKED_EXAMPLE), date="2025-01-20")
    return [
        ("GET", "/", "page", "read_cases", None),
        ("GET", "/?ref=C-1&group=older_people", "page", "read_cases", None),
        ("GET", "/clients/new", "page", "add_client", None),
        ("GET", "/clients/C-1", "page", "read_cases", None),
        ("GET", "/clients/C-1/assess", "page", "record_assessment", None),
        ("GET", "/clients/C-1/assess?date=2025-01-20", "page", "record_assessment", None),
        ("GET", "/allocations/1", "page", "read_cases", None),
        ("GET", "/approvals", "page", "read_cases", None),
        ("GET", "/grants/1", "page", "read_cases", None),
        ("POST", "/clients", "page", "add_client",
         {"ref": "C-NEW", "group": "older_people", "name": "New Person"}),
        ("POST", "/clients/C-1/allocations", "page", "record_assessment", allocation_form),
        ("POST", "/allocations/1/agree", "page", "agree_amount",
         {"amount": "2100.00", "reason": "forged"}),
        ("POST", "/allocations/1/approve", "page", "approve_amount", {"reason": "forged"}),
        ("POST", "/allocations/1/reject", "page", "approve_amount", {"reason": "forged"}),
        ("POST", "/allocations/3/grant", "page", "start_grant",
         {"start": "2025-02-03", "held_as": "direct_payment"}),
        ("POST", "/logout", "page", "signed_in", {}),
        ("GET", "/api/questionnaire", "api", "read_cases", None),
        ("GET", "/api/questionnaire?date=2025-01-20", "api", "read_cases", None),
        ("GET", "/api/clients", "api", "read_cases", None),
        ("GET", "/api/clients?ref=C-1", "api", "read_cases", None),
        ("GET", "/api/clients/C-1", "api", "read_cases", None),
        ("GET", "/api/allocations/1", "api", "read_cases", None),
        ("GET", "/api/approvals", "api", "read_cases", None),
        ("POST", "/api/assess", "api", "read_cases", {"answers": WORKED_EXAMPLE}),
        ("POST", "/api/clients", "api", "add_client",
         {"ref": "C-NEW", "group": "older_people", "asc_funded": False}),
        ("POST", "/api/clients/C-1/allocations", "api", "record_assessment",
         {"date": "2025-01-20", "answers": WORKED_EXAMPLE}),
        ("POST", "/api/allocations/1/agree", "api", "agree_amount",
         {"amount": "2100.00", "reason": "forged"}),
        ("POST", "/api/allocations/1/approve", "api", "approve_amount", {"reason": "forged"}),
        ("POST", "/api/allocations/1/reject", "api", "approve_amount", {"reason": "forged"}),
        ("POST", "/api/allocations/3/grant", "api", "start_grant",
         {"start": "2025-02-03", "held_as": "direct_payment"}),
        ("DELETE", "/api/session", "api", "signed_in", None),
        # The administrator's pages, each write with a body that would change the store
        # (but enable: no user is disabled yet, so it names one who is not).
        ("GET", "/admin", "page", "manage_users", None),
        ("GET", "/admin/users", "page", "manage_users", None),
        ("GET", "/admin/users?name=asha", "page", "manage_users", None),
        ("POST", "/admin/users", "page", "manage_users",
         {"name": "forged", "role": "admin", "password": "forged-password-1",
          "password_again": "forged-password-1"}),
        ("POST", "/admin/users/grant", "page", "manage_users", {"name": "asha", "role": "admin"}),
        ("POST", "/admin/users/revoke", "page", "manage_users",
         {"name": "femi", "role": "admin"}),
        ("POST", "/admin/users/disable", "page", "manage_users",
         {"name": "femi", "reason": "forged"}),
        ("POST", "/admin/users/enable", "page", "manage_users",
         {"name": "asha", "reason": "forged"}),
        ("POST", "/admin/users/password", "page", "manage_users",
         {"name": "femi", "password": "forged-password-1", "password_again": "forged-password-1"}),
        ("GET", "/admin/rulesets", "page", "read_rulesets", None),
        ("GET", "/admin/providers", "page", "manage_providers", None),
        ("POST", "/admin/providers", "page", "manage_providers",
         {"name": "Forged Ltd", "kind": "generalist", "accredited_from": "2024-04-01"}),
        ("POST", "/admin/providers/end", "page", "manage_providers",
         {"name": "Forged Ltd", "date": "2024-05-01"}),
        # The letter, and the finance, audit, what-if and outcomes pages (grant 1 is paid
        # from 2025-02-03, £703.00 in February).
        ("GET", "/allocations/2/letter", "page", "read_cases", None),
        ("GET", "/finance", "page", "read_ledger", None),
        ("GET", "/finance/post?through=2025-02-28", "page", "read_ledger", None),
        ("POST", "/finance/post", "page", "post_ledger",
         {"through": "2025-02-28", "count": "3", "total_pence": "70300"}),
        ("GET", "/finance/ledger/export?from=2025-02-01&to=2025-03-01&format=csv", "page",
         "read_ledger", None),
        ("GET", "/finance/ledger?from=2025-02-01&to=2025-03-01", "page", "read_ledger", None),
        ("GET", "/finance/balance", "page", "read_ledger", None),
        ("GET", "/finance/commitments", "page", "read_ledger", None),
        ("GET", "/finance/spend", "page", "read_ledger", None),
        ("GET", "/finance/corrections", "page", "read_ledger", None),
        ("POST", "/finance/reverse", "page", "post_ledger",
         {"posting": "I-1-short_term_basic-1", "reverse_date": "2025-02-20",
          "reverse_reason": "forged"}),
        ("POST", "/finance/recover", "page", "post_ledger",
         {"grant": "1", "amount": "1.00", "recover_date": "2025-02-20",
          "recover_reason": "forged"}),
        ("GET", "/audit", "page", "read_audit", None),
        ("GET", "/audit/log?client=C-2", "page", "read_audit", None),
        ("GET", "/audit/verify", "page", "read_audit", None),
        ("GET", "/audit/replay?allocation=1", "page", "read_audit", None),
        ("GET", "/whatif", "page", "run_whatif", None),
        ("POST", "/whatif", "page", "run_whatif", {"as_of": "2025-03-01", "format": "csv"}),
        ("GET", "/outcomes", "page", "read_outcomes", None),
    ]


def every_route_listed(hsg):
    """routes() sends at least one request to every route `hsg serve --routes` lists that
    needs a session, so a route added to the server cannot miss these checks."""
    for line in run(hsg, ["serve", "--routes"]).stdout.splitlines():
        method, pattern, needs, _ = line.split(" ")
        if needs == "public":
            continue
        regex = re.escape(pattern).replace(":id", "[0-9]+").replace(":ref", "[^/?]+")
        sent = [p for m, p, *_ in routes() if m == method and re.fullmatch(regex + r"(\?.*)?", p)]
        check(sent, f"security_test.py's routes() sends nothing to {method} {pattern}")


def send(client, method, path, kind, body, csrf):
    """The request as a browser form or an API client would send it, with `csrf` as the
    token (None: no token at all)."""
    if kind == "page" and method == "POST":
        fields = dict(body or {})
        if csrf is not None:
            fields["csrf"] = csrf
        return client.post_form(path, fields)
    headers = {} if csrf is None else {"X-CSRF-Token": csrf}
    return client.request(method, path, json_body=body, headers=headers)


def describe(method, path, who, response):
    return f"{method} {path} as {who}: got {response.status}, body {response.body[:300]!r}"


def check_headers(response, what, authenticated, letter=False):
    policy = response.header("content-security-policy") or ""
    if letter:
        check(policy.startswith(LETTER_CSP_START) and "frame-ancestors 'none'" in policy
              and "script-src" not in policy, f"{what}: the letter's CSP {policy!r}")
    else:
        check(policy == CSP, f"{what}: Content-Security-Policy {policy!r}")
    check(response.header("x-content-type-options") == "nosniff",
          f"{what}: X-Content-Type-Options {response.header('x-content-type-options')!r}")
    check(response.header("referrer-policy") == "no-referrer",
          f"{what}: Referrer-Policy {response.header('referrer-policy')!r}")
    if authenticated:
        check("no-store" in (response.header("cache-control") or ""),
              f"{what}: Cache-Control {response.header('cache-control')!r}")


def refused(server, client, method, path, kind, body, csrf, status, who):
    """The request is refused with `status` and the store is exactly as it was."""
    before = server.snapshot()
    response = send(client, method, path, kind, body, csrf)
    check(response.status == status,
          f"expected {status}: " + describe(method, path, who, response))
    after = server.snapshot()
    check(before == after, f"{method} {path} as {who} ({status}) changed the store: "
          f"{before} -> {after}")
    check_headers(response, f"{method} {path} as {who}", False)
    return response


def set_cookie(response, name):
    for value in response.all_headers("set-cookie"):
        if value.startswith(name + "="):
            return value
    raise AssertionError(f"no Set-Cookie {name}")


def cookie_flags(header, name):
    parts = [p.strip() for p in header.split(";")]
    value = parts[0].split("=", 1)[1]
    flags = {p.split("=")[0].lower(): (p.split("=", 1)[1] if "=" in p else True)
             for p in parts[1:]}
    check(flags.get("httponly") is True, f"{name} cookie without HttpOnly: {header}")
    check(flags.get("secure") is True, f"{name} cookie without Secure: {header}")
    check(flags.get("samesite") == "Strict", f"{name} cookie without SameSite=Strict: {header}")
    check(flags.get("path") == "/", f"{name} cookie without Path=/: {header}")
    return value


def fixture(server):
    """As asha through the API: C-1 with allocation 1 agreed at £2,000.00 (pending), C-2 with
    allocation 2 agreed at £2,405.00 and granted (grant 1), allocation 3 agreed, no grant."""
    asha = server.client()
    asha.api_sign_in("asha")
    for ref in ("C-1", "C-2"):
        created = asha.api("POST", "/api/clients",
                           {"ref": ref, "group": "older_people", "asc_funded": False})
        check(created.status == 201, f"POST /api/clients {ref}: {created!r}")
    for ref, date in (("C-1", "2025-01-15"), ("C-2", "2025-01-15"), ("C-2", "2025-01-16")):
        recorded = asha.api("POST", f"/api/clients/{ref}/allocations",
                            {"date": date, "answers": WORKED_EXAMPLE})
        check(recorded.status == 201, f"POST /api/clients/{ref}/allocations: {recorded!r}")
    ids = [row[0] for row in server.query("SELECT id FROM allocations ORDER BY id")]
    check(ids == [1, 2, 3], f"allocation ids {ids}")
    for allocation, amount in ((1, "2000.00"), (2, "2405.00"), (3, "2405.00")):
        agreed = asha.api("POST", f"/api/allocations/{allocation}/agree",
                          {"amount": amount, "reason": "set up by the test"})
        check(agreed.status == 200, f"POST /api/allocations/{allocation}/agree: {agreed!r}")
    check(asha.api("GET", "/api/allocations/1").status == 200, "allocation 1 not shown")
    grant = asha.api("POST", "/api/allocations/2/grant",
                     {"start": "2025-02-03", "held_as": "direct_payment"})
    check(grant.status == 201, f"POST /api/allocations/2/grant: {grant!r}")
    check(grant.json()["grant_id"] == 1, f"grant id {grant.json()}")


def no_session(server):
    for method, path, kind, _, body in routes():
        client = server.client()
        response = refused(server, client, method, path, kind, body, None, 401, "nobody")
        if kind == "page" and method == "GET":
            check('id="login"' in response.body,
                  f"{method} {path} without a session: 401 without the sign-in form")
        # A made-up session cookie is no better than none.
        client.cookies["hsg_session"] = "ab" * 32
        refused(server, client, method, path, kind, body, "cd" * 32, 401, "a forged cookie")


def signed_out_session(server):
    """Sign in, sign out, then the old cookie and token are worthless (API and form)."""
    api = server.client()
    api.api_sign_in("asha")
    old_cookie, old_csrf = api.cookies["hsg_session"], api.csrf
    closed = api.api("DELETE", "/api/session")
    check(closed.status == 204, f"DELETE /api/session: {closed!r}")
    form = server.client()
    form.form_sign_in("asha")
    form_cookie, form_csrf = form.cookies["hsg_session"], form.csrf
    out = form.post_form("/logout", {"csrf": form_csrf})
    check(out.status == 303 and out.header("location") == "/login", f"POST /logout: {out!r}")
    for cookie, csrf in ((old_cookie, old_csrf), (form_cookie, form_csrf)):
        for method, path, kind, _, body in routes():
            stale = Client(server.port)
            stale.cookies["hsg_session"] = cookie
            refused(server, stale, method, path, kind, body, csrf, 401, "a signed-out session")


def csrf_refusals(server):
    """Missing and wrong tokens, for a user who holds the permission, on every write."""
    holders = {"agree_amount": "asha", "add_client": "asha", "record_assessment": "asha",
               "start_grant": "asha", "approve_amount": "bilal", "read_cases": "asha",
               "signed_in": "asha", "manage_users": "femi", "manage_providers": "femi",
               "post_ledger": "erin", "run_whatif": "dev"}
    other = server.client()
    other.api_sign_in("asha")
    for method, path, kind, permission, body in routes():
        if method == "GET":
            continue
        who = holders[permission]
        client = server.client()
        client.api_sign_in(who)
        refused(server, client, method, path, kind, body, None, 403, f"{who} without a token")
        refused(server, client, method, path, kind, body, "", 403, f"{who} with an empty token")
        refused(server, client, method, path, kind, body, "0" * 64, 403, f"{who}, a wrong token")
        refused(server, client, method, path, kind, body, other.csrf, 403,
                f"{who} with another session's token")
        refused(server, client, method, path, kind, body, client.csrf[:-1], 403,
                f"{who} with a token cut short")
        # The session still works after the refusals (a token miss does not end it).
        check(client.api("GET", "/api/clients").status == 200,
              f"{who}'s session ended by a CSRF refusal")


def role_matrix(server):
    """Every user, one per role, on every route: allowed reads answer 200, everything the
    role is not permitted is 403 and writes nothing. Allowed writes are exercised by the
    fixture and the browser test; /api/assess (records nothing) is sent and checked."""
    for user, roles in ROLES.items():
        client = server.client()
        client.api_sign_in(user)
        for method, path, kind, permission, body in routes():
            allowed = bool(PERMITS[permission] & set(roles))
            if not allowed:
                refused(server, client, method, path, kind, body, client.csrf, 403, user)
                continue
            if method == "GET" or path == "/api/assess":
                before = server.snapshot()
                response = send(client, method, path, kind, body, client.csrf)
                check(response.status == 200, "expected 200: "
                      + describe(method, path, user, response))
                check(before == server.snapshot(), f"{method} {path} as {user} wrote")
                check_headers(response, f"{method} {path} as {user}", True,
                              letter=path.endswith("/letter"))


def own_adjustment(server):
    """A user holding both assessor and approver cannot approve or reject an amount they
    agreed themselves (four eyes), by form or API; an approver who did not agree it sees the
    buttons, the one who agreed it does not."""
    server.add_user("hana", ["assessor", "approver"], "hana-both-roles-77")
    hana = server.client()
    hana.api_sign_in("hana", "hana-both-roles-77")
    created = hana.api("POST", "/api/clients", {"ref": "C-H", "group": "older_people",
                                                "asc_funded": False})
    check(created.status == 201, f"hana adds C-H: {created!r}")
    recorded = hana.api("POST", "/api/clients/C-H/allocations",
                        {"date": "2025-01-15", "answers": WORKED_EXAMPLE})
    check(recorded.status == 201, f"hana records: {recorded!r}")
    allocation = recorded.json()["allocation_id"]
    agreed = hana.api("POST", f"/api/allocations/{allocation}/agree",
                      {"amount": "2000.00", "reason": "more than the assessment"})
    check(agreed.status == 200, f"hana agrees: {agreed!r}")
    page = hana.get(f"/allocations/{allocation}")
    check(page.status == 200, f"hana's allocation page: {page!r}")
    check('id="approve"' not in page.body and 'id="reject"' not in page.body,
          "the approve or reject form is offered to the user who agreed the amount")
    for path, body in (("approve", {"reason": "mine"}), ("reject", {"reason": "mine"})):
        refused(server, hana, "POST", f"/allocations/{allocation}/{path}", "page", body,
                hana.csrf, 403, "hana, her own adjustment")
        refused(server, hana, "POST", f"/api/allocations/{allocation}/{path}", "api", body,
                hana.csrf, 403, "hana, her own adjustment")
    queue = hana.get("/approvals")
    check("your adjustment: another approver must decide" in queue.body,
          "the approvals queue does not say hana's own adjustment is another approver's")
    bilal = server.client()
    bilal.api_sign_in("bilal")
    page = bilal.get(f"/allocations/{allocation}")
    check('id="approve"' in page.body and 'id="reject"' in page.body,
          "an approver who did not agree the amount is not offered approve and reject")
    return allocation


def disabled_user(server):
    server.add_user("gwen", ["assessor"], "gwen-to-be-disabled")
    gwen = server.client()
    gwen.api_sign_in("gwen", "gwen-to-be-disabled")
    page = server.client()
    page.form_sign_in("gwen", "gwen-to-be-disabled")
    check(gwen.api("GET", "/api/clients").status == 200, "gwen's session does not work")
    run(server.hsg, ["user", "disable", "gwen", "--reason", "left the team", "--db", server.db,
                     "--actor", "femi"])
    for client in (gwen, page):
        for method, path, kind, _, body in routes():
            refused(server, client, method, path, kind, body, client.csrf, 401, "disabled gwen")
    again = server.client()
    response = again.request("POST", "/api/session",
                             json_body={"name": "gwen", "password": "gwen-to-be-disabled"})
    check(response.status == 401, f"a disabled user signs in: {response!r}")
    check(response.json().get("error") == SIGN_IN_REFUSED,
          f"a disabled user's sign-in refusal says {response.body!r}")


def escaped(server, page, payload, what, must_show=True):
    check(payload not in page.body, f"{what}: the raw {payload!r} is in the page")
    if must_show:
        check(PAYLOADS[payload] in page.body,
              f"{what}: the escaped {PAYLOADS[payload]!r} is not in the page")


def injection(server, pending_for_approve):
    asha = server.client()
    asha.api_sign_in("asha")
    bilal = server.client()
    bilal.api_sign_in("bilal")
    for n, payload in enumerate(PAYLOADS):
        # A client reference: refused (422), the re-rendered form quotes it escaped.
        answer = asha.post_form("/clients", {"ref": payload, "group": "older_people",
                                             "csrf": asha.csrf})
        check(answer.status == 422, describe("POST", "/clients", "asha, an unsafe ref", answer))
        escaped(server, answer, payload, "POST /clients with an unsafe reference")
        for path in (f"/clients/{urllib.parse.quote(payload, safe='')}",
                     f"/clients/{urllib.parse.quote(payload, safe='')}/assess",
                     f"/?ref={urllib.parse.quote(payload)}"):
            escaped(server, asha.get(path), payload, f"GET {path}", must_show=False)
        # A client's name.
        ref = f"C-X{n}"
        answer = asha.post_form("/clients", {"ref": ref, "group": "older_people",
                                             "name": payload, "csrf": asha.csrf})
        check(answer.status == 303, describe("POST", "/clients", "asha, a name", answer))
        escaped(server, asha.get(f"/clients/{ref}"), payload, f"GET /clients/{ref} (name)")
        escaped(server, asha.get("/"), payload, "GET / (name)", must_show=False)
        # Agreement and rejection reasons.
        form = dict(answers_form(WORKED_EXAMPLE), date="2025-01-15", csrf=asha.csrf)
        answer = asha.post_form(f"/clients/{ref}/allocations", form)
        check(answer.status == 303, describe("POST", f"/clients/{ref}/allocations", "asha",
                                             answer))
        allocation = int(answer.header("location").rsplit("/", 1)[1])
        answer = asha.post_form(f"/allocations/{allocation}/agree",
                                {"amount": "2000", "reason": payload, "csrf": asha.csrf})
        check(answer.status == 303, describe("POST", f"/allocations/{allocation}/agree",
                                             "asha", answer))
        for client, path in ((asha, f"/allocations/{allocation}"), (bilal, "/approvals"),
                             (asha, f"/clients/{ref}")):
            escaped(server, client.get(path), payload, f"GET {path} (agreement reason)",
                    must_show=path.startswith("/allocations"))
        answer = bilal.post_form(f"/allocations/{allocation}/reject",
                                 {"reason": payload + " rejected", "csrf": bilal.csrf})
        check(answer.status == 303, describe("POST", f"/allocations/{allocation}/reject",
                                             "bilal", answer))
        escaped(server, asha.get(f"/allocations/{allocation}"), payload,
                f"GET /allocations/{allocation} (rejection reason)")
        # A future assessment's reason (after the one above: assessments go forward).
        soon = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()
        form = dict(answers_form(WORKED_EXAMPLE), date=soon, future_reason=payload,
                    csrf=asha.csrf)
        answer = asha.post_form(f"/clients/{ref}/allocations", form)
        check(answer.status == 303, describe("POST", f"/clients/{ref}/allocations", "asha",
                                             answer))
        future = int(answer.header("location").rsplit("/", 1)[1])
        for path in (f"/allocations/{future}", f"/clients/{ref}"):
            escaped(server, asha.get(path), payload, f"GET {path} (future reason)",
                    must_show=False)
        # Sign-in name.
        login = server.client()
        page = login.get("/login")
        answer = login.post_form("/login", {"name": payload, "password": "whatever-12345",
                                            "csrf": csrf_of(page)})
        check(answer.status == 401, describe("POST", "/login", "an unsafe name", answer))
        escaped(server, answer, payload, "POST /login with an unsafe name", must_show=False)
    # An approval reason (hana's adjustment, approved by bilal).
    answer = bilal.post_form(f"/allocations/{pending_for_approve}/approve",
                             {"reason": SCRIPT, "csrf": bilal.csrf})
    check(answer.status == 303, describe("POST", f"/allocations/{pending_for_approve}/approve",
                                         "bilal", answer))
    escaped(server, bilal.get(f"/allocations/{pending_for_approve}"), SCRIPT,
            "the approval reason")


def cookies_and_headers(server):
    client = server.client()
    page = client.get("/login")
    check(page.status == 200, f"GET /login: {page!r}")
    check_headers(page, "GET /login", False)
    login_token = cookie_flags(set_cookie(page, "hsg_login"), "hsg_login")
    check(re.fullmatch(r"[0-9a-f]{64}", login_token), f"hsg_login token {login_token!r}")
    answer = client.post_form("/login", {"name": "asha", "password": PASSWORDS["asha"],
                                         "csrf": csrf_of(page)})
    check(answer.status == 303 and answer.header("location") == "/", f"POST /login: {answer!r}")
    session = cookie_flags(set_cookie(answer, "hsg_session"), "hsg_session")
    check(re.fullmatch(r"[0-9a-f]{64}", session), f"session id {session!r} is not 64 hex")
    api = server.client()
    answer = api.request("POST", "/api/session",
                         json_body={"name": "asha", "password": PASSWORDS["asha"]})
    api_session = cookie_flags(set_cookie(answer, "hsg_session"), "hsg_session")
    check(re.fullmatch(r"[0-9a-f]{64}", api_session), f"API session id {api_session!r}")
    check(api_session != session, "two sign-ins were given the same session id")
    check(re.fullmatch(r"[0-9a-f]{64}", answer.json()["csrf_token"]),
          f"csrf token {answer.json()['csrf_token']!r}")
    # Sign-in with the hsg_login cookie missing, or a field not equal to it: 403.
    bare = server.client()
    form = bare.get("/login")
    token = csrf_of(form)
    del bare.cookies["hsg_login"]
    answer = bare.post_form("/login", {"name": "asha", "password": PASSWORDS["asha"],
                                       "csrf": token})
    check(answer.status == 403, f"POST /login without the hsg_login cookie: {answer!r}")
    other = server.client()
    other.get("/login")
    answer = other.post_form("/login", {"name": "asha", "password": PASSWORDS["asha"],
                                        "csrf": "0" * 64})
    check(answer.status == 403, f"POST /login with a field unlike the cookie: {answer!r}")
    for path in ("/static/style.css", "/static/assess.js"):
        response = client.get(path)
        check(response.status == 200, f"GET {path}: {response!r}")
        check_headers(response, f"GET {path}", False)
    # next: a local path is followed, anything else is not.
    for next_path, expected in (("/approvals", "/approvals"), ("//evil.example/", "/"),
                                ("https://evil.example/", "/")):
        client = server.client()
        page = client.get("/login?next=" + urllib.parse.quote(next_path, safe=""))
        answer = client.post_form("/login", {"name": "asha", "password": PASSWORDS["asha"],
                                             "csrf": csrf_of(page), "next": next_path})
        check(answer.status == 303 and answer.header("location") == expected,
              f"POST /login next={next_path!r}: expected Location {expected}, got "
              f"{answer.status} {answer.header('location')!r}")


def same_refusal(server):
    """Unknown user and wrong password: the same status and the same body (API and form,
    the form's fresh token aside). 4 failures stay under the default limit of 5."""
    bodies = []
    for name in ("nobody-at-all", "asha"):
        client = server.client()
        response = client.request("POST", "/api/session",
                                  json_body={"name": name, "password": "wrong-password-123"})
        check(response.status == 401, f"POST /api/session {name} wrong: {response!r}")
        bodies.append(response.body)
    check(bodies[0] == bodies[1], f"unknown user {bodies[0]!r} vs wrong password {bodies[1]!r}")
    check(SIGN_IN_REFUSED in bodies[0], f"sign-in refusal {bodies[0]!r}")
    pages = []
    for name in ("nobody-at-all", "asha"):
        client = server.client()
        page = client.get("/login")
        response = client.post_form("/login", {"name": name, "password": "wrong-password-123",
                                               "csrf": csrf_of(page)})
        check(response.status == 401, f"POST /login {name} wrong: {response!r}")
        check(re.search(r'<p id="problem"[^>]*>\s*' + re.escape(SIGN_IN_REFUSED), response.body),
              f"POST /login {name}: no p#problem {SIGN_IN_REFUSED!r}")
        pages.append(re.sub(r"[0-9a-f]{64}", "TOKEN", response.body).replace(name, "NAME"))
    check(pages[0] == pages[1], "the sign-in page differs for an unknown user and a wrong "
          "password")
    client = server.client()
    client.api_sign_in("asha")  # under the limit: the right password still works


def login_csrf(server):
    """Another site's page can POST a form to /api/session (text/plain or form-encoded,
    no preflight) to sign the victim in as the attacker: the API takes JSON only as
    application/json, so such a post is 415, sets no session cookie and counts no attempt."""
    body = '{"name": "asha", "password": "%s"}' % PASSWORDS["asha"]
    for content_type in ("text/plain", "application/x-www-form-urlencoded",
                         "multipart/form-data; boundary=x", None):
        client = server.client()
        headers = {"Content-Type": content_type} if content_type else {}
        response = client.request("POST", "/api/session", body=body, headers=headers)
        # httplib itself answers 400 to a multipart body that is not multipart.
        expected = 400 if content_type and content_type.startswith("multipart/") else 415
        check(response.status == expected, f"POST /api/session as {content_type}: {response!r}")
        check("hsg_session" not in client.cookies,
              f"POST /api/session as {content_type} set a session cookie")
    signed_in = server.client()
    response = signed_in.request("POST", "/api/session", body=body,
                                 headers={"Content-Type": "application/json; charset=utf-8"})
    check(response.status == 200, f"application/json; charset=utf-8: {response!r}")


def rate_limit(hsg, directory):
    """With --login-attempts 3: three failures in a minute, then the fourth attempt is 429
    even with the right password, for that user (API and form) and from that address."""
    with Server(hsg, directory=directory, serve_args=["--login-attempts", "3"]) as server:
        server.start()
        before = server.snapshot()
        for attempt in range(3):
            client = server.client()
            response = client.request("POST", "/api/session",
                                      json_body={"name": "asha", "password": "not-her-password"})
            check(response.status == 401, f"wrong password attempt {attempt + 1}: {response!r}")
        client = server.client()
        response = client.request("POST", "/api/session",
                                  json_body={"name": "asha", "password": PASSWORDS["asha"]})
        check(response.status == 429, f"the 4th attempt (right password): {response!r}")
        check(TOO_MANY in response.body, f"429 body {response.body!r}")
        check("hsg_session" not in client.cookies, "a rate-limited sign-in set a session")
        page = client.get("/login")
        response = client.post_form("/login", {"name": "asha", "password": PASSWORDS["asha"],
                                               "csrf": csrf_of(page)})
        check(response.status == 429, f"the form sign-in once limited: {response!r}")
        check(TOO_MANY in response.body, f"429 page {response.body[:300]!r}")
        response = server.client().request(
            "POST", "/api/session", json_body={"name": "bilal", "password": PASSWORDS["bilal"]})
        check(response.status == 429, f"another user from the limited address: {response!r}")
        check(before == server.snapshot(), "sign-in attempts wrote to the store")


def passwords_not_stored(server):
    stored = b""
    for suffix in ("", "-wal"):
        try:
            with open(server.db + suffix, "rb") as f:
                stored += f.read()
        except FileNotFoundError:
            pass
    check(len(stored) > 0, "the database file is empty")
    passwords = list(PASSWORDS.values()) + ["hana-both-roles-77", "gwen-to-be-disabled"]
    for password in passwords:
        check(password.encode() not in stored, f"password {password!r} is in the database file")
        check(password not in server.stderr(), f"password {password!r} is in the server's log")
    hashes = server.query("SELECT hash FROM user_passwords")
    check(len(hashes) >= len(PASSWORDS), f"{len(hashes)} password rows")
    check(all(h[0].startswith("$argon2id$") for h in hashes), "a password not hashed by argon2id")


def idle_expiry_server(hsg):
    """A second server on its own store with a one-minute idle expiry: signed in now,
    checked at the end of the run (at least 65 s later)."""
    server = Server(hsg, serve_args=["--session-idle-minutes", "1"])
    server.start()
    clients = []
    for sign_in in ("api", "form"):
        client = server.client()
        if sign_in == "api":
            client.api_sign_in("asha")
        else:
            client.form_sign_in("asha")
        check(client.api("GET", "/api/clients").status == 200, "a fresh session refused")
        clients.append(client)
    return server, clients, time.monotonic()


def idle_expired(server, clients, signed_in_at):
    wait = 65 - (time.monotonic() - signed_in_at)
    if wait > 0:
        time.sleep(wait)
    for client in clients:
        for method, path, kind, _, body in routes():
            refused(server, client, method, path, kind, body, client.csrf, 401,
                    "an idle-expired session")
    server.stop()


def test(hsg):
    idle_server, idle_clients, idle_since = idle_expiry_server(hsg)
    with idle_server:
        every_route_listed(hsg)
        with Server(hsg) as server:
            server.start()
            fixture(server)
            no_session(server)
            signed_out_session(server)
            csrf_refusals(server)
            role_matrix(server)
            pending = own_adjustment(server)
            disabled_user(server)  # one failed sign-in from this address
            injection(server, pending)  # two more
            cookies_and_headers(server)
            passwords_not_stored(server)
            # A restart forgets the failed attempts (and signs everyone out).
            server.stop()
            server.start()
            same_refusal(server)
            login_csrf(server)
            server.stop()
            rate_limit(hsg, server.dir)
        idle_expired(idle_server, idle_clients, idle_since)


if __name__ == "__main__":
    main(test)
