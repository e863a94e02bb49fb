// Generations: each `hsg generate` recorded, so that a database of real clients is not
// filled with synthetic ones by accident (docs/assessor.md, "Many assessments at once").
//
// A generation records how many clients it added (client_count, first_client_ref to
// last_client_ref) with its seed and first day. Clients are never deleted, so the
// clients no generation added are counted exactly: all clients less the sum of
// client_count. record() runs in the same transaction as the clients it added, and
// refuses, unless `forced`, a database where that count is not zero once they are
// added. Every row written gets one audit event carrying its canonical JSON.
#pragma once

#include <cstdint>
#include <string>

#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"
#include "engine/date.h"

namespace hsg::db {

struct NewGeneration {
  std::uint64_t seed = 0;
  engine::Date from;
  std::int64_t client_count = 0;
  std::string first_client_ref;
  std::string last_client_ref;
  bool forced = false;  // run on a database holding clients hsg generate did not add
};

class GenerationRepository {
 public:
  explicit GenerationRepository(Database& database) : database_(database) {}

  // How many clients hsg generate did not add.
  DbResult<std::int64_t> clients_not_generated();
  // The new generation's id.
  DbResult<std::int64_t> record(const Stamp& stamp, const NewGeneration& generation);

 private:
  Database& database_;
};

}  // namespace hsg::db
