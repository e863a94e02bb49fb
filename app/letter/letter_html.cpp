// The decision letter as one printable page (app/letter/decision_letter.h).
//
// Written for the person assessed, not for staff: short sentences, the rule set's own
// labels for needs and types of support (never their keys), dates in words, money as
// "£1,234.56". Every figure of the decision statement (app/present/statement_text.h) is
// here: each answer and its points, each score against its thresholds, hours × weeks ×
// rate = amount per type, the indicative total and any limit, every decision, the
// review dates and the right to a review. Sections follow the order a reader asks in:
// how much, how it was worked out, what was agreed, how it is paid, what it is for,
// when it is looked at again, what to do if it is wrong.
#include <fmt/core.h>

#include <array>
#include <map>
#include <sstream>
#include <string>

#include "app/letter/decision_letter.h"
#include "app/present/html_escape.h"
#include "app/present/statement_text.h"
#include "engine/version.h"
#include "rules/support_plan_loader.h"

namespace hsg::app {

namespace {

using engine::Money;

std::string pounds(Money money) { return "£" + money.to_grouped_string(); }

// "15 January 2025".
std::string date_words(engine::Date date) {
  static constexpr std::array<std::string_view, 12> kMonths{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return fmt::format("{} {} {}", date.day(), kMonths[date.month() - 1], date.year());
}

// A stored timestamp ("2025-01-15T10:00:00.000000Z") as the day it names, in words.
std::string day_of(std::string_view timestamp) {
  const auto date = engine::Date::parse(timestamp.substr(0, 10));
  return date ? date_words(*date) : html_escape(timestamp);
}

std::string plural(std::int64_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

constexpr char kStyle[] =
    R"(@page{size:A4;margin:14mm 16mm 14mm 16mm}
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:9.5pt;line-height:1.3;color:#111;margin:0 auto;max-width:178mm}
header{display:flex;justify-content:space-between;align-items:flex-start;border-bottom:1.5pt solid #1d4f91;padding-bottom:3mm;margin-bottom:4mm}
.council{font-size:15pt;font-weight:bold;color:#1d4f91}.department{font-size:11pt}
.from p,.to p{margin:0}.contact{text-align:right;font-size:9pt}
.unset{border:1.5pt dashed #b32d2e;color:#b32d2e;padding:2mm 3mm;font-weight:bold}
.to{margin-bottom:2mm}.dated{text-align:right;margin:0 0 3mm 0}
h1{font-size:14pt;margin:0 0 3mm 0}h2{font-size:11pt;color:#1d4f91;margin:4mm 0 1.2mm 0;break-after:avoid}
p{margin:0 0 2mm 0}ul,ol{margin:0 0 2mm 0;padding-left:6mm}li{margin-bottom:.8mm}
table{border-collapse:collapse;width:100%;margin:1mm 0 2mm 0;font-size:9pt;break-inside:auto}
th,td{border-bottom:.5pt solid #bbb;padding:.5mm 1.5mm;text-align:left;vertical-align:top}
table.answers td:first-child{width:40%}table.answers td:nth-child(2){width:34%}
ul.payments{columns:3;list-style:none;padding-left:0}ul.payments li{break-inside:avoid}
th{background:#eef2f7}td.money,th.money{text-align:right;white-space:nowrap}
tr{break-inside:avoid}.total{font-size:12pt;font-weight:bold}
.box{border:1pt solid #1d4f91;padding:2mm 3mm;margin:2mm 0 3mm 0}
footer{margin-top:6mm;border-top:.5pt solid #bbb;padding-top:1.5mm;font-size:7.5pt;color:#555}
@media screen{body{margin:2em auto;padding:0 1em}}
)";

class LetterWriter {
 public:
  explicit LetterWriter(const DecisionLetter& letter)
      : letter_(letter),
        shown_(letter.allocation),
        ruleset_(letter.allocation.ruleset.ruleset),
        spec_(ruleset_.spec()),
        allocation_(letter.allocation.traced.allocation),
        trace_(letter.allocation.traced.trace) {}

  std::string write() {
    out_ << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
         << fmt::format("<title>Your housing support grant: {}</title>\n",
                        html_escape(shown_.client_ref))
         << "<style>" << kStyle << "</style>\n</head>\n<body>\n";
    heading();
    amount();
    working();
    decisions();
    payments();
    uses();
    reviews();
    review_rights();
    footer();
    out_ << "</body>\n</html>\n";
    return out_.str();
  }

 private:
  std::string label(std::size_t intervention) const {
    return html_escape(spec_.interventions[intervention].label);
  }

  void heading() {
    out_ << "<header>\n<div class=\"from\">\n";
    if (letter_.letterhead) {
      const rules::Letterhead& head = *letter_.letterhead;
      out_ << fmt::format("<p class=\"council\">{}</p>\n", html_escape(head.name));
      if (head.department) {
        out_ << fmt::format("<p class=\"department\">{}</p>\n", html_escape(*head.department));
      }
      for (const std::string& line : head.address) out_ << "<p>" << html_escape(line) << "</p>\n";
    } else {
      out_ << "<p class=\"council\">Housing support grant</p>\n"
              "<p class=\"unset\">No letterhead is set: the council&#39;s name and address "
              "belong here (hsg letter --letterhead FILE, hsg serve --letterhead FILE).</p>\n";
    }
    out_ << "</div>\n<div class=\"contact\">\n";
    if (letter_.letterhead) {
      if (letter_.letterhead->telephone) {
        out_ << fmt::format("<p>Telephone: {}</p>\n", html_escape(*letter_.letterhead->telephone));
      }
      if (letter_.letterhead->email) {
        out_ << fmt::format("<p>Email: {}</p>\n", html_escape(*letter_.letterhead->email));
      }
    }
    out_ << fmt::format("<p>Your reference: {}</p>\n</div>\n</header>\n",
                        html_escape(shown_.client_ref));
    out_ << "<div class=\"to\">\n";
    if (letter_.client_name) out_ << "<p>" << html_escape(*letter_.client_name) << "</p>\n";
    out_ << fmt::format("<p>Client reference {}</p>\n</div>\n", html_escape(shown_.client_ref));
    out_ << fmt::format("<p class=\"dated\">{}</p>\n", date_words(letter_.date));
    out_ << fmt::format("<p>Dear {},</p>\n",
                        letter_.client_name ? html_escape(*letter_.client_name) : "client");
    out_ << "<h1>Your housing support grant</h1>\n"
         << fmt::format(
                "<p>We looked at the help you need to live in your own home on {}. This letter "
                "tells you how much money you can have, how we worked it out, how it is paid, "
                "what you can spend it on, when we will look at it again, and what to do if "
                "you think it is wrong.</p>\n",
                date_words(shown_.assessed_on));
  }

  // The amount the person can count on now, in one box.
  void amount() {
    const db::DecisionState& state = shown_.decisions;
    out_ << "<div class=\"box\">\n";
    switch (state.status) {
      case db::DecisionStatus::agreed:
      case db::DecisionStatus::approved:
        out_ << fmt::format("<p class=\"total\">Your grant: {}</p>\n",
                            pounds(*state.agreement->agreed));
        if (*state.agreement->agreed != state.indicative) {
          out_ << fmt::format(
              "<p>Our rules gave {}; the amount was changed as explained below.</p>\n",
              pounds(state.indicative));
        }
        break;
      case db::DecisionStatus::pending_approval:
        out_ << fmt::format(
            "<p class=\"total\">Amount agreed with you: {}, waiting for a manager&#39;s "
            "approval</p>\n<p>Our rules gave {}. We will write to you again when a manager "
            "has looked at it.</p>\n",
            pounds(*state.agreement->agreed), pounds(state.indicative));
        break;
      case db::DecisionStatus::rejected:
        out_ << fmt::format(
            "<p class=\"total\">Our rules give you {}</p>\n<p>A different amount, {}, was "
            "agreed with you but a manager did not approve it (see below).</p>\n",
            pounds(state.indicative), pounds(*state.agreement->agreed));
        break;
      case db::DecisionStatus::indicative:
        out_ << fmt::format(
            "<p class=\"total\">Our rules give you {}</p>\n<p>This is the indicative grant. "
            "It becomes your grant when you and your support officer agree it.</p>\n",
            pounds(state.indicative));
        break;
    }
    out_ << "</div>\n";
  }

  void working() {
    out_ << "<h2>How we worked it out</h2>\n"
         << fmt::format(
                "<p>We used the council&#39;s rules &#8220;{}&#8221;, version {}, in use from "
                "{}.",
                html_escape(spec_.name), html_escape(spec_.version),
                date_words(spec_.effective_from));
    // A rule set of fixed allowances alone asks nothing and scores nothing.
    if (ruleset_.scored_count() == 0) {
      out_ << " Everyone these rules apply to gets the same allowance; it does not depend on "
              "answers about your needs.</p>\n";
    } else {
      out_ << " Each answer about your needs gives points to one type of support; a need "
              "with a weight of 2 counts twice.</p>\n";
      answers();
      scores();
    }
    money();
  }

  void answers() {
    out_ << "<table class=\"answers\">\n<tr><th>Your need</th><th>Your answer</th><th>Points"
            "</th></tr>\n";
    for (const engine::AnswerTrace& answer : trace_.answers) {
      const engine::QuestionSpec& question = spec_.questions[answer.question];
      std::string points;
      for (const engine::Contribution& part : answer.contributions) {
        if (!points.empty()) points += "<br>";
        points +=
            fmt::format("{} for {} ({} × {})", plural(part.weighted_points, "point", "points"),
                        label(part.intervention), part.weight, part.points);
      }
      out_ << fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escape(question.text),
          html_escape(question.options[answer.option].label), points.empty() ? "none" : points);
    }
    out_ << "</table>\n";
  }

  void scores() {
    out_ << "<p>The points for each type of support add up to a score. The score sets the "
            "level of need:</p>\n<ul>\n";
    for (const engine::ScoreTrace& score : trace_.scores) {
      out_ << fmt::format(
          "<li>{}: score {}. Low starts at {}, medium at {}, high at {}. Your level: "
          "<strong>{}</strong>.</li>\n",
          label(score.intervention), score.score, score.thresholds[0], score.thresholds[1],
          score.thresholds[2], engine::to_string(score.level));
    }
    out_ << "</ul>\n";
  }

  void allowance(std::size_t i) {
    const engine::InterventionResult& result = allocation_.interventions[i];
    const engine::Money cash = ruleset_.allowance_cash_per_week(i);
    std::string parts;
    if (cash != engine::Money{}) {
      parts = fmt::format("{} a week × {} = <strong>{}</strong>", pounds(cash),
                          plural(result.weeks, "week", "weeks"), pounds(result.calculated_amount));
    }
    if (result.hours_per_week != engine::Hours{}) {
      parts += fmt::format(
          "{}{} hours a week of support for {}, at times you choose, given as "
          "time, not money",
          parts.empty() ? "" : "; ", result.hours_per_week.to_string(),
          plural(result.weeks, "week", "weeks"));
    }
    const auto& pot = spec_.interventions[i].pot;
    out_ << fmt::format("<li>{}: a fixed allowance, the same for everyone: {}.{}</li>\n", label(i),
                        parts, pot ? " " + html_escape(pot_sentence(*pot)) + "." : "");
  }

  void money() {
    if (ruleset_.scored_count() > 0) {
      out_ << "<p>Each level gives hours of support a week, for a number of weeks, at "
           << pounds(spec_.hourly_rate) << " an hour:</p>\n";
    }
    out_ << "<ul>\n";
    for (std::size_t i = 0; i < allocation_.intervention_count; ++i) {
      const engine::InterventionResult& result = allocation_.interventions[i];
      if (spec_.interventions[i].is_allowance()) {
        allowance(i);
        continue;
      }
      if (result.level == engine::Level::none) {
        out_ << fmt::format("<li>{}: not needed, £0.00.</li>\n", label(i));
        continue;
      }
      out_ << fmt::format(
          "<li>{}: {} hours a week × {} weeks × {} an hour = <strong>{}</strong> (that is {} "
          "a week).</li>\n",
          label(i), result.hours_per_week.to_string(), result.weeks, pounds(spec_.hourly_rate),
          pounds(result.calculated_amount), pounds(result.weekly_amount));
    }
    out_ << "</ul>\n";
    if (trace_.limit) limit();
    out_ << fmt::format("<p><strong>Indicative grant: {}</strong>", pounds(allocation_.total))
         << (allocation_.cap_applied
                 ? " (the most one assessment can give).</p>\n"
                 : fmt::format(". The most one assessment can give is {}, so no limit "
                               "applied.</p>\n",
                               pounds(allocation_.upper_limit)));
  }

  void limit() {
    const engine::LimitTrace& limit = *trace_.limit;
    out_ << fmt::format(
        "<p>Together these come to {}. The most one assessment can give is {}, so each "
        "amount was made smaller in the same proportion ({} out of every {}), and the "
        "pennies shared out so the parts add up to {} exactly:</p>\n<ul>\n",
        pounds(limit.calculated_total), pounds(limit.upper_limit), pounds(limit.upper_limit),
        pounds(limit.calculated_total), pounds(limit.upper_limit));
    for (const engine::LimitPartTrace& part : limit.parts) {
      out_ << fmt::format("<li>{}: {} becomes {}.</li>\n", label(part.intervention),
                          pounds(part.calculated_amount), pounds(part.amount));
    }
    out_ << "</ul>\n";
  }

  void decisions() {
    const db::DecisionState& state = shown_.decisions;
    out_ << "<h2>What was agreed with you</h2>\n";
    if (!state.agreement) {
      out_ << "<p>Nothing has been agreed yet. Your support officer will talk the amount "
              "through with you. You can agree it, or agree a different amount with a reason; "
              "a change of more than "
           << state.tolerance_percent << "% needs a manager&#39;s approval.</p>\n";
      return;
    }
    const db::Decision& agreement = *state.agreement;
    const Money agreed = *agreement.agreed;
    if (agreed == state.indicative) {
      out_ << fmt::format("<p>You agreed the indicative grant of {} with {} on {}.</p>\n",
                          pounds(agreed), html_escape(agreement.actor), day_of(agreement.at));
    } else {
      const Money change = agreed - state.indicative;
      out_ << fmt::format(
          "<p>You and {} agreed {} on {}: {} {} than our rules gave. The reason: "
          "&#8220;{}&#8221;.</p>\n",
          html_escape(agreement.actor), pounds(agreed), day_of(agreement.at),
          pounds(change.pence() < 0 ? Money::from_pence(-change.pence()) : change),
          change.pence() < 0 ? "less" : "more", html_escape(agreement.reason));
    }
    if (state.resolution) {
      const db::Decision& resolution = *state.resolution;
      if (resolution.kind == db::DecisionKind::approve) {
        out_ << fmt::format("<p>{} approved it on {}{}.</p>\n", html_escape(resolution.actor),
                            day_of(resolution.at),
                            resolution.reason.empty()
                                ? ""
                                : ": &#8220;" + html_escape(resolution.reason) + "&#8221;");
      } else {
        out_ << fmt::format("<p>{} did not approve it on {}, because: &#8220;{}&#8221;.</p>\n",
                            html_escape(resolution.actor), day_of(resolution.at),
                            html_escape(resolution.reason));
      }
    } else if (state.status == db::DecisionStatus::pending_approval) {
      out_ << "<p>Because it differs from our rules by more than " << state.tolerance_percent
           << "%, or is above the most one assessment can give, a manager other than the "
              "person who agreed it must approve it.</p>\n";
    }
    if (state.status == db::DecisionStatus::agreed ||
        state.status == db::DecisionStatus::approved) {
      out_ << fmt::format("<p><strong>Agreed total: {}</strong></p>\n", pounds(agreed));
    }
  }

  std::string held_as(const db::Grant& grant) const {
    if (grant.held_as == "direct_payment") return "paid to you as a direct payment";
    if (grant.held_as == "managed_account") {
      return "held for you by the council in a managed account";
    }
    if (grant.held_as == "isf") {
      return "held for you by " + html_escape(grant.provider.value_or("your provider")) +
             " as an individual service fund";
    }
    return "held as " + html_escape(grant.held_as);
  }

  void payments() {
    out_ << "<h2>How and when it is paid</h2>\n";
    if (!letter_.grant) {
      out_ << fmt::format(
          "<p>The payment dates are set when your grant starts; we will tell you them then. "
          "The money is paid in advance, every {}, for as long as each type of support "
          "lasts.</p>\n",
          plural(spec_.instalment_period_weeks, "week", "weeks"));
      return;
    }
    const db::GrantDetail& grant = *letter_.grant;
    out_ << fmt::format(
        "<p>Your grant of {} started on {}. The money is {}. It is paid in advance, every "
        "{}:</p>\n",
        pounds(grant.grant.agreed), date_words(grant.grant.start_on), held_as(grant.grant),
        plural(spec_.instalment_period_weeks, "week", "weeks"));
    std::map<engine::Date, Money> by_date;
    std::map<engine::Date, bool> paid;
    for (const db::InstalmentState& state : grant.instalments) {
      if (state.status == db::InstalmentStatus::cancelled) continue;
      by_date[state.instalment.due_on] += state.instalment.amount;
      paid[state.instalment.due_on] = state.status == db::InstalmentStatus::posted;
    }
    out_ << "<ul class=\"payments\">\n";
    Money total;
    for (const auto& [due_on, amount] : by_date) {
      total += amount;
      out_ << fmt::format("<li>{}: {}{}</li>\n", date_words(due_on), pounds(amount),
                          paid[due_on] ? " (paid)" : "");
    }
    out_ << fmt::format("</ul>\n<p>In all: {}.</p>\n", pounds(total));
    if (grant.end) {
      out_ << fmt::format(
          "<p>This grant ended on {}{}: payments due after that are cancelled.</p>\n",
          date_words(grant.end->end_on), grant.end->kind == "review" ? " at a review" : "");
    }
  }

  void uses() {
    out_ << "<h2>What you can spend it on</h2>\n<p>The grant is for housing-related "
            "support: help to manage and keep your home. It cannot pay for social care. "
            "You can use it in six ways:</p>\n<ol>\n"
            "<li>Help from friends, family or neighbours (no charge).</li>\n"
            "<li>Services that are free to you, for everyone or paid for by the council (no "
            "charge).</li>\n"
            "<li>Community facilities that charge for some things.</li>\n"
            "<li>General support services, only from providers on the council&#39;s "
            "accredited list.</li>\n"
            "<li>Specialist services that charge.</li>\n"
            "<li>Employing a support worker yourself, only if you also get money from adult "
            "social care.</li>\n</ol>\n";
    if (!shown_.plan) {
      out_ << (letter_.grant ? "<p>Your support plan, which says what the money is for, has "
                               "not been written yet: your support officer will write it with "
                               "you.</p>\n"
                             : "<p>Your support plan, which says what the money is for, is "
                               "written with you once your grant has started.</p>\n");
      return;
    }
    const db::Plan& plan = shown_.plan->plan;
    out_ << fmt::format("<p>Your support plan (version {}, {}) says what the money is for:</p>\n",
                        plan.version, date_words(plan.plan_on))
         << "<ul>\n";
    for (const db::PlanObjective& objective : plan.objectives) {
      out_ << "<li>" << html_escape(objective.text) << "</li>\n";
    }
    out_ << "</ul>\n<table class=\"plan\">\n<tr><th>How</th><th>What</th><th "
            "class=\"money\">Amount</th></tr>\n";
    for (const db::PlanUse& use : plan.uses) {
      const auto route = static_cast<std::size_t>(use.route - 1);
      out_ << fmt::format(
          "<tr><td>{}</td><td>{}{}</td><td class=\"money\">{}</td></tr>\n",
          route < rules::kRoutes.size() ? std::string(rules::kRoutes[route]) : "other",
          html_escape(use.description), use.provider ? ", by " + html_escape(*use.provider) : "",
          pounds(use.amount));
    }
    out_ << "</table>\n";
  }

  void reviews() {
    out_ << "<h2>When we will look at it again</h2>\n<ul>\n";
    bool any = false;
    for (std::size_t i = 0; i < allocation_.intervention_count; ++i) {
      const engine::InterventionResult& result = allocation_.interventions[i];
      if (result.level == engine::Level::none && !spec_.interventions[i].is_allowance()) continue;
      any = true;
      const auto review_on = shown_.assessed_on.plus_days(result.weeks * 7);
      out_ << fmt::format("<li>{}: by {}, after {}.</li>\n", label(i),
                          date_words(review_on.value_or(engine::Date::latest())),
                          plural(result.weeks, "week", "weeks"));
    }
    if (!any)
      out_ << "<li>No support was found to be needed, so there is nothing to review.</li>\n";
    out_ << "</ul>\n<p>Short-term support is looked at when its weeks end; long-term support "
            "after a year. If things change for you before then, tell us and we can look "
            "again sooner.</p>\n";
  }

  void review_rights() {
    out_ << "<h2>If you think this is wrong</h2>\n<p>You can ask us to review this decision. "
            "Tell us which answer, score or figure you think is wrong and why";
    if (letter_.letterhead) {
      out_ << ": write to us at the address at the top of this letter";
      if (letter_.letterhead->telephone) {
        out_ << ", phone " << html_escape(*letter_.letterhead->telephone);
      }
      if (letter_.letterhead->email)
        out_ << ", or email " << html_escape(*letter_.letterhead->email);
    } else {
      out_ << ", to your support officer";
    }
    out_ << fmt::format(
        ". Please give your reference, {}. Someone can help you ask if you "
        "want.</p>\n<p>Yours sincerely,</p>\n<p>{}</p>\n",
        html_escape(shown_.client_ref),
        letter_.letterhead
            ? html_escape(letter_.letterhead->department.value_or(letter_.letterhead->name))
            : "Housing support");
  }

  void footer() {
    out_ << fmt::format(
        "<footer>For the council&#39;s files: allocation {}, assessed by {} on {}; rule set "
        "{} version {}, id {}; engine version {}.</footer>\n",
        shown_.id, html_escape(shown_.assessor), shown_.assessed_on.to_string(),
        html_escape(spec_.name), html_escape(spec_.version), html_escape(shown_.ruleset.id),
        engine::kEngineVersion);
  }

  const DecisionLetter& letter_;
  const ShownAllocation& shown_;
  const engine::Ruleset& ruleset_;
  const engine::RulesetSpec& spec_;
  const engine::Allocation& allocation_;
  const engine::Trace& trace_;
  std::ostringstream out_;
};

}  // namespace

std::string letter_html(const DecisionLetter& letter) { return LetterWriter(letter).write(); }

std::string_view letter_style() { return kStyle; }

}  // namespace hsg::app
