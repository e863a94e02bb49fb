// A grant's spending and its surplus as JSON for machines (`hsg spend show --json`,
// `hsg spend surplus --json`): keys in a fixed order, money as strings with two decimals.
//
// spending: {"grant_id", "as_of", "paid_in", "spent", "awaiting_sign_off", "recovered",
//  "saved", "policy": {"week_payment", "sign_off_above", "keep_weeks", "ruleset_id"},
//  "purchases": [{"number", "date", "amount", "description", "objective", "plan_id",
//  "status", "needs_sign_off", "recorded_by", "decision": null | {"kind", "date",
//  "reason", "by"}, "receipt": null | {"sha256", "size_bytes", "stored"}}]}
// surplus: {"grant_id", "as_of", "saved", "week_payment", "keep_weeks", "kept",
//  "surplus"}
#pragma once

#include <nlohmann/json.hpp>

#include "app/grants/spending.h"

namespace hsg::app {

nlohmann::ordered_json spending_json(const SpendingView& view);
nlohmann::ordered_json surplus_json(const Surplus& surplus);

}  // namespace hsg::app
