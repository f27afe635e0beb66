#pragma once

#include <QString>
#include <QStringList>

namespace Nimbus {

// Where a function's handler lives, following each runtime's own rules:
// Node.js splits "dir/file.fn" at the first dot and tries .js, .mjs, .cjs;
// Python splits "pkg.module.fn" at the last dot and maps dots to folders.
// A custom runtime (provided.al2023, provided.al2) runs the folder's `bootstrap`, built
// from main.go for a Go function; the handler is only passed on to it (_HANDLER).
// Java names a class (com.example.Handler or com.example.Handler::handleRequest), whose
// source is src/main/java/com/example/Handler.java in a Maven or Gradle project; .NET names
// Assembly::Namespace.Class::Method, the class's source being Class.cs.
struct HandlerReference
{
    enum class Language { Unknown, NodeJs, Python, Custom, Java, DotNet };

    Language language = Language::Unknown;
    QString modulePath; // relative to the source folder, without extension
    QString functionName; // exported function, e.g. "handler"
    QString container; // Java: the class's package (com.example); .NET: the assembly
    QStringList candidates; // relative file paths the runtime would try, in order

    static Language languageOf(const QString &runtime);
    // The handler a new function of this runtime gets: index.handler for Node.js, Python and
    // the custom runtimes; for Java a class of a package named after the function
    // (getItem: getitem.Handler::handleRequest); for .NET an assembly named after it
    // (getItem: GetItem::GetItem.Function::FunctionHandler, as AWS's templates name it).
    static QString conventional(const QString &runtime, const QString &functionName);
    static HandlerReference resolve(const QString &runtime, const QString &handler);
    bool isValid() const { return language != Language::Unknown && !candidates.isEmpty(); }
};

} // namespace Nimbus
