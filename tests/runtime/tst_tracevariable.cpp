// _X_AMZN_TRACE_ID in a Python worker: each invocation's X-Ray trace header, made of its
// request id, is what the code reads in os.environ, os.getenv, a copy of os.environ,
// native code calling getenv() and a child process started without env=, as Lambda's
// Python runtime sets it; and setting it per invocation does not grow the worker (setenv()
// kept every value it was given, about 140 bytes per invocation).

#include "runtime/instancepool.h"

#include "testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;
using namespace NimbusTest;

class tst_TraceVariable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void eachInvocationSeesItsOwn_data();
    void eachInvocationSeesItsOwn();
    void settingItDoesNotGrowTheWorker();

private:
    FunctionSpec spec(const QString &name) const;
    void write(const QString &relative, const QByteArray &content);
    InvocationResult invoke(InstancePool &pool, const QString &function, const QByteArray &event);

    QTemporaryDir mDir;
};

namespace {

QString headerOf(const QString &requestId)
{
    const QString digits = QString(requestId).remove(QLatin1Char('-'));
    return QStringLiteral("Root=1-%1-%2;Parent=%3;Sampled=0")
        .arg(digits.left(8), digits.mid(8, 24), digits.mid(16, 16));
}

} // namespace

void tst_TraceVariable::write(const QString &relative, const QByteArray &content)
{
    const QString path = mDir.filePath(relative);
    QDir().mkpath(QFileInfo(path).path());
    QVERIFY(writeAll(path, content));
}

FunctionSpec tst_TraceVariable::spec(const QString &name) const
{
    FunctionSpec s;
    s.name = name;
    s.runtime = QStringLiteral("python3.12");
    s.handler = QStringLiteral("app.handler");
    s.sourceDirectory = mDir.filePath(name);
    s.timeoutSeconds = 10;
    s.memoryMB = 256;
    return s;
}

InvocationResult tst_TraceVariable::invoke(InstancePool &pool, const QString &function, const QByteArray &event)
{
    QSignalSpy spy(&pool, &InstancePool::finished);
    pool.invoke(function, event);
    if (!spy.wait(20000))
        return {};
    return spy.first().first().value<InvocationResult>();
}

void tst_TraceVariable::initTestCase()
{
    qRegisterMetaType<InvocationResult>();
    // The header as each reader sees it; the code may set or remove it in an invocation.
    write("views/app.py", "import ctypes, os, subprocess\n"
                          "libc = ctypes.CDLL(None)\n"
                          "libc.getenv.restype = ctypes.c_char_p\n"
                          "def handler(event, context):\n"
                          "    if event.get('set'):\n"
                          "        os.environ['_X_AMZN_TRACE_ID'] = 'set by the code'\n"
                          "    if event.get('remove'):\n"
                          "        del os.environ['_X_AMZN_TRACE_ID']\n"
                          "    native = libc.getenv(b'_X_AMZN_TRACE_ID')\n"
                          "    child = subprocess.run(['sh', '-c', 'printf %s \"${_X_AMZN_TRACE_ID-unset}\"'],\n"
                          "                           capture_output=True, text=True).stdout\n"
                          "    return {'environ': os.environ.get('_X_AMZN_TRACE_ID'),\n"
                          "            'getenv': os.getenv('_X_AMZN_TRACE_ID'),\n"
                          "            'copy': dict(os.environ).get('_X_AMZN_TRACE_ID'),\n"
                          "            'native': None if native is None else native.decode(),\n"
                          "            'child': None if child == 'unset' else child}\n");
    // The bytes malloc() has handed out and not had back, as the worker's size.
    write("heap/app.py", "import ctypes, os\n"
                         "class MallInfo2(ctypes.Structure):\n"
                         "    _fields_ = [(name, ctypes.c_size_t) for name in ('arena', 'ordblks', 'smblks', 'hblks',\n"
                         "                'hblkhd', 'usmblks', 'fsmblks', 'uordblks', 'fordblks', 'keepcost')]\n"
                         "mallinfo2 = ctypes.CDLL(None).mallinfo2\n"
                         "mallinfo2.restype = MallInfo2\n"
                         "def handler(event, context):\n"
                         "    return {'heap': mallinfo2().uordblks, 'trace': os.environ.get('_X_AMZN_TRACE_ID')}\n");
}

void tst_TraceVariable::eachInvocationSeesItsOwn_data()
{
    QTest::addColumn<QString>("view");
    QTest::newRow("os.environ") << QStringLiteral("environ");
    QTest::newRow("os.getenv") << QStringLiteral("getenv");
    QTest::newRow("dict(os.environ)") << QStringLiteral("copy");
    QTest::newRow("getenv() in native code") << QStringLiteral("native");
    QTest::newRow("child process") << QStringLiteral("child");
}

// Each invocation's own header; a value the code set, or its removal, lasts until the
// next invocation, which has its own header again.
void tst_TraceVariable::eachInvocationSeesItsOwn()
{
    QFETCH(QString, view);
    InstancePool pool;
    pool.setFunction(spec(QStringLiteral("views")));
    const QList<QByteArray> events = {"{}", "{\"set\": true}", "{}", "{\"remove\": true}", "{}", "{}"};
    QStringList requestIds;
    for (const QByteArray &event : events) {
        const InvocationResult result = invoke(pool, QStringLiteral("views"), event);
        QVERIFY2(result.ok, QJsonDocument(result.error).toJson().constData());
        const QJsonObject seen = QJsonDocument::fromJson(result.resultJson).object();
        QVERIFY2(seen.contains(view), result.resultJson.constData());
        const QJsonValue value = seen.value(view);
        if (event.contains("set"))
            QCOMPARE(value.toString(), QStringLiteral("set by the code"));
        else if (event.contains("remove"))
            QVERIFY2(value.isNull(), result.resultJson.constData());
        else
            QCOMPARE(value.toString(), headerOf(result.requestId));
        requestIds.append(result.requestId);
    }
    requestIds.removeDuplicates();
    QCOMPARE(requestIds.size(), events.size());
}

// Thousands of invocations, each with a header of its own, leave malloc's bytes in use as
// they were (setenv() kept about 140 bytes of each).
void tst_TraceVariable::settingItDoesNotGrowTheWorker()
{
    InstancePool pool;
    pool.setFunction(spec(QStringLiteral("heap")));
    const int settle = 100;
    const int counted = 2000;
    qint64 before = -1;
    QString lastTrace;
    for (int i = 0; i < settle + counted; ++i) {
        const InvocationResult result = invoke(pool, QStringLiteral("heap"), "{}");
        QVERIFY2(result.ok, QJsonDocument(result.error).toJson().constData());
        const QJsonObject seen = QJsonDocument::fromJson(result.resultJson).object();
        QCOMPARE(seen.value(QStringLiteral("trace")).toString(), headerOf(result.requestId));
        QVERIFY(seen.value(QStringLiteral("trace")).toString() != lastTrace);
        lastTrace = seen.value(QStringLiteral("trace")).toString();
        if (i == settle - 1)
            before = qint64(seen.value(QStringLiteral("heap")).toDouble());
        if (i == settle + counted - 1) {
            const qint64 growth = qint64(seen.value(QStringLiteral("heap")).toDouble()) - before;
            // Less than 16 bytes per invocation: a kept header would be 140.
            QVERIFY2(
                growth < 16 * counted,
                qPrintable(QStringLiteral("malloc'd bytes grew by %1 over %2 invocations").arg(growth).arg(counted)));
        }
    }
}

QTEST_GUILESS_MAIN(tst_TraceVariable)
#include "tst_tracevariable.moc"
