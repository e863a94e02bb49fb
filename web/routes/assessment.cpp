// GET /clients/:ref/assess and POST /clients/:ref/allocations: the questionnaire of the
// rule set in force on the date, generated from the rule set (question text, option
// labels, every area required), and recording the allocation (app::allocate_client).
#include <fmt/format.h>

#include <map>

#include "app/assessment/allocate_client.h"
#include "app/assessment/record_allocation.h"
#include "app/clients/client_register.h"
#include "web/page.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

struct QuestionnaireForm {
  std::string client_ref;
  engine::Date date;
  std::map<std::string, std::string> chosen;  // area → option
  std::string future_reason;
};

void send_questionnaire(Exchange& exchange, int status, const QuestionnaireForm& form,
                        const std::vector<std::string>& problems) {
  Data data;
  data.set("ref", form.client_ref);
  data.set("ref_path", path_segment(form.client_ref));
  data.set("date", form.date.to_string());
  data.set("future_reason", form.future_reason);
  data.set("script", "assess.js");
  Data areas{Data::type::list};
  auto ruleset = app::attempt([&]() -> rules::LoadedRuleset {
    app::StoredRulesets rulesets(exchange.database());
    return rulesets.in_force_on(form.date);
  });
  std::vector<std::string> shown = problems;
  if (ruleset.ok()) {
    const engine::RulesetSpec& spec = ruleset.value().ruleset.spec();
    data.set("ruleset_name", spec.name);
    data.set("ruleset_version", spec.version);
    data.set("ruleset_id", ruleset.value().id);
    for (const engine::QuestionSpec& question : spec.questions) {
      Data area;
      area.set("area", question.id);
      area.set("question", question.text);
      Data options{Data::type::list};
      const auto chosen = form.chosen.find(question.id);
      for (const engine::OptionSpec& option : question.options) {
        Data item;
        item.set("option", option.id);
        item.set("label", option.label);
        item.set("checked", chosen != form.chosen.end() && chosen->second == option.id);
        options.push_back(item);
      }
      area.set("options", options);
      areas.push_back(area);
    }
  } else {
    for (const std::string& problem : problems_of(ruleset.refusal())) shown.push_back(problem);
    if (status == 200) status = 422;
  }
  data.set("areas", areas);
  send_page(exchange, status, fmt::format("New assessment for {}", form.client_ref),
            "questionnaire.mustache", std::move(data), shown);
}

// The client must exist before a form is shown for them.
bool client_known(Exchange& exchange, const std::string& ref) {
  auto history = app::client_history(exchange.database(), ref);
  if (history.ok()) return true;
  send_message(exchange, 404, "Not found", problems_of(history.refusal()).front());
  return false;
}

void show_questionnaire(Exchange& exchange) {
  const std::string ref = exchange.path_part(1);
  if (!client_known(exchange, ref)) return;
  const engine::Date today = exchange.state.clock.today();
  QuestionnaireForm form{ref, today, {}, ""};
  auto date = app::attempt([&] { return date_from(exchange.field("date"), "date", today); });
  if (!date.ok()) {
    send_questionnaire(exchange, 422, form, problems_of(date.refusal()));
    return;
  }
  form.date = date.value();
  send_questionnaire(exchange, 200, form, {});
}

void record_assessment(Exchange& exchange) {
  const std::string ref = exchange.path_part(1);
  const engine::Date today = exchange.state.clock.today();
  const std::vector<engine::NamedAnswer> given = form_answers(exchange);
  QuestionnaireForm form{ref, today, {}, exchange.field("future_reason")};
  for (const engine::NamedAnswer& answer : given) form.chosen[answer.area] = answer.option;
  auto recorded = app::attempt([&] {
    form.date = date_from(exchange.field("date"), "date", today);
    const app::AllocateRequest request{
        ref, form.date, std::nullopt,
        app::FutureDatePermission{today, exchange.optional_field("future_reason")}};
    return unwrap(exchange.write([&](db::Database& database) {
             return app::allocate_client(database, exchange.stamp(), request,
                                         answers_source(given));
           }))
        .id;
  });
  if (!recorded.ok()) {
    if (!client_known(exchange, ref)) return;
    send_questionnaire(exchange, 422, form, problems_of(recorded.refusal()));
    return;
  }
  redirect(exchange, fmt::format("/allocations/{}", recorded.value()));
}

}  // namespace

void add_assessment_routes(RouteTable& table) {
  table.add(Method::get, "/clients/:ref/assess", Answer::page,
            Access::needs(app::Permission::record_assessment), show_questionnaire);
  table.add(Method::post, "/clients/:ref/allocations", Answer::page,
            Access::needs(app::Permission::record_assessment), record_assessment);
}

}  // namespace hsg::web
