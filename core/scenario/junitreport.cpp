#include "junitreport.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Nimbus::JUnitReport {

namespace {
QString seconds(double ms)
{
    return QString::number(ms / 1000.0, 'f', 3);
}
} // namespace

QByteArray xml(const QList<ScenarioResult> &results)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    int tests = 0, failures = 0, errors = 0;
    double total = 0;
    for (const ScenarioResult &r : results) {
        tests += r.error.isEmpty() ? int(r.steps.size()) : 1;
        failures += r.error.isEmpty() ? int(std::count_if(r.steps.cbegin(), r.steps.cend(),
                                                          [](const ScenarioStepResult &s) { return !s.passed; }))
                                      : 0;
        errors += r.error.isEmpty() ? 0 : 1;
        total += r.durationMs;
    }
    xml.writeStartElement(u"testsuites"_s);
    xml.writeAttribute(u"name"_s, u"nimbus test"_s);
    xml.writeAttribute(u"tests"_s, QString::number(tests));
    xml.writeAttribute(u"failures"_s, QString::number(failures));
    xml.writeAttribute(u"errors"_s, QString::number(errors));
    xml.writeAttribute(u"time"_s, seconds(total));
    for (const ScenarioResult &r : results) {
        const int failed = int(
            std::count_if(r.steps.cbegin(), r.steps.cend(), [](const ScenarioStepResult &s) { return !s.passed; }));
        xml.writeStartElement(u"testsuite"_s);
        xml.writeAttribute(u"name"_s, r.name);
        xml.writeAttribute(u"tests"_s, QString::number(r.error.isEmpty() ? r.steps.size() : 1));
        xml.writeAttribute(u"failures"_s, QString::number(r.error.isEmpty() ? failed : 0));
        xml.writeAttribute(u"errors"_s, QString::number(r.error.isEmpty() ? 0 : 1));
        xml.writeAttribute(u"skipped"_s, u"0"_s);
        xml.writeAttribute(u"time"_s, seconds(r.durationMs));
        // The schema CI servers validate against (Jenkins' junit-4.xsd) has no file or
        // line attributes: the scenario's file is a property, each step's line is in its
        // name and its failure says file:line:column.
        xml.writeStartElement(u"properties"_s);
        const QList<QPair<QString, QString>> properties = {
            {u"file"_s, QDir::fromNativeSeparators(r.fileName)},
            {u"seed"_s, QString::number(r.seed)},
            {u"runs"_s, QString::number(r.runs)},
            {u"failingSeed"_s, r.failedRun >= 0 ? QString::number(r.failingSeed) : QString()}};
        for (const auto &[name, value] : properties) {
            if (value.isEmpty())
                continue;
            xml.writeEmptyElement(u"property"_s);
            xml.writeAttribute(u"name"_s, name);
            xml.writeAttribute(u"value"_s, value);
        }
        xml.writeEndElement(); // properties
        if (!r.error.isEmpty()) {
            xml.writeStartElement(u"testcase"_s);
            xml.writeAttribute(u"classname"_s, r.name);
            xml.writeAttribute(u"name"_s, QCoreApplication::translate("Nimbus::Scenario", "set-up"));
            xml.writeAttribute(u"time"_s, seconds(r.durationMs));
            xml.writeStartElement(u"error"_s);
            xml.writeAttribute(u"message"_s, r.error);
            xml.writeAttribute(u"type"_s, u"setup"_s);
            xml.writeCharacters(r.error);
            xml.writeEndElement();
            xml.writeEndElement();
        }
        for (const ScenarioStepResult &s : r.steps) {
            xml.writeStartElement(u"testcase"_s);
            xml.writeAttribute(u"classname"_s, r.name);
            const QString prefix = s.invariant ? u"invariant %1: "_s.arg(s.index + 1) : u"%1. "_s.arg(s.index + 1);
            xml.writeAttribute(
                u"name"_s,
                QCoreApplication::translate("Nimbus::Scenario", "%1 (line %2)").arg(prefix + s.name).arg(s.line));
            xml.writeAttribute(u"time"_s, seconds(s.durationMs));
            if (!s.passed) {
                xml.writeStartElement(u"failure"_s);
                xml.writeAttribute(u"message"_s, s.message);
                xml.writeAttribute(u"type"_s, u"expectation"_s);
                xml.writeCharacters(u"%1:%2:%3: %4 (run %5, seed %6)"_s.arg(r.fileName)
                                        .arg(s.line)
                                        .arg(s.column)
                                        .arg(s.message)
                                        .arg(s.run + 1)
                                        .arg(r.seed + quint64(s.run)));
                xml.writeEndElement();
            }
            xml.writeEndElement(); // testcase
        }
        xml.writeEndElement(); // testsuite
    }
    xml.writeEndElement(); // testsuites
    xml.writeEndDocument();
    return out;
}

Result<void> write(const QList<ScenarioResult> &results, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(xml(results)) < 0 || !file.commit())
        return fail(QCoreApplication::translate("Nimbus::Scenario", "%1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

} // namespace Nimbus::JUnitReport
