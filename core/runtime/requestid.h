#pragma once

#include <QString>

namespace Nimbus {

// A new request id as AWS writes them (and message ids, receipt handles, event ids): a
// random (version 4) UUID, in lower case without braces. From the kernel's random numbers, as QUuid::createUuid's are,
// but read a few kilobytes at a time per thread: QUuid asks the CPU (RDRAND) for every id, which in a virtual machine
// cost a warm gateway request more than building its event's context.
QString newRequestId();

} // namespace Nimbus
