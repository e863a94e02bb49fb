"""The commissioner's pages in a real browser (Debian's chromium, headless, through
/usr/bin/chromedriver and python3-selenium, as browser_test.py), on the caseload of
docs/commissioner.md: `hsg generate --clients 3000 --seed 7`, then two grants with the
guide's outcome returns.

A commissioner signs in, opens What-if from the main menu, uploads
docs/examples/candidate-rate.toml with as-of 2026-03-31 and the budget 4046310, and the
report says exactly "the highest hourly rate that fits is £17.94, total £4,044,584.64";
both SVG charts have bars; the page is the very bytes `hsg whatif --html` writes, and its
inline style is applied under the page's Content-Security-Policy. The CSV the form
downloads is the bytes of `hsg whatif --csv`. rules-with-mistakes.toml, and a copy of the
candidate with a typo, are answered 422 with every problem at line:column exactly as `hsg
rules check` prints them. What-if writes nothing. An assessor's POST /whatif, with her
valid session and CSRF token, is 403. The outcomes page for 2025-04-01..2026-03-31 shows
the text of `hsg report outcomes`, and its CSV and JSON downloads are the CLI's bytes.

The time the what-if page takes over the 3,000 clients is printed (and must be under a
minute). With $HSG_SCREENSHOTS set, the report's screenshot is copied there
(docs/images/web-whatif.png is made that way).

    python3 commissioner_test.py PATH/TO/hsg
"""

import html
import os
import re
import shutil
import subprocess
import time
import uuid

from hsg_server import Client, Failure, Server, check, main, run

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    from selenium.common.exceptions import TimeoutException
except ImportError as error:
    raise SystemExit(f"FAILED: python3-selenium is not importable ({error}); scripts/setup "
                     "installs it (Debian package python3-selenium, for /usr/bin/python3)")

from browser_test import browser, css, sign_in, wait_for_path

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLES = os.path.join(ROOT, "docs", "examples")
CANDIDATE = os.path.join(EXAMPLES, "candidate-rate.toml")
MISTAKES = os.path.join(EXAMPLES, "rules-with-mistakes.toml")
AS_OF = "2026-03-31"
BUDGET = "4046310"
BUDGET_ANSWER = "the highest hourly rate that fits is £17.94, total £4,044,584.64"
PERIOD = ("2025-04-01", "2026-03-31")


def caseload(hsg, server):
    """The guide's caseload and outcome returns, made with the guide's commands."""
    db = ["--db", server.db]
    made = run(hsg, ["generate", "--clients", "3000", "--seed", "7", "--actor", "dev"] + db)
    check(made.stdout == "generated 3000 clients with one allocation each; indicative total "
          "£4,159,741.00\n", f"hsg generate: {made.stdout!r}")
    for allocation, amount, start, held_as in ((1, "1813.00", "2025-09-08", "direct_payment"),
                                               (2, "2500.00", "2025-04-07", "managed_account")):
        run(hsg, ["agree", str(allocation), "--amount", amount, "--reason", "as assessed",
                  "--actor", "asha"] + db)
        run(hsg, ["grant", "start", str(allocation), "--start", start, "--held-as", held_as,
                  "--actor", "asha"] + db)
    for grant, date, name in ((1, "2025-12-01", "outcomes-exit.toml"),
                              (2, "2026-03-30", "outcomes-review.toml")):
        run(hsg, ["outcome", "record", str(grant), "--date", date, "--file",
                  os.path.join(EXAMPLES, name), "--actor", "asha"] + db)


def multipart(fields, file_field, file_name, file_bytes):
    """A multipart/form-data body as a browser sends one: (body bytes, content type)."""
    boundary = "hsg-test-" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f'{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
                 f'filename="{file_name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                 .encode() + file_bytes + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def post_whatif(client, path, fields):
    with open(path, "rb") as f:
        body, kind = multipart(dict(fields, csrf=client.csrf), "rules", os.path.basename(path),
                               f.read())
    return client.request("POST", "/whatif", body=body, headers={"Content-Type": kind})


def rules_check_lines(hsg, path):
    """What `hsg rules check NAME` prints for the file, run beside it so its problems name
    the file as the upload does (by its name alone)."""
    done = subprocess.run([os.path.abspath(hsg), "rules", "check", os.path.basename(path)],
                          capture_output=True, text=True, timeout=60, cwd=os.path.dirname(path))
    check(done.returncode == 1, f"hsg rules check {path} exited {done.returncode}")
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    check(lines and all(re.match(r"[^:]+:\d+:\d+: ", line) for line in lines),
          f"hsg rules check {path} printed {lines}")
    return lines


def cli_text(hsg, args):
    """hsg's stdout exactly (run() reads text with universal newlines, which would turn the
    CSV's CRLF into LF)."""
    done = subprocess.run([hsg] + args, capture_output=True, timeout=120)
    check(done.returncode == 0, f"hsg {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done.stdout.decode("utf-8")


def shown_problems(driver):
    return [item.text.strip() for item in
            driver.find_elements(By.CSS_SELECTOR, "div#problems li")]


def upload(driver, base, path, as_of=AS_OF, budget="", button="button#show-report"):
    driver.get(base + "/whatif")
    css(driver, "form#whatif-form input#rules").send_keys(path)
    field = css(driver, "form#whatif-form input#as_of")
    field.clear()
    field.send_keys(as_of)
    css(driver, "form#whatif-form input#budget").send_keys(budget)
    css(driver, button).click()


def top_screenshot(driver, directory, name):
    """The top 1280 x 1700 of the page as PNG into `directory`, checked, and copied to
    $HSG_SCREENSHOTS when set (the whole report would be over 4,000 pixels tall)."""
    path = os.path.join(directory, name)
    driver.set_window_size(1280, 1700)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(path)
    driver.set_window_size(1280, 900)
    with open(path, "rb") as f:
        data = f.read()
    check(data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000,
          f"{path} is not a PNG screenshot ({len(data)} bytes)")
    wanted = os.environ.get("HSG_SCREENSHOTS")
    if wanted:
        os.makedirs(wanted, exist_ok=True)
        shutil.copyfile(path, os.path.join(wanted, name))


def wait_for(driver, condition, what):
    try:
        WebDriverWait(driver, 120).until(condition)
    except TimeoutException:
        raise Failure(f"waited 120 s for {what}; at {driver.current_url}\n"
                      f"{driver.page_source[:1500]}")


def whatif_in_browser(hsg, server, driver, shots, expected_html):
    base = f"http://127.0.0.1:{server.port}"
    sign_in(driver, base, "dev")
    css(driver, "nav a[href='/whatif']").click()
    wait_for_path(driver, "whatif")
    upload(driver, base, CANDIDATE, budget=BUDGET)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "p#budget"), "p#budget")
    answer = css(driver, "p#budget").text
    check(answer == f"Budget £4,046,310.00: {BUDGET_ANSWER}; at £17.95 the total would be "
          "£4,046,655.20.", f"p#budget says {answer!r}")
    check(BUDGET_ANSWER in answer, f"p#budget lacks {BUDGET_ANSWER!r}: {answer!r}")
    for chart in ("svg#distribution-chart", "svg#group-chart"):
        bars = driver.find_elements(By.CSS_SELECTOR, f"{chart} rect.bar")
        drawn = [bar for bar in bars if float(bar.get_attribute("width")) > 0 and
                 float(bar.get_attribute("height")) > 0]
        check(len(drawn) > 0, f"{chart} has {len(bars)} bars, {len(drawn)} of them drawn")
        shapes = driver.find_elements(By.CSS_SELECTOR, f"{chart} rect, {chart} path")
        check(len(shapes) > 0, f"{chart} has no rect or path")
    # The page's own <style> is applied (the policy allows it by hash): after-bars are orange.
    fill = driver.execute_script(
        "return getComputedStyle(document.querySelector('svg#group-chart rect.bar.after')).fill")
    check(fill == "rgb(217, 130, 43)", f"the after bars' fill is {fill!r}: the page's style "
          "was not applied")
    check(driver.title == "What-if: rule set medway 1.0-rate-20.00", f"title {driver.title!r}")
    top_screenshot(driver, shots, "web-whatif.png")

    # Mistakes: every problem at line:column, as `hsg rules check` prints them.
    typo = os.path.join(server.dir, "candidate-typo.toml")
    with open(CANDIDATE, encoding="utf-8") as f:
        text = f.read()
    check("hourly_rate =" in text, "candidate-rate.toml has no 'hourly_rate ='")
    with open(typo, "w", encoding="utf-8") as f:
        f.write(text.replace("hourly_rate =", "hourly_rat =", 1))
    for path in (MISTAKES, typo):
        upload(driver, base, path, budget=BUDGET)
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "div#problems"),
                 f"the problems of {path}")
        wanted = rules_check_lines(hsg, path)
        shown = shown_problems(driver)
        check(shown == wanted, f"{os.path.basename(path)}: the page shows {shown}, "
              f"`hsg rules check` prints {wanted}")
        check(css(driver, "input#budget").get_attribute("value") == BUDGET,
              "the budget was not kept on the re-shown form")
    check(len(rules_check_lines(hsg, MISTAKES)) == 6, "rules-with-mistakes.toml: not 6 problems")

    # Other bad inputs, all at once.
    upload(driver, base, CANDIDATE, as_of="2026-02-30", budget="£4,046,310")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "div#problems"), "problems")
    check(shown_problems(driver) == [
        "as of '2026-02-30' is not a real date in the form YYYY-MM-DD",
        "budget '£4,046,310' is not an amount of pounds: is not a decimal number (digits, "
        "optionally '.' and up to two decimals)"], f"bad date and budget: {shown_problems(driver)}")

    # The page is the very report `hsg whatif --html` writes.
    client = Client(server.port)
    client.cookies["hsg_session"] = driver.get_cookie("hsg_session")["value"]
    client.csrf = css(driver, "form#whatif-form input[name=csrf]").get_attribute("value")
    return client


def whatif_over_http(hsg, server, client, expected_html, expected_csv):
    fields = {"as_of": AS_OF, "group": "", "budget": BUDGET, "format": "html"}
    before = server.snapshot()
    started = time.monotonic()
    page = post_whatif(client, CANDIDATE, fields)
    taken = time.monotonic() - started
    check(page.status == 200, f"POST /whatif: {page!r}")
    check(page.body == expected_html, "the what-if page is not the bytes of `hsg whatif --html`")
    policy = page.all_headers("content-security-policy")
    check(len(policy) == 1 and "script-src 'none'" in policy[0] and
          re.search(r"style-src 'sha256-[A-Za-z0-9+/=]{44}'", policy[0]) and
          "unsafe" not in policy[0], f"the report's Content-Security-Policy: {policy}")
    print(f"what-if page over 3,000 clients with a budget: {taken:.2f} s")
    check(taken < 60, f"the what-if page took {taken:.1f} s")

    csv = post_whatif(client, CANDIDATE, dict(fields, format="csv"))
    check(csv.status == 200 and csv.header("content-type").startswith("text/csv"),
          f"POST /whatif format=csv: {csv.status} {csv.header('content-type')}")
    check(csv.header("content-disposition") == 'attachment; filename="whatif.csv"',
          f"Content-Disposition {csv.header('content-disposition')!r}")
    check(csv.body == expected_csv, "the CSV download is not the bytes of `hsg whatif --csv`")
    check(expected_csv.count("\n") == 3001, f"the CSV has {expected_csv.count(chr(10))} lines")

    grouped = post_whatif(client, CANDIDATE, dict(fields, group="Rough sleepers"))
    check(grouped.status == 200 and "client group rough_sleepers" in grouped.body,
          f"POST /whatif with group 'Rough sleepers': {grouped.status}")
    unknown = post_whatif(client, CANDIDATE, dict(fields, group="pensioners"))
    check(unknown.status == 422 and
          "unknown client group 'pensioners'" in html.unescape(unknown.body),
          f"group pensioners: {unknown!r}")
    # No file chosen (a browser sends an empty file part), and a file over 256 KiB.
    for name, content, problem in (
            ("", b"", "rules: choose the candidate rule-set file to upload"),
            ("big.toml", b"#" * (256 * 1024 + 1),
             "big.toml: 262145 bytes is more than a rule set may be (256 KiB)")):
        body, kind = multipart(dict(fields, csrf=client.csrf), "rules", name, content)
        refused = client.request("POST", "/whatif", body=body, headers={"Content-Type": kind})
        check(refused.status == 422 and f"<li>{problem}</li>" in refused.body,
              f"upload {name!r} of {len(content)} bytes: {refused!r}")
    check(server.snapshot() == before, "what-if changed the store")

    # Every what-if request needs the session's CSRF token.
    forged = Client(server.port)
    forged.cookies = dict(client.cookies)
    forged.csrf = "0" * 64
    check(post_whatif(forged, CANDIDATE, fields).status == 403, "POST /whatif without the token")

    # An assessor may not run what-if, even with her own valid session and token.
    assessor = Client(server.port)
    assessor.form_sign_in("asha")
    refused = post_whatif(assessor, CANDIDATE, fields)
    check(refused.status == 403, f"an assessor's POST /whatif: {refused!r}")
    check(assessor.get("/whatif").status == 403, "an assessor's GET /whatif")
    check(assessor.get("/outcomes").status == 403, "an assessor's GET /outcomes")
    auditor = Client(server.port)
    auditor.form_sign_in("carys")
    check(auditor.get("/whatif").status == 403, "an auditor's GET /whatif")
    check(auditor.get("/outcomes").status == 200, "an auditor's GET /outcomes")


def outcomes(hsg, server, driver, client):
    base = f"http://127.0.0.1:{server.port}"
    driver.get(base + "/")
    css(driver, "nav a[href='/outcomes']").click()
    wait_for_path(driver, "outcomes")
    css(driver, "form#outcomes-form input#from").send_keys(PERIOD[0])
    css(driver, "form#outcomes-form input#to").send_keys(PERIOD[1])
    css(driver, "button#show-outcomes").click()
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "pre#outcomes-text"),
             "pre#outcomes-text")
    period = ["--from", PERIOD[0], "--to", PERIOD[1], "--db", server.db]
    text = run(hsg, ["report", "outcomes"] + period).stdout
    check("1a     maximise income                              1         100%      100%" in text,
          f"hsg report outcomes: {text}")
    shown = css(driver, "pre#outcomes-text").get_attribute("textContent")
    check(shown == text, f"the page shows\n{shown}\n`hsg report outcomes` prints\n{text}")

    query = f"/outcomes?from={PERIOD[0]}&to={PERIOD[1]}"
    page = client.get(query)
    found = re.search(r'<pre class="statement" id="outcomes-text">(.*?)</pre>', page.body, re.S)
    check(page.status == 200 and found and html.unescape(found.group(1)) == text,
          "GET /outcomes's text is not `hsg report outcomes`'s")
    for option in ("csv", "json"):
        href = css(driver, f"a#outcomes-{option}").get_attribute("href")
        check(href == f"{base}{query}&format={option}", f"a#outcomes-{option} is {href}")
        download = client.get(f"{query}&format={option}")
        wanted = cli_text(hsg, ["report", "outcomes", f"--{option}"] + period)
        check(download.status == 200 and download.body == wanted,
              f"the {option} download is not `hsg report outcomes --{option}`")
    short = client.get(f"{query}&term=short&format=csv")
    check(short.body == cli_text(hsg, ["report", "outcomes", "--term", "short", "--csv"] + period),
          "term=short CSV")
    check(short.body.startswith("term,measure,domain,label,returns,needed,achieved,"
                                "percent_of_needed,percent_of_all\r\nshort,1a,"), "CSV head")
    bad = client.get("/outcomes?from=2026-03-31&to=2025-04-01")
    check(bad.status == 422 and "to 2025-04-01 is before from 2026-03-31" in bad.body,
          f"a period backwards: {bad!r}")


def test(hsg):
    with Server(hsg) as server:
        caseload(hsg, server)
        html_file = os.path.join(server.dir, "whatif.html")
        csv_file = os.path.join(server.dir, "clients.csv")
        run(hsg, ["whatif", "--rules", CANDIDATE, "--as-of", AS_OF, "--budget", BUDGET, "--html",
                  html_file, "--db", server.db])
        run(hsg, ["whatif", "--rules", CANDIDATE, "--as-of", AS_OF, "--csv", csv_file,
                  "--db", server.db])
        with open(csv_file, encoding="utf-8", newline="") as f:
            expected_csv = f.read()
        # The report names its candidate by where it came from: the upload's file name.
        with open(html_file, encoding="utf-8", newline="") as f:
            expected_html = f.read().replace(f"Candidate from {CANDIDATE} ",
                                             "Candidate from candidate-rate.toml ")
        check("Candidate from candidate-rate.toml " in expected_html,
              "the --html page does not name its candidate's file")
        server.start()
        profile = os.path.join(server.dir, "chromium-profile")
        shots = os.path.join(server.dir, "screenshots")
        os.makedirs(shots)
        driver = browser(profile)
        try:
            client = whatif_in_browser(hsg, server, driver, shots, expected_html)
            whatif_over_http(hsg, server, client, expected_html, expected_csv)
            outcomes(hsg, server, driver, client)
        finally:
            driver.quit()
        server.stop()


if __name__ == "__main__":
    main(test)
