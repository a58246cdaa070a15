#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace clab::bench {

// One measured figure, with the peer measured in the same run where there
// is one. ratio = ours / peer.
struct BenchRow {
    QString name;
    QString unit;
    double ours = 0;
    QString peerName;
    std::optional<double> peer;
    QString goal;               // the target in words, e.g. "<= 15 ns", ">= 50x"
    std::optional<bool> met;    // whether the target holds in this run

    std::optional<double> ratio() const
    {
        if (!peer || *peer == 0)
            return std::nullopt;
        return ours / *peer;
    }
};

class BenchReport
{
public:
    void add(const BenchRow &row);
    void print() const;
    // Merges into `path`: rows with the same name are replaced, others kept,
    // so several benchmark programs can share one file.
    bool writeJson(const QString &path, QString *error) const;
    const std::vector<BenchRow> &rows() const { return m_rows; }

private:
    std::vector<BenchRow> m_rows;
};

// Median of samples (copied: the input stays in order).
double median(std::vector<double> samples);

// Runs `python3 -c script` and returns the last line of its stdout as a
// number; nullopt when python3 is missing or the script fails.
std::optional<double> runPython(const QString &script, int timeoutMs = 120000);
// The numbers on the last line of its stdout; empty on any failure.
std::vector<double> runPythonNumbers(const QString &script, int timeoutMs = 300000);
bool havePython();
QString pythonVersion();

} // namespace clab::bench
