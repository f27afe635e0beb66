#include "handlerreference.h"

#include <algorithm>

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
    if (runtime.startsWith("java"_L1))
        return Language::Java;
    if (runtime.startsWith("dotnet"_L1))
        return Language::DotNet;
    return Language::Unknown;
}

QString HandlerReference::conventional(const QString &runtime, const QString &functionName)
{
    // Node names start with a letter and hold letters, digits, '-' and '_'.
    QString pascal;
    bool upper = true;
    for (const QChar c : functionName) {
        if (!c.isLetterOrNumber() || c.unicode() > 127) {
            upper = true;
            continue;
        }
        pascal += upper ? c.toUpper() : c;
        upper = false;
    }
    if (pascal.isEmpty() || !pascal.at(0).isLetter())
        pascal.prepend(u"Function"_s);
    switch (languageOf(runtime)) {
    case Language::Java: return pascal.toLower() + ".Handler::handleRequest"_L1;
    case Language::DotNet: return u"%1::%1.Function::FunctionHandler"_s.arg(pascal);
    default: return u"index.handler"_s;
    }
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
    case Language::Java: {
        const QString type = handler.section("::"_L1, 0, 0);
        if (type.isEmpty() || type.startsWith('.'_L1) || type.endsWith('.'_L1))
            return {};
        ref.modulePath = type;
        ref.container = type.contains('.'_L1) ? type.section('.'_L1, 0, -2) : QString();
        ref.functionName = handler.contains("::"_L1) ? handler.section("::"_L1, 1) : u"handleRequest"_s;
        const QString file = QString(type).replace('.'_L1, '/'_L1) + ".java"_L1;
        ref.candidates = QStringList{u"src/main/java/"_s + file, file};
        break;
    }
    case Language::DotNet: {
        // Assembly::Namespace.Class::Method; an executable assembly's handler is its name.
        const QStringList parts = handler.split("::"_L1);
        if (parts.size() != 3 && parts.size() != 1)
            return {};
        if (std::any_of(parts.cbegin(), parts.cend(), [](const QString &part) { return part.isEmpty(); }))
            return {};
        ref.container = parts.at(0);
        ref.modulePath = parts.size() == 3 ? parts.at(1) : parts.at(0);
        ref.functionName = parts.size() == 3 ? parts.at(2) : u"Main"_s;
        const QString type = parts.size() == 3 ? parts.at(1).section('.'_L1, -1) : u"Program"_s;
        ref.candidates = QStringList{type + ".cs"_L1, u"src/"_s + parts.at(0) + u'/' + type + ".cs"_L1};
        break;
    }
    case Language::Unknown: break;
    }
    return ref;
}

} // namespace Nimbus
