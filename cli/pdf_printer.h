// Printing an HTML page to PDF with headless Chromium (Debian's `chromium`), for
// `hsg letter --pdf`.
//
// The page is written to a fresh private folder (mkdtemp, mode 0700) with a browser
// profile of its own, printed there by `chromium --headless --print-to-pdf` without the
// browser's header and footer (the page's own @page rule sets the paper), bounded to two
// minutes, and the PDF then written to `target` through db::SafeFile (whole or not at
// all). The folder is removed afterwards. $HSG_CHROMIUM names another browser binary;
// a browser that is missing, fails, or writes no PDF is an InputError saying so.
#pragma once

#include <filesystem>
#include <string>

namespace hsg::cli {

void print_pdf(const std::string& html, const std::filesystem::path& target);

}  // namespace hsg::cli
