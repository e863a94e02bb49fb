"""The finance pages in a real browser (Debian's chromium through python3-selenium, as
browser_test.py), against a store whose grants were started with the real `hsg` CLI.

A finance officer previews February 2025's instalments (6 instalments, £1,406.00, the
grant of docs/finance.md twice over; a third grant starting in March is not due), posts
them, and the page says what the CLI says. Posting again (the stale preview re-sent, and a
fresh post of nothing) posts nothing twice and leaves the ledger's rows as they were. A
reason-less reversal and a recovery larger than was paid are 422 and write nothing; a
reversal and a recovery with reasons are posted. The ledger's CSV, JSON and journal
downloads are byte for byte `hsg ledger export`, and `hledger -f journal bal` gives per
account exactly the page's trial balance. The commitments and spend pages show the CLI's
figures. An auditor reads every finance page and download; every finance POST answers
403 for the auditor and the assessor and changes nothing. The ledger of a month of 36
grants (216 lines) is two pages that together are the export's lines in order.

    python3 finance_test.py PATH/TO/hsg
"""

import html
import os
import re
import shutil
import subprocess

from hsg_server import Client, Failure, Server, check, main, run
from browser_test import browser, css, screenshot, set_value, sign_in, wait_for_path

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

FROM, TO, THROUGH = "2025-02-01", "2025-03-01", "2025-02-28"
WRITE_URLS = ("/finance/post", "/finance/reverse", "/finance/recover")


def setup_grants(hsg, db):
    """Three grants through the CLI: two due in February, one starting in March."""
    def cli(*args):
        return run(hsg, list(args) + ["--db", db, "--actor", "asha"])
    grants = (("C-1001", "older_people", "2025-01-15", "2025-02-03", "direct_payment"),
              ("C-1002", "older_people", "2025-01-20", "2025-02-17", "managed_account"),
              ("C-1003", "older_people", "2025-01-25", "2025-03-03", "direct_payment"))
    for number, (ref, group, assessed, start, held_as) in enumerate(grants, start=1):
        cli("client", "add", ref, "--group", group)
        cli("allocate", ref, "--answers", os.path.join(docs_dir(), "examples",
                                                       "worked-example.toml"),
            "--date", assessed)
        cli("agree", str(number), "--amount", "2405.00", "--reason", "As assessed")
        cli("grant", "start", str(number), "--start", start, "--held-as", held_as)


def docs_dir():
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs")


def hsg_bytes(hsg, args):
    done = subprocess.run([hsg] + args, capture_output=True, timeout=120)
    check(done.returncode == 0, f"hsg {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done.stdout


def pence(text):
    """'£1,406.00' or '-703.00' or '0' as whole pence, exactly."""
    found = re.fullmatch(r"(-?)£?([0-9,]+)(?:\.([0-9]{2}))?", text.strip())
    check(found is not None, f"{text!r} is not an amount")
    value = int(found.group(2).replace(",", "")) * 100 + int(found.group(3) or "0")
    return -value if found.group(1) else value


def wait_css(driver, selector):
    """Waits for the page a click loads to show `selector`, then returns it."""
    try:
        WebDriverWait(driver, 30).until(
            expected_conditions.presence_of_element_located((By.CSS_SELECTOR, selector)))
    except TimeoutException:
        raise Failure(f"no {selector} on {driver.current_url}\n{driver.page_source[:2000]}")
    return css(driver, selector)


def ledger_rows(server):
    return server.query("SELECT count(*) FROM postings")[0][0], \
        server.query("SELECT count(*) FROM posting_lines")[0][0]


def session_client(server, driver):
    """An HTTP client holding the browser's session, for downloads and forged POSTs."""
    client = server.client()
    cookie = driver.get_cookie("hsg_session")
    check(cookie is not None, "the browser holds no hsg_session cookie")
    client.cookies["hsg_session"] = cookie["value"]
    client.csrf = css(driver, "form.sign-out input[name=csrf]").get_attribute("value")
    return client


def post_instalments(hsg, server, driver, base, twin, shots):
    # The CLI on a copy of the store says what posting February must do.
    cli = run(hsg, ["ledger", "post", "--through", THROUGH, "--db", twin,
                    "--actor", "erin"]).stdout
    expected = "Posted 6 instalment(s) due on or before 2025-02-28: £1,406.00\n" \
               "0 instalment(s) due by then were already posted\n"
    check(cli == expected, f"hsg ledger post on the twin said {cli!r}")

    sign_in(driver, base, "erin")
    css(driver, "nav a[href='/finance']").click()
    wait_for_path(driver, "finance")
    css(driver, "a#link-post").click()
    wait_for_path(driver, r"finance/post\?through=.*")
    set_value(driver, css(driver, "input#through"), THROUGH)
    css(driver, "button#preview").click()
    wait_for_path(driver, r"finance/post\?through=2025-02-28")
    wait_css(driver, "table#due-table")
    rows = driver.find_elements(By.CSS_SELECTOR, "table#due-table tbody tr")
    check(len(rows) == 6, f"the preview lists {len(rows)} instalments, expected 6")
    check(css(driver, "#due-count").text == "6", f"due-count {css(driver, '#due-count').text}")
    check(css(driver, "#due-total").text == "£1,406.00",
          f"due-total {css(driver, '#due-total').text}")
    check(not any("C-1003" in row.text for row in rows), "grant 3 (March) is in February's list")
    check(css(driver, "button#post").text == "Post these 6 instalment(s): £1,406.00",
          f"the post button says {css(driver, 'button#post').text!r}")
    check(ledger_rows(server) == (0, 0), f"the preview wrote to the ledger: {ledger_rows(server)}")
    screenshot(driver, None, shots, "web-finance.png")

    css(driver, "button#post").click()
    wait_css(driver, "p#posted")
    check(css(driver, "#posted-count").text == "6" and
          css(driver, "#posted-amount").text == "1,406.00" and
          css(driver, "#already-posted").text == "0",
          f"after posting the page says {css(driver, 'p#posted').text!r}")
    check(ledger_rows(server) == (6, 12), f"ledger rows after posting: {ledger_rows(server)}")
    css(driver, "p#nothing-due")
    check(not driver.find_elements(By.CSS_SELECTOR, "button#post"),
          "a post button although nothing is due")

    # Posting again: the preview's form sent again is refused (what is due changed), and
    # a post of what is due now (nothing) posts nothing; the ledger stays as it was.
    client = session_client(server, driver)
    before = server.snapshot()
    stale = client.post_form("/finance/post", {"csrf": client.csrf, "through": THROUGH,
                                               "count": "6", "total_pence": "140600"})
    check(stale.status == 409, f"the stale preview re-sent: {stale!r}")
    check("has changed since it was shown: 6 instalment(s) £1,406.00 then, 0 instalment(s) "
          "£0.00 now; nothing was posted" in html.unescape(stale.body), f"the 409 says: {stale.body[:2000]}")
    check(server.snapshot() == before, "the stale post changed the store")
    again = client.post_form("/finance/post", {"csrf": client.csrf, "through": THROUGH,
                                               "count": "0", "total_pence": "0"})
    check(again.status == 200, f"posting nothing: {again!r}")
    check(re.search(r'id="posted-count">0<.*£<span id="posted-amount">0\.00<.*'
                    r'id="already-posted">6<', again.body, re.S),
          f"posting again says: {again.body[:2000]}")
    check(ledger_rows(server) == (6, 12), f"ledger rows after posting again: {ledger_rows(server)}")
    bad = client.post_form("/finance/post", {"csrf": client.csrf, "through": "2025-02-30",
                                             "count": "0", "total_pence": "0"})
    check(bad.status == 422 and "through '2025-02-30'" in html.unescape(bad.body), f"a bad date: {bad!r}")
    check(server.snapshot()["counts"] == before["counts"], "a refused post changed the store")
    return client


def corrections(server, driver, base, client):
    before = server.snapshot()
    no_reason = client.post_form("/finance/reverse", {"csrf": client.csrf,
                                                      "posting": "I-1-short_term_basic-1",
                                                      "reverse_date": "2025-02-20",
                                                      "reverse_reason": "  "})
    check(no_reason.status == 422 and "a reason for the reversal is required" in html.unescape(no_reason.body),
          f"a reversal without a reason: {no_reason!r}")
    too_much = client.post_form("/finance/recover", {"csrf": client.csrf, "grant": "1",
                                                     "amount": "99999.00",
                                                     "recover_date": "2025-02-25",
                                                     "recover_reason": "Too much"})
    check(too_much.status == 422 and 'id="problems"' in too_much.body,
          f"a recovery beyond what was paid: {too_much!r}")
    unknown = client.post_form("/finance/reverse", {"csrf": client.csrf, "posting": "I-9-x-1",
                                                    "reverse_reason": "No such posting"})
    check(unknown.status == 422, f"reversing an unknown posting: {unknown!r}")
    check(server.snapshot() == before, "a refused correction changed the store")

    driver.get(base + "/finance/corrections")
    css(driver, "input#posting").send_keys("I-1-short_term_basic-1")
    set_value(driver, css(driver, "input#reverse_date"), "2025-02-20")
    css(driver, "input#reverse_reason").send_keys("Paid in error")
    css(driver, "button#reverse").click()
    done = wait_css(driver, "p#done[data-posting='X-I-1-short_term_basic-1']").text
    check(done == "Posted X-I-1-short_term_basic-1 on 2025-02-20, reversing "
          "I-1-short_term_basic-1", f"after the reversal: {done!r}")
    css(driver, "input#grant").send_keys("1")
    css(driver, "input#amount").send_keys("50.00")
    set_value(driver, css(driver, "input#recover_date"), "2025-02-25")
    css(driver, "input#recover_reason").send_keys("Unspent surplus returned")
    css(driver, "button#recover").click()
    done = wait_css(driver, "p#done[data-posting='R-1-1']").text
    check(done == "Recovery R-1-1 posted on 2025-02-25: £50.00 back from grant 1",
          f"after the recovery: {done!r}")
    check(ledger_rows(server)[0] == 8, f"postings after the corrections: {ledger_rows(server)}")


def downloads(hsg, server, driver, base, client):
    driver.get(f"{base}/finance/ledger?from={FROM}&to={TO}")
    lines = int(css(driver, "#line-count").text)
    exported = hsg_bytes(hsg, ["ledger", "export", "--from", FROM, "--to", TO, "--db", server.db])
    export_lines = exported.count(b"\r\n") - 1  # less the header
    check(lines == export_lines, f"the page lists {lines} lines, the export {export_lines}")
    check(css(driver, "#debits").text == css(driver, "#credits").text,
          f"debits {css(driver, '#debits').text} != credits {css(driver, '#credits').text}")
    files = {}
    for link, form, extension in (("download-csv", "csv", "csv"), ("download-json", "json", "json"),
                                  ("download-journal", "hledger", "journal")):
        href = css(driver, f"a#{link}").get_attribute("href")
        path = href.split(str(server.port), 1)[1]
        check(path == f"/finance/ledger/export?from={FROM}&to={TO}&format={form}",
              f"a#{link} goes to {path}")
        response = client.get(path)
        check(response.status == 200, f"GET {path}: {response!r}")
        check(response.header("content-disposition") ==
              f'attachment; filename="ledger-{FROM}-to-{TO}.{extension}"',
              f"{path} Content-Disposition {response.header('content-disposition')!r}")
        want = hsg_bytes(hsg, ["ledger", "export", "--from", FROM, "--to", TO, "--format", form,
                               "--db", server.db])
        got = response.body.encode("utf-8")
        check(got == want, f"{path} differs from hsg ledger export --format {form}:\n"
              f"{got[:600]!r}\n{want[:600]!r}")
        files[form] = got
    return files["hledger"]


def balance(server, driver, base, journal):
    path = os.path.join(server.dir, "february.journal")
    with open(path, "wb") as f:
        f.write(journal)
    hledger = shutil.which("hledger")
    check(hledger is not None, "hledger is missing: scripts/setup installs it (Debian hledger)")
    done = subprocess.run([hledger, "-f", path, "bal", "-O", "csv"], capture_output=True,
                          text=True, timeout=120)
    check(done.returncode == 0, f"hledger bal failed: {done.stderr}")
    by_hledger = {}
    for line in done.stdout.splitlines()[1:]:
        account, amount = [field.strip('"') for field in line.split('","')]
        by_hledger[account] = pence(amount)
    check(by_hledger.get("total") == 0, f"hledger's total: {done.stdout}")
    del by_hledger["total"]

    driver.get(f"{base}/finance/balance?as_of={THROUGH}")
    by_page = {}
    for row in driver.find_elements(By.CSS_SELECTOR, "table#balance tbody tr"):
        by_page[row.find_element(By.CSS_SELECTOR, ".account").text] = \
            pence(row.find_element(By.CSS_SELECTOR, ".balance").text)
    check(css(driver, "#balance-total").text == "0.00",
          f"the page's total {css(driver, '#balance-total').text}")
    check(by_page == by_hledger, f"the page's trial balance {by_page}\nhledger's {by_hledger}")
    # The reversal (-£74.00) and the recovery (-£50.00) are in both.
    check(by_page["liabilities:grants payable:direct_payment"] == -(70300 - 7400 - 5000),
          f"direct_payment balance {by_page}")
    check(len(by_page) == 5, f"{len(by_page)} accounts on the page: {by_page}")


def reports(hsg, server, driver, base):
    cli = run(hsg, ["ledger", "commitments", "--as-of", THROUGH, "--db", server.db]).stdout
    total = cli.splitlines()[-1].split()
    driver.get(f"{base}/finance/commitments?as_of={THROUGH}")
    check(css(driver, "#commitments-count").text == total[1] and
          css(driver, "#commitments-total").text == "£" + total[2],
          f"commitments {css(driver, '#commitments-count').text} "
          f"{css(driver, '#commitments-total').text}, the CLI says {cli}")
    rows = driver.find_elements(By.CSS_SELECTOR, "table#commitments tbody tr")
    check(len(rows) == len(cli.splitlines()) - 3, f"{len(rows)} commitment rows, the CLI: {cli}")

    cli = run(hsg, ["ledger", "summary", "--from", FROM, "--to", TO, "--by", "intervention",
                    "--budget", "5000", "--db", server.db]).stdout
    figures = {line.split()[0]: line.split()[1] for line in cli.splitlines()[1:]}
    driver.get(f"{base}/finance/spend?from={FROM}&to={TO}&by=intervention&budget=5000")
    check(css(driver, "#spend-total").text == "£" + figures["total"] and
          css(driver, "#spend-budget").text == "£5,000.00" and
          css(driver, "#spend-remaining").text == "£" + figures["remaining"],
          f"spend {css(driver, 'table#spend').text}\nthe CLI says {cli}")
    check(figures["total"] == "1,282.00", f"spend total (1,406 - 74 - 50): {cli}")
    for row in driver.find_elements(By.CSS_SELECTOR, "table#spend tbody tr"):
        key, amount = [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
        check(figures.get(key) is not None and "£" + figures[key] == amount,
              f"spend row {key} {amount}, the CLI: {cli}")
    driver.get(f"{base}/finance/spend?from={TO}&to={FROM}&by=week")
    problems = css(driver, "#problems").text
    check("to 2025-02-01 is before from 2025-03-01" in problems, f"problems: {problems}")


def others(server):
    """The auditor reads everything and writes nothing; the assessor reaches nothing."""
    before = server.snapshot()
    auditor = server.client()
    auditor.form_sign_in("carys")
    for path in ("/finance", "/finance/post?through=2025-03-31",
                 f"/finance/ledger?from={FROM}&to={TO}",
                 f"/finance/ledger/export?from={FROM}&to={TO}&format=hledger",
                 f"/finance/balance?as_of={THROUGH}", f"/finance/commitments?as_of={THROUGH}",
                 f"/finance/spend?from={FROM}&to={TO}&by=month", "/finance/corrections"):
        response = auditor.get(path)
        check(response.status == 200, f"the auditor GET {path}: {response!r}")
        if path.startswith(("/finance/post", "/finance/corrections")):
            check('id="read-only"' in response.body and "<form id=\"post-form\"" not in
                  response.body and "<form id=\"reverse-form\"" not in response.body,
                  f"the auditor's {path} offers a write form: {response.body[:3000]}")
    assessor = server.client()
    assessor.form_sign_in("asha")
    check(assessor.get("/finance").status == 403, "the assessor opened /finance")
    check(assessor.get(f"/finance/ledger?from={FROM}&to={TO}").status == 403,
          "the assessor opened the ledger")
    fields = {"through": "2025-03-31", "count": "0", "total_pence": "0",
              "posting": "I-1-long_term_maintenance-1", "reverse_reason": "Forged",
              "grant": "1", "amount": "1.00", "recover_reason": "Forged"}
    for who, client in (("auditor", auditor), ("assessor", assessor)):
        for path in WRITE_URLS:
            response = client.post_form(path, dict(fields, csrf=client.csrf))
            check(response.status == 403, f"the {who} POST {path}: {response!r}")
    check(server.snapshot() == before, "a refused POST changed the store")


def paging(hsg):
    """A month of 36 grants is 216 ledger lines: page 1 shows the first 200, page 2 the
    other 16, together exactly the export's lines in its order; the totals are the whole
    month's on every page; a page past the last shows the last, and page 0 is refused."""
    with Server(hsg) as server:
        def cli(*args):
            return run(hsg, list(args) + ["--db", server.db, "--actor", "asha"])
        example = os.path.join(docs_dir(), "examples", "worked-example.toml")
        for number in range(1, 37):
            ref = f"P-{number:03d}"
            cli("client", "add", ref, "--group", "older_people")
            cli("allocate", ref, "--answers", example, "--date", "2025-01-15")
            cli("agree", str(number), "--amount", "2405.00", "--reason", "As assessed")
            cli("grant", "start", str(number), "--start", "2025-02-03", "--held-as",
                "direct_payment")
        run(hsg, ["ledger", "post", "--through", THROUGH, "--db", server.db, "--actor", "erin"])
        exported = hsg_bytes(hsg, ["ledger", "export", "--from", FROM, "--to", TO,
                                   "--db", server.db]).decode().split("\r\n")[1:-1]
        expected = [row.split(",")[:2] for row in exported]
        check(len(expected) == 216, f"the month's export has {len(expected)} lines, not 216")
        server.start()
        client = server.client()
        client.form_sign_in("erin")
        pages = {}
        for page in ("1", "2", "3"):
            answer = client.get(f"/finance/ledger?from={FROM}&to={TO}&page={page}")
            check(answer.status == 200, f"ledger page {page}: {answer!r}")
            pages[page] = answer.body
        def rows(body):
            table = body.split('<table id="ledger">', 1)[1].split("</tbody>", 1)[0]
            return [list(cells) for cells in
                    re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td>", table)]
        def caption(body):
            return re.search(r'<span id="ledger-page">([^<]*)</span>', body).group(1)
        check(rows(pages["1"]) + rows(pages["2"]) == expected,
              "pages 1 and 2 together are not the export's lines in order")
        check(caption(pages["1"]) == "lines 1 to 200, page 1 of 2", caption(pages["1"]))
        check(caption(pages["2"]) == "lines 201 to 216, page 2 of 2", caption(pages["2"]))
        check(pages["3"] == pages["2"], "a page past the last is not the last page")
        totals = {re.search(r'id="debits">([^<]*)<', body).group(1) for body in pages.values()}
        check(totals == {"25,308.00"}, f"the month's debits on every page: {totals}")
        check('id="next" href="/finance/ledger?from=2025-02-01&amp;to=2025-03-01&amp;page=2"'
              in pages["1"] and 'id="previous"' not in pages["1"], "page 1's links")
        check('id="previous" href="/finance/ledger?from=2025-02-01&amp;to=2025-03-01&amp;page=1"'
              in pages["2"] and 'id="next"' not in pages["2"], "page 2's links")
        refused = client.get(f"/finance/ledger?from={FROM}&to={TO}&page=0")
        check(refused.status == 422 and
              "page: &apos;0&apos; is not a page number (1, 2, ...)" in refused.body,
              f"page 0: {refused.status} {refused.body[:200]}")
        server.stop()


def test(hsg):
    with Server(hsg) as server:
        setup_grants(hsg, server.db)
        twin = os.path.join(server.dir, "twin.db")
        shutil.copyfile(server.db, twin)
        server.start()
        base = f"http://127.0.0.1:{server.port}"
        shots = os.path.join(server.dir, "screenshots")
        os.makedirs(shots)
        driver = browser(os.path.join(server.dir, "chromium-profile"))
        try:
            client = post_instalments(hsg, server, driver, base, twin, shots)
            corrections(server, driver, base, client)
            journal = downloads(hsg, server, driver, base, client)
            balance(server, driver, base, journal)
            reports(hsg, server, driver, base)
        finally:
            driver.quit()
        others(server)
        server.stop()
        verified = run(hsg, ["audit", "verify", "--db", server.db]).stdout
        check(verified.startswith("ok: "), f"hsg audit verify: {verified}")
    paging(hsg)


if __name__ == "__main__":
    main(test)
