#include "app/outcomes/compile_outcomes_report.h"

#include "app/unwrap.h"

namespace hsg::app {

Result<OutcomesReport> compile_outcomes_report(db::Database& database,
                                               const OutcomesReportRequest& request) {
  return attempt([&] {
    OutcomesReport report{request.from, request.to, {}};
    db::OutcomeRepository repository(database);
    for (const engine::OutcomeTerm term : request.terms) {
      report.terms.push_back({term, unwrap(repository.report(request.from, request.to, term))});
    }
    return report;
  });
}

}  // namespace hsg::app
