// The administrator's pages, each doing what an `hsg user`, `hsg rules list` or
// `hsg provider` command does, through the same app/ use case:
//
//   GET  /admin                  the index of the three parts (manage_users)
//   GET  /admin/users            every user, the add form and, with ?name=N, N's forms
//   POST /admin/users            add a user (hsg user add)
//   POST /admin/users/grant|revoke|disable|enable|password   (hsg user grant …)
//   GET  /admin/rulesets         the stored rule sets and where each stands (read_rulesets)
//   GET  /admin/providers        providers and their accreditation (manage_providers)
//   POST /admin/providers        accredit (hsg provider add)
//   POST /admin/providers/end    end an accreditation (hsg provider end)
//
// The user a change is for is the form field `name`, never a part of the path: a name may
// hold spaces and '@'. Each write is one use case through exchange.write (one
// transaction), stamped with the signed-in administrator. What the form itself gets wrong
// (passwords typed differently, a role that is not one) is refused before the use case
// runs; the use case refuses the rest. A refusal is the same page, 422, listing every
// problem, with nothing written and the form filled in again (never a password).
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/present/provider_text.h"
#include "app/present/user_text.h"
#include "app/providers/provider_register.h"
#include "app/rules/ruleset_status.h"
#include "app/users/permissions.h"
#include "app/users/roles.h"
#include "app/users/user_accounts.h"
#include "db/providers.h"
#include "db/stamp.h"
#include "engine/text.h"
#include "web/page.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

// The length of a rule-set id as `hsg rules list` prints it.
constexpr std::size_t kShortIdLength = 12;

// The index ------------------------------------------------------------------------------

void show_index(Exchange& exchange) {
  const auto may = [&](app::Permission permission) {
    return exchange.user && app::permits(exchange.user->roles, permission);
  };
  Data data;
  data.set("may_users", may(app::Permission::manage_users));
  data.set("may_rulesets", may(app::Permission::read_rulesets));
  data.set("may_providers", may(app::Permission::manage_providers));
  send_page(exchange, 200, "Administration", "admin.mustache", std::move(data));
}

// Users ----------------------------------------------------------------------------------

// A role named in a form field, or the problem with it.
std::optional<app::Role> role_named(const std::string& text, std::vector<std::string>& problems) {
  if (text.empty()) {
    problems.push_back(fmt::format("choose a role: one of {}", app::kRoleNames));
    return std::nullopt;
  }
  const auto role = app::parse_role(text);
  if (!role) {
    problems.push_back(fmt::format("role '{}' is not a role: the roles are {}",
                                   engine::excerpt(text), app::kRoleNames));
  }
  return role;
}

// The form's two password fields: the password when they agree.
std::string password_typed_twice(const Exchange& exchange, std::vector<std::string>& problems) {
  const std::string password = exchange.field("password");
  if (password != exchange.field("password_again")) {
    problems.push_back("the two passwords differ: nothing was changed");
  }
  return password;
}

// Every role checkbox ticked (the field `role`, once per role).
std::vector<std::string> ticked_roles(const Exchange& exchange) {
  std::vector<std::string> ticked;
  const auto [first, last] = exchange.request.params.equal_range("role");
  for (auto it = first; it != last; ++it) ticked.push_back(it->second);
  return ticked;
}

// What the users page shows besides the list: the user whose forms are open (none: only
// the add form), what was just done, and the add form as it was sent when it was refused.
struct UsersView {
  std::string selected;
  std::string done;
  std::string new_name;
  std::vector<std::string> new_roles;
};

Data roles_list(const std::vector<app::Role>& roles) {
  Data list{Data::type::list};
  for (const app::Role role : roles) {
    Data item;
    item.set("role", std::string(app::to_string(role)));
    list.push_back(item);
  }
  return list;
}

Data user_row(const app::UserAccount& account, bool selected) {
  Data row;
  row.set("name", account.name);
  row.set("roles", app::roles_text(account));
  row.set("status", std::string(account.disabled ? "disabled" : "enabled"));
  row.set("disabled", account.disabled);
  row.set("added_at", account.added_at);
  row.set("href", "/admin/users?name=" + path_segment(account.name));
  row.set("selected", selected);
  return row;
}

// The forms for one user: the roles they could be granted, those they could lose, and
// disable or enable as they stand.
Data selected_data(const app::UserAccount& account) {
  std::vector<app::Role> not_held;
  for (const app::Role role : app::kRoles) {
    if (std::find(account.roles.begin(), account.roles.end(), role) == account.roles.end()) {
      not_held.push_back(role);
    }
  }
  Data data = user_row(account, true);
  data.set("grantable", roles_list(not_held));
  data.set("has_grantable", !not_held.empty());
  data.set("revocable", roles_list(account.roles));
  data.set("has_revocable", !account.roles.empty());
  return data;
}

Data new_user_roles(const std::vector<std::string>& ticked) {
  Data list{Data::type::list};
  for (const app::Role role : app::kRoles) {
    const std::string name(app::to_string(role));
    Data item;
    item.set("role", name);
    item.set("checked", std::find(ticked.begin(), ticked.end(), name) != ticked.end());
    list.push_back(item);
  }
  return list;
}

void send_users_page(Exchange& exchange, int status, const UsersView& view,
                     std::vector<std::string> problems) {
  Data data;
  auto accounts = app::list_users(exchange.database());
  if (!accounts.ok()) {
    for (const std::string& line : problems_of(accounts.refusal())) problems.push_back(line);
    if (status == 200) status = 422;
  }
  Data rows{Data::type::list};
  std::optional<app::UserAccount> selected;
  if (accounts.ok()) {
    for (const app::UserAccount& account : accounts.value()) {
      const bool is_selected = !view.selected.empty() && account.name == view.selected;
      if (is_selected) selected = account;
      rows.push_back(user_row(account, is_selected));
    }
    data.set("user_count", std::to_string(accounts.value().size()));
  }
  // A refused change to an unknown user already says so.
  if (!view.selected.empty() && !selected && accounts.ok() && problems.empty()) {
    problems.push_back(fmt::format("there is no user named '{}'", engine::excerpt(view.selected)));
    if (status == 200) status = 404;
  }
  data.set("users", rows);
  if (selected) data.set("selected", selected_data(*selected));
  data.set("has_done", !view.done.empty());
  data.set("done", view.done);
  data.set("new_name", view.new_name);
  data.set("new_roles", new_user_roles(view.new_roles));
  send_page(exchange, status, "Users and roles", "admin_users.mustache", std::move(data), problems);
}

// The name a change names, in normal form when it has one (so the page shows that
// user's forms again); as typed otherwise.
std::string selected_name(const Exchange& exchange) {
  const std::string typed = exchange.field("name");
  const auto normal = db::normalise_actor(typed);
  return normal.ok() ? normal.value() : typed;
}

void show_users(Exchange& exchange) {
  UsersView view;
  if (exchange.has_field("name")) view.selected = selected_name(exchange);
  send_users_page(exchange, 200, view, {});
}

void add_user(Exchange& exchange) {
  std::vector<std::string> problems;
  app::AddUserRequest request{exchange.field("name"), {}, password_typed_twice(exchange, problems)};
  const std::vector<std::string> ticked = ticked_roles(exchange);
  for (const std::string& text : ticked) {
    if (const auto role = role_named(text, problems)) request.roles.push_back(*role);
  }
  UsersView refused_view{"", "", request.name, ticked};
  if (!problems.empty()) {
    send_users_page(exchange, 422, refused_view, problems);
    return;
  }
  auto added = exchange.write(
      [&](db::Database& database) { return app::add_user(database, exchange.stamp(), request); });
  if (!added.ok()) {
    send_users_page(exchange, 422, refused_view, problems_of(added.refusal()));
    return;
  }
  send_users_page(
      exchange, 200,
      {added.value().name, app::user_change_line(app::UserChange::added, added.value()), "", {}},
      {});
}

// A change to the user named by the field `name`: `change` runs inside the write and
// returns the account as it now stands; `form_problems` are what the form got wrong.
template <typename Change>
void change_user(Exchange& exchange, std::vector<std::string> form_problems, app::UserChange done,
                 std::optional<app::Role> role, Change change) {
  const std::string name = exchange.field("name");
  UsersView view{selected_name(exchange), "", "", {}};
  if (!form_problems.empty()) {
    send_users_page(exchange, 422, view, form_problems);
    return;
  }
  auto changed = exchange.write(
      [&](db::Database& database) { return change(database, exchange.stamp(), name); });
  if (!changed.ok()) {
    send_users_page(exchange, 422, view, problems_of(changed.refusal()));
    return;
  }
  view.selected = changed.value().name;
  view.done = app::user_change_line(done, changed.value(), role);
  send_users_page(exchange, 200, view, {});
}

Handler role_change(app::UserChange done) {
  return [done](Exchange& exchange) {
    std::vector<std::string> problems;
    const auto role = role_named(exchange.field("role"), problems);
    change_user(exchange, problems, done, role,
                [&](db::Database& database, const db::Stamp& stamp, const std::string& name) {
                  return done == app::UserChange::granted
                             ? app::grant_role(database, stamp, name, *role)
                             : app::revoke_role(database, stamp, name, *role);
                });
  };
}

Handler status_change(app::UserChange done) {
  return [done](Exchange& exchange) {
    const std::string reason = exchange.field("reason");
    change_user(exchange, {}, done, std::nullopt,
                [&](db::Database& database, const db::Stamp& stamp, const std::string& name) {
                  return done == app::UserChange::disabled
                             ? app::disable_user(database, stamp, name, reason)
                             : app::enable_user(database, stamp, name, reason);
                });
  };
}

void set_user_password(Exchange& exchange) {
  std::vector<std::string> problems;
  const std::string password = password_typed_twice(exchange, problems);
  change_user(exchange, problems, app::UserChange::password_set, std::nullopt,
              [&](db::Database& database, const db::Stamp& stamp, const std::string& name) {
                return app::set_password(database, stamp, name, password);
              });
}

// Rule sets ------------------------------------------------------------------------------

void show_rulesets(Exchange& exchange) {
  auto listed = app::list_rulesets(exchange.database());
  if (!listed.ok()) {
    send_message(exchange, 422, "Rule sets", problems_of(listed.refusal()).front());
    return;
  }
  Data rows{Data::type::list};
  for (const app::ListedRuleset& ruleset : listed.value()) {
    const db::RulesetInfo& info = ruleset.info;
    Data row;
    row.set("effective", info.effective_from.to_string());
    row.set("name", info.name);
    row.set("version", info.version);
    row.set("short_id", info.id.substr(0, kShortIdLength));
    row.set("id", info.id);
    row.set("status", ruleset.status);
    rows.push_back(row);
  }
  Data data;
  data.set("rulesets", rows);
  data.set("has_rulesets", !listed.value().empty());
  data.set("count", std::to_string(listed.value().size()));
  send_page(exchange, 200, "Rule sets", "admin_rulesets.mustache", std::move(data));
}

// Providers ------------------------------------------------------------------------------

// Which form a providers page answers: the one posted is filled in again as it was sent.
enum class ProviderForm { none, accredit, end };

// The forms' fields: the posted form's as sent, so a refused form shows what was typed.
Data providers_form_data(const Exchange& exchange, ProviderForm posted) {
  Data data;
  data.set("today", exchange.state.clock.today().to_string());
  const bool accrediting = posted == ProviderForm::accredit;
  for (const char* name : {"accredited_from", "until"}) {
    data.set(name, accrediting ? exchange.field(name) : std::string());
  }
  data.set("name", accrediting ? exchange.field("name") : std::string());
  data.set("date", posted == ProviderForm::end ? exchange.field("date") : std::string());
  const std::string kind =
      !accrediting || exchange.field("kind").empty() ? "generalist" : exchange.field("kind");
  Data kinds{Data::type::list};
  for (const std::string_view known : db::kProviderKinds) {
    Data item;
    item.set("kind", std::string(known));
    item.set("selected", known == kind);
    kinds.push_back(item);
  }
  data.set("kinds", kinds);
  return data;
}

Data provider_row(const db::Provider& provider, engine::Date today) {
  Data row;
  row.set("name", provider.name);
  row.set("kind", provider.kind);
  row.set("added_on", provider.added_on.to_string());
  Data periods{Data::type::list};
  for (const db::Accreditation& period : provider.accreditations) {
    Data item;
    item.set("number", std::to_string(period.number));
    item.set("period", app::accreditation_period_text(period));
    periods.push_back(item);
  }
  row.set("periods", periods);
  Data ends{Data::type::list};
  for (const db::ProviderEnd& end : provider.ends) {
    Data item;
    item.set("on", end.on.to_string());
    ends.push_back(item);
  }
  row.set("ends", ends);
  row.set("has_ends", !provider.ends.empty());
  row.set("accredited_today", db::accredited_on(provider, today));
  return row;
}

// `ending` is the provider the end form names when it was posted.
void send_providers_page(Exchange& exchange, int status, Data data,
                         std::vector<std::string> problems, const std::string& ending = "") {
  const engine::Date today = exchange.state.clock.today();
  auto providers = app::list_providers(exchange.database(), std::nullopt);
  if (!providers.ok()) {
    for (const std::string& line : problems_of(providers.refusal())) problems.push_back(line);
    if (status == 200) status = 422;
  }
  Data rows{Data::type::list};
  Data names{Data::type::list};
  if (providers.ok()) {
    for (const db::Provider& provider : providers.value()) {
      rows.push_back(provider_row(provider, today));
      Data name;
      name.set("name", provider.name);
      name.set("selected", provider.name == ending);
      names.push_back(name);
    }
  }
  data.set("providers", rows);
  data.set("has_providers", providers.ok() && !providers.value().empty());
  data.set("provider_names", names);
  send_page(exchange, status, "Providers", "admin_providers.mustache", std::move(data), problems);
}

void show_providers(Exchange& exchange) {
  send_providers_page(exchange, 200, providers_form_data(exchange, ProviderForm::none), {});
}

// A date the form must give: a problem when blank or not a date.
std::optional<engine::Date> required_date(const Exchange& exchange, const std::string& name,
                                          std::vector<std::string>& problems) {
  const std::string text = exchange.field(name);
  if (text.find_first_not_of(" \t") == std::string::npos) {
    problems.push_back(fmt::format("{}: the date is required", name));
    return std::nullopt;
  }
  auto date = app::attempt([&] { return date_from(text, name, engine::Date{}); });
  if (date.ok()) return date.value();
  for (const std::string& line : problems_of(date.refusal())) problems.push_back(line);
  return std::nullopt;
}

void accredit(Exchange& exchange) {
  std::vector<std::string> problems;
  db::NewAccreditation accreditation{
      exchange.field("name"),
      exchange.field("kind").empty() ? "generalist" : exchange.field("kind"), engine::Date{},
      std::nullopt};
  if (const auto from = required_date(exchange, "accredited_from", problems)) {
    accreditation.from = *from;
  }
  if (exchange.optional_field("until")) {
    if (const auto until = required_date(exchange, "until", problems)) {
      accreditation.until = *until;
    }
  }
  if (!problems.empty()) {
    send_providers_page(exchange, 422, providers_form_data(exchange, ProviderForm::accredit),
                        problems);
    return;
  }
  auto number = exchange.write([&](db::Database& database) {
    return app::accredit_provider(database, exchange.stamp(), accreditation);
  });
  if (!number.ok()) {
    send_providers_page(exchange, 422, providers_form_data(exchange, ProviderForm::accredit),
                        problems_of(number.refusal()));
    return;
  }
  Data data = providers_form_data(exchange, ProviderForm::none);
  data.set("done", app::accredited_line(accreditation, number.value()));
  send_providers_page(exchange, 200, std::move(data), {});
}

void end_accreditation(Exchange& exchange) {
  std::vector<std::string> problems;
  const std::string name = exchange.field("name");
  if (name.empty()) problems.push_back("choose the provider whose accreditation ends");
  const auto date = required_date(exchange, "date", problems);
  if (!problems.empty()) {
    send_providers_page(exchange, 422, providers_form_data(exchange, ProviderForm::end), problems,
                        name);
    return;
  }
  const app::ProviderEndRequest request{name, *date};
  auto ended = exchange.write([&](db::Database& database) {
    return app::end_provider(database, exchange.stamp(), request);
  });
  if (!ended.ok()) {
    send_providers_page(exchange, 422, providers_form_data(exchange, ProviderForm::end),
                        problems_of(ended.refusal()), name);
    return;
  }
  Data data = providers_form_data(exchange, ProviderForm::none);
  data.set("done", app::ended_line(name, *date));
  send_providers_page(exchange, 200, std::move(data), {});
}

}  // namespace

void add_admin_routes(RouteTable& table) {
  const Access users = Access::needs(app::Permission::manage_users);
  const Access providers = Access::needs(app::Permission::manage_providers);
  table.add(Method::get, "/admin", Answer::page, users, show_index);
  table.add(Method::get, "/admin/users", Answer::page, users, show_users);
  table.add(Method::post, "/admin/users", Answer::page, users, add_user);
  table.add(Method::post, "/admin/users/grant", Answer::page, users,
            role_change(app::UserChange::granted));
  table.add(Method::post, "/admin/users/revoke", Answer::page, users,
            role_change(app::UserChange::revoked));
  table.add(Method::post, "/admin/users/disable", Answer::page, users,
            status_change(app::UserChange::disabled));
  table.add(Method::post, "/admin/users/enable", Answer::page, users,
            status_change(app::UserChange::enabled));
  table.add(Method::post, "/admin/users/password", Answer::page, users, set_user_password);
  table.add(Method::get, "/admin/rulesets", Answer::page,
            Access::needs(app::Permission::read_rulesets), show_rulesets);
  table.add(Method::get, "/admin/providers", Answer::page, providers, show_providers);
  table.add(Method::post, "/admin/providers", Answer::page, providers, accredit);
  table.add(Method::post, "/admin/providers/end", Answer::page, providers, end_accreditation);
}

}  // namespace hsg::web
