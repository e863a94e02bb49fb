"""The auditor's pages in the browser (issue 16): a stored allocation altered behind hsg's
back (its no-update trigger dropped, the total changed, the trigger put back) shows as a
replay difference with the exact stored and recomputed values; replaying that one
allocation and verifying the chain both refuse, naming the row and the event that wrote
it; the log filters by client and by action to exactly the events expected. The auditor
has no write button anywhere and every write route answers 403 (role_matrix_test.py
sends every route as every role; here the auditor's own pages are checked to be GETs).

    python3 audit_test.py PATH/TO/hsg
"""

import os
import sqlite3

from browser_test import browser, css, sign_in, submit
from hsg_server import WORKED_EXAMPLE, Server, check, main, run

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def answers_args():
    args = []
    for area, option in WORKED_EXAMPLE.items():
        args += ["--answer", f"{area}={option}"]
    return args


def fixture(hsg, server):
    """Two clients, three allocations; allocation 1 (C-1, the worked example, £2,405.00)
    then altered to £2,500.00 in the file."""
    for ref in ("C-1", "C-2"):
        run(hsg, ["client", "add", ref, "--group", "older_people", "--db", server.db,
                  "--actor", "asha"])
    for ref, date in (("C-1", "2025-01-20"), ("C-2", "2025-01-21"), ("C-2", "2025-02-10")):
        run(hsg, ["allocate", ref, "--date", date, "--db", server.db, "--actor", "asha"]
            + answers_args())
    connection = sqlite3.connect(server.db)
    trigger = connection.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'allocations_no_update'").fetchone()[0]
    connection.executescript(
        "DROP TRIGGER allocations_no_update;"
        "UPDATE allocations SET total_pence = 250000 WHERE id = 1;"
        f"{trigger};")
    connection.commit()
    connection.close()


def rows(driver, table):
    return [[cell.text.strip() for cell in row.find_elements(By.CSS_SELECTOR, "td")]
            for row in driver.find_elements(By.CSS_SELECTOR, f"table#{table} tbody tr")]


def replay_range(driver, base):
    driver.get(base + "/audit")
    css(driver, "form#replay-range-form input[name=client]").send_keys("C-1")
    submit(driver, "button#replay-all")
    differences = rows(driver, "differences")
    check(differences == [["1", "C-1", "total_pence", "250000", "240500"]],
          f"the replay's differences: {differences}")
    text = css(driver, "pre#replay-text").text
    check("allocation 1 for client C-1: DIFFERENT (engine 1.0.0 then and now)" in text and
          "total_pence: 250000 -> 240500" in text and
          "replayed 1 allocations: 0 identical, 1 different" in text,
          f"the replay's text: {text!r}")
    driver.get(base + "/audit/replay?client=C-2")
    check(css(driver, "p#no-differences").text.startswith("No differences"),
          "C-2's allocations replay identical")
    check("replayed 2 allocations: 2 identical, 0 different" in css(driver, "pre#replay-text").text,
          "C-2's replay summary")


def refusals(driver, base):
    driver.get(base + "/audit/replay?allocation=1")
    problems = css(driver, "div#problems").text
    check("allocations 1 no longer matches audit event" in problems,
          f"replaying allocation 1: {problems!r}")
    driver.get(base + "/audit")
    css(driver, "button#verify").click()
    # The page is sent while the chain is checked: wait for its end, not just its start.
    WebDriverWait(driver, 30).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "p#verdict")))
    check(css(driver, "p#verdict").text == "The audit log does NOT verify.", "the verdict")
    lines = css(driver, "ul#verification").text
    check("allocations 1 no longer matches audit event" in lines, f"verification: {lines!r}")


def log_filters(driver, base, server):
    driver.get(base + "/audit")
    css(driver, "form#log-form input[name=client]").send_keys("C-2")
    css(driver, "form#log-form input[name=action]").send_keys("allocation.record")
    submit(driver, "button#show-log")
    shown = rows(driver, "audit-log")
    expected = server.query(
        "SELECT seq, at, actor, action, entity_type || ':' || entity_id, hash FROM audit_events"
        " WHERE action = 'allocation.record' AND entity_id IN ('2', '3') ORDER BY seq")
    check(shown == [[str(c) for c in row] for row in expected] and len(shown) == 2,
          f"C-2's allocation.record events: {shown} (expected {expected})")
    check(css(driver, "table#audit-log caption").text == "2 events (page 1 of 1)",
          "the log's caption")
    driver.get(base + "/audit/log?actor=asha&from=2099-01-01")
    check(css(driver, "table#audit-log caption").text == "0 events (page 1 of 1)",
          "nothing after 2099")
    driver.get(base + "/audit/log?from=2025-02-01&to=2025-01-01")
    check("the last day must not be before the first" in css(driver, "div#problems").text,
          "a backwards range is refused")


def verify_progress(server):
    """The verify page is sent while the chain is checked: chunked, a line at each tenth of
    the log and one where checking stopped (the altered allocation's event), then the
    verdict. A malformed checkpoint is refused before anything is checked."""
    client = server.client()
    client.form_sign_in("carys")
    # A browser accepts compression; httplib's would hold the progress until the verdict.
    page = client.get("/audit/verify", headers={"Accept-Encoding": "gzip, br"})
    check(page.status == 200 and page.header("transfer-encoding") == "chunked"
          and page.all_headers("content-encoding") == []
          and page.all_headers("content-type") == ["text/html; charset=utf-8"],
          f"the verify page is streamed uncompressed with one type: {page.status} {page.headers}")
    total = server.query("SELECT max(seq) FROM audit_events")[0][0]
    stopped = server.query("SELECT seq FROM audit_events WHERE action = 'allocation.record'"
                           " AND entity_id = '1'")[0][0]
    step = max(1, total // 10)
    counts = list(range(step, stopped + 1, step))
    if stopped % step:
        counts.append(stopped)
    expected = "".join(f"<li>Checked {n} of {total} events</li>\n" for n in counts)
    check(f'<ol id="progress" aria-live="polite">\n{expected}</ol>' in page.body,
          f"the progress lines {expected!r} in {page.body!r}")
    check(page.body.index('id="progress"') < page.body.index('id="verdict"')
          and page.body.rstrip().endswith("</html>"), "progress, then the verdict, then the end")
    bad = client.get("/audit/verify?checkpoint=12%3Aabc")
    check(bad.status == 422 and "checkpoint &apos;12:abc&apos; is not SEQ:HASH" in bad.body
          and 'id="progress"' not in bad.body, f"a malformed checkpoint: {bad.status} {bad.body}")


def read_only(driver, base):
    for path in ("/audit", "/audit/log", "/audit/verify", "/audit/replay"):
        driver.get(base + path)
        methods = {form.get_attribute("method") for form in
                   driver.find_elements(By.CSS_SELECTOR, "main form")}
        check(methods <= {"get"}, f"{path} has a form that is not a GET: {methods}")


def test(hsg):
    with Server(hsg) as server:
        fixture(hsg, server)
        server.start()
        base = f"http://127.0.0.1:{server.port}"
        driver = browser(os.path.join(server.dir, "chromium-profile"))
        try:
            sign_in(driver, base, "carys")  # the auditor
            replay_range(driver, base)
            refusals(driver, base)
            log_filters(driver, base, server)
            read_only(driver, base)
            verify_progress(server)
        finally:
            driver.quit()
        server.stop()
    print("audit_test: the altered total shown as 250000 -> 240500; filters exact")


if __name__ == "__main__":
    main(test)
