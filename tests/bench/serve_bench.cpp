// Assessments recorded per second through `hsg serve`'s API by N simulated assessors,
// against two limits measured in the same run.
//
//   serve_bench [requests per N=6000] [hsg binary]
//
// hsg serve: the real binary (`hsg serve --listen 127.0.0.1:0 --threads max(8, N)`) on a fresh
// store holding 128 assessors (added with `hsg user add`) and one client per assessor. For
// N = 1, 8, 32 and 128 concurrent connections (one httplib::Client each, kept alive), each
// assessor signs in once (POST /api/session, untimed) and then records its share of the
// requests through POST /api/clients/REF/allocations, the answers varying from request to
// request. Timed: from the moment all are signed in to the last answer (the connections
// start 1 ms apart). Each request's latency is
// kept for p50 and p99; an answer other than 201 (or none) is an error. The server's peak
// RSS (VmHWM of /proc/PID/status) is read when half the requests are answered and again at
// the end: flat means memory does not grow with the number recorded.
//
// The limits, in the same run and with the same clients: a bare cpp-httplib server in this
// process with as many threads answering the same POST with a constant (what HTTP alone costs
// here), and the same recording done in process through app::allocate_client, one call per
// request as the server makes it (each its own write transaction and commit), on 1 and on 8
// threads with a connection each (the store's own limit).
//
// The issue's targets: at 32 concurrent assessors, >= 2,000 recorded assessments/s and p99
// under 50 ms on the 2-core machine, no error responses, peak RSS flat.
#include <fcntl.h>
#include <fmt/core.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "app/assessment/allocate_client.h"
#include "app/assessment/ruleset_input.h"
#include "db/clients.h"
#include "db/database.h"
#include "db/write_transaction.h"
#include "tests/bench/bench_measure.h"
#include "tests/bench/bench_must.h"

namespace {

using hsg::bench::Clock;
using hsg::bench::seconds_since;
using nlohmann::json;

constexpr std::size_t kAssessors = 128;
constexpr char kPassword[] = "serve-bench-password";
constexpr char kDate[] = "2025-01-15";

template <typename T>
T must(hsg::db::DbResult<T> result) {
  return hsg::bench::must("serve_bench", std::move(result));
}

template <typename T>
T must(hsg::app::Result<T> result) {
  return hsg::bench::must("serve_bench", std::move(result));
}

void run(const std::string& command) {
  if (std::system(command.c_str()) != 0) {
    throw std::runtime_error("serve_bench set-up failed: " + command);
  }
}

std::string assessor(std::size_t i) { return fmt::format("bench{:03}", i); }
std::string client_ref(std::size_t i) { return fmt::format("C-BENCH-{:03}", i); }

// The options chosen by request `k` of assessor `a`: every area answered, varying.
std::vector<std::uint8_t> options_for(const hsg::engine::Ruleset& ruleset, std::size_t a,
                                      std::size_t k) {
  std::vector<std::uint8_t> options;
  for (std::size_t q = 0; q < ruleset.question_count(); ++q) {
    options.push_back(static_cast<std::uint8_t>((k * 7 + a * 3 + q) % ruleset.option_count(q)));
  }
  return options;
}

std::string allocation_body(const hsg::engine::Ruleset& ruleset, std::size_t a, std::size_t k) {
  const std::vector<std::uint8_t> options = options_for(ruleset, a, k);
  json answers = json::object();
  for (std::size_t q = 0; q < options.size(); ++q) {
    const auto& question = ruleset.spec().questions[q];
    answers[question.id] = question.options[options[q]].id;
  }
  return json{{"date", kDate}, {"answers", answers}}.dump();
}

// A store with kAssessors assessors and a client each, made once with the real binary.
void make_store(const std::string& hsg, const std::filesystem::path& db) {
  const std::string at = fmt::format("--db '{}' --actor bench-admin", db.string());
  run(fmt::format("'{}' init {} > /dev/null", hsg, at));
  for (std::size_t i = 0; i < kAssessors; ++i) {
    run(
        fmt::format("printf '%s\\n' '{}' | '{}' user add {} --role assessor --password-stdin {} "
                    "> /dev/null",
                    kPassword, hsg, assessor(i), at));
  }
  hsg::db::Database database = must(hsg::db::Database::open(db));
  const hsg::db::Stamp stamp{"bench-admin", "2025-01-01T00:00:00Z"};
  hsg::db::WriteTransaction transaction = must(hsg::db::WriteTransaction::begin(database));
  hsg::db::ClientRepository clients(database);
  for (std::size_t i = 0; i < kAssessors; ++i) {
    must(clients.add(stamp, {client_ref(i), "older_people", false, std::nullopt}));
  }
  must(transaction.commit());
}

// The real `hsg serve`, started on a free port; stopped with SIGTERM.
class Served {
 public:
  Served(const std::string& hsg, const std::filesystem::path& db, std::size_t workers) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      // The access log (a line per request) beside the store, read when something fails.
      const std::string log = db.string() + ".log";
      const int file = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(file, 2);
      close(out[0]);
      const std::string threads = std::to_string(workers);
      execl(hsg.c_str(), hsg.c_str(), "serve", "--listen", "127.0.0.1:0", "--db", db.c_str(),
            "--threads", threads.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char c = 0;
    pollfd wait{out[0], POLLIN, 0};
    while (line.empty() || line.back() != '\n') {
      if (poll(&wait, 1, 30000) <= 0 || read(out[0], &c, 1) != 1) {
        throw std::runtime_error("hsg serve printed no listening line: " + line);
      }
      line += c;
    }
    close(out[0]);
    const std::string prefix = "hsg serve: listening on http://127.0.0.1:";
    if (line.rfind(prefix, 0) != 0) throw std::runtime_error("unexpected line: " + line);
    port_ = std::stoi(line.substr(prefix.size()));
  }
  Served(const Served&) = delete;
  Served& operator=(const Served&) = delete;
  ~Served() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

// VmHWM of `pid` in MiB.
double peak_rss_mib(pid_t pid) {
  std::ifstream status(fmt::format("/proc/{}/status", pid));
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

struct Figures {
  std::size_t requests = 0;
  double seconds = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  std::size_t errors = 0;
  double rss_half = 0;
  double rss_end = 0;
};

double percentile(std::vector<double>& sorted, double fraction) {
  if (sorted.empty()) return 0;
  const auto at = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1));
  return sorted[at];
}

// One connection per assessor: `prepare` signs it in (untimed, before a barrier), then
// `requests` POSTs of `body(a, k)` to `path(a)` each expecting 201.
Figures load(int port, std::size_t connections, std::size_t requests, bool sign_in,
             const hsg::engine::Ruleset& ruleset, std::optional<pid_t> server) {
  const std::size_t each = requests / connections;
  std::vector<std::vector<double>> latencies(connections);
  std::atomic<std::size_t> errors = 0;
  std::atomic<std::size_t> answered = 0;
  std::atomic<double> rss_half = 0;
  std::barrier start(static_cast<std::ptrdiff_t>(connections + 1));
  std::mutex connecting;
  std::vector<std::thread> threads;
  for (std::size_t a = 0; a < connections; ++a) {
    threads.emplace_back([&, a] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      // httplib writes headers and body apart: without this, Nagle and the delayed ACK
      // add 40 ms to every request.
      client.set_tcp_nodelay(true);
      client.set_read_timeout(60, 0);
      httplib::Headers headers;
      if (sign_in) {
        // One connection at a time: Debian's httplib 0.11 listens with a backlog of 5, and
        // 128 connecting at once overflow it (the kernel logs SYN flooding, some fail).
        const std::lock_guard<std::mutex> one_at_a_time(connecting);
        const json credentials{{"name", assessor(a)}, {"password", kPassword}};
        auto signed_in = client.Post("/api/session", credentials.dump(), "application/json");
        if (!signed_in || signed_in->status != 200) {
          fmt::print(stderr, "serve_bench: sign-in of {} failed: {}\n", assessor(a),
                     signed_in ? std::to_string(signed_in->status)
                               : httplib::to_string(signed_in.error()));
          if (server) kill(*server, SIGTERM);  // exit runs no destructor to stop it
          std::exit(2);
        }
        std::string cookie;
        const auto [first, last] = signed_in->headers.equal_range("Set-Cookie");
        for (auto it = first; it != last; ++it) {
          if (it->second.rfind("hsg_session=", 0) == 0) {
            cookie = it->second.substr(0, it->second.find(';'));
          }
        }
        headers.emplace("Cookie", cookie);
        headers.emplace("X-CSRF-Token",
                        json::parse(signed_in->body).at("csrf_token").get<std::string>());
      }
      std::vector<std::string> bodies;
      for (std::size_t k = 0; k < each; ++k) bodies.push_back(allocation_body(ruleset, a, k));
      const std::string path = fmt::format("/api/clients/{}/allocations", client_ref(a));
      latencies[a].reserve(each);
      start.arrive_and_wait();
      // A connection idle past the server's 5 s keep-alive is closed and made again: ramp
      // those up 1 ms apart, for the same backlog.
      std::this_thread::sleep_for(std::chrono::milliseconds(a));
      for (std::size_t k = 0; k < each; ++k) {
        const auto sent = Clock::now();
        auto response = client.Post(path, headers, bodies[k], "application/json");
        latencies[a].push_back(seconds_since(sent) * 1000.0);
        if (!response || response->status != 201) ++errors;
        if (++answered == each * connections / 2 && server) rss_half = peak_rss_mib(*server);
      }
    });
  }
  start.arrive_and_wait();
  const auto began = Clock::now();
  for (std::thread& thread : threads) thread.join();
  Figures figures;
  figures.seconds = seconds_since(began);
  std::vector<double> all;
  for (const auto& some : latencies) all.insert(all.end(), some.begin(), some.end());
  std::sort(all.begin(), all.end());
  figures.requests = all.size();
  figures.p50_ms = percentile(all, 0.50);
  figures.p99_ms = percentile(all, 0.99);
  figures.errors = errors;
  figures.rss_half = rss_half;
  if (server) figures.rss_end = peak_rss_mib(*server);
  return figures;
}

// The limit of HTTP here: the same requests answered with a constant.
Figures bare_httplib(std::size_t connections, std::size_t workers, std::size_t requests,
                     const hsg::engine::Ruleset& ruleset) {
  httplib::Server server;
  server.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  // As hsg serve keeps connections (web/server.cpp): httplib's own default of 5 requests a
  // connection would make the limit a reconnecting one.
  server.set_tcp_nodelay(true);
  server.set_keep_alive_timeout(5);
  server.set_keep_alive_max_count(1000);
  server.Post(R"(/api/clients/([^/]+)/allocations)",
              [](const httplib::Request&, httplib::Response& response) {
                response.status = 201;
                response.set_content(R"({"allocation_id":1})", "application/json");
              });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread listening([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  Figures figures = load(port, connections, requests, false, ruleset, std::nullopt);
  server.stop();
  listening.join();
  return figures;
}

// The store's own limit: app::allocate_client as the server calls it, a transaction each.
double in_process(const std::filesystem::path& db, std::size_t threads, std::size_t requests) {
  const auto today = *hsg::engine::Date::from_ymd(2026, 1, 1);
  const auto date = *hsg::engine::Date::from_ymd(2025, 1, 15);
  std::barrier start(static_cast<std::ptrdiff_t>(threads + 1));
  std::vector<std::thread> workers;
  for (std::size_t t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      hsg::db::Database database = must(hsg::db::Database::open(db));
      const hsg::db::Stamp stamp{assessor(t), "2025-01-15T10:00:00Z"};
      start.arrive_and_wait();
      for (std::size_t k = 0; k < requests / threads; ++k) {
        const hsg::app::AllocateRequest request{
            client_ref(t), date, std::nullopt, {today, std::nullopt}};
        must(hsg::app::allocate_client(
            database, stamp, request, [&](const hsg::rules::LoadedRuleset& ruleset) {
              return hsg::engine::Answers::from_indices(ruleset.ruleset,
                                                        options_for(ruleset.ruleset, t, k))
                  .value();
            }));
      }
    });
  }
  start.arrive_and_wait();
  const auto began = Clock::now();
  for (std::thread& worker : workers) worker.join();
  return static_cast<double>(requests / threads * threads) / seconds_since(began);
}

void print_row(std::size_t n, const char* what, const Figures& f) {
  const std::string rss =
      f.rss_end > 0 ? fmt::format("{:.1f} / {:.1f}", f.rss_half, f.rss_end) : "-";
  fmt::print("{:>4}  {:<14} {:>8} {:>9.0f} {:>8.2f} {:>8.2f} {:>7}  {}\n", n, what, f.requests,
             static_cast<double>(f.requests) / f.seconds, f.p50_ms, f.p99_ms, f.errors, rss);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t requests = argc > 1 ? std::stoul(argv[1]) : 6000;
  const std::string hsg = argc > 2 ? argv[2] : HSG_BINARY;
  signal(SIGPIPE, SIG_IGN);
  const auto directory =
      std::filesystem::temp_directory_path() / fmt::format("hsg-serve-bench-{}", getpid());
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  const std::filesystem::path made = directory / "made.db";
  fmt::print(stderr, "serve_bench: adding {} assessors with hsg user add\n", kAssessors);
  make_store(hsg, made);
  const hsg::rules::LoadedRuleset medway = hsg::app::load_ruleset_or_builtin(std::nullopt);

  fmt::print("serve_bench: {} requests per N; hsg serve --threads max(8, N); {} cores\n", requests,
             std::thread::hardware_concurrency());
  fmt::print("{:>4}  {:<14} {:>8} {:>9} {:>8} {:>8} {:>7}  {}\n", "N", "server", "requests",
             "req/s", "p50 ms", "p99 ms", "errors", "server VmHWM MiB at half / end");
  for (const std::size_t n : std::array<std::size_t, 4>{1, 8, 32, 128}) {
    const std::filesystem::path db = directory / fmt::format("serve-{}.db", n);
    std::filesystem::copy_file(made, db);
    // httplib serves a kept-alive connection on one worker for its whole life: with fewer
    // workers than connections the rest wait whole seconds (keep-alive timeout) for one.
    const std::size_t workers = std::max<std::size_t>(8, n);
    Figures served;
    {
      Served server(hsg, db, workers);
      served = load(server.port(), n, requests, true, medway.ruleset, server.pid());
    }
    print_row(n, "hsg serve", served);
    print_row(n, "bare httplib", bare_httplib(n, workers, requests, medway.ruleset));
  }
  for (const std::size_t threads : std::array<std::size_t, 2>{1, 8}) {
    const std::filesystem::path db = directory / fmt::format("in-process-{}.db", threads);
    std::filesystem::copy_file(made, db);
    fmt::print("in process, app::allocate_client on {} thread{}: {:.0f} recorded/s\n", threads,
               threads == 1 ? "" : "s", in_process(db, threads, requests));
  }
  std::filesystem::remove_all(directory);
  return 0;
}
