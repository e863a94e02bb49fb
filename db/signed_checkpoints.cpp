#include "db/signed_checkpoints.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include "db/safe_file.h"

namespace hsg::db {

namespace {

constexpr std::string_view kSecretPrefix = "hsg-ed25519-secret-key ";
constexpr std::string_view kPublicPrefix = "hsg-ed25519-public-key ";
constexpr std::string_view kSignedPrefix = "hsg-checkpoint-v1 ";
// A checkpoint line is under 220 bytes: a million of them fit, a stray large file does not.
constexpr std::uintmax_t kMaxCheckpointFileBytes = 256U << 20U;

using SecretKey = std::array<unsigned char, crypto_sign_SECRETKEYBYTES>;
using Signature = std::array<unsigned char, crypto_sign_BYTES>;
static_assert(crypto_sign_PUBLICKEYBYTES == 32);

std::optional<std::string> sodium_problem() {
  if (sodium_init() < 0) return "libsodium could not be initialised";
  return std::nullopt;
}

template <std::size_t N>
std::string to_hex(const std::array<unsigned char, N>& bytes) {
  std::string hex(2 * N + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), N);
  hex.pop_back();
  return hex;
}

bool is_lower_hex(std::string_view text, std::size_t digits) {
  return text.size() == digits && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

template <std::size_t N>
std::optional<std::array<unsigned char, N>> from_hex(std::string_view hex) {
  if (!is_lower_hex(hex, 2 * N)) return std::nullopt;
  std::array<unsigned char, N> bytes{};
  std::size_t length = 0;
  if (sodium_hex2bin(bytes.data(), N, hex.data(), hex.size(), nullptr, &length, nullptr) != 0 ||
      length != N) {
    return std::nullopt;
  }
  return bytes;
}

std::string system_error(std::string_view doing, const std::filesystem::path& file) {
  return fmt::format("cannot {} {}: {}", doing, file.string(), std::strerror(errno));
}

DbResult<std::string> read_small_file(const std::filesystem::path& file, std::uintmax_t limit) {
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error) return DbError{fmt::format("cannot read {}: {}", file.string(), error.message())};
  if (size > limit) {
    return DbError{
        fmt::format("{} is too large ({} bytes) to be what hsg wrote there", file.string(), size)};
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return DbError{system_error("read", file)};
  return text.str();
}

// The hex after `prefix` on the one line of a key file.
DbResult<std::string> key_file_hex(const std::filesystem::path& file, std::string_view prefix,
                                   std::size_t digits, std::string_view kind) {
  auto text = read_small_file(file, 4096);
  if (!text.ok()) return text.error();
  const std::string& line = text.value();
  const std::size_t expected = prefix.size() + digits + 1;
  if (line.size() != expected || !line.starts_with(prefix) || line.back() != '\n' ||
      !is_lower_hex(std::string_view(line).substr(prefix.size(), digits), digits)) {
    return DbError{
        fmt::format("{} is not an hsg {} file (one line: '{}' and {} lowercase hex digits; see "
                    "hsg audit keygen)",
                    file.string(), kind, prefix.substr(0, prefix.size() - 1), digits)};
  }
  return line.substr(prefix.size(), digits);
}

// Writes `text` to a new file with `mode`, appearing whole; never replaces an existing one.
std::optional<std::string> write_new_file(const std::filesystem::path& file, std::string_view text,
                                          mode_t mode) {
  auto created = SafeFile::create(file, mode);
  if (!created.ok()) return created.error().message;
  SafeFile safe = std::move(created).value();
  safe.stream() << text;
  auto committed = safe.commit_new(fmt::format(
      "{} already exists; hsg audit keygen never overwrites a key file", file.string()));
  if (!committed.ok()) return committed.error().message;
  return std::nullopt;
}

std::string signed_message(std::string_view checkpoint) {
  return fmt::format("{}{}", kSignedPrefix, checkpoint);
}

// "SEQ:HASH" as hsg audit checkpoint prints it: decimal seq, no leading zero.
bool is_checkpoint(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 18) return false;
  const std::string_view seq = text.substr(0, colon);
  if (seq.find_first_not_of("0123456789") != std::string_view::npos) return false;
  if (seq.size() > 1 && seq.front() == '0') return false;
  return is_lower_hex(text.substr(colon + 1), 64);
}

std::optional<SignedCheckpoint> parse_line(std::string_view line, std::size_t number) {
  const auto space = line.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  SignedCheckpoint parsed{number, std::string(line.substr(0, space)),
                          std::string(line.substr(space + 1))};
  if (!is_checkpoint(parsed.checkpoint) || !is_lower_hex(parsed.signature, 2 * crypto_sign_BYTES)) {
    return std::nullopt;
  }
  return parsed;
}

DbResult<std::vector<SignedCheckpoint>> parse_checkpoint_file(const std::filesystem::path& file,
                                                              std::string_view text) {
  std::vector<SignedCheckpoint> checkpoints;
  std::size_t number = 0;
  while (!text.empty()) {
    ++number;
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    auto parsed = parse_line(line, number);
    if (!parsed) {
      return DbError{
          fmt::format("{} line {} is not a signed checkpoint ('SEQ:HASH SIGNATURE', as hsg audit "
                      "checkpoint --sign writes)",
                      file.string(), number)};
    }
    checkpoints.push_back(std::move(*parsed));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return checkpoints;
}

// The secret key in `file`, refused when others may read the file.
DbResult<SecretKey> read_secret_key(const std::filesystem::path& file) {
  auto hex = key_file_hex(file, kSecretPrefix, 2 * crypto_sign_SECRETKEYBYTES, "secret key");
  if (!hex.ok()) return hex.error();
  struct stat status {};
  const bool stated = ::stat(file.c_str(), &status) == 0;
  if (!stated || (status.st_mode & 077U) != 0) {
    sodium_memzero(hex.value().data(), hex.value().size());
    if (!stated) return DbError{system_error("read", file)};
    return DbError{fmt::format("secret key {} may be read by others (mode {:04o}); make it 0600",
                               file.string(), status.st_mode & 07777U)};
  }
  SecretKey secret_key = *from_hex<crypto_sign_SECRETKEYBYTES>(hex.value());
  sodium_memzero(hex.value().data(), hex.value().size());
  return secret_key;
}

}  // namespace

std::string PublicKey::hex() const { return to_hex(bytes); }

DbResult<PublicKey> write_key_pair(const std::filesystem::path& secret_key_file,
                                   const std::filesystem::path& public_key_file) {
  if (auto problem = sodium_problem()) return DbError{*problem};
  for (const auto& file : {secret_key_file, public_key_file}) {
    if (std::filesystem::exists(std::filesystem::symlink_status(file))) {
      return DbError{fmt::format("{} already exists; hsg audit keygen never overwrites a key file",
                                 file.string())};
    }
  }
  if (std::filesystem::absolute(secret_key_file) == std::filesystem::absolute(public_key_file)) {
    return DbError{"--secret-key and --public-key name the same file"};
  }
  PublicKey public_key;
  SecretKey secret_key{};
  crypto_sign_keypair(public_key.bytes.data(), secret_key.data());
  std::string secret_text = fmt::format("{}{}\n", kSecretPrefix, to_hex(secret_key));
  sodium_memzero(secret_key.data(), secret_key.size());
  auto problem = write_new_file(secret_key_file, secret_text, 0600);
  sodium_memzero(secret_text.data(), secret_text.size());
  if (problem) return DbError{*problem};
  problem =
      write_new_file(public_key_file, fmt::format("{}{}\n", kPublicPrefix, public_key.hex()), 0644);
  if (problem) {
    std::filesystem::remove(secret_key_file);  // ours: created just above
    return DbError{*problem};
  }
  return public_key;
}

DbResult<PublicKey> read_public_key(const std::filesystem::path& file) {
  auto hex = key_file_hex(file, kPublicPrefix, 64, "public key");
  if (!hex.ok()) return hex.error();
  return PublicKey{*from_hex<32>(hex.value())};
}

DbResult<PublicKey> public_key_of(const std::filesystem::path& secret_key_file) {
  if (auto problem = sodium_problem()) return DbError{*problem};
  auto secret_key = read_secret_key(secret_key_file);
  if (!secret_key.ok()) return secret_key.error();
  PublicKey public_key;
  crypto_sign_ed25519_sk_to_pk(public_key.bytes.data(), secret_key.value().data());
  sodium_memzero(secret_key.value().data(), secret_key.value().size());
  return public_key;
}

DbResult<std::string> sign_checkpoint(const std::filesystem::path& secret_key_file,
                                      std::string_view checkpoint) {
  if (auto problem = sodium_problem()) return DbError{*problem};
  if (!is_checkpoint(checkpoint)) {
    return DbError{fmt::format("'{}' is not a checkpoint SEQ:HASH", checkpoint)};
  }
  auto read = read_secret_key(secret_key_file);
  if (!read.ok()) return read.error();
  SecretKey& secret_key = read.value();
  const std::string message = signed_message(checkpoint);
  Signature signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_key.data());
  sodium_memzero(secret_key.data(), secret_key.size());
  return fmt::format("{} {}", checkpoint, to_hex(signature));
}

DbResult<std::vector<SignedCheckpoint>> read_checkpoint_file(const std::filesystem::path& file) {
  auto text = read_small_file(file, kMaxCheckpointFileBytes);
  if (!text.ok()) return text.error();
  return parse_checkpoint_file(file, text.value());
}

DbResult<Done> append_checkpoint(const std::filesystem::path& file, std::string_view line) {
  const ExistingCheck holds_checkpoints = [&file](std::string_view existing) {
    auto parsed = parse_checkpoint_file(file, existing);
    return parsed.ok() ? std::nullopt
                       : std::optional<std::string>("not appending: " + parsed.error().message);
  };
  return append_to_file(file, fmt::format("{}\n", line), holds_checkpoints,
                        kMaxCheckpointFileBytes);
}

bool signature_holds(const PublicKey& key, const SignedCheckpoint& signed_checkpoint) {
  if (sodium_problem()) return false;
  const auto signature = from_hex<crypto_sign_BYTES>(signed_checkpoint.signature);
  if (!signature) return false;
  const std::string message = signed_message(signed_checkpoint.checkpoint);
  return crypto_sign_verify_detached(signature->data(),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), key.bytes.data()) == 0;
}

}  // namespace hsg::db
