// The client's decision letter: everything a council posts or hands to the person
// assessed about one recorded allocation (R (KM) v Cambridgeshire [2012] UKSC 23: a
// person is owed a written explanation of how their money was worked out).
//
// decision_letter() gathers it from the store: the allocation exactly as `hsg show`
// checks and recomputes it (app/decisions/show_allocation.h), so the letter never
// quotes a stored text of the statement; the client's name where the store still holds
// one (db/clients.h: it can be erased, the reference stays); the decisions (any
// adjustment, its reason and approval); the grant started from it, with its instalment
// schedule, if there is one; the support plan where one is set. The date and the
// letterhead are inputs: nothing here reads a clock or a file.
//
// letter_html() renders it as one self-contained printable page (print CSS, A4, no
// scripts, nothing fetched, every value escaped): plain words, no internal keys, a small
// reference footer (allocation, rule set id, engine version) for the council's files.
// The same letter gives the same bytes. Without a letterhead the page carries a clearly
// marked neutral heading saying that none is set, instead of a council's name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/decisions/show_allocation.h"
#include "app/result.h"
#include "db/database.h"
#include "db/grants.h"
#include "engine/date.h"
#include "rules/letterhead_loader.h"

namespace hsg::app {

struct LetterRequest {
  std::int64_t allocation_id = 0;
  engine::Date date;  // the letter's date
  std::optional<rules::Letterhead> letterhead;
};

struct DecisionLetter {
  engine::Date date;
  std::optional<rules::Letterhead> letterhead;
  std::optional<std::string> client_name;  // only while the store holds it
  ShownAllocation allocation;
  std::optional<db::GrantDetail> grant;  // the grant started from the allocation
};

// An unknown or tampered allocation is a Refusal (as show_allocation's).
Result<DecisionLetter> decision_letter(db::Database& database, const LetterRequest& request);

std::string letter_html(const DecisionLetter& letter);

// The page's whole <style> text, exactly: a server may allow it by its hash in a
// Content-Security-Policy instead of allowing every inline style.
std::string_view letter_style();

}  // namespace hsg::app
