// A project in its JSON interchange form, as `nimbus import-json`, the studio's Open
// and paste read it. What reads must write back to text that reads again the same.

#include "document/project.h"
#include "fuzzcommon.h"
#include "model/architecture.h"
#include "model/catalog.h"
#include "storage/jsoninterchange.h"

#include <cstdio>
#include <cstdlib>

using namespace Nimbus;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    NimbusFuzz::startApplication();
    Catalog::builtin();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    JsonInterchange reader;
    if (!reader.read(NimbusFuzz::bytes(data, size), QStringLiteral("fuzz.json")))
        return 0;
    Project project(Catalog::builtin());
    project.architecture().reset(reader.takeNodes(), reader.takeEdges());
    const QByteArray written = JsonInterchange::write(project.architecture(), reader.origins());
    JsonInterchange again;
    if (const Result<void> read = again.read(written, QStringLiteral("written.json")); !read) {
        fprintf(stderr, "a project that was read does not read back: %s\n", qPrintable(read.errorMessage()));
        abort();
    }
    Project copy(Catalog::builtin());
    copy.architecture().reset(again.takeNodes(), again.takeEdges());
    if (JsonInterchange::write(copy.architecture(), again.origins()) != written) {
        fprintf(stderr, "writing a project read back from its own text changes it\n");
        abort();
    }
    return 0;
}
