#include "requestid.h"

#include <QRandomGenerator>
#include <QUuid>

#include <sys/random.h>

#include <array>
#include <cerrno>

namespace Nimbus {

namespace {

struct RandomBytes
{
    std::array<unsigned char, 4096> bytes;
    std::size_t used = bytes.size();

    // The next 16 bytes, from a buffer filled by getrandom(2) (the kernel's CSPRNG).
    const unsigned char *take16()
    {
        if (used + 16 > bytes.size()) {
            std::size_t filled = 0;
            while (filled < bytes.size()) {
                const ssize_t got = ::getrandom(bytes.data() + filled, bytes.size() - filled, 0);
                if (got > 0) {
                    filled += std::size_t(got);
                } else if (got < 0 && errno != EINTR) {
                    // No getrandom (a kernel before 3.17): Qt's own source of system randomness.
                    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data() + filled),
                                                          qsizetype((bytes.size() - filled) / sizeof(quint32)));
                    filled = bytes.size();
                }
            }
            used = 0;
        }
        const unsigned char *taken = bytes.data() + used;
        used += 16;
        return taken;
    }
};

} // namespace

QString newRequestId()
{
    thread_local RandomBytes random;
    std::array<unsigned char, 16> id;
    const unsigned char *bytes = random.take16();
    std::copy(bytes, bytes + 16, id.begin());
    id[6] = (id[6] & 0x0f) | 0x40; // version 4: random
    id[8] = (id[8] & 0x3f) | 0x80; // the RFC 4122 variant
    return QUuid::fromRfc4122(QByteArrayView(id.data(), qsizetype(id.size()))).toString(QUuid::WithoutBraces);
}

} // namespace Nimbus
