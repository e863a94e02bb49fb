#include "rules/savings_table_loader.h"

#include <fmt/core.h>

#include <toml++/toml.h>
#include <algorithm>
#include <map>
#include <optional>

#include "engine/text.h"
#include "rules/file_bytes.h"
#include "rules/source_map.h"
#include "rules/toml_reader.h"

namespace hsg::rules {

namespace {

// More rows than any study prints; a bound on the loop over input.
constexpr std::size_t kMaxRows = 1000;

std::string listed(std::span<const std::string_view> keys) {
  std::string out;
  for (const std::string_view key : keys) out += (out.empty() ? "" : ", ") + std::string(key);
  return out;
}

// Where a row's client group was named, to place a problem about sharing it.
struct Naming {
  std::size_t row = 0;
  SourcePosition at;
};

class TableReader {
 public:
  TableReader(const std::string& source, std::span<const std::string_view> client_groups,
              std::vector<Diagnostic>& problems)
      : reader_(source, map_, problems), client_groups_(client_groups) {}

  engine::SavingsTable read(const toml::table& root) {
    engine::SavingsTable table;
    reader_.check_keys(root, "", {"name", "source", "rows"});
    table.name = non_empty(root, "", "name").value_or("");
    table.source = non_empty(root, "", "source").value_or("");
    const toml::array* rows = reader_.array_of_tables(root, "", "rows");
    if (rows == nullptr) return table;
    if (rows->size() > kMaxRows) {
      reader_.error_at(
          *rows, fmt::format("rows holds {} rows; a table has at most {}", rows->size(), kMaxRows));
      return table;
    }
    for (std::size_t i = 0; i < rows->size(); ++i) {
      table.rows.push_back(read_row(*rows->get(i)->as_table(), i));
    }
    check_sharing(table);
    return table;
  }

 private:
  std::optional<std::string> non_empty(const toml::table& table, const std::string& path,
                                       std::string_view key) {
    auto text = reader_.string(table, path, key);
    if (text && text->empty()) {
      reader_.error_at(*table.get(key), fmt::format("{} must not be empty", join_path(path, key)));
      return std::nullopt;
    }
    return text;
  }

  engine::SavingsTableRow read_row(const toml::table& row, std::size_t index) {
    const std::string path = fmt::format("rows[{}]", index);
    reader_.check_keys(row, path, {"label", "client_groups", "savings", "investment", "per_pound"});
    engine::SavingsTableRow out;
    if (auto label = non_empty(row, path, "label")) {
      const SourcePosition at = position_of(row.get("label")->source());
      const auto [first, fresh] = labels_.emplace(*label, at);
      if (!fresh) {
        reader_.error(
            at, fmt::format("{}.label '{}' is already the label of the row at line {}; "
                            "each row's label is its own",
                            path, engine::escaped(engine::excerpt(*label)), first->second.line));
      }
      out.label = std::move(*label);
    }
    out.client_groups = read_groups(row, path, index);
    read_ratio(row, path, out);
    return out;
  }

  std::vector<std::string> read_groups(const toml::table& row, const std::string& path,
                                       std::size_t index) {
    const std::string full = path + ".client_groups";
    const toml::node* node = row.get("client_groups");
    if (node == nullptr) {
      reader_.error_at(row, fmt::format("missing key 'client_groups' in {}", path));
      return {};
    }
    const toml::array* array = node->as_array();
    if (array == nullptr || array->empty()) {
      reader_.error_at(*node, fmt::format("{} must be a non-empty array of client group keys "
                                          "such as [\"older_people\"]",
                                          full));
      return {};
    }
    std::vector<std::string> groups;
    for (const toml::node& element : *array) {
      const auto* text = element.as_string();
      if (text == nullptr) {
        reader_.error_at(element, fmt::format("{} must hold client group keys as strings", full));
        continue;
      }
      const std::string& key = text->get();
      if (std::find(client_groups_.begin(), client_groups_.end(), key) == client_groups_.end()) {
        reader_.error_at(element, fmt::format("unknown client group '{}' in {}; allowed: {}",
                                              engine::escaped(engine::excerpt(key)), full,
                                              listed(client_groups_)));
        continue;
      }
      if (std::find(groups.begin(), groups.end(), key) != groups.end()) {
        reader_.error_at(element, fmt::format("{} names '{}' twice", full, key));
        continue;
      }
      groups.push_back(key);
      named_[key].push_back({index, position_of(element.source())});
    }
    return groups;
  }

  void read_ratio(const toml::table& row, const std::string& path, engine::SavingsTableRow& out) {
    const bool has_savings = row.contains("savings");
    const bool has_investment = row.contains("investment");
    const bool has_per_pound = row.contains("per_pound");
    if (has_per_pound && (has_savings || has_investment)) {
      reader_.error_at(row, fmt::format("{} gives per_pound and {}: give savings and investment, "
                                        "or per_pound, not both",
                                        path, has_savings ? "savings" : "investment"));
      return;
    }
    if (has_per_pound) {
      out.per_pound_pence = reader_.hundredths(row, path, "per_pound");
      return;
    }
    if (!has_savings && !has_investment) {
      reader_.error_at(row, fmt::format("{} needs savings and investment, or per_pound", path));
      return;
    }
    if (has_savings != has_investment) {
      reader_.error_at(row, fmt::format("{} gives {} without {}: the ratio is savings / investment",
                                        path, has_savings ? "savings" : "investment",
                                        has_savings ? "investment" : "savings"));
      return;
    }
    const auto savings = reader_.hundredths(row, path, "savings");
    const auto investment = reader_.hundredths(row, path, "investment");
    if (investment && *investment <= 0) {
      reader_.error_at(*row.get("investment"),
                       fmt::format("{}.investment must be more than 0: the ratio is savings / "
                                   "investment",
                                   path));
      return;
    }
    if (savings && investment) {
      out.savings = engine::Money::from_pence(*savings);
      out.investment = engine::Money::from_pence(*investment);
    }
  }

  // A group named by several rows has its spend divided by their investments.
  void check_sharing(const engine::SavingsTable& table) {
    for (const auto& [group, namings] : named_) {
      if (namings.size() < 2) continue;
      for (const Naming& naming : namings) {
        const engine::SavingsTableRow& row = table.rows[naming.row];
        if (!row.per_pound_pence) continue;
        reader_.error(naming.at,
                      fmt::format("client group '{}' is named by {} rows, and rows[{}] gives "
                                  "per_pound: a group's spend is shared among its rows by their "
                                  "investments, so every row naming it needs savings and "
                                  "investment",
                                  group, namings.size(), naming.row));
      }
    }
  }

  SourceMap map_;
  TomlReader reader_;
  std::span<const std::string_view> client_groups_;
  std::map<std::string, SourcePosition> labels_;
  std::map<std::string, std::vector<Naming>> named_;
};

}  // namespace

Loaded<engine::SavingsTable> load_savings_table_text(
    std::string_view bytes, const std::string& source,
    std::span<const std::string_view> client_groups) {
  toml::table root;
  if (auto syntax = parse_toml(bytes, source, root)) return std::vector<Diagnostic>{*syntax};
  std::vector<Diagnostic> problems;
  TableReader reader(source, client_groups, problems);
  engine::SavingsTable table = reader.read(root);
  if (!problems.empty()) {
    sort_by_position(problems);
    return problems;
  }
  return table;
}

Loaded<engine::SavingsTable> load_savings_table_file(
    const std::filesystem::path& path, std::span<const std::string_view> client_groups) {
  auto bytes = read_file_bytes(path);
  if (!bytes) {
    return std::vector<Diagnostic>{{path.string(), 0, 0, "cannot read the savings table file"}};
  }
  return load_savings_table_text(*bytes, path.string(), client_groups);
}

}  // namespace hsg::rules
