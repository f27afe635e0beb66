// Event patterns as a rule or a trigger's filter criteria carry them, against an event:
// the first line is the pattern, the rest the event. Besides not crashing, the rule
// index must agree with the pattern tested alone.

#include "cloud/eventpattern.h"
#include "fuzzcommon.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

using namespace Nimbus;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    NimbusFuzz::startApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = NimbusFuzz::bytes(data, size);
    const qsizetype newline = input.indexOf('\n');
    const QByteArray patternText = newline < 0 ? input : input.left(newline);
    const QByteArray eventText = newline < 0 ? QByteArray() : input.mid(newline + 1);

    const Result<EventPattern> pattern = EventPattern::parse(patternText, 1 << 16);
    (void)EventPattern::test(patternText, eventText);
    if (!pattern)
        return 0;
    const QJsonObject event = QJsonDocument::fromJson(eventText).object();
    const bool alone = pattern->matches(event);
    RuleSet rules;
    rules.add(*pattern);
    rules.add(*pattern);
    const QList<int> found = rules.matching(event);
    if (found != (alone ? QList<int>{0, 1} : QList<int>{})) {
        std::fprintf(stderr, "RuleSet disagrees with the pattern alone\n");
        std::abort();
    }
    return 0;
}
