#include "commandline.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("concurrency-lab"));
    QCoreApplication::setOrganizationName(QStringLiteral("ConcurrencyLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLAB_VERSION));

    QCoreApplication app(argc, argv);
    return clab::cli::runHeadless(app.arguments());
}
