// hsg letter: the client's decision letter for a recorded allocation, as a printable
// HTML page (stdout or --output) and, with --pdf, printed to PDF by headless Chromium.
#include <fmt/core.h>

#include <variant>

#include "app/letter/decision_letter.h"
#include "cli/option_values.h"
#include "cli/pdf_printer.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "db/safe_file.h"
#include "rules/letterhead_loader.h"

namespace hsg::cli {

namespace {

std::optional<rules::Letterhead> letterhead_option(const CommandLine& command_line) {
  const auto path = optional_text(command_line, "letterhead");
  if (!path) return std::nullopt;
  auto loaded = rules::load_letterhead_file(*path);
  if (auto* problems = std::get_if<std::vector<rules::Diagnostic>>(&loaded)) {
    throw InputError(*problems);
  }
  return std::get<rules::Letterhead>(std::move(loaded));
}

}  // namespace

int letter_command(const Args& args, Io& io) {
  CommandLine command_line(
      "letter",
      {"hsg letter ALLOC [--output FILE.html] [--pdf FILE.pdf] [--date YYYY-MM-DD]\n"
       "                  [--letterhead FILE.toml] [--db PATH]",
       "Writes the client's decision letter for a recorded allocation: the council's name and\n"
       "address, the client's reference (and name while it is held), how the grant was worked\n"
       "out line by line in plain words, what was agreed, how and when it is paid, what it can\n"
       "be spent on, the review dates and how to ask for a review. One printable HTML page\n"
       "(A4), on stdout unless --output or --pdf is given; --pdf prints it with headless\n"
       "Chromium. Without --letterhead the page says in place of the council's name that none\n"
       "is set.",
       "hsg letter 1 --letterhead docs/examples/letterhead.toml --pdf letter.pdf"});
  command_line.add()("allocation", po::value<std::string>()->required()->value_name("ALLOC"),
                     "allocation id (as printed by hsg allocate)");
  command_line.positional("allocation", 1);
  command_line.add()("output", po::value<std::string>()->value_name("FILE.html"),
                     "write the HTML page to FILE instead of stdout")(
      "pdf", po::value<std::string>()->value_name("FILE.pdf"),
      "print the letter to a PDF file with headless Chromium")(
      "letterhead", po::value<std::string>()->value_name("FILE.toml"),
      "the council's name and address (docs/assessor.md, 'The decision letter')");
  add_date_option(command_line, "date", "the letter's date (default: today)");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::optional<rules::Letterhead> letterhead = letterhead_option(command_line);
  const engine::Date date = date_or_today_option(command_line, "date");
  db::Database database = open_database_to_read(command_line);
  const app::LetterRequest request{positive_id(command_line, "allocation", "an allocation id"),
                                   date, letterhead};
  const std::string html = app::letter_html(unwrap(app::decision_letter(database, request)));
  if (const auto output = optional_text(command_line, "output")) {
    db::SafeFile file = unwrap(db::SafeFile::create(*output, 0644));
    file.stream() << html;
    unwrap(file.commit());
  }
  if (const auto pdf = optional_text(command_line, "pdf")) print_pdf(html, *pdf);
  if (!command_line.has("output") && !command_line.has("pdf")) io.out << html;
  return 0;
}

}  // namespace hsg::cli
