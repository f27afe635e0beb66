#include "handlerreference.h"

namespace Nimbus {

HandlerReference::Language HandlerReference::languageOf(const QString &runtime)
{
    if (runtime.startsWith(QLatin1String("nodejs")))
        return Language::NodeJs;
    if (runtime.startsWith(QLatin1String("python")))
        return Language::Python;
    return Language::Unknown;
}

HandlerReference HandlerReference::resolve(const QString &runtime, const QString &handler)
{
    HandlerReference ref;
    ref.language = languageOf(runtime);
    switch (ref.language) {
    case Language::NodeJs: {
        // Splitting at the first dot after the last '/', as the Node.js runtime does.
        const int slash = handler.lastIndexOf(QLatin1Char('/'));
        const int dot = handler.indexOf(QLatin1Char('.'), slash + 1);
        if (dot <= slash + 1 || dot == handler.size() - 1)
            return {};
        ref.modulePath = handler.left(dot);
        ref.functionName = handler.mid(dot + 1);
        for (const char *ext : {".js", ".mjs", ".cjs"})
            ref.candidates.append(ref.modulePath + QLatin1String(ext));
        break;
    }
    case Language::Python: {
        const int dot = handler.lastIndexOf(QLatin1Char('.'));
        if (dot <= 0 || dot == handler.size() - 1)
            return {};
        ref.modulePath = handler.left(dot).replace(QLatin1Char('.'), QLatin1Char('/'));
        ref.functionName = handler.mid(dot + 1);
        ref.candidates.append(ref.modulePath + QLatin1String(".py"));
        break;
    }
    case Language::Unknown: break;
    }
    return ref;
}

} // namespace Nimbus
