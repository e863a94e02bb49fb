#include "web/access_log.h"

#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace hsg::web {

namespace {

spdlog::logger& access_logger() {
  // One logger for the process, thread-safe; created on first use.
  static const std::shared_ptr<spdlog::logger> logger = [] {
    auto created = std::make_shared<spdlog::logger>(
        "access", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    created->set_pattern("%Y-%m-%dT%H:%M:%S.%fZ %v", spdlog::pattern_time_type::utc);
    created->flush_on(spdlog::level::info);
    return created;
  }();
  return *logger;
}

}  // namespace

std::string access_line(const AccessEntry& entry) {
  return fmt::format("access user={} method={} route={} status={} ms={:.1f}",
                     entry.user.empty() ? std::string_view("-") : entry.user, entry.method,
                     entry.route, entry.status, entry.milliseconds);
}

void log_access(const AccessEntry& entry) { access_logger().info(access_line(entry)); }

}  // namespace hsg::web
