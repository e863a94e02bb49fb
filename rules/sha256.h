// SHA-256 of bytes as lowercase hex (OpenSSL libcrypto): the content address of a rule
// set, identical to what `sha256sum` prints for the same file.
#pragma once

#include <string>
#include <string_view>

namespace hsg::rules {

std::string sha256_hex(std::string_view bytes);

}  // namespace hsg::rules
