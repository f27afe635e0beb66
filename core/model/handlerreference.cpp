#include "handlerreference.h"

using namespace Qt::StringLiterals;

namespace Nimbus {

HandlerReference::Language HandlerReference::languageOf(const QString &runtime)
{
    if (runtime.startsWith("nodejs"_L1))
        return Language::NodeJs;
    if (runtime.startsWith("python"_L1))
        return Language::Python;
    if (runtime.startsWith("provided"_L1))
        return Language::Custom;
    return Language::Unknown;
}

HandlerReference HandlerReference::resolve(const QString &runtime, const QString &handler)
{
    HandlerReference ref;
    ref.language = languageOf(runtime);
    switch (ref.language) {
    case Language::NodeJs: {
        // Splitting at the first dot after the last '/', as the Node.js runtime does.
        const int slash = handler.lastIndexOf('/'_L1);
        const int dot = handler.indexOf('.'_L1, slash + 1);
        if (dot <= slash + 1 || dot == handler.size() - 1)
            return {};
        ref.modulePath = handler.left(dot);
        ref.functionName = handler.mid(dot + 1);
        for (const char *ext : {".js", ".mjs", ".cjs"})
            ref.candidates.append(ref.modulePath + QLatin1String(ext));
        break;
    }
    case Language::Python: {
        const int dot = handler.lastIndexOf('.'_L1);
        if (dot <= 0 || dot == handler.size() - 1)
            return {};
        ref.modulePath = handler.left(dot).replace('.'_L1, '/'_L1);
        ref.functionName = handler.mid(dot + 1);
        ref.candidates.append(ref.modulePath + ".py"_L1);
        break;
    }
    case Language::Custom:
        // Lambda never reads the handler of a custom runtime: any name will do.
        ref.functionName = handler;
        ref.candidates = QStringList{u"main.go"_s, u"bootstrap"_s};
        break;
    case Language::Unknown: break;
    }
    return ref;
}

} // namespace Nimbus
