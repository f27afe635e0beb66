// aws-chunked bodies as SDKs stream uploads: size;chunk-signature lines, data and
// trailers. What decodes must be no longer than what came in.

#include "cloud/awswire.h"
#include "fuzzcommon.h"

using namespace Nimbus;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    NimbusFuzz::startApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = NimbusFuzz::bytes(data, size);
    const auto decoded = AwsWire::decodeAwsChunked(body);
    if (decoded && decoded->size() > body.size())
        abort();
    return 0;
}
