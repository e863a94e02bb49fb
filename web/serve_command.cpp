#include "web/serve_command.h"

#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <boost/program_options.hpp>
#include <charconv>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <thread>

#include "db/database.h"
#include "web/route_listing.h"
#include "web/routes/routes.h"
#include "web/server.h"

namespace hsg::web {

namespace {

namespace po = boost::program_options;

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

constexpr const char* kUsage =
    "Usage: hsg serve [--listen ADDR:PORT] [--db PATH] [--tls-cert FILE --tls-key FILE]\n"
    "                 [--threads N] [--session-idle-minutes N] [--session-max-hours N]\n"
    "                 [--trust-proxy-user HEADER] [--login-attempts N]\n\n"
    "Serves the web application: sign-in, the caseload, clients, assessments, decisions,\n"
    "approvals and grants as pages, and the same actions as a JSON API under /api/. Every\n"
    "write is recorded with the signed-in user as its actor. The database must exist\n"
    "(hsg init). Prints 'hsg serve: listening on URL' once listening; SIGTERM or SIGINT\n"
    "finishes the requests in flight and stops.\n\n"
    "Example: hsg serve --listen 127.0.0.1:8080 --db /var/lib/hsg/hsg.db\n\n";

struct Listen {
  std::string host;
  int port = 0;
};

Listen parse_listen(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    throw UsageError(fmt::format("--listen '{}' is not ADDRESS:PORT (e.g. 127.0.0.1:8080)", text));
  }
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const std::string port_text = text.substr(colon + 1);
  int port = -1;
  const auto parsed = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (parsed.ec != std::errc() || parsed.ptr != port_text.data() + port_text.size() || port < 0 ||
      port > 65535) {
    throw UsageError(fmt::format("--listen '{}': the port must be 0 to 65535", text));
  }
  return {host, port};
}

std::size_t bounded(const po::variables_map& values, const char* name, std::int64_t low,
                    std::int64_t high) {
  const std::int64_t value = values[name].as<std::int64_t>();
  if (value < low || value > high) {
    throw UsageError(fmt::format("--{} must be {} to {}", name, low, high));
  }
  return static_cast<std::size_t>(value);
}

std::filesystem::path database_path(const po::variables_map& values) {
  if (values.count("db")) return values["db"].as<std::string>();
  if (const char* environment = std::getenv("HSG_DB"); environment && *environment) {
    return environment;
  }
  return "hsg.db";
}

// The store must be there and initialised: serving would otherwise create an empty system
// of record, or migrate a file someone else is upgrading.
void check_database(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) {
    throw UsageError(fmt::format(
        "no database at {}; create one with 'hsg init' or name one with --db or $HSG_DB",
        path.string()));
  }
  auto opened = db::Database::open_read_only(path);
  if (!opened.ok()) throw UsageError(opened.error().message);
}

ServeOptions parse(const std::vector<std::string>& args, std::ostream& out, bool& answered) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help and exit")(
      "routes", "list every route with what it needs and the roles that allows, and exit")(
      "listen", po::value<std::string>()->default_value("127.0.0.1:8080")->value_name("ADDR:PORT"),
      "address and port to listen on; port 0 picks a free one")(
      "db", po::value<std::string>()->value_name("PATH"),
      "database file (default: $HSG_DB, else hsg.db here)")(
      "tls-cert", po::value<std::string>()->value_name("FILE"),
      "serve HTTPS with this PEM certificate (chain) ...")(
      "tls-key", po::value<std::string>()->value_name("FILE"), "... and this PEM private key")(
      "threads", po::value<std::int64_t>()->default_value(32)->value_name("N"),
      "worker threads, each with its own database connection (1 to 1024)")(
      "session-idle-minutes", po::value<std::int64_t>()->default_value(30)->value_name("N"),
      "sign a session out after N minutes unused (1 to 1440)")(
      "session-max-hours", po::value<std::int64_t>()->default_value(12)->value_name("N"),
      "sign a session out N hours after sign-in however busy (1 to 168)")(
      "trust-proxy-user", po::value<std::string>()->value_name("HEADER"),
      "take the signed-in user's name from this request header set by a reverse proxy "
      "(single sign-on); only when nothing but the proxy can reach hsg (docs/administrator.md)")(
      "login-attempts", po::value<std::int64_t>()->default_value(5)->value_name("N"),
      "failed sign-ins in a minute, per user name or address, before further attempts are "
      "refused (1 to 1000)");
  po::variables_map values;
  try {
    po::store(po::command_line_parser(args).options(options).run(), values);
    po::notify(values);
  } catch (const po::error& error) {
    throw UsageError(fmt::format("{} (see 'hsg serve --help')", error.what()));
  }
  if (values.count("help")) {
    out << kUsage << options << "\n";
    answered = true;
    return {};
  }
  if (values.count("routes")) {
    write_route_listing(out, server_routes());
    answered = true;
    return {};
  }
  ServeOptions serve;
  const Listen listen = parse_listen(values["listen"].as<std::string>());
  serve.host = listen.host;
  serve.port = listen.port;
  serve.database = database_path(values);
  if (values.count("tls-cert") != values.count("tls-key")) {
    throw UsageError("--tls-cert and --tls-key go together");
  }
  if (values.count("tls-cert")) {
    serve.tls_certificate = values["tls-cert"].as<std::string>();
    serve.tls_key = values["tls-key"].as<std::string>();
    for (const auto& file : {*serve.tls_certificate, *serve.tls_key}) {
      if (!std::filesystem::exists(file)) {
        throw UsageError(fmt::format("no such file {}", file.string()));
      }
    }
  }
  serve.threads = bounded(values, "threads", 1, 1024);
  serve.sessions.idle = std::chrono::minutes(bounded(values, "session-idle-minutes", 1, 24 * 60));
  serve.sessions.absolute = std::chrono::hours(bounded(values, "session-max-hours", 1, 7 * 24));
  serve.login_attempts = bounded(values, "login-attempts", 1, 1000);
  if (values.count("trust-proxy-user")) {
    const std::string header = values["trust-proxy-user"].as<std::string>();
    if (header.empty() || header.find_first_not_of(
                              "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") !=
                              std::string::npos) {
      throw UsageError("--trust-proxy-user must be a header name (letters, digits and '-')");
    }
    serve.trust_proxy_user = header;
  }
  check_database(serve.database);
  return serve;
}

// Waits for SIGTERM or SIGINT (blocked in every thread, so only this one takes them) and
// stops the server; ends by itself when the server stopped for another reason.
void watch_signals(Server& server, const sigset_t& signals, const std::atomic<bool>& finished) {
  const timespec poll{0, 100'000'000};
  while (!finished) {
    if (sigtimedwait(&signals, nullptr, &poll) > 0) {
      while (!finished) {
        server.stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      return;
    }
  }
}

}  // namespace

int serve_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ServeOptions options;
  try {
    bool answered = false;
    options = parse(args, out, answered);
    if (answered) return 0;
  } catch (const UsageError& error) {
    err << "hsg: error: " << error.what() << "\n";
    return 1;
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // A client that goes away mid-answer is the server's to notice, not a reason to die.
  ::signal(SIGPIPE, SIG_IGN);
  try {
    Server server(options, system_clock());
    server.bind();
    out << "hsg serve: listening on " << server.url() << "\n";
    out.flush();
    std::atomic<bool> finished{false};
    std::thread watcher([&] { watch_signals(server, signals, finished); });
    const bool served = server.run();
    finished = true;
    watcher.join();
    if (!served) {
      err << "hsg: error: the server stopped unexpectedly\n";
      return 2;
    }
    return 0;
  } catch (const std::exception& error) {
    err << "hsg: error: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace hsg::web
