#include "editor/codeeditor.h"
#include "mainwindow.h"
#include "run/runpanel.h"
#include "run/tokendialog.h"
#include "testutil.h"

#include "cloud/jwt.h"
#include "cloud/userpool.h"
#include "document/project.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Nimbus;
using namespace NimbusTest;

// Run > Mint Token, driven as a user would: the Run dock offers Token... once the design
// has a user pool; the dialog mints a token the pool's own keys verify, for a user or the
// app client, with the scopes ticked and the claims typed; it names the routes the pool
// guards, and puts the token in the Run dock's HTTP event as the gateway would.
class tst_TokenDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void runDockOffersATokenWithAPool();
    void mintsATokenThePoolVerifies_data();
    void mintsATokenThePoolVerifies();
    void claimsThatAreNotNameValueAreRefused();
    void curlLinesNameTheGuardedRoutes();
    void useInEventFillsTheHttpEvent_data();
    void useInEventFillsTheHttpEvent();
    void useInEventRefusesAnEventWithoutHeaders();

private:
    TokenDialog *openDialog();
    QByteArray mintWith(TokenDialog *dialog);

    std::unique_ptr<MainWindow> mWindow;
    std::unique_ptr<QTemporaryDir> mDir;
    NodeId mPool = kInvalidNodeId;
};

void tst_TokenDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_TokenDialog::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    mWindow = std::make_unique<MainWindow>();
    mWindow->resize(1300, 850);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    QVERIFY(mWindow->saveTo(mDir->filePath("shop.nimbus")));
    Project *project = mWindow->project();
    mPool = project->addNode("user-pool", {0, 0}, "staff").valueOr(kInvalidNodeId);
    QVERIFY(mPool != kInvalidNodeId);
    QVERIFY(project->setNodeProperty(mPool, "users", "alice, bob"));
    QVERIFY(project->setNodeProperty(mPool, "scopes", "orders/read orders/write"));
    QVERIFY(mWindow->saveTo(mDir->filePath("shop.nimbus")));
}

void tst_TokenDialog::cleanup()
{
    mWindow->project()->undoStack()->setClean();
    mWindow.reset();
    mDir.reset();
}

TokenDialog *tst_TokenDialog::openDialog()
{
    QPushButton *token = mWindow->runPanel()->tokenButton();
    if (!token->isVisibleTo(mWindow->runPanel()))
        return nullptr;
    QTest::mouseClick(token, Qt::LeftButton);
    return mWindow->findChild<TokenDialog *>();
}

QByteArray tst_TokenDialog::mintWith(TokenDialog *dialog)
{
    QTest::mouseClick(dialog->mintButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([dialog] { return !dialog->isMinting() && !dialog->token().isEmpty(); }, 20000))
        return {};
    return dialog->token().toLatin1();
}

void tst_TokenDialog::runDockOffersATokenWithAPool()
{
    RunPanel *run = mWindow->runPanel();
    QVERIFY(run->tokenButton()->isVisibleTo(run));
    mWindow->project()->removeItems({mPool});
    QVERIFY(!run->tokenButton()->isVisibleTo(run));
    mWindow->project()->undoStack()->undo();
    QVERIFY(run->tokenButton()->isVisibleTo(run));
    // The menu's action opens the same dialog, once.
    TokenDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(mWindow->mintToken(), dialog);
    QCOMPARE(mWindow->findChildren<TokenDialog *>().size(), 1);
    QCOMPARE(dialog->poolBox()->currentText(), QString("staff"));
    QCOMPARE(dialog->whoBox()->count(), 3); // alice, bob, the app client
    QCOMPARE(dialog->scopeList()->count(), 2);
}

void tst_TokenDialog::mintsATokenThePoolVerifies_data()
{
    QTest::addColumn<int>("who"); // index in the For box: alice, bob, the client
    QTest::addColumn<QStringList>("ticked");
    QTest::addColumn<QString>("claims");
    QTest::addColumn<bool>("idToken");
    QTest::addColumn<QString>("expectedUser"); // username or cognito:username; empty: none
    QTest::addColumn<QString>("expectedScope");
    QTest::addColumn<QString>("claim"); // name=value expected in the token (JSON value)

    QTest::newRow("alice, every scope") << 0 << QStringList() << QString() << false << "alice"
                                        << "orders/read orders/write" << QString();
    QTest::newRow("bob, one scope") << 1 << QStringList{"orders/read"} << QString() << false << "bob"
                                    << "orders/read" << QString();
    QTest::newRow("client credentials") << 2 << QStringList{"orders/write"} << QString() << false << QString()
                                        << "orders/write" << QString();
    QTest::newRow("extra claims") << 0 << QStringList() << "custom:tier=gold\nlevel=3" << false << "alice"
                                  << "orders/read orders/write"
                                  << R"(level=3)";
    QTest::newRow("string claim") << 0 << QStringList() << "custom:tier=gold" << false << "alice"
                                  << "orders/read orders/write"
                                  << R"(custom:tier="gold")";
    QTest::newRow("id token") << 1 << QStringList() << QString() << true << "bob" << QString() << R"(token_use="id")";
}

void tst_TokenDialog::mintsATokenThePoolVerifies()
{
    QFETCH(int, who);
    QFETCH(QStringList, ticked);
    QFETCH(QString, claims);
    QFETCH(bool, idToken);
    QFETCH(QString, expectedUser);
    QFETCH(QString, expectedScope);
    QFETCH(QString, claim);
    TokenDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->whoBox()->setCurrentIndex(who);
    for (int i = 0; i < dialog->scopeList()->count(); ++i) {
        QListWidgetItem *item = dialog->scopeList()->item(i);
        item->setCheckState(ticked.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
    const QStringList lines = claims.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(dialog->claimsEdit(), Qt::Key_Return);
        QTest::keyClicks(dialog->claimsEdit(), lines.at(i));
    }
    dialog->idTokenBox()->setChecked(idToken);
    const QByteArray token = mintWith(dialog);
    QVERIFY2(!token.isEmpty(), qPrintable(dialog->messageLabel()->text()));

    // The pool's own keys verify it, with the issuer the stopped cloud's default gateway.
    const Node *node = mWindow->project()->architecture().node(mPool);
    const Result<LocalUserPool> pool = LocalUserPool::open(*node, mWindow->project()->filePath());
    QVERIFY(pool);
    Jwt::Expectations expected;
    expected.issuer = pool->issuer("http://127.0.0.1:3000");
    expected.now = QDateTime::currentDateTimeUtc();
    if (idToken)
        expected.audiences = {pool->clientId()};
    const auto verdict = Jwt::verify(token, pool->jwks(), expected);
    const auto *verified = std::get_if<Jwt::Verified>(&verdict);
    QVERIFY2(verified, verified ? "" : qPrintable(std::get<Jwt::Refusal>(verdict).message));
    const QJsonObject payload = verified->claims;
    const QString user = payload.value(idToken ? "cognito:username" : "username").toString();
    QCOMPARE(user, expectedUser);
    QCOMPARE(payload.value("scope").toString(), expectedScope);
    if (!claim.isEmpty()) {
        const qsizetype equals = claim.indexOf('=');
        const QJsonValue value = QJsonDocument::fromJson("[" + claim.mid(equals + 1).toUtf8() + "]").array().first();
        QCOMPARE(payload.value(claim.left(equals)), value);
    }
    // The claims are shown decoded; Copy puts the token on the clipboard.
    QCOMPARE(QJsonDocument::fromJson(dialog->claimsView()->text().toUtf8()).object(), payload);
    QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QString::fromLatin1(token));
    QVERIFY(dialog->messageLabel()->text().contains("127.0.0.1:3000"));
}

void tst_TokenDialog::claimsThatAreNotNameValueAreRefused()
{
    TokenDialog *dialog = openDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->claimsEdit(), "tier=gold");
    QTest::keyClick(dialog->claimsEdit(), Qt::Key_Return);
    QTest::keyClicks(dialog->claimsEdit(), "just-a-word");
    QVERIFY(!dialog->mint());
    QVERIFY(dialog->messageLabel()->text().contains("line 2"));
    QVERIFY(dialog->token().isEmpty());
    QVERIFY(!dialog->copyButton()->isEnabled());
}

void tst_TokenDialog::curlLinesNameTheGuardedRoutes()
{
    Project *project = mWindow->project();
    const NodeId route = project->addNode("http-route", {200, 0}, "getOrder").valueOr(kInvalidNodeId);
    QVERIFY(project->setNodeProperty(route, "method", "GET"));
    QVERIFY(project->setNodeProperty(route, "path", "/orders/{orderId}"));
    const NodeId open = project->addNode("http-route", {200, 200}, "health").valueOr(kInvalidNodeId);
    QVERIFY(project->setNodeProperty(open, "path", "/health"));
    QVERIFY(project->connectNodes(mPool, route, "authorizes"));
    QVERIFY(mWindow->saveTo(mDir->filePath("shop.nimbus")));
    TokenDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->curlLabel()->text().contains("GET"));
    QVERIFY(dialog->curlLabel()->text().contains("http://127.0.0.1:3000/orders/{orderId}"));
    QVERIFY(!dialog->curlLabel()->text().contains("/health"));
    // The cloud started elsewhere: the routes are called there.
    dialog->setGateway("http://127.0.0.1:4999");
    QVERIFY(dialog->curlLabel()->text().contains("http://127.0.0.1:4999/orders/{orderId}"));
    dialog->setGateway({});
    const QByteArray token = mintWith(dialog);
    QVERIFY(!token.isEmpty());
    QVERIFY(dialog->curlLabel()->text().contains(QString::fromLatin1(token.left(16))));
    if (qEnvironmentVariableIsSet("NIMBUS_SCREENSHOT_DIR"))
        QVERIFY(dialog->grab().save(QDir(qEnvironmentVariable("NIMBUS_SCREENSHOT_DIR")).filePath("token-dialog.png")));
}

void tst_TokenDialog::useInEventFillsTheHttpEvent_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("usernamePath"); // where the gateway puts the claim

    QTest::newRow("HTTP API 2.0") << R"({"version": "2.0", "routeKey": "GET /orders", "headers": {"accept": "*/*"},
                                        "requestContext": {"http": {"method": "GET"}}})"
                                  << "jwt/claims/username";
    QTest::newRow("REST 1.0") << R"({"resource": "/orders", "headers": {}, "multiValueHeaders": {},
                                    "requestContext": {"resourcePath": "/orders"}})"
                              << "claims/username";
}

void tst_TokenDialog::useInEventFillsTheHttpEvent()
{
    QFETCH(QString, event);
    QFETCH(QString, usernamePath);
    mWindow->runPanel()->eventEditor()->setText(event);
    TokenDialog *dialog = openDialog();
    QVERIFY(dialog);
    const QByteArray token = mintWith(dialog);
    QVERIFY(!token.isEmpty());
    QTest::mouseClick(dialog->useInEventButton(), Qt::LeftButton);
    const QJsonObject written = QJsonDocument::fromJson(mWindow->runPanel()->eventEditor()->text().toUtf8()).object();
    QCOMPARE(written["headers"]["authorization"].toString(), "Bearer " + QString::fromLatin1(token));
    const QJsonObject before = QJsonDocument::fromJson(event.toUtf8()).object();
    QCOMPARE(written["headers"]["accept"].toString(), before.value("headers").toObject().value("accept").toString());
    if (written.contains("multiValueHeaders"))
        QCOMPARE(written["multiValueHeaders"]["authorization"][0].toString(), "Bearer " + QString::fromLatin1(token));
    QJsonValue at = written["requestContext"]["authorizer"];
    for (const QString &key : usernamePath.split('/'))
        at = at.toObject().value(key);
    QCOMPARE(at.toString(), QString("alice"));
    if (usernamePath.startsWith("jwt"))
        QCOMPARE(written["requestContext"]["authorizer"]["jwt"]["scopes"].toArray().size(), 2);
    // What was there stays.
    QVERIFY(written.contains("requestContext"));
    QVERIFY(dialog->messageLabel()->text().contains("event"));
}

void tst_TokenDialog::useInEventRefusesAnEventWithoutHeaders()
{
    const QString queueEvent = R"({"Records": [{"body": "hello"}]})";
    mWindow->runPanel()->eventEditor()->setText(queueEvent);
    TokenDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(!mintWith(dialog).isEmpty());
    QTest::mouseClick(dialog->useInEventButton(), Qt::LeftButton);
    QCOMPARE(mWindow->runPanel()->eventEditor()->text(), queueEvent);
    QVERIFY(dialog->messageLabel()->text().contains("not an HTTP event"));
}

QTEST_MAIN(tst_TokenDialog)
#include "tst_tokendialog.moc"
