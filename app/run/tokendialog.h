#pragma once

#include "model/ids.h"
#include "result.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Nimbus {

class CodeEditor;
class Project;

// Run > Mint Token: a token of one of the design's user pools, as `nimbus token` mints
// it, for a test user or the app client (client credentials), with the scopes and extra
// claims chosen. It shows the token, its claims decoded, and a curl line for each route
// the pool guards; Copy puts the token on the clipboard, Use in Event writes it into the
// Run dock's HTTP event (the Authorization header, and the authorizer context API
// Gateway adds). Keys are read or made off the window's thread.
class TokenDialog : public QDialog
{
    Q_OBJECT

public:
    // gateway: the running local cloud's address, empty when it is stopped (tokens then
    // name the default gateway, http://127.0.0.1:3000, as their issuer).
    TokenDialog(Project *project, const QString &gateway, QWidget *parent = nullptr);
    ~TokenDialog() override;

    QComboBox *poolBox() const { return mPool; }
    QComboBox *whoBox() const { return mWho; }
    QListWidget *scopeList() const { return mScopes; }
    QCheckBox *idTokenBox() const { return mIdToken; }
    QPlainTextEdit *claimsEdit() const { return mClaims; }
    QPushButton *mintButton() const { return mMint; }
    QPushButton *copyButton() const { return mCopy; }
    QPushButton *useInEventButton() const { return mUseInEvent; }
    QPlainTextEdit *tokenView() const { return mToken; }
    CodeEditor *claimsView() const { return mDecoded; }
    QLabel *curlLabel() const { return mCurl; }
    QLabel *messageLabel() const { return mMessage; }
    QString token() const { return mTokenText; }
    bool isMinting() const { return mWatcher.isRunning(); }

    // The local cloud started (its address) or stopped (empty): the issuer of the next token.
    void setGateway(const QString &gateway);
    // Mints with the dialog's choices; the answer arrives later (minted() or a message).
    bool mint();
    // The event with the token: headers.authorization, and requestContext.authorizer as
    // the gateway fills it for a route of payload 2.0 (jwt: claims, scopes) or 1.0 and
    // REST (claims); an error when the event is no HTTP event.
    static Result<QJsonObject> withToken(const QJsonObject &event, const QByteArray &token);
    // The curl line shown for a route: method, header and URL each one single-quoted word.
    static QString curlLine(const QString &method, const QString &token, const QString &url);

signals:
    void minted(const QString &token);
    // Use in Event was chosen: the event to put in the Run dock.
    void useInEvent(const QByteArray &token);

private:
    void choosePool();
    void finished();
    void showCurl();
    QString issuerGateway() const;

    QPointer<Project> mProject;
    QString mGateway;
    QComboBox *mPool;
    QComboBox *mWho;
    QListWidget *mScopes;
    QCheckBox *mIdToken;
    QPlainTextEdit *mClaims;
    QPushButton *mMint;
    QPushButton *mCopy;
    QPushButton *mUseInEvent;
    QPlainTextEdit *mToken;
    CodeEditor *mDecoded;
    QLabel *mCurl;
    QLabel *mMessage;
    QString mTokenText;
    QFutureWatcher<Result<QByteArray>> mWatcher;
};

} // namespace Nimbus
