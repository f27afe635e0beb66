#include "preferencesdialog.h"

#include "preferences.h"
#include "restartprompt.h"
#include "runtimespage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
// A combo box of (text, value) items with the current value selected (else the first).
QComboBox *choices(const char *objectName, const QList<std::pair<QString, QVariant>> &items, const QVariant &current,
                   QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QLatin1String(objectName));
    for (const auto &[text, value] : items)
        combo->addItem(text, value);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
    return combo;
}
} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(u"preferencesDialog"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createAppearance());
    layout->addWidget(createDefaults());
    layout->addWidget(createLocalCloud());
    layout->addWidget(new RuntimesPage(this));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QSpinBox *PreferencesDialog::numberBox(Preferences::Number which, const char *objectName, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(objectName));
    const auto [minimum, maximum] = Preferences::range(which);
    box->setRange(minimum, maximum);
    box->setValue(Preferences::instance().number(which));
    connect(box, &QSpinBox::valueChanged, this,
            [which](int value) { Preferences::instance().setNumber(which, value); });
    return box;
}

// Language, theme and the editor's font; every change applies at once.
QWidget *PreferencesDialog::createAppearance()
{
    const Preferences &p = Preferences::instance();
    auto *look = new QGroupBox(tr("Appearance"), this);
    auto *lookForm = new QFormLayout(look);
    QList<std::pair<QString, QVariant>> languages{{tr("System language"), QString()}};
    for (const auto &[code, name] : Preferences::languages())
        languages.append({name, code});
    mLanguage = choices("languageCombo", languages, p.language(), look);
    mRestart = new QLabel(tr("The new language applies when the studio starts again."), look);
    mRestart->setObjectName(u"restartNotice"_s);
    mRestart->setVisible(false);
    lookForm->addRow(tr("&Language:"), mLanguage);
    lookForm->addRow(QString(), mRestart);
    mTheme = choices("themeCombo",
                     {{tr("System"), int(Preferences::Theme::System)},
                      {tr("Light"), int(Preferences::Theme::Light)},
                      {tr("Dark"), int(Preferences::Theme::Dark)}},
                     int(p.theme()), look);
    lookForm->addRow(tr("&Theme:"), mTheme);
    mFont = new QFontComboBox(look);
    mFont->setObjectName(u"editorFontCombo"_s);
    mFont->setFontFilters(QFontComboBox::MonospacedFonts);
    mFont->setCurrentFont(p.editorFont());
    mFontSize = new QSpinBox(look);
    mFontSize->setObjectName(u"editorFontSize"_s);
    mFontSize->setRange(6, 48);
    mFontSize->setSuffix(tr(" pt"));
    mFontSize->setValue(std::max(6, p.editorFont().pointSize()));
    auto *fontRow = new QHBoxLayout;
    fontRow->addWidget(mFont, 1);
    fontRow->addWidget(mFontSize);
    auto *fontLabel = new QLabel(tr("Editor &font:"), look);
    fontLabel->setBuddy(mFont);
    mFontSize->setAccessibleName(tr("Editor font size"));
    lookForm->addRow(fontLabel, fontRow);

    connect(mLanguage, &QComboBox::currentIndexChanged, this, &PreferencesDialog::languageChanged);
    connect(mTheme, &QComboBox::currentIndexChanged, this,
            [this] { Preferences::instance().setTheme(Preferences::Theme(mTheme->currentData().toInt())); });
    auto applyFont = [this] {
        QFont font = mFont->currentFont();
        font.setPointSize(mFontSize->value());
        Preferences::instance().setEditorFont(font);
    };
    connect(mFont, &QFontComboBox::currentFontChanged, this, applyFont);
    connect(mFontSize, &QSpinBox::valueChanged, this, applyFont);
    return look;
}

// Saved at once; applies at the next start, which is offered now (once, however many
// languages the user goes through) unless the language is the one running again.
void PreferencesDialog::languageChanged()
{
    const QString code = mLanguage->currentData().toString();
    Preferences::instance().setLanguage(code);
    const bool differs = code != Preferences::startedLanguage();
    mRestart->setVisible(differs);
    if (!differs) {
        if (mRestartPrompt)
            mRestartPrompt->close();
        return;
    }
    if (!mRestartPrompt) {
        mRestartPrompt = new RestartPrompt(this);
        mRestartPrompt->open();
    }
}

// The provider and region new work starts on, idle instances, autosave.
QWidget *PreferencesDialog::createDefaults()
{
    const Preferences &p = Preferences::instance();
    auto *work = new QGroupBox(tr("Defaults"), this);
    auto *workForm = new QFormLayout(work);
    mProvider = choices("providerCombo",
                        {{u"AWS"_s, u"aws"_s},
                         {u"Microsoft Azure"_s, u"azure"_s},
                         {u"Google Cloud"_s, u"gcp"_s},
                         {u"Scaleway"_s, u"scaleway"_s}},
                        p.defaultProvider(), work);
    workForm->addRow(tr("&Provider:"), mProvider);
    mRegion = new QComboBox(work);
    mRegion->setObjectName(u"regionCombo"_s);
    mRegion->setEditable(true);
    mRegion->addItems(
        {u"us-east-1"_s, u"us-west-2"_s, u"eu-west-1"_s, u"eu-west-3"_s, u"eu-central-1"_s, u"ap-northeast-1"_s});
    mRegion->setCurrentText(p.defaultRegion());
    workForm->addRow(tr("&Region:"), mRegion);
    mIdle = numberBox(Preferences::Number::IdleInstanceSeconds, "idleSpin", work);
    mIdle->setSuffix(tr(" s"));
    mIdle->setToolTip(tr("How long a function instance stays warm without invocations"));
    workForm->addRow(tr("&Idle instances end after:"), mIdle);
    mAutosave = numberBox(Preferences::Number::AutosaveSeconds, "autosaveSpin", work);
    mAutosave->setSuffix(tr(" s"));
    workForm->addRow(tr("&Autosave every:"), mAutosave);
    auto *agents = new QCheckBox(tr("Let coding agent&s attach to the open project"), work);
    agents->setObjectName(u"agentsCheck"_s);
    agents->setToolTip(tr("Agents started with 'nimbus mcp --attach' edit the design open here; each edit is an "
                          "undo step"));
    agents->setChecked(p.agentsMayAttach());
    connect(agents, &QCheckBox::toggled, this, [](bool on) { Preferences::instance().setAgentsMayAttach(on); });
    workForm->addRow(QString(), agents);

    connect(mProvider, &QComboBox::currentIndexChanged, this,
            [this] { Preferences::instance().setDefaultProvider(mProvider->currentData().toString()); });
    connect(mRegion, &QComboBox::currentTextChanged, this,
            [](const QString &region) { Preferences::instance().setDefaultRegion(region); });
    return work;
}

QWidget *PreferencesDialog::createLocalCloud()
{
    auto *cloud = new QGroupBox(tr("Local cloud"), this);
    auto *cloudForm = new QFormLayout(cloud);
    mCloudPort = numberBox(Preferences::Number::LocalCloudPort, "cloudPortSpin", cloud);
    cloudForm->addRow(tr("&Gateway port:"), mCloudPort);
    mAwsPort = numberBox(Preferences::Number::AwsEndpointPort, "awsPortSpin", cloud);
    cloudForm->addRow(tr("AWS &endpoint port:"), mAwsPort);
    cloudForm->addRow(QString(),
                      new QLabel(tr("Another free port is used when one is taken; a running cloud keeps its ports "
                                    "until it is started again."),
                                 cloud));
    return cloud;
}

} // namespace Nimbus
