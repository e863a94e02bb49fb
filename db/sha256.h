// SHA-256 as lowercase hex (OpenSSL libcrypto), as `sha256sum` and Python's hashlib
// print it: the content address of rule sets and the links of the audit chain.
//
// db/ has its own copy rather than using rules/sha256.h because db/ depends on engine/
// only (architecture.md); both are a call into libcrypto.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace hsg::db {

std::string sha256_hex(std::string_view bytes);

// SHA-256 of the concatenation of `parts`, without building it.
std::string sha256_hex(std::initializer_list<std::string_view> parts);

}  // namespace hsg::db
