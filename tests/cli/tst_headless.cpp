// `nimbus` is a command-line tool: it links no widgets (no QtWidgets, Qt Charts or
// QScintilla), loads none while it runs, and writes a cost report with its three charts on
// a machine without a display.

#include "testutil.h"

#include <QBuffer>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

class tst_Headless : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void linksNoWidgets();
    void reportWithoutDisplay_data();
    void reportWithoutDisplay();

private:
    struct Result
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    // Runs nimbus with no display at all: no DISPLAY, no Wayland, no platform chosen.
    Result run(const QStringList &arguments, const QStringList &extraEnvironment = {});
    QTemporaryDir mDir;
};

namespace {

const QString kNimbus = QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus");
const QRegularExpression kWidgetLibraries(QStringLiteral("libQt6Widgets|libQt6Charts|qscintilla"),
                                          QRegularExpression::CaseInsensitiveOption);

// The pictures of a report: PNGs inline in the HTML, JPEG image objects in the PDF.
QList<QImage> htmlImages(const QByteArray &html)
{
    QList<QImage> images;
    static const QRegularExpression png(QStringLiteral("data:image/png;base64,([A-Za-z0-9+/=]+)"));
    for (auto it = png.globalMatch(QString::fromUtf8(html)); it.hasNext();)
        images << QImage::fromData(QByteArray::fromBase64(it.next().captured(1).toLatin1()), "PNG");
    return images;
}

QList<QImage> pdfImages(const QByteArray &pdf)
{
    QList<QImage> images;
    qsizetype at = 0;
    while ((at = pdf.indexOf("/Subtype /Image", at)) >= 0) {
        const qsizetype end = pdf.indexOf(">>", at);
        const QByteArray dictionary = pdf.mid(at, end - at);
        const qsizetype start = pdf.indexOf("stream", end) + 6;
        const qsizetype stop = pdf.indexOf("endstream", start);
        QByteArray data = pdf.mid(start, stop - start);
        while (data.startsWith('\r') || data.startsWith('\n'))
            data.remove(0, 1);
        if (dictionary.contains("/DCTDecode"))
            images << QImage::fromData(data, "JPEG");
        else
            images << QImage(); // a format this test cannot read: counted, and fails the checks
        at = stop;
    }
    return images;
}

// Pixels that are not (near) white: antialiasing and JPEG leave the background a little off.
int inkedPixels(const QImage &image)
{
    int inked = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            inked += qGray(image.pixel(x, y)) < 235 ? 1 : 0;
    return inked;
}

} // namespace

tst_Headless::Result tst_Headless::run(const QStringList &arguments, const QStringList &extraEnvironment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    // Downloaded price catalogs of the user running the tests must not change results.
    env.insert(QStringLiteral("XDG_DATA_HOME"), mDir.filePath(QStringLiteral("xdg")));
    for (const QString &variable : extraEnvironment)
        env.insert(variable.section(QLatin1Char('='), 0, 0), variable.section(QLatin1Char('='), 1));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(kNimbus, arguments);
    Result r;
    if (!process.waitForFinished(60000)) {
        r.err = process.errorString().toUtf8();
        return r;
    }
    r.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

void tst_Headless::initTestCase()
{
    QVERIFY2(QFileInfo::exists(kNimbus), "build the nimbus target first");
    QVERIFY(mDir.isValid());
}

void tst_Headless::linksNoWidgets()
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {kNimbus});
    QVERIFY2(ldd.waitForFinished(30000), qPrintable(ldd.errorString()));
    const QString libraries = QString::fromLocal8Bit(ldd.readAllStandardOutput());
    QCOMPARE(ldd.exitCode(), 0);
    // ldd did list the libraries: the core and QtGui, whose painter draws the charts.
    QVERIFY2(libraries.contains(QLatin1String("libnimbus-core")), qPrintable(libraries));
    QVERIFY2(libraries.contains(QLatin1String("libQt6Gui")), qPrintable(libraries));
    const QRegularExpressionMatch widgets = kWidgetLibraries.match(libraries);
    QVERIFY2(!widgets.hasMatch(),
             qPrintable(QStringLiteral("nimbus links %1:\n%2").arg(widgets.captured(), libraries)));
}

void tst_Headless::reportWithoutDisplay_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("html") << QStringLiteral("html");
    QTest::newRow("pdf") << QStringLiteral("pdf");
}

void tst_Headless::reportWithoutDisplay()
{
    QFETCH(QString, format);
    const QString out = mDir.filePath(QStringLiteral("report.") + format);
    // LD_DEBUG lists every library the loader opens, plugins included (glibc's loader).
    const Result r = run({QStringLiteral("cost"),
                          QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop/shop.json"),
                          QStringLiteral("--format"), format, QStringLiteral("-o"), out},
                         {QStringLiteral("LD_DEBUG=files")});
    QVERIFY2(r.code == 0, r.err.right(2000).constData());
    const QRegularExpressionMatch loaded = kWidgetLibraries.match(QString::fromLocal8Bit(r.err));
    QVERIFY2(!loaded.hasMatch(), qPrintable(QStringLiteral("nimbus loaded %1").arg(loaded.captured())));
    QVERIFY2(!r.err.contains("could not connect to display"), r.err.right(2000).constData());

    const QByteArray data = NimbusTest::readAll(out);
    const QList<QImage> images = format == QLatin1String("html") ? htmlImages(data) : pdfImages(data);
    QCOMPARE(images.size(), 3);
    QSet<QByteArray> distinct;
    for (const QImage &image : images) {
        QVERIFY(!image.isNull());
        // 900 x 480 at twice the resolution, as the studio's report had them.
        QCOMPARE(image.size(), QSize(1800, 960));
        // Not blank: text, grid and series ink a good part of the picture (not all of it),
        // in more than one colour.
        const int inked = inkedPixels(image);
        const int pixels = image.width() * image.height();
        QVERIFY2(inked > pixels / 50 && inked < pixels / 2, qPrintable(QString::number(inked)));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height() && colours.size() < 8; y += 3)
            for (int x = 0; x < image.width() && colours.size() < 8; x += 3)
                if (const QColor c = image.pixelColor(x, y); c.saturation() > 120 && c.value() > 100)
                    colours.insert(qRgb(c.red() / 32, c.green() / 32, c.blue() / 32));
        QVERIFY2(colours.size() >= 2, "a chart in colour");
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        distinct.insert(bytes);
    }
    QCOMPARE(distinct.size(), 3);
}

QTEST_GUILESS_MAIN(tst_Headless)
#include "tst_headless.moc"
