// The bytes of an import CSV, made ready to check: their SHA-256 (what the import records
// as the file's hash) and their text without Excel's byte-order mark.
//
// Requires: a name for the file, as every problem will name it (the command line gives
// the path it read; a web upload its file name). Promises: the text is UTF-8 (a file that
// is not is refused, at the line and column of the first bad byte), so what follows reads
// text only; a file that cannot be read is refused naming it.
#pragma once

#include <string>

#include "app/result.h"

namespace hsg::app {

struct ImportFile {
  std::string name;
  std::string sha256;  // of the bytes as given, byte-order mark and all
  std::string text;    // without the byte-order mark
};

// Reads the file at `path` (its name in problems).
Result<ImportFile> read_import_file(const std::string& path);
// The file `name` whose bytes are `bytes` (e.g. an upload).
Result<ImportFile> import_file_of(std::string name, std::string bytes);

}  // namespace hsg::app
