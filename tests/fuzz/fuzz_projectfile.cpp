// The .nimbus opener: the input is written to a file and opened as the studio and
// `nimbus validate` open a project. Seeds are real project files, so mutations land in
// SQLite pages and schema text alike.

#include "document/project.h"
#include "fuzzcommon.h"
#include "model/catalog.h"
#include "storage/projectfile.h"

#include <QFile>
#include <QTemporaryDir>

using namespace Nimbus;

namespace {
QTemporaryDir *gDir = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    NimbusFuzz::startApplication();
    Catalog::builtin();
    static QTemporaryDir dir;
    gDir = &dir;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = gDir->filePath(QStringLiteral("input.nimbus"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(NimbusFuzz::bytes(data, size)) < 0)
            abort();
    }
    Project project(Catalog::builtin());
    ProjectFile opener;
    // Refused or read, either is fine; what must not happen is a crash or a leak.
    (void)opener.load(path, project);
    return 0;
}
