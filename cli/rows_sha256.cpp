#include "cli/rows_sha256.h"

#include "db/canonical_json.h"
#include "rules/sha256.h"

namespace hsg::cli {

void RowsSha256::add(const std::vector<std::string>& fields) {
  text_ += '[';
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) text_ += ',';
    db::append_json_string(text_, fields[i]);
  }
  text_ += "]\n";
}

std::string RowsSha256::hex() const { return rules::sha256_hex(text_); }

}  // namespace hsg::cli
