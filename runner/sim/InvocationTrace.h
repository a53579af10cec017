#pragma once
// Invocations per minute of one function, read from the Azure Functions 2019 public trace
// (invocations_per_function_md.anon.dNN.csv: HashOwner,HashApp,HashFunction,Trigger,1..1440).

#include "Error.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace swb::sim {

struct InvocationTrace {
    QString function;                     // the HashFunction
    QStringList files;                    // one per day, in order
    std::vector<quint32> countsPerMinute; // every file's minutes, one after the other
    quint64 totalInvocations = 0;

    double durationMs() const { return double(countsPerMinute.size()) * 60000.0; }

    // Reads `files` in order, each a day; the rows whose HashFunction is `functionHash` are
    // added together (the same function hash under two owners or apps is rare). A day without
    // the function counts as a day without invocations; a function in none of the files is
    // NotFound, naming a few that are there. Format problems name file:line.
    static Result<InvocationTrace> load(const QStringList& files, const QString& functionHash);
    // The HashFunctions in one trace file, each once, in the file's order: what a user picks
    // from before load(). A file that is not in the trace format is a Validation error.
    static Result<QStringList> functionsIn(const QString& file);
};

} // namespace swb::sim
