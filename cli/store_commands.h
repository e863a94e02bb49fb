// The commands that read or write the database (issue 3), declared for the dispatcher.
#pragma once

#include "cli/commands.h"

namespace hsg::cli {

int init_command(const Args& args, Io& io);
int rules_add_command(const Args& args, Io& io);
int rules_list_command(const Args& args, Io& io);
int rules_adopt_command(const Args& args, Io& io);
int rules_approve_adoption_command(const Args& args, Io& io);
int rules_reject_adoption_command(const Args& args, Io& io);
int rules_retire_command(const Args& args, Io& io);
int client_command(const Args& args, Io& io);
int allocate_command(const Args& args, Io& io);
int agree_command(const Args& args, Io& io);
int approve_command(const Args& args, Io& io);
int reject_command(const Args& args, Io& io);
int show_command(const Args& args, Io& io);
int audit_command(const Args& args, Io& io);
int import_command(const Args& args, Io& io);
int generate_command(const Args& args, Io& io);
int whatif_command(const Args& args, Io& io);
int grant_command(const Args& args, Io& io);
int spend_command(const Args& args, Io& io);
int ledger_command(const Args& args, Io& io);
int outcome_command(const Args& args, Io& io);
int report_command(const Args& args, Io& io);
int provider_command(const Args& args, Io& io);
int plan_command(const Args& args, Io& io);
int user_command(const Args& args, Io& io);
int letter_command(const Args& args, Io& io);
int backup_command(const Args& args, Io& io);
int restore_command(const Args& args, Io& io);

}  // namespace hsg::cli
