"""The issue's story in a real browser: Debian's chromium, headless, driven through
/usr/bin/chromedriver by Debian's python3-selenium (scripts/setup installs both; a missing
one fails the test, it is never skipped).

An assessor signs in, adds a client, answers the questionnaire with the worked example's
answers, sees £2,405.00 and its statement, agrees £2,000.00 with a reason (beyond the
tolerance, so it waits for approval). The same assessor has no approve button, and a forged
POST of the approval with her valid session and CSRF token is refused with 403 and changes
nothing. An approver signs in and approves; the assessor starts the grant. `hsg audit
verify` passes and `hsg audit log` names both users.

Screenshots of the assessment page and of the statement are taken into the test's
temporary directory (and checked to be PNGs), and also into $HSG_SCREENSHOTS when it is set
(docs/images/web-assessment.png and web-statement.png are made that way).

    python3 browser_test.py PATH/TO/hsg
"""

import os
import re
import shutil
import subprocess

from hsg_server import (PASSWORDS, WORKED_EXAMPLE, WORKED_TOTAL, Client, Failure, Server,
                        check, main, run)

try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError as error:
    raise SystemExit(f"FAILED: python3-selenium is not importable ({error}); scripts/setup "
                     "installs it (Debian package python3-selenium, for /usr/bin/python3)")

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ASSESSED_ON = "2025-01-15"
GRANT_START = "2025-02-03"
REASON = "Night-time support needed while settling in"


def browser(profile):
    for tool, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        check(os.access(tool, os.X_OK),
              f"{tool} is missing: scripts/setup installs it (Debian package {package})")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--no-first-run", "--window-size=1280,900",
                     f"--user-data-dir={profile}", "--lang=en-GB"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_window_size(1280, 900)
    driver.set_page_load_timeout(60)
    return driver


def css(driver, selector):
    found = driver.find_elements(By.CSS_SELECTOR, selector)
    check(len(found) == 1, f"{len(found)} elements match {selector!r} on {driver.current_url}\n"
          f"{driver.page_source[:1500]}")
    return found[0]


def absent(driver, selector, why):
    check(not driver.find_elements(By.CSS_SELECTOR, selector),
          f"{selector} is on {driver.current_url}: {why}")


def wait_for_path(driver, pattern):
    """Waits until the page's path matches `pattern` (a regex) and returns the match."""
    try:
        WebDriverWait(driver, 30).until(
            lambda d: re.fullmatch(pattern, d.current_url.split("//", 1)[1].split("/", 1)[1]
                                   if "/" in d.current_url.split("//", 1)[1] else ""))
    except TimeoutException:
        raise Failure(f"expected a page at /{pattern}, still at {driver.current_url}\n"
                      f"{driver.page_source[:1500]}")
    return re.fullmatch(pattern, driver.current_url.split("//", 1)[1].split("/", 1)[1])


def submit(driver, selector):
    """Clicks `selector` and waits until the page it was on has gone: a click returns
    before the next page loads, and reading straight away can read the old page."""
    old = driver.find_element(By.TAG_NAME, "html")
    css(driver, selector).click()
    try:
        WebDriverWait(driver, 30).until(expected_conditions.staleness_of(old))
    except TimeoutException:
        raise Failure(f"clicking {selector} left the page at {driver.current_url}")
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def set_value(driver, element, value):
    """Sets a date input's value as a user choosing it would (the typed form of a date
    input depends on the browser's locale; the value does not)."""
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value)


def sign_in(driver, base, name):
    driver.get(base + "/login")
    css(driver, "form#login")
    css(driver, "form#login input[name=name]").send_keys(name)
    css(driver, "form#login input[name=password]").send_keys(PASSWORDS[name])
    css(driver, "button#sign-in").click()
    wait_for_path(driver, "")
    check(css(driver, "span#user").text.strip() == name,
          f"span#user says {css(driver, 'span#user').text!r}, not {name}")


def sign_out(driver):
    css(driver, "button#sign-out").click()
    wait_for_path(driver, "login")


def screenshot(driver, element, directory, name):
    """The whole page (or one element) as PNG into `directory`, checked, and copied to
    $HSG_SCREENSHOTS when set."""
    path = os.path.join(directory, name)
    # As tall as the page, so neither is cut at the window's edge.
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, max(900, min(int(height) + 200, 5000)))
    if element is None:
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(path)
    else:
        element.screenshot(path)
    driver.set_window_size(1280, 900)
    with open(path, "rb") as f:
        data = f.read()
    check(data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000,
          f"{path} is not a PNG screenshot ({len(data)} bytes)")
    wanted = os.environ.get("HSG_SCREENSHOTS")
    if wanted:
        os.makedirs(wanted, exist_ok=True)
        shutil.copyfile(path, os.path.join(wanted, name))


def normal(text):
    return " ".join(text.split())


def statement_lines(hsg):
    """The lines of `hsg assess`'s statement for the worked example that the page must
    show too: every answer and its points, every score, threshold and cliff edge, every
    hours × weeks × rate, the weekly figures and review dates, and the right to a review."""
    answers = []
    for area, option in WORKED_EXAMPLE.items():
        answers += ["--answer", f"{area}={option}"]
    text = run(hsg, ["assess", "--date", ASSESSED_ON] + answers).stdout
    lines = [normal(line) for line in text.splitlines() if line.strip()]
    start = lines.index("Your answers") + 1
    wanted = [line for line in lines[start:] if not line.startswith(("Indicative grant",
                                                                     "Support by type"))]
    check(len(wanted) > 40, f"hsg assess printed too little: {text}")
    return wanted


def story(hsg, server, driver, shots):
    base = f"http://127.0.0.1:{server.port}"

    # The assessor signs in and adds a client.
    sign_in(driver, base, "asha")
    css(driver, "a#add-client").click()
    wait_for_path(driver, "clients/new")
    css(driver, "form#new-client input[name=ref]").send_keys("C-1001")
    Select(css(driver, "form#new-client select[name=group]")).select_by_value("older_people")
    css(driver, "form#new-client input[name=name]").send_keys("Ada Example")
    css(driver, "button#add-client").click()
    wait_for_path(driver, "clients/C-1001")

    # The questionnaire, answered with the worked example's answers by clicking the labels.
    css(driver, "a#new-assessment").click()
    wait_for_path(driver, r"clients/C-1001/assess(\?.*)?")
    set_value(driver, css(driver, "form#questionnaire input[name=date]"), ASSESSED_ON)
    fieldsets = driver.find_elements(By.CSS_SELECTOR, "form#questionnaire fieldset")
    check(len(fieldsets) == len(WORKED_EXAMPLE),
          f"{len(fieldsets)} fieldsets, expected one per area ({len(WORKED_EXAMPLE)})")
    for fieldset in fieldsets:
        legend = fieldset.find_elements(By.TAG_NAME, "legend")
        check(len(legend) == 1 and legend[0].text.strip(), "a fieldset without a legend")
    for area, option in WORKED_EXAMPLE.items():
        radio = css(driver, f"input#answer-{area}-{option}")
        check(radio.get_attribute("type") == "radio" and
              radio.get_attribute("name") == f"answer.{area}" and
              radio.get_attribute("value") == option and
              radio.get_attribute("required") is not None,
              f"answer-{area}-{option} is not a required radio of answer.{area}")
        label = css(driver, f"label[for=answer-{area}-{option}]")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
        label.click()
        check(radio.is_selected(), f"clicking the label of {area}={option} did not choose it")
    screenshot(driver, None, shots, "web-assessment.png")
    css(driver, "button#record-assessment").click()
    allocation = int(wait_for_path(driver, r"allocations/(\d+)").group(1))

    # The statement: £2,405.00 and the same content as `hsg assess`.
    total = css(driver, "strong#total").text.strip()
    check(total == WORKED_TOTAL, f"strong#total is {total!r}, expected {WORKED_TOTAL}")
    statement = css(driver, "section#statement")
    shown = normal(statement.text)
    missing = [line for line in statement_lines(hsg) if line not in shown]
    check(not missing, f"the statement lacks what `hsg assess` says: {missing}\n"
          f"the page's statement: {statement.text}")
    check("indicative" in css(driver, "p#decision-state").text.lower(),
          f"p#decision-state {css(driver, 'p#decision-state').text!r}")
    screenshot(driver, statement, shots, "web-statement.png")

    # Agree £2,000.00 with a reason: beyond the tolerance, so pending approval.
    css(driver, "form#agree-form input[name=amount]").send_keys("2000")
    css(driver, "form#agree-form [name=reason]").send_keys(REASON)
    css(driver, "button#agree").click()
    wait_for_path(driver, f"allocations/{allocation}")
    state = css(driver, "p#decision-state").text
    check("pending approval" in state.lower() and "asha" in state and "2,000.00" in state,
          f"after agreeing £2,000.00 p#decision-state says {state!r}")
    check(REASON in state or REASON in driver.page_source, "the reason is not shown")

    # The same assessor: no approve or reject button, and a forged POST is refused.
    absent(driver, "button#approve", "the assessor who agreed may not approve")
    absent(driver, "button#reject", "the assessor who agreed may not reject")
    absent(driver, "form#start-grant-form", "a grant may not start before approval")
    forged = Client(server.port)
    forged.cookies["hsg_session"] = driver.get_cookie("hsg_session")["value"]
    token = css(driver, "form:has(button#sign-out) input[name=csrf]").get_attribute("value")
    before = server.snapshot()
    for path, body, kind in ((f"/allocations/{allocation}/approve",
                              {"reason": "forged", "csrf": token}, "form"),
                             (f"/api/allocations/{allocation}/approve", {"reason": "forged"},
                              "api")):
        if kind == "form":
            answer = forged.post_form(path, body)
        else:
            answer = forged.request("POST", path, json_body=body,
                                    headers={"X-CSRF-Token": token})
        check(answer.status == 403, f"forged POST {path} with asha's session and token: "
              f"expected 403, got {answer.status} {answer.body[:300]!r}")
    check(server.snapshot() == before, "a forged approval changed the store")
    # Her session and token were valid: the same token does a read.
    check(forged.get(f"/api/allocations/{allocation}").status == 200,
          "the forged request's session was not a valid one")
    sign_out(driver)

    # The approver: the queue, then approve.
    sign_in(driver, base, "bilal")
    driver.get(base + "/approvals")
    queue = css(driver, "table#approvals")
    check("C-1001" in queue.text and "asha" in queue.text,
          f"table#approvals does not list asha's adjustment of C-1001: {queue.text!r}")
    links = driver.find_elements(By.CSS_SELECTOR,
                                 f"table#approvals a[href='/allocations/{allocation}']")
    check(links, f"table#approvals has no link to allocation {allocation}")
    links[0].click()
    wait_for_path(driver, f"allocations/{allocation}")
    absent(driver, "form#agree-form", "an approver does not agree amounts")
    css(driver, "form#approve-form [name=reason]").send_keys("Agreed with the team manager")
    css(driver, "button#approve").click()
    wait_for_path(driver, f"allocations/{allocation}")
    state = css(driver, "p#decision-state").text
    check("approved" in state.lower() and "bilal" in state,
          f"after approval p#decision-state says {state!r}")
    absent(driver, "form#start-grant-form", "an approver does not start grants")
    sign_out(driver)

    # The assessor starts the grant.
    sign_in(driver, base, "asha")
    driver.get(f"{base}/allocations/{allocation}")
    set_value(driver, css(driver, "form#start-grant-form input[name=start]"), GRANT_START)
    Select(css(driver, "form#start-grant-form select[name=held_as]")).select_by_value("direct_payment")
    css(driver, "button#start-grant").click()
    grant = int(wait_for_path(driver, r"grants/(\d+)").group(1))
    page = normal(driver.find_element(By.TAG_NAME, "body").text)
    check("£2,000.00" in page and ("direct_payment" in page or
                                   "direct payment" in page.lower()),
          f"the grant page does not show £2,000.00 held as direct payment: {page[:800]}")
    check(server.query("SELECT count(*) FROM grants")[0][0] == 1, "no grant row")
    sign_out(driver)
    return allocation, grant


def audit(hsg, server, allocation):
    verified = run(hsg, ["audit", "verify", "--db", server.db])
    check(verified.stdout.startswith("ok: "), f"hsg audit verify: {verified.stdout}")
    log = run(hsg, ["audit", "log", "--db", server.db]).stdout
    actors = {}
    for line in log.splitlines():
        fields = line.split()
        if len(fields) >= 5:
            actors.setdefault(fields[3], set()).add(fields[2])
    check(actors.get("client.add") == {"asha"}, f"client.add by {actors.get('client.add')}")
    check(actors.get("allocation.record") == {"asha"},
          f"allocation.record by {actors.get('allocation.record')}")
    approvals = [a for action, who in actors.items() if "approve" in action for a in who]
    check(approvals == ["bilal"], f"the approval's event names {approvals}, not bilal\n{log}")
    check(actors.get("decision.agree") == {"asha"},
          f"decision.agree by {actors.get('decision.agree')}\n{log}")
    check(any(action.startswith("grant.") and "asha" in who for action, who in actors.items()),
          f"no grant event by asha\n{log}")


def test(hsg):
    with Server(hsg) as server:
        server.start()
        profile = os.path.join(server.dir, "chromium-profile")
        shots = os.path.join(server.dir, "screenshots")
        os.makedirs(shots)
        driver = browser(profile)
        try:
            allocation, _ = story(hsg, server, driver, shots)
        finally:
            driver.quit()
        server.stop()
        audit(hsg, server, allocation)


if __name__ == "__main__":
    main(test)
