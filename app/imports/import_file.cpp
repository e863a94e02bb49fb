#include "app/imports/import_file.h"

#include <fmt/core.h>

#include <fstream>
#include <iterator>
#include <string_view>

#include "rules/diagnostic.h"
#include "rules/sha256.h"

namespace hsg::app {

namespace {

// What Excel's "CSV UTF-8" puts before the first byte of text.
constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

ImportFile decoded(std::string name, std::string bytes) {
  ImportFile file{std::move(name), rules::sha256_hex(bytes), std::move(bytes)};
  if (file.text.starts_with(kUtf8ByteOrderMark)) file.text.erase(0, kUtf8ByteOrderMark.size());
  if (auto encoding = rules::utf8_problem(file.text, file.name)) throw Refusal({*encoding});
  return file;
}

}  // namespace

Result<ImportFile> read_import_file(const std::string& path) {
  return attempt([&] {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Refusal(fmt::format("cannot read {}", path));
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw Refusal(fmt::format("cannot read {}", path));
    return decoded(path, std::move(bytes));
  });
}

Result<ImportFile> import_file_of(std::string name, std::string bytes) {
  return attempt([&] { return decoded(std::move(name), std::move(bytes)); });
}

}  // namespace hsg::app
