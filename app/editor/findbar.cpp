#include "findbar.h"

#include "codeeditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Nimbus {

FindBar::FindBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"findBar"_s);
    mFind = new QLineEdit(this);
    mFind->setObjectName(u"findField"_s);
    mFind->setPlaceholderText(tr("Find"));
    mFind->setClearButtonEnabled(true);
    mReplace = new QLineEdit(this);
    mReplace->setObjectName(u"replaceField"_s);
    mReplace->setPlaceholderText(tr("Replace with"));
    mRegex = new QCheckBox(tr("Regular e&xpression"), this);
    mWholeWord = new QCheckBox(tr("&Whole words"), this);
    mCase = new QCheckBox(tr("Match &case"), this);
    mStatus = new QLabel(this);

    auto *previous = new QPushButton(tr("Previous"), this);
    auto *next = new QPushButton(tr("Next"), this);
    auto *replaceOne = new QPushButton(tr("Replace"), this);
    auto *replaceEvery = new QPushButton(tr("Replace All"), this);
    auto *close = new QToolButton(this);
    close->setText(u"\u2715"_s);
    close->setToolTip(tr("Close (Esc)"));
    close->setAutoRaise(true);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(mFind, 0, 0);
    layout->addWidget(previous, 0, 1);
    layout->addWidget(next, 0, 2);
    auto *options = new QHBoxLayout;
    options->addWidget(mRegex);
    options->addWidget(mWholeWord);
    options->addWidget(mCase);
    options->addWidget(mStatus, 1);
    layout->addLayout(options, 0, 3);
    layout->addWidget(close, 0, 4);
    mReplaceRow = new QWidget(this);
    auto *replaceLayout = new QHBoxLayout(mReplaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(mReplace, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceEvery);
    layout->addWidget(mReplaceRow, 1, 0, 1, 3);
    layout->setColumnStretch(0, 1);

    connect(mFind, &QLineEdit::returnPressed, this, [this] { findNext(); });
    connect(mFind, &QLineEdit::textChanged, this, [this] { mStatus->clear(); });
    connect(mReplace, &QLineEdit::returnPressed, this, &FindBar::replaceCurrent);
    connect(next, &QPushButton::clicked, this, [this] { findNext(); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(replaceOne, &QPushButton::clicked, this, &FindBar::replaceCurrent);
    connect(replaceEvery, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        if (mEditor)
            mEditor->setFocus();
    });
    hide();
}

void FindBar::activate(bool replace)
{
    if (mEditor && mEditor->hasSelectedText() && !mEditor->selectedText().contains('\n'_L1))
        mFind->setText(mEditor->selectedText());
    mReplaceRow->setVisible(replace);
    show();
    mFind->setFocus();
    mFind->selectAll();
}

void FindBar::setOptions(bool regularExpression, bool wholeWord, bool caseSensitive)
{
    mRegex->setChecked(regularExpression);
    mWholeWord->setChecked(wholeWord);
    mCase->setChecked(caseSensitive);
}

void FindBar::showStatus(const QString &text, bool error)
{
    mStatus->setText(text);
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    mStatus->setPalette(p);
}

bool FindBar::findNext(bool backwards)
{
    if (!mEditor || mFind->text().isEmpty())
        return false;
    if (mRegex->isChecked() && !QRegularExpression(mFind->text()).isValid()) {
        showStatus(tr("Invalid regular expression: %1").arg(QRegularExpression(mFind->text()).errorString()), true);
        return false;
    }
    int line = 0, index = 0;
    if (backwards && mEditor->hasSelectedText()) {
        int lineTo = 0, indexTo = 0;
        mEditor->getSelection(&line, &index, &lineTo, &indexTo);
    } else {
        mEditor->getCursorPosition(&line, &index);
    }
    const bool found = mEditor->findFirst(mFind->text(), mRegex->isChecked(), mCase->isChecked(),
                                          mWholeWord->isChecked(), true, !backwards, line, index, true, false,
                                          mRegex->isChecked());
    showStatus(found ? QString() : tr("Not found"), !found);
    return found;
}

bool FindBar::replaceCurrent()
{
    if (!mEditor)
        return false;
    // Replace the match that is selected, then move on to the next one.
    if (mEditor->hasSelectedText()) {
        int line = 0, index = 0, lineTo = 0, indexTo = 0;
        mEditor->getSelection(&line, &index, &lineTo, &indexTo);
        if (mEditor->findFirst(mFind->text(), mRegex->isChecked(), mCase->isChecked(), mWholeWord->isChecked(), false,
                               true, line, index, false, false, mRegex->isChecked())) {
            int l2 = 0, i2 = 0, lt2 = 0, it2 = 0;
            mEditor->getSelection(&l2, &i2, &lt2, &it2);
            if (l2 == line && i2 == index)
                mEditor->replace(mReplace->text());
        }
    }
    return findNext();
}

int FindBar::replaceAll()
{
    if (!mEditor || mFind->text().isEmpty())
        return 0;
    int count = 0;
    mEditor->beginUndoAction();
    bool found = mEditor->findFirst(mFind->text(), mRegex->isChecked(), mCase->isChecked(), mWholeWord->isChecked(),
                                    false, true, 0, 0, false, false, mRegex->isChecked());
    while (found) {
        mEditor->replace(mReplace->text());
        ++count;
        found = mEditor->findNext();
    }
    mEditor->endUndoAction();
    showStatus(tr("%n replacement(s)", nullptr, count), false);
    return count;
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (mEditor)
            mEditor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace Nimbus
