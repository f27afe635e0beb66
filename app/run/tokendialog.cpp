#include "tokendialog.h"

#include "editor/codeeditor.h"
#include "theme.h"

#include "cloud/routeauthorizer.h"
#include "cloud/userpool.h"
#include "document/project.h"
#include "model/kinds.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr auto kDefaultGateway = "http://127.0.0.1:3000"_L1;

// "name=value" lines as claims: a value that reads as JSON (a number, true, a list) is
// that value, anything else a string; as `nimbus token --claim` takes them.
Result<QJsonObject> claimsOf(const QString &text)
{
    QJsonObject claims;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0)
            return fail(TokenDialog::tr("line %1 of the claims: write name=value, not %2").arg(i + 1).arg(line));
        const QByteArray value = line.mid(equals + 1).trimmed().toUtf8();
        const QJsonDocument parsed = QJsonDocument::fromJson("[" + value + "]");
        claims.insert(line.left(equals).trimmed(), parsed.isArray() && parsed.array().size() == 1
                                                       ? parsed.array().first()
                                                       : QJsonValue(QString::fromUtf8(value)));
    }
    return claims;
}

// The claims a JWT carries (its middle part), or an empty object.
QJsonObject payloadOf(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
}

// A value for a shell, in single quotes; control characters (a line break would end the
// command) shown as spaces.
QString shellQuoted(QString text)
{
    for (QChar &c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    return u'\'' + text.replace(u"'"_s, u"'\\''"_s) + u'\'';
}

} // namespace

QString TokenDialog::curlLine(const QString &method, const QString &token, const QString &url)
{
    // The route's method and path come from the project, which may be a stranger's: the line
    // is made to be pasted into a shell, so each of them is one quoted word.
    return u"curl -X %1 -H %2 %3"_s.arg(shellQuoted(method), shellQuoted(u"Authorization: Bearer "_s + token),
                                        shellQuoted(url));
}

TokenDialog::TokenDialog(Project *project, const QString &gateway, QWidget *parent)
    : QDialog(parent), mProject(project), mGateway(gateway), mPool(new QComboBox(this)), mWho(new QComboBox(this)),
      mScopes(new QListWidget(this)),
      mIdToken(new QCheckBox(tr("ID token (for the app client) instead of an access token"), this)),
      mClaims(new QPlainTextEdit(this)), mMint(new QPushButton(tr("&Mint"), this)),
      mCopy(new QPushButton(tr("&Copy"), this)), mUseInEvent(new QPushButton(tr("Use in &Event"), this)),
      mToken(new QPlainTextEdit(this)), mDecoded(new CodeEditor(this)), mCurl(new QLabel(this)),
      mMessage(new QLabel(this))
{
    setObjectName(u"tokenDialog"_s);
    setWindowTitle(tr("Mint Token"));
    mPool->setObjectName(u"tokenPool"_s);
    mWho->setObjectName(u"tokenWho"_s);
    mScopes->setObjectName(u"tokenScopes"_s);
    mScopes->setMaximumHeight(64);
    mScopes->setToolTip(tr("The scopes the token carries; none ticked: every scope of the pool"));
    mIdToken->setObjectName(u"tokenId"_s);
    mClaims->setObjectName(u"tokenClaims"_s);
    mClaims->setPlaceholderText(tr("name=value, one a line (custom:tier=gold, email_verified=true)"));
    mClaims->setMaximumHeight(56);
    mMint->setObjectName(u"mintToken"_s);
    mMint->setDefault(true);
    mCopy->setObjectName(u"copyToken"_s);
    mUseInEvent->setObjectName(u"useTokenInEvent"_s);
    mUseInEvent->setToolTip(tr("Put the token in the Run dock's HTTP event, with the claims API Gateway passes on"));
    mToken->setObjectName(u"tokenText"_s);
    mToken->setReadOnly(true);
    mToken->setMaximumHeight(80);
    mToken->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    mDecoded->setObjectName(u"tokenDecoded"_s);
    mDecoded->setLanguage(CodeEditor::Language::Json);
    mDecoded->setReadOnly(true);
    mDecoded->setMinimumHeight(140);
    mCurl->setObjectName(u"tokenCurl"_s);
    mCurl->setWordWrap(true);
    // The routes' paths are the project's: never read as rich text.
    mCurl->setTextFormat(Qt::PlainText);
    mCurl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mMessage->setObjectName(u"tokenMessage"_s);
    mMessage->setWordWrap(true);
    mMessage->setMinimumHeight(2 * mMessage->fontMetrics().lineSpacing() + 4);
    mMessage->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);

    auto *form = new QFormLayout;
    form->addRow(tr("User pool"), mPool);
    form->addRow(tr("For"), mWho);
    form->addRow(tr("Scopes"), mScopes);
    form->addRow(QString(), mIdToken);
    form->addRow(tr("Extra claims"), mClaims);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(mMint, QDialogButtonBox::ActionRole);
    buttons->addButton(mCopy, QDialogButtonBox::ActionRole);
    buttons->addButton(mUseInEvent, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mMessage);
    layout->addWidget(new QLabel(tr("Token"), this));
    layout->addWidget(mToken);
    layout->addWidget(new QLabel(tr("Its claims"), this));
    layout->addWidget(mDecoded, 1);
    layout->addWidget(mCurl);
    layout->addWidget(buttons);
    resize(640, 700);

    if (mProject)
        for (const auto &[id, node] : mProject->architecture().nodes())
            if (node.kind == Kinds::UserPool)
                mPool->addItem(node.name, node.name);
    mPool->model()->sort(0);
    connect(mPool, &QComboBox::currentIndexChanged, this, &TokenDialog::choosePool);
    connect(mMint, &QPushButton::clicked, this, &TokenDialog::mint);
    connect(mCopy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(mTokenText); });
    connect(mUseInEvent, &QPushButton::clicked, this, [this] { emit useInEvent(mTokenText.toUtf8()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&mWatcher, &QFutureWatcher<Result<QByteArray>>::finished, this, &TokenDialog::finished);
    mCopy->setEnabled(false);
    mUseInEvent->setEnabled(false);
    if (mPool->count() == 0) {
        mMint->setEnabled(false);
        mMessage->setText(tr("The design has no user pool: add one from the palette and connect it to a route "
                             "with \"authorizes\"."));
    }
    choosePool();
}

TokenDialog::~TokenDialog()
{
    mWatcher.waitForFinished();
}

QString TokenDialog::issuerGateway() const
{
    return mGateway.isEmpty() ? QString(kDefaultGateway) : mGateway;
}

void TokenDialog::setGateway(const QString &gateway)
{
    mGateway = gateway;
    showCurl();
}

void TokenDialog::choosePool()
{
    mWho->clear();
    mScopes->clear();
    const Node *node = mProject ? mProject->architecture().nodeByName(mPool->currentData().toString()) : nullptr;
    if (!node)
        return;
    // What the node says, without opening its keys: users and scopes are properties (the
    // pool's defaults when unset).
    const auto listOf = [node](const char *key, const QString &fallback) {
        return node->properties.value(QLatin1String(key))
            .toString(fallback)
            .split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts);
    };
    for (const QString &user : listOf("users", u"alice"_s))
        mWho->addItem(tr("User %1").arg(user), user);
    mWho->addItem(tr("The app client (client credentials, no user)"), QString());
    for (const QString &scope : listOf("scopes", u"openid email"_s)) {
        auto *item = new QListWidgetItem(scope, mScopes);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    showCurl();
}

bool TokenDialog::mint()
{
    if (mWatcher.isRunning() || !mProject)
        return false;
    const Node *node = mProject->architecture().nodeByName(mPool->currentData().toString());
    if (!node) {
        mMessage->setText(tr("Choose a user pool."));
        return false;
    }
    const Result<QJsonObject> claims = claimsOf(mClaims->toPlainText());
    if (!claims) {
        mMessage->setText(
            u"<span style='color:%1'>%2</span>"_s.arg(Theme::failure().name(), claims.errorMessage().toHtmlEscaped()));
        return false;
    }
    LocalUserPool::TokenRequest request;
    request.user = mWho->currentData().toString();
    for (int i = 0; i < mScopes->count(); ++i)
        if (mScopes->item(i)->checkState() == Qt::Checked)
            request.scopes.append(mScopes->item(i)->text());
    request.claims = *claims;
    request.idToken = mIdToken->isChecked();
    request.now = QDateTime::currentDateTimeUtc();
    // Opening a pool reads its key, or makes one (RSA, 2048 bits) the first time.
    const Node copy = *node;
    const QString projectFile = mProject->filePath();
    const QString gateway = issuerGateway();
    mMint->setEnabled(false);
    mMessage->setText(tr("Minting..."));
    mWatcher.setFuture(QtConcurrent::run([copy, projectFile, gateway, request]() -> Result<QByteArray> {
        const Result<LocalUserPool> pool = LocalUserPool::open(copy, projectFile);
        if (!pool)
            return pool.error();
        return pool->mint(pool->issuer(gateway), request);
    }));
    return true;
}

void TokenDialog::finished()
{
    mMint->setEnabled(mPool->count() > 0);
    const Result<QByteArray> token = mWatcher.result();
    if (!token) {
        mMessage->setText(
            u"<span style='color:%1'>%2</span>"_s.arg(Theme::failure().name(), token.errorMessage().toHtmlEscaped()));
        return;
    }
    mTokenText = QString::fromLatin1(*token);
    mToken->setPlainText(mTokenText);
    mDecoded->setText(QString::fromUtf8(QJsonDocument(payloadOf(*token)).toJson(QJsonDocument::Indented)));
    mCopy->setEnabled(true);
    mUseInEvent->setEnabled(true);
    mMessage->setText(mGateway.isEmpty()
                          ? tr("The local cloud is stopped: the token names %1 as its issuer, so it opens routes when "
                               "the cloud runs there.")
                                .arg(QString(kDefaultGateway))
                          : tr("Valid for the local cloud at %1.").arg(mGateway));
    showCurl();
    emit minted(mTokenText);
}

void TokenDialog::showCurl()
{
    QStringList lines;
    const QString pool = mPool->currentData().toString();
    if (mProject) {
        const Architecture &design = mProject->architecture();
        for (const auto &[id, node] : design.nodes()) {
            if (node.kind != Kinds::HttpRoute || RouteAuthorizer::authOf(design, id).pool != pool || pool.isEmpty())
                continue;
            const QString method = node.properties.value("method"_L1).toString(u"GET"_s);
            const QString path = node.properties.value("path"_L1).toString(u"/"_s);
            lines.append(curlLine(method == "ANY"_L1 ? u"GET"_s : method,
                                  mTokenText.isEmpty() ? u"TOKEN"_s : mTokenText.left(16) + "..."_L1,
                                  issuerGateway() + path));
        }
    }
    std::sort(lines.begin(), lines.end());
    mCurl->setText(lines.isEmpty() ? tr("No route of the design is guarded by this pool yet.")
                                   : tr("Routes it opens:") + u'\n' + lines.join(u'\n'));
}

Result<QJsonObject> TokenDialog::withToken(const QJsonObject &event, const QByteArray &token)
{
    if (!event.contains("headers"_L1) && !event.contains("requestContext"_L1))
        return fail(
            tr("The Run dock's event is not an HTTP event (it has no headers): choose the route's event first."));
    QJsonObject result = event;
    QJsonObject headers = event.value("headers"_L1).toObject();
    headers.insert(u"authorization"_s, u"Bearer "_s + QString::fromLatin1(token));
    result.insert(u"headers"_s, headers);
    if (event.contains("multiValueHeaders"_L1)) {
        QJsonObject multi = event.value("multiValueHeaders"_L1).toObject();
        multi.insert(u"authorization"_s, QJsonArray{u"Bearer "_s + QString::fromLatin1(token)});
        result.insert(u"multiValueHeaders"_s, multi);
    }
    const QJsonObject claims = payloadOf(token);
    const bool rest = event.value("version"_L1).toString() != "2.0"_L1;
    QStringList scopes;
    for (const QString &scope : claims.value("scope"_L1).toString().split(u' ', Qt::SkipEmptyParts))
        scopes.append(scope);
    QJsonObject context = event.value("requestContext"_L1).toObject();
    context.insert(u"authorizer"_s, RouteAuthorizer::jwtContext(claims, scopes, rest));
    result.insert(u"requestContext"_s, context);
    return result;
}

} // namespace Nimbus
