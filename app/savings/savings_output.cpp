#include "app/savings/savings_output.h"

#include <fmt/core.h>

#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "app/present/csv_field.h"
#include "app/whatif/whatif_output.h"

namespace hsg::app {

namespace {

using engine::Money;

constexpr char kNone[] = "—";

std::string percent_text(const std::optional<std::int64_t>& percent) {
  return percent ? fmt::format("{}%", *percent) : std::string(kNone);
}

// The same quotient as the percentage, read as pence per £1.
std::string per_pound_text(const std::optional<std::int64_t>& percent) {
  return percent ? pounds(Money::from_pence(*percent)) : std::string(kNone);
}

std::string groups_text(const engine::SavingsRowEstimate& row) {
  std::string text;
  for (const engine::GroupSpend& share : row.shares) {
    text += (text.empty() ? "" : " ") + share.client_group;
  }
  return text;
}

std::size_t code_points(std::string_view text) {
  std::size_t points = 0;
  for (const char c : text) points += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  return points;
}

std::string padded(std::string_view text, std::size_t width, bool right) {
  const std::size_t points = code_points(text);
  const std::string pad(width > points ? width - points : 0, ' ');
  return right ? pad + std::string(text) : std::string(text) + pad;
}

struct SharedGroup {
  Money spend;
  std::vector<std::pair<std::string, Money>> rows;  // label, share
};

// Groups named by more than one row, with each row's share, by group key.
std::map<std::string, SharedGroup> shared_groups(const engine::SavingsEstimate& estimate) {
  std::map<std::string, SharedGroup> groups;
  for (const engine::SavingsRowEstimate& row : estimate.rows) {
    for (const engine::GroupSpend& share : row.shares) {
      SharedGroup& group = groups[share.client_group];
      group.spend += share.spend;
      group.rows.emplace_back(row.label, share.spend);
    }
  }
  std::erase_if(groups, [](const auto& entry) { return entry.second.rows.size() < 2; });
  return groups;
}

nlohmann::ordered_json percent_json(const std::optional<std::int64_t>& percent) {
  return percent ? nlohmann::ordered_json(*percent) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json per_pound_json(const std::optional<std::int64_t>& percent) {
  return percent ? nlohmann::ordered_json(Money::from_pence(*percent).to_string())
                 : nlohmann::ordered_json(nullptr);
}

}  // namespace

std::string_view basis_words(SpendBasis basis) {
  return basis == SpendBasis::posted
             ? "expenditure posted in the ledger in the period (debit − credit)"
             : "instalments of grants due in the period, not cancelled, posted or not";
}

void write_savings_text(std::ostream& out, const SavingsReport& report) {
  const engine::SavingsEstimate& estimate = report.estimate;
  out << fmt::format("Savings estimate, {} to {} (both days included)\n", report.from.to_string(),
                     report.to.to_string());
  out << fmt::format("Spend ({}): {}, by client group\n", to_string(report.basis),
                     basis_words(report.basis));
  out << fmt::format("Table: {}, from {}\n  {}\n\n", report.table_name, report.table_source,
                     report.table_citation);
  std::size_t label_width = 5;
  for (const engine::SavingsRowEstimate& row : estimate.rows) {
    label_width = std::max(label_width, code_points(row.label));
  }
  const auto line = [&](std::string_view label, Money spend, Money savings,
                        const std::optional<std::int64_t>& percent, std::string_view groups) {
    std::string text = fmt::format(
        "{}  {}  {}  {}  {}", padded(label, label_width, false), padded(pounds(spend), 15, true),
        padded(pounds(savings), 15, true), padded(percent_text(percent), 9, true),
        padded(per_pound_text(percent), 8, true));
    if (!groups.empty()) text += "  " + std::string(groups);
    out << text << "\n";
  };
  out << fmt::format("{}  {}  {}  {}  {}  {}\n", padded("", label_width, false),
                     padded("spend", 15, true), padded("savings", 15, true),
                     padded("savings %", 9, true), padded("per £1", 8, true), "client groups");
  for (const engine::SavingsRowEstimate& row : estimate.rows) {
    line(row.label, row.spend, row.savings, row.percent, groups_text(row));
  }
  line("Total", estimate.total.spend, estimate.total.savings, estimate.total.percent, "");

  const auto shared = shared_groups(estimate);
  bool heading = false;
  for (const auto& [group, shares] : shared) {
    if (shares.spend.pence() == 0) continue;
    if (!heading) {
      out << "\nSpend of a client group several rows name, shared by the rows' investments:\n";
      heading = true;
    }
    std::string parts;
    for (const auto& [label, share] : shares.rows) {
      parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", label, pounds(share));
    }
    out << fmt::format("  {} {}: {}\n", group, pounds(shares.spend), parts);
  }

  out << "\nClient groups with no ratio in the table (their spend is not in the total):\n";
  if (estimate.unmapped.empty()) out << "  none\n";
  std::size_t group_width = 0;
  for (const engine::GroupSpend& group : estimate.unmapped) {
    group_width = std::max(group_width, code_points(group.client_group));
  }
  for (const engine::GroupSpend& group : estimate.unmapped) {
    out << fmt::format("  {}  {}\n", padded(group.client_group, group_width, false),
                       padded(pounds(group.spend), 15, true));
  }
  out << fmt::format("Spend of all client groups {}: {} with a ratio, {} with none\n",
                     pounds(estimate.total.spend_all), pounds(estimate.total.spend),
                     pounds(estimate.total.spend_unmapped));
}

void write_savings_json(std::ostream& out, const SavingsReport& report) {
  const engine::SavingsEstimate& estimate = report.estimate;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const engine::SavingsRowEstimate& row : estimate.rows) {
    nlohmann::ordered_json shares = nlohmann::ordered_json::array();
    for (const engine::GroupSpend& share : row.shares) {
      shares.push_back({{"client_group", share.client_group}, {"spend", share.spend.to_string()}});
    }
    rows.push_back({{"label", row.label},
                    {"client_groups", shares},
                    {"spend", row.spend.to_string()},
                    {"savings", row.savings.to_string()},
                    {"percent", percent_json(row.percent)},
                    {"per_pound", per_pound_json(row.percent)}});
  }
  nlohmann::ordered_json unmapped = nlohmann::ordered_json::array();
  for (const engine::GroupSpend& group : estimate.unmapped) {
    unmapped.push_back({{"client_group", group.client_group}, {"spend", group.spend.to_string()}});
  }
  const engine::SavingsTotal& total = estimate.total;
  out << nlohmann::ordered_json{{"from", report.from.to_string()},
                                {"to", report.to.to_string()},
                                {"basis", to_string(report.basis)},
                                {"table",
                                 {{"name", report.table_name},
                                  {"file", report.table_source},
                                  {"source", report.table_citation}}},
                                {"rows", rows},
                                {"total",
                                 {{"spend", total.spend.to_string()},
                                  {"savings", total.savings.to_string()},
                                  {"percent", percent_json(total.percent)},
                                  {"per_pound", per_pound_json(total.percent)},
                                  {"spend_no_ratio", total.spend_unmapped.to_string()},
                                  {"spend_all", total.spend_all.to_string()}}},
                                {"unmapped", unmapped}}
             .dump(2)
      << "\n";
}

void write_savings_csv(std::ostream& out, const SavingsReport& report) {
  const engine::SavingsEstimate& estimate = report.estimate;
  const auto line = [&](std::string_view kind, std::string_view label, std::string_view groups,
                        Money spend, std::optional<Money> savings,
                        const std::optional<std::int64_t>& percent) {
    std::string text(kind);
    text += ',';
    append_csv_field(text, label);
    text += ',';
    append_csv_field(text, groups);
    text += fmt::format(",{},{},{},{}\r\n", spend.to_string(),
                        savings ? savings->to_string() : std::string(),
                        percent ? std::to_string(*percent) : std::string(),
                        percent ? Money::from_pence(*percent).to_string() : std::string());
    out << text;
  };
  out << "kind,label,client_groups,spend,savings,percent,per_pound\r\n";
  for (const engine::SavingsRowEstimate& row : estimate.rows) {
    line("row", row.label, groups_text(row), row.spend, row.savings, row.percent);
  }
  line("total", "Total", "", estimate.total.spend, estimate.total.savings, estimate.total.percent);
  for (const engine::GroupSpend& group : estimate.unmapped) {
    line("no_ratio", "", group.client_group, group.spend, std::nullopt, std::nullopt);
  }
}

}  // namespace hsg::app
