"""Who may use each route (issue 16): docs/administrator.md's table, the server's own
listing (`hsg serve --routes`) and what the running server does, all three the same.

1. The table in docs/administrator.md, "Who may use each route", lists exactly the routes
   `hsg serve --routes` lists, in the same order, each with the same permission and the
   same roles. (On a mismatch the test prints the table as it should read.)
2. With one user per role signed in, every route that is not public is sent by every role:
   a role the table says "no" to gets 403 and the store is unchanged (every table's row
   count and the audit head); a role it says "yes" to gets neither 401 nor 403 nor a 5xx
   (a 404 or 422 for the made-up ids and empty bodies is an answer from the handler, which
   is what "allowed" means here). Without a session every such route answers 401, and a
   public one answers without a server error.

    python3 role_matrix_test.py PATH/TO/hsg
"""

import os
import re

from hsg_server import ROLES, Server, check, main, run

ROLE_ORDER = ["assessor", "approver", "finance", "auditor", "commissioner", "admin"]
DOC = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "administrator.md")
HEADING = "### Who may use each route"


def listing(hsg):
    """[(method, pattern, needs, {role: allowed})] from `hsg serve --routes`."""
    printed = run(hsg, ["serve", "--routes"]).stdout
    routes = []
    for line in printed.splitlines():
        method, pattern, needs, roles = line.split(" ")
        if roles == "-" or roles == "any":
            allowed = {role: True for role in ROLE_ORDER}
        else:
            named = set(roles.split(","))
            allowed = {role: role in named for role in ROLE_ORDER}
        routes.append((method, pattern, needs, allowed))
    check(len(routes) > 30, f"hsg serve --routes listed only {len(routes)} routes")
    return routes


def table_of(routes):
    lines = ["| route | needs | " + " | ".join(ROLE_ORDER) + " |",
             "| --- | --- | " + " | ".join("---" for _ in ROLE_ORDER) + " |"]
    for method, pattern, needs, allowed in routes:
        cells = ["yes" if allowed[role] else "no" for role in ROLE_ORDER]
        lines.append(f"| `{method} {pattern}` | {needs} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def documented():
    """The rows of the doc's table as (method, pattern, needs, {role: allowed})."""
    with open(DOC, encoding="utf-8") as f:
        text = f.read()
    check(HEADING in text, f"{DOC} has no section '{HEADING}'")
    after = text.split(HEADING, 1)[1]
    rows = []
    in_table = False
    for line in after.split("\n### ", 1)[0].splitlines():
        if not line.startswith("|"):
            if in_table:
                break
            continue
        in_table = True
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells[0] == "route" or set(cells[0]) <= {"-", " "}:
            continue
        found = re.fullmatch(r"`(GET|POST|DELETE) (\S+)`", cells[0])
        check(found is not None, f"{DOC}: a row's route is not `METHOD PATTERN`: {line}")
        check(len(cells) == 2 + len(ROLE_ORDER), f"{DOC}: a row has {len(cells)} cells: {line}")
        check(all(cell in ("yes", "no") for cell in cells[2:]),
              f"{DOC}: role cells must be yes or no: {line}")
        allowed = {role: cells[2 + i] == "yes" for i, role in enumerate(ROLE_ORDER)}
        rows.append((found.group(1), found.group(2), cells[1], allowed))
    return rows


def concrete(pattern):
    return pattern.replace(":id", "1").replace(":ref", "C-1")


def send(client, method, pattern):
    path = concrete(pattern)
    if method == "GET":
        return client.get(path)
    if path.startswith("/api/"):
        return client.api(method, path, {})
    return client.post_form(path, {"csrf": client.csrf})


def as_every_role(server, routes):
    for role in ROLE_ORDER:
        user = next(name for name, roles in ROLES.items() if roles == [role])
        client = server.client()
        client.api_sign_in(user)
        for method, pattern, needs, allowed in routes:
            if needs == "public":
                continue
            before = server.snapshot()
            response = send(client, method, pattern)
            what = f"{method} {concrete(pattern)} as {user} ({role})"
            if not allowed[role]:
                check(response.status == 403, f"{what}: expected 403, got {response!r}")
                check(server.snapshot() == before, f"{what}: refused but the store changed")
                continue
            check(response.status not in (401, 403) and response.status < 500,
                  f"{what}: allowed but got {response!r}")
            if needs == "signed-in":  # signing out: sign in again for the next route
                client = server.client()
                client.api_sign_in(user)


def without_session(server, routes):
    anonymous = server.client()
    for method, pattern, needs, _ in routes:
        response = send(anonymous, method, pattern)
        what = f"{method} {concrete(pattern)} without a session"
        if needs == "public":  # POST /login refuses a form without its login CSRF cookie
            check(response.status < 500, f"{what}: public but got {response!r}")
        else:
            check(response.status == 401, f"{what}: expected 401, got {response!r}")


def test(hsg):
    routes = listing(hsg)
    rows = documented()
    check(rows == routes, f"{DOC}'s table under '{HEADING}' does not match `hsg serve --routes`."
          f" It should read:\n\n{table_of(routes)}\n")
    with Server(hsg) as server:
        run(hsg, ["client", "add", "C-1", "--group", "older_people", "--db", server.db,
                  "--actor", "femi"])
        server.start()
        without_session(server, routes)
        as_every_role(server, routes)
        server.stop()
    print(f"role_matrix_test: {len(routes)} routes x {len(ROLE_ORDER)} roles as documented")


if __name__ == "__main__":
    main(test)
