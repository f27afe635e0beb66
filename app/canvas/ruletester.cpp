#include "ruletester.h"

#include "cloud/eventpattern.h"

#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// An event as EventBridge delivers it, with detail-type, source and detail of its own.
QByteArray exampleEvent(const QString &detailType, const QString &source, const QJsonObject &detail)
{
    const QJsonObject event{{u"version"_s, u"0"_s},
                            {u"id"_s, u"6a7e8feb-b491-4cf7-a9f1-bf3703467718"_s},
                            {u"detail-type"_s, detailType},
                            {u"source"_s, source},
                            {u"account"_s, u"000000000000"_s},
                            {u"time"_s, u"2027-01-01T12:00:00Z"_s},
                            {u"region"_s, u"us-east-1"_s},
                            {u"resources"_s, QJsonArray()},
                            {u"detail"_s, detail}};
    return QJsonDocument(event).toJson(QJsonDocument::Indented);
}

} // namespace

RuleTester::RuleTester(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    mExamples = new QComboBox(this);
    mExamples->setAccessibleName(tr("Example event"));
    mExamples->addItem(tr("Order placed, total 150"),
                       exampleEvent(u"order placed"_s, u"shop.orders"_s, {{u"id"_s, u"o-1"_s}, {u"total"_s, 150}}));
    mExamples->addItem(tr("Order placed, total 50"),
                       exampleEvent(u"order placed"_s, u"shop.orders"_s, {{u"id"_s, u"o-2"_s}, {u"total"_s, 50}}));
    mExamples->addItem(tr("Scheduled event"), exampleEvent(u"Scheduled Event"_s, u"aws.events"_s, {}));
    mExamples->addItem(tr("EC2 instance state change"),
                       exampleEvent(u"EC2 Instance State-change Notification"_s, u"aws.ec2"_s,
                                    {{u"instance-id"_s, u"i-0123456789"_s}, {u"state"_s, u"running"_s}}));
    layout->addWidget(mExamples);
    mEvent = new QPlainTextEdit(this);
    mEvent->setAccessibleName(tr("Event to test"));
    mEvent->setToolTip(tr("An event as EventBridge delivers it; pick an example or paste one"));
    mEvent->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    mEvent->setMinimumHeight(120);
    layout->addWidget(mEvent);
    mResult = new QLabel(this);
    mResult->setWordWrap(true);
    mResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(mResult);
    connect(mExamples, &QComboBox::currentIndexChanged, this, &RuleTester::pickExample);
    connect(mEvent, &QPlainTextEdit::textChanged, this, &RuleTester::test);
    pickExample(0);
}

void RuleTester::setSavedEvents(const QList<QPair<QString, QByteArray>> &events)
{
    for (const auto &event : events)
        mExamples->addItem(event.first, event.second);
}

void RuleTester::setPattern(const QString &pattern)
{
    if (pattern == mPattern && !mResult->text().isEmpty())
        return;
    mPattern = pattern;
    test();
}

void RuleTester::pickExample(int index)
{
    mEvent->setPlainText(QString::fromUtf8(mExamples->itemData(index).toByteArray()));
}

void RuleTester::test()
{
    const Result<bool> tested = EventPattern::test(mPattern.toUtf8(), mEvent->toPlainText().toUtf8());
    mMatched = tested && *tested;
    if (!tested) {
        mResult->setText(tested.errorMessage());
        mResult->setStyleSheet(u"color: #d32f2f;"_s);
    } else {
        mResult->setText(*tested ? tr("Matches: the rule sends this event to its targets.")
                                 : tr("No match: the rule ignores this event."));
        mResult->setStyleSheet(*tested ? u"color: #2e7d32;"_s : QString());
    }
}

} // namespace Nimbus
