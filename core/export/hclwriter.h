#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Nimbus {

// A value of the HashiCorp configuration language: a string, a template string, a
// raw expression (a reference), a number, a boolean, a list or an object.
class HclValue
{
public:
    static HclValue string(const QString &text); // "text", with ${ and %{ escaped
    static HclValue templateString(const QString &text); // "text", interpolations kept
    // text with ${ and %{ doubled, for the literal parts of a templateString: a user's
    // value spliced into one is never read as an interpolation or a directive.
    static QString literal(const QString &text);
    static HclValue expression(const QString &text); // written as is
    static HclValue number(qint64 value);
    static HclValue boolean(bool value);
    static HclValue list(const QList<HclValue> &items);
    static HclValue stringList(const QStringList &items);
    static HclValue object(const QList<QPair<QString, HclValue>> &members);

    QByteArray write(int indent) const;

private:
    enum class Kind { Raw, List, Object };
    Kind mKind = Kind::Raw;
    QString mRaw;
    QList<HclValue> mItems;
    QList<QPair<QString, HclValue>> mMembers;
};

// Writes Terraform files: blocks with labels, attributes aligned the way
// `terraform fmt` aligns them, one blank line between top-level blocks.
class HclWriter
{
public:
    void beginBlock(const QString &type, const QStringList &labels = {});
    void endBlock();
    void attribute(const QString &name, const HclValue &value);
    void comment(const QString &text);

    QByteArray text() const;

private:
    void flushAttributes();

    QByteArray mText;
    int mDepth = 0;
    bool mBlockClosedAtTop = false;
    QList<QPair<QString, HclValue>> mPending; // attributes of the open block, aligned together
};

} // namespace Nimbus
