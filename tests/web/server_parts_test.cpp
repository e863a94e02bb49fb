// The server's parts that decide who is let in: sessions and their expiry, the CSRF and
// session tokens, the sign-in rate limit, escaping in every page, and the route table
// (every route says who may use it).
#include <catch2/catch.hpp>

#include <chrono>
#include <regex>
#include <set>
#include <string>

#include "web/login_limiter.h"
#include "web/page.h"
#include "web/random_token.h"
#include "web/routes/routes.h"
#include "web/sessions.h"

using hsg::web::Instant;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

// A monotonic clock the test moves by hand.
struct ManualClock {
  Instant now{};
  std::function<Instant()> function() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("A session ends after 30 minutes unused and after 12 hours however busy",
          "[web][sessions]") {
  ManualClock clock;
  hsg::web::SessionStore store({minutes(30), std::chrono::hours(12)}, clock.function());
  const hsg::web::Session session = store.create("asha");
  CHECK(session.id.size() == 64);
  CHECK(session.csrf_token.size() == 64);
  CHECK(session.id != session.csrf_token);
  CHECK(store.find(session.id)->user == "asha");

  clock.now += minutes(29);
  REQUIRE(store.find(session.id));  // used: the idle limit starts again
  clock.now += minutes(29);
  REQUIRE(store.find(session.id));
  clock.now += minutes(30);
  CHECK_FALSE(store.find(session.id));  // 30 minutes unused

  const hsg::web::Session busy = store.create("asha");
  for (int i = 0; i < 12 * 3; ++i) {
    clock.now += minutes(20);
    if (i < 12 * 3 - 1) REQUIRE(store.find(busy.id));
  }
  CHECK_FALSE(store.find(busy.id));  // 12 hours after sign-in
}

TEST_CASE("A dropped session is gone and an unknown id finds nothing", "[web][sessions]") {
  ManualClock clock;
  hsg::web::SessionStore store({minutes(30), std::chrono::hours(12)}, clock.function());
  const hsg::web::Session session = store.create("asha");
  store.drop(session.id);
  CHECK_FALSE(store.find(session.id));
  CHECK_FALSE(store.find(std::string(64, '0')));
  CHECK_FALSE(store.find(""));
}

TEST_CASE("Tokens are 64 hex digits all different and compare only when equal", "[web][tokens]") {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string token = hsg::web::random_token();
    REQUIRE(std::regex_match(token, std::regex("[0-9a-f]{64}")));
    seen.insert(token);
  }
  CHECK(seen.size() == 1000);
  const std::string token = *seen.begin();
  CHECK(hsg::web::tokens_equal(token, token));
  std::string changed = token;
  changed.back() = changed.back() == '0' ? '1' : '0';
  CHECK_FALSE(hsg::web::tokens_equal(token, changed));
  CHECK_FALSE(hsg::web::tokens_equal(token, token.substr(0, 63)));
  CHECK_FALSE(hsg::web::tokens_equal(token, ""));
  CHECK_FALSE(hsg::web::tokens_equal("", ""));
}

TEST_CASE(
    "After 5 failures in a minute a name is refused even from another address "
    "until the first is a minute old",
    "[web][login_limiter]") {
  ManualClock clock;
  hsg::web::LoginLimiter limiter(5, clock.function());
  for (int i = 0; i < 5; ++i) {
    REQUIRE_FALSE(limiter.limited("asha", "10.0.0.1"));
    limiter.record_failure("asha", "10.0.0.1");
    clock.now += seconds(10);
  }
  CHECK(limiter.limited("asha", "10.0.0.1"));
  CHECK(limiter.limited("asha", "10.0.0.2"));  // the name is limited from anywhere
  CHECK(limiter.limited("bea", "10.0.0.1"));   // and the address for any name
  CHECK_FALSE(limiter.limited("bea", "10.0.0.2"));
  clock.now += seconds(10);  // the first failure is now 60 s old
  CHECK_FALSE(limiter.limited("asha", "10.0.0.2"));
}

TEST_CASE("Every page escapes what it shows", "[web][escaping]") {
  hsg::web::Data data;
  data.set("title", "<script>alert(1)</script>");
  data.set("user", "\"><img src=x onerror=alert(1)>");
  data.set("csrf", "token");
  data.set("has_user", true);
  data.set("message", "<b>&</b>");
  const std::string page = hsg::web::render_page("message.mustache", data);
  CHECK(page.find("<script>alert(1)</script>") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("<img src=x") == std::string::npos);
  CHECK(page.find("<b>&</b>") == std::string::npos);
  CHECK(page.find("&lt;b&gt;&amp;&lt;/b&gt;") != std::string::npos);
}

TEST_CASE(
    "Every route but sign-in and static files needs a session and every write a "
    "permission",
    "[web][routes]") {
  const hsg::web::RouteTable table = hsg::web::server_routes();
  std::set<std::string> open;
  for (const hsg::web::Route& route : table.routes()) {
    const std::string name = std::string(to_string(route.method)) + " " + route.pattern;
    if (!route.access.needs_session()) {
      open.insert(name);
      continue;
    }
    if (route.method != hsg::web::Method::get && route.pattern != "/logout" &&
        route.pattern != "/api/session") {
      INFO(name);
      CHECK(route.access.permission().has_value());
    }
  }
  CHECK(open == std::set<std::string>{"GET /login", "POST /login", "POST /api/session",
                                      "GET /static/style.css", "GET /static/assess.js"});
}

TEST_CASE("A route pattern matches numbers for :id and references for :ref and nothing more",
          "[web][routes]") {
  const std::regex agree(hsg::web::pattern_regex("/allocations/:id/agree"));
  CHECK(std::regex_match("/allocations/12/agree", agree));
  CHECK_FALSE(std::regex_match("/allocations/x/agree", agree));
  CHECK_FALSE(std::regex_match("/allocations/1234567890123456789/agree", agree));
  const std::regex client(hsg::web::pattern_regex("/clients/:ref"));
  CHECK(std::regex_match("/clients/C-1", client));
  CHECK_FALSE(std::regex_match("/clients/C 1", client));
  CHECK(std::regex_match("/static/style.css",
                         std::regex(hsg::web::pattern_regex("/static/style.css"))));
  CHECK_FALSE(std::regex_match("/static/styleXcss",
                               std::regex(hsg::web::pattern_regex("/static/style.css"))));
}
