"""The administrator's pages (issue 16) against the running server.

In Chromium, an admin (ines) signs in with the form, follows the menu's Administration link
to the users page and adds "Gita  Patel" (stored as "gita patel") holding assessor and
finance, the password typed twice. Gita then signs in and may open exactly the pages
those two roles allow. Through the same forms over HTTP (the browser adds nothing there):
granting auditor opens /audit to Gita's session at once, revoking assessor closes
/clients/new at once; disabling ends her session at once and she cannot sign in; enabling
lets her in again; setting a password makes the old one fail and the new one work; with
the other admin disabled, the admin signed in can neither disable themselves nor lose
admin (the "last admin" guard, refused like any other change). Each
refusal (the two passwords differing, a role that is not one, a name already held, a
password too short with no role ticked, a reason missing, a role already held, a
provider without a date, an end on a day not accredited) is a 422 page listing exactly
the expected problems, and the store is unchanged (every table's row count and the audit
head). A provider accredited and ended through the page shows on the page and in
`hsg provider list` exactly so. The rule sets page shows the medway rule set's id and
status as `hsg rules list` prints them, for the admin, the auditor and the commissioner,
and is 403 for an assessor. Every write is stamped with ines, the admin signed in, as its
actor, and `hsg audit verify` passes.

    python3 admin_test.py PATH/TO/hsg
"""

import html
import json
import re
import tempfile

from browser_test import browser, css, screenshot, sign_in, wait_for_path
from hsg_server import PASSWORDS, Server, check, csrf_of, main, run

from selenium.webdriver.common.by import By

ADMIN = "ines"  # an admin of the test's own, so the pages' writes are told from the setup's
ADMIN_PASSWORD = "ines-admin-password-7"
GITA = "gita patel"
GITA_TYPED = "Gita  Patel"
GITA_PASSWORD = "gita-first-password-1"
GITA_NEW_PASSWORD = "gita-second-password-2"
ROLE_NAMES = "assessor, approver, finance, auditor, commissioner, admin"
PROVIDER = "Medway Housing Support Ltd"
UNSAFE = "<script>alert(1)</script> Ltd"
# The audit events the pages write: adding Gita (the user, two roles, the password: 4),
# grant, revoke, disable, enable and password (5), disabling and enabling femi (2),
# accrediting two new providers (each the provider and its period: 4) and ending one (1).
# No refusal writes one.
WRITES = 16


def problems(page):
    """The <li>s of the page's problems box, unescaped, in order."""
    found = re.search(r'<div class="problems"[^>]*id="problems">(.*?)</div>', page.body, re.S)
    check(found is not None, f"no problems box on the page: {page.body[:1500]!r}")
    return [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", found.group(1), re.S)]


def done_line(page):
    found = re.search(r'<p id="done" role="status">(.*?)</p>', page.body, re.S)
    check(found is not None, f"no p#done on the page: {page.status} {page.body[:1500]!r}")
    return html.unescape(found.group(1))


def refused(server, client, path, fields, expected):
    """POSTs the form; it must be 422 with exactly `expected` problems and write nothing."""
    before = server.snapshot()
    page = client.post_form(path, dict(fields, csrf=client.csrf))
    check(page.status == 422, f"POST {path} {fields}: expected 422, got {page!r}")
    check(problems(page) == expected,
          f"POST {path} {fields}: problems {problems(page)!r}, expected {expected!r}")
    check(server.snapshot() == before, f"POST {path} {fields}: refused but the store changed")
    return page


def done(client, path, fields, expected):
    page = client.post_form(path, dict(fields, csrf=client.csrf))
    check(page.status == 200, f"POST {path} {fields}: expected 200, got {page!r}")
    check(done_line(page) == expected,
          f"POST {path}: said {done_line(page)!r}, expected {expected!r}")
    return page


def statuses(client, paths):
    return {path: client.get(path).status for path in paths}


def user_row(page, name):
    """The users table's row for `name` as {roles, status}."""
    found = re.search(r'<tr data-user="' + re.escape(html.escape(name)) + r'">(.*?)</tr>',
                      page.body, re.S)
    check(found is not None, f"no row for {name} on the users page")
    cells = dict(re.findall(r'<td class="(roles|status)">(.*?)</td>', found.group(1)))
    return {key: html.unescape(value) for key, value in cells.items()}


def add_in_browser(server, directory):
    """The admin adds Gita through the form in Chromium."""
    driver = browser(f"{directory}/profile")
    base = f"http://127.0.0.1:{server.port}"
    try:
        sign_in(driver, base, ADMIN)
        links = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "nav a")]
        check("Administration" in links, f"the admin's menu has no Administration link: {links}")
        driver.find_element(By.LINK_TEXT, "Administration").click()
        wait_for_path(driver, "admin")
        css(driver, "a#link-users").click()
        wait_for_path(driver, r"admin/users")
        css(driver, "input#new-name").send_keys(GITA_TYPED)
        css(driver, "input#new-role-assessor").click()
        css(driver, "input#new-role-finance").click()
        css(driver, "input#new-password").send_keys(GITA_PASSWORD)
        css(driver, "input#new-password-again").send_keys(GITA_PASSWORD)
        css(driver, "button#add-user").click()
        wait_for_path(driver, r"admin/users")
        said = css(driver, "p#done").text
        check(said == f"Added user {GITA}: assessor, finance; enabled",
              f"the page says {said!r} after adding Gita")
        row = css(driver, f'tr[data-user="{GITA}"]')
        check(row.find_element(By.CSS_SELECTOR, "td.roles").text == "assessor, finance",
              f"Gita's row: {row.text!r}")
        check(css(driver, "section#change h2").text == f"Change user {GITA}",
              "the new user's forms are not open")
        screenshot(driver, None, directory, "web-admin-users.png")
    finally:
        driver.quit()


def stored_roles(server, name):
    """(roles, status) of `name` as `hsg user list --json` has them."""
    users = json.loads(run(server.hsg, ["user", "list", "--json", "--db", server.db]).stdout)
    return next((u["roles"], u["status"]) for u in users if u["name"] == name)


PAGES = ("/", "/clients/new", "/finance", "/audit", "/whatif", "/admin", "/admin/rulesets")


def gita_signs_in(server):
    check(stored_roles(server, GITA) == (["assessor", "finance"], "enabled"),
          f"hsg user list has Gita as {stored_roles(server, GITA)}")
    gita = server.client()
    gita.form_sign_in(GITA, GITA_PASSWORD)
    seen = statuses(gita, PAGES)
    check(seen == {"/": 200, "/clients/new": 200, "/finance": 200, "/audit": 403,
                   "/whatif": 403, "/admin": 403, "/admin/rulesets": 403},
          f"Gita (assessor, finance) opens {seen}")
    home = gita.get("/").body
    check('href="/finance"' in home and 'href="/admin"' not in home,
          "Gita's menu should link Finance and not Administration")
    return gita


def user_refusals(server, admin):
    users = admin.get("/admin/users")
    check('<a class="manage" href="/admin/users?name=gita%20patel">Change</a>' in users.body,
          "the users page does not link Gita's forms by her name, percent-encoded")
    page = admin.get("/admin/users?name=gita%20patel")
    check(page.status == 200 and f'<h2 id="change-heading">Change user {GITA}</h2>' in page.body,
          f"GET /admin/users?name=gita%20patel: {page!r}")
    page = admin.get("/admin/users?name=nobody")
    check(page.status == 404 and problems(page) == ["there is no user named 'nobody'"],
          f"GET /admin/users?name=nobody: {page!r}")
    base = {"name": "hana", "role": "assessor", "password": "hana-password-12",
            "password_again": "hana-password-12"}
    refused(server, admin, "/admin/users", dict(base, password_again="hana-password-13"),
            ["the two passwords differ: nothing was changed"])
    refused(server, admin, "/admin/users", dict(base, role="boss"),
            [f"role 'boss' is not a role: the roles are {ROLE_NAMES}"])
    page = refused(server, admin, "/admin/users", dict(base, name="GITA PATEL"),
                   [f"cannot add user '{GITA}': there is already a user of that name"])
    check('value="GITA PATEL"' in page.body, "the refused add form lost the name typed")
    check('id="new-role-assessor" name="role" type="checkbox" value="assessor" checked'
          in page.body, "the refused add form lost the role ticked")
    check("hana-password-12" not in page.body, "a refused form sent the password back")
    fields = {"name": "hana", "password": "short", "password_again": "short"}
    refused(server, admin, "/admin/users", fields,
            [f"a user needs at least one role: one or more of {ROLE_NAMES}",
             "the password is 5 bytes long: it must be 12 to 1024 bytes"])
    refused(server, admin, "/admin/users/grant", {"name": GITA, "role": "finance"},
            [f"cannot grant user '{GITA}' a role: they already hold finance"])
    refused(server, admin, "/admin/users/grant", {"name": GITA, "role": "chief"},
            [f"role 'chief' is not a role: the roles are {ROLE_NAMES}"])
    refused(server, admin, "/admin/users/disable", {"name": GITA, "reason": "  "},
            ["the reason is required: say why, in one line"])
    refused(server, admin, "/admin/users/password",
            {"name": GITA, "password": GITA_NEW_PASSWORD, "password_again": GITA_PASSWORD},
            ["the two passwords differ: nothing was changed"])
    page = refused(server, admin, "/admin/users/enable", {"name": "nobody", "reason": "why"},
                   ["cannot enable user 'nobody': no such user (hsg user list)"])


def user_changes(server, admin, gita):
    done(admin, "/admin/users/grant", {"name": GITA, "role": "auditor"},
         f"Granted auditor: user {GITA}: assessor, finance, auditor; enabled")
    check(gita.get("/audit").status == 200, "the granted auditor role did not open /audit")
    page = done(admin, "/admin/users/revoke", {"name": GITA, "role": "assessor"},
                f"Revoked assessor: user {GITA}: finance, auditor; enabled")
    check(user_row(page, GITA) == {"roles": "finance, auditor", "status": "enabled"},
          f"Gita's row after the revoke: {user_row(page, GITA)}")
    check(gita.get("/clients/new").status == 403,
          "the revoked assessor role still opens /clients/new")
    check(stored_roles(server, GITA) == (["finance", "auditor"], "enabled"),
          f"hsg user list has Gita as {stored_roles(server, GITA)}")

    page = done(admin, "/admin/users/disable", {"name": GITA, "reason": "on leave"},
                f"Disabled user {GITA}: finance, auditor; disabled")
    check('id="enable-form"' in page.body and 'id="disable-form"' not in page.body,
          "a disabled user's forms should offer enable, not disable")
    check(gita.get("/").status == 401, "a disabled user's session still works")
    server.client().form_sign_in(GITA, GITA_PASSWORD, expect=401)
    check(stored_roles(server, GITA) == (["finance", "auditor"], "disabled"),
          f"hsg user list has Gita as {stored_roles(server, GITA)}")
    refused(server, admin, "/admin/users/disable", {"name": GITA, "reason": "again"},
            [f"cannot disable user '{GITA}': the user is already disabled"])

    done(admin, "/admin/users/enable", {"name": GITA, "reason": "back from leave"},
         f"Enabled user {GITA}: finance, auditor; enabled")
    again = server.client()
    again.form_sign_in(GITA, GITA_PASSWORD)

    done(admin, "/admin/users/password",
         {"name": GITA, "password": GITA_NEW_PASSWORD, "password_again": GITA_NEW_PASSWORD},
         f"Set the password of user {GITA}")
    server.client().form_sign_in(GITA, GITA_PASSWORD, expect=401)
    fresh = server.client()
    fresh.form_sign_in(GITA, GITA_NEW_PASSWORD)
    check(fresh.get("/audit").status == 200, "Gita signed in with the new password is refused")


def last_admin(server, admin):
    """The only enabled admin can be neither disabled nor stripped of admin (the use case's
    guard), shown on the page like any refusal."""
    done(admin, "/admin/users/disable", {"name": "femi", "reason": "on leave"},
         "Disabled user femi: admin; disabled")
    refused(server, admin, "/admin/users/revoke", {"name": ADMIN, "role": "admin"},
            [f"cannot revoke admin from user '{ADMIN}': they are the only enabled admin, and "
             "without one nobody can manage users in the browser; grant admin to another user "
             "first"])
    refused(server, admin, "/admin/users/disable", {"name": ADMIN, "reason": "slip"},
            [f"cannot disable user '{ADMIN}': they are the only enabled admin, and without one "
             "nobody can manage users in the browser; grant admin to another user first"])
    done(admin, "/admin/users/enable", {"name": "femi", "reason": "back"},
         "Enabled user femi: admin; enabled")


def providers(server, admin):
    refused(server, admin, "/admin/providers", {"name": PROVIDER, "kind": "generalist"},
            ["accredited_from: the date is required"])
    refused(server, admin, "/admin/providers",
            {"name": PROVIDER, "kind": "general", "accredited_from": "2024-04-01"},
            [f"cannot accredit provider '{PROVIDER}': 'general' is not a kind of provider "
             "(generalist, specialist)"])
    page = done(admin, "/admin/providers",
                {"name": PROVIDER, "kind": "generalist", "accredited_from": "2024-04-01",
                 "until": ""},
                f"Provider '{PROVIDER}' (generalist) accredited 2024-04-01 to open "
                "(accreditation 1)")
    check('<span class="period" data-number="1">2024-04-01 to open</span>' in page.body,
          "the providers page does not show the period accredited")
    refused(server, admin, "/admin/providers/end", {"name": PROVIDER, "date": "2024-03-31"},
            [f"cannot end the accreditation of provider '{PROVIDER}': it is not accredited "
             "on 2024-03-31"])
    page = done(admin, "/admin/providers/end", {"name": PROVIDER, "date": "2025-06-30"},
                f"Provider '{PROVIDER}' is accredited until 2025-06-30 and not after")
    check('<span class="end">ended 2025-06-30</span>' in page.body,
          "the providers page does not show the end")
    listed = run(server.hsg, ["provider", "list", "--db", server.db]).stdout
    check(listed == f"{PROVIDER}  (generalist): 2024-04-01 to open, ended 2025-06-30\n",
          f"hsg provider list prints {listed!r}")
    # A name is shown as text, never as markup.
    page = done(admin, "/admin/providers",
                {"name": UNSAFE, "kind": "specialist", "accredited_from": "2024-04-01",
                 "until": "2025-03-31"},
                f"Provider '{UNSAFE}' (specialist) accredited 2024-04-01 to 2025-03-31 "
                "(accreditation 1)")
    check(UNSAFE not in page.body and page.body.count(html.escape(UNSAFE)) == 4,
          "the providers page does not escape the name (the line said, the table, the end "
          "form's option value and text)")


def rulesets(server, admin):
    printed = run(server.hsg, ["rules", "list", "--db", server.db]).stdout.splitlines()
    check(len(printed) == 2, f"hsg rules list printed {printed}")
    effective, name, version, short_id, status = re.fullmatch(
        r"(\S+)\s+(\S+)\s+(\S+)\s+(\S{12})\s\s(.+)", printed[1]).groups()
    check((name, status) == ("medway", "in force from 2024-04-01"), f"rules list: {printed}")
    carys = server.client()
    carys.api_sign_in("carys")
    dev = server.client()
    dev.api_sign_in("dev")
    asha = server.client()
    asha.api_sign_in("asha")
    for client, who in ((admin, "admin"), (carys, "carys"), (dev, "dev")):
        page = client.get("/admin/rulesets")
        check(page.status == 200, f"GET /admin/rulesets as {who}: {page!r}")
        rows = re.findall(r'<td class="effective">(.*?)</td><td class="name">(.*?)</td>'
                          r'<td class="version">(.*?)</td>\s*<td><code class="short-id">(.*?)'
                          r'</code><br><code class="full-id">(.*?)</code></td>\s*'
                          r'<td class="status">(.*?)</td>', page.body)
        check(len(rows) == 1, f"the rule sets page as {who} has {len(rows)} rows")
        check(rows[0][:4] == (effective, name, version, short_id) and rows[0][5] == status,
              f"the rule sets page as {who} shows {rows[0]}, hsg rules list {printed[1]!r}")
        check(rows[0][4].startswith(short_id) and len(rows[0][4]) == 64,
              f"the full id {rows[0][4]!r} is not the id {short_id}…")
    check(asha.get("/admin/rulesets").status == 403, "an assessor opens the rule sets page")
    check('href="/admin"' not in carys.get("/").body,
          "the auditor's menu links Administration (it needs manage_users)")


def test(hsg):
    with tempfile.TemporaryDirectory(prefix="hsg-admin-") as directory:
        with Server(hsg) as server:
            server.add_user(ADMIN, ["admin"], ADMIN_PASSWORD)
            PASSWORDS[ADMIN] = ADMIN_PASSWORD  # for browser_test.sign_in
            setup_head = server.snapshot()["head"][0]
            server.start()
            add_in_browser(server, directory)
            gita = gita_signs_in(server)
            admin = server.client()
            admin.form_sign_in(ADMIN)
            index = admin.get("/admin")
            check(index.status == 200 and all(f'id="link-{part}"' in index.body
                                              for part in ("users", "rulesets", "providers")),
                  f"GET /admin: {index!r}")
            user_refusals(server, admin)
            user_changes(server, admin, gita)
            last_admin(server, admin)
            providers(server, admin)
            rulesets(server, admin)
            actors = server.query("SELECT actor, count(*) FROM audit_events WHERE seq > ? "
                                  "GROUP BY actor", setup_head)
            check(actors == [(ADMIN, WRITES)],
                  f"the pages' writes: {actors}, expected {WRITES} events by {ADMIN}")
            verified = run(hsg, ["audit", "verify", "--db", server.db]).stdout
            check(verified.startswith("ok: "), f"hsg audit verify: {verified!r}")
            server.stop()
    print("admin_test: users, roles, passwords, providers and rule sets through the pages")


if __name__ == "__main__":
    main(test)
