// The SQS and SNS query protocol: a form body (or query string) decoded into pairs and
// folded into the JSON protocol's shapes, then answered as XML the way the endpoint
// answers (every field of the input echoed back).

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
    const auto pairs = AwsWire::formPairs(NimbusFuzz::bytes(data, size));
    const QJsonObject input = AwsWire::queryToJson(pairs);
    AwsWire::queryResponse(input.value(QLatin1String("Action")).toString(), input,
                           QStringLiteral("http://queue.amazonaws.com/doc/2012-11-05/"), QStringLiteral("request"));
    if (input.value(QLatin1String("MessageAttributes")).isObject())
        AwsWire::md5OfMessageAttributes(input.value(QLatin1String("MessageAttributes")).toObject());
    return 0;
}
