#include "rules/support_plan_loader.h"

#include <fmt/core.h>

#include <toml++/toml.h>
#include <algorithm>
#include <set>

#include "rules/file_bytes.h"
#include "rules/plans_config.h"
#include "rules/toml_reader.h"

namespace hsg::rules {

namespace {

constexpr std::size_t kMaxEntries = 1000;
constexpr std::size_t kMaxTextBytes = 2000;

std::string domains_list() {
  std::string out;
  for (std::string_view domain : kOutcomeDomains)
    out += (out.empty() ? "" : ", ") + std::string(domain);
  return out;
}

class PlanReader {
 public:
  PlanReader(const std::string& source, std::vector<Diagnostic>& problems)
      : reader_(source, map_, problems) {}

  void read(const toml::table& root, LoadedSupportPlan& plan) {
    reader_.check_keys(root, "", {"objective", "use"});
    const toml::array* objectives = reader_.array_of_tables(root, "", "objective", false);
    const toml::array* uses = reader_.array_of_tables(root, "", "use", false);
    if (objectives == nullptr && !root.contains("objective")) {
      reader_.error({1, 1}, "a plan needs at least one [[objective]]");
    }
    if (uses == nullptr && !root.contains("use")) {
      reader_.error({1, 1}, "a plan needs at least one [[use]]");
    }
    if (objectives != nullptr) read_objectives(*objectives, plan);
    if (uses != nullptr) read_uses(*uses, plan);
  }

 private:
  // A one-line text of 1..kMaxTextBytes bytes.
  std::optional<std::string> text(const toml::table& table, const std::string& at,
                                  std::string_view key) {
    auto value = reader_.string(table, at, key);
    if (!value) return std::nullopt;
    if (value->empty() || value->size() > kMaxTextBytes ||
        std::any_of(value->begin(), value->end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
      reader_.error_at(*table.get(key), fmt::format("{}.{} must be one line of 1 to {} bytes", at,
                                                    key, kMaxTextBytes));
      return std::nullopt;
    }
    return value;
  }

  std::optional<std::string> key_value(const toml::table& table, const std::string& at,
                                       std::string_view key) {
    auto value = reader_.string(table, at, key);
    if (!value) return std::nullopt;
    if (!is_plan_key(*value)) {
      reader_.error_at(*table.get(key),
                       fmt::format("{}.{} must be 1 to 64 lowercase letters, digits and '_', not "
                                   "'{}'",
                                   at, key, *value));
      return std::nullopt;
    }
    return value;
  }

  void read_objectives(const toml::array& array, LoadedSupportPlan& plan) {
    if (array.size() > kMaxEntries) {
      reader_.error_at(array, "a plan has at most 1000 objectives");
      return;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < array.size(); ++i) {
      const toml::table& table = *array.get(i)->as_table();
      const std::string at = fmt::format("objective[{}]", i);
      reader_.check_keys(table, at, {"id", "text", "domain"});
      const auto id = key_value(table, at, "id");
      const auto description = text(table, at, "text");
      auto domain = reader_.string(table, at, "domain");
      if (domain && std::find(kOutcomeDomains.begin(), kOutcomeDomains.end(), *domain) ==
                        kOutcomeDomains.end()) {
        reader_.error_at(*table.get("domain"),
                         fmt::format("{}.domain '{}' is not an outcome domain; allowed: {}", at,
                                     *domain, domains_list()));
        domain.reset();
      }
      if (id && !seen.insert(*id).second) {
        reader_.error_at(*table.get("id"), fmt::format("objective '{}' is given twice", *id));
        continue;
      }
      if (!id || !description || !domain) continue;
      plan.objectives.push_back(
          {*id, *description, *domain, position_of(table.get("id")->source())});
    }
  }

  void read_uses(const toml::array& array, LoadedSupportPlan& plan) {
    if (array.size() > kMaxEntries) {
      reader_.error_at(array, "a plan has at most 1000 uses");
      return;
    }
    for (std::size_t i = 0; i < array.size(); ++i) {
      const toml::table& table = *array.get(i)->as_table();
      const std::string at = fmt::format("use[{}]", i);
      reader_.check_keys(table, at,
                         {"route", "description", "objective", "provider", "category", "amount"});
      // Plain values rather than optionals: GCC 12 sees the optionals as maybe unset.
      const auto route_read = reader_.integer(table, at, "route");
      const std::int64_t route = route_read.value_or(0);
      bool route_ok = route_read.has_value();
      if (route_ok && (route < 1 || route > 6)) {
        reader_.error_at(*table.get("route"),
                         fmt::format("{}.route must be 1 to 6 (the ways a grant can be used), "
                                     "not {}",
                                     at, route));
        route_ok = false;
      }
      const auto description = text(table, at, "description");
      const auto objective = key_value(table, at, "objective");
      std::optional<std::string> provider;
      bool provider_ok = true;
      if (table.contains("provider")) {
        provider = text(table, at, "provider");
        provider_ok = provider.has_value() && provider->size() <= 200;
        if (provider && !provider_ok) {
          reader_.error_at(*table.get("provider"),
                           fmt::format("{}.provider is at most 200 bytes", at));
        }
      }
      const auto category = key_value(table, at, "category");
      const auto amount_read = reader_.hundredths(table, at, "amount");
      const std::int64_t amount = amount_read.value_or(0);
      if (amount < 0) {
        reader_.error_at(*table.get("amount"), fmt::format("{}.amount may not be negative", at));
        continue;
      }
      if (!route_ok || !description || !objective || !provider_ok || !category || !amount_read) {
        continue;
      }
      auto where = [&](std::string_view key) {
        const toml::node* node = table.get(key);
        return node == nullptr ? position_of(table.source()) : position_of(node->source());
      };
      plan.uses.push_back({route, *description, *objective, provider, *category,
                           engine::Money::from_pence(amount), position_of(table.source()),
                           where("route"), where("objective"), where("provider"), where("category"),
                           where("amount")});
    }
  }

  SourceMap map_;
  TomlReader reader_;
};

}  // namespace

Loaded<LoadedSupportPlan> load_support_plan_text(std::string bytes, std::string source) {
  toml::table root;
  if (auto syntax = parse_toml(bytes, source, root)) return std::vector<Diagnostic>{*syntax};
  std::vector<Diagnostic> problems;
  LoadedSupportPlan plan;
  PlanReader(source, problems).read(root, plan);
  if (!problems.empty()) {
    sort_by_position(problems);
    return problems;
  }
  plan.bytes = std::move(bytes);
  plan.source = std::move(source);
  return plan;
}

Loaded<LoadedSupportPlan> load_support_plan_file(const std::filesystem::path& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return std::vector<Diagnostic>{{path.string(), 0, 0, "cannot read the plan file"}};
  return load_support_plan_text(std::move(*bytes), path.string());
}

}  // namespace hsg::rules
