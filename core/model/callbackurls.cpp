#include "callbackurls.h"

#include "node.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
// Cognito's limits on an app client's CallbackURLs.
constexpr int kMaxUrls = 100;
constexpr int kMaxLength = 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("Nimbus::CallbackUrls", text);
}
} // namespace

Result<QStringList> userPoolCallbackUrls(const Node &pool)
{
    static const QRegularExpression separators(u"[,\\s]+"_s);
    const QStringList written =
        pool.properties.value("callbackUrls"_L1).toString().split(separators, Qt::SkipEmptyParts);
    if (written.isEmpty())
        return QStringList{QString::fromLatin1(kDefaultCallbackUrl)};
    if (written.size() > kMaxUrls)
        return fail(tr("at most %1 callback URLs").arg(kMaxUrls));
    for (const QString &text : written) {
        const QUrl url(text, QUrl::StrictMode);
        const bool https = url.scheme() == "https"_L1 && !url.host().isEmpty();
        const bool local = url.scheme() == "http"_L1 && url.host() == "localhost"_L1;
        if (text.size() > kMaxLength || !url.isValid() || url.hasFragment() || !url.userInfo().isEmpty()
            || !(https || local))
            return fail(tr("'%1' is not a callback URL: use https://..., or http://localhost for testing, without a "
                           "#fragment")
                            .arg(text.left(100)));
    }
    return written;
}

} // namespace Nimbus
