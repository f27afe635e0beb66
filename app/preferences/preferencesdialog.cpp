#include "preferencesdialog.h"

#include "preferences.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Nimbus {

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    Preferences &p = Preferences::instance();
    auto *layout = new QVBoxLayout(this);

    auto *look = new QGroupBox(tr("Appearance"), this);
    auto *lookForm = new QFormLayout(look);
    mLanguage = new QComboBox(look);
    mLanguage->setObjectName(QStringLiteral("languageCombo"));
    mLanguage->addItem(tr("System language"), QString());
    for (const auto &[code, name] : Preferences::languages())
        mLanguage->addItem(name, code);
    mLanguage->setCurrentIndex(std::max(0, mLanguage->findData(p.language())));
    mRestart = new QLabel(tr("The new language applies when the studio starts again."), look);
    mRestart->setObjectName(QStringLiteral("restartNotice"));
    mRestart->setVisible(false);
    lookForm->addRow(tr("&Language:"), mLanguage);
    lookForm->addRow(QString(), mRestart);
    mTheme = new QComboBox(look);
    mTheme->setObjectName(QStringLiteral("themeCombo"));
    mTheme->addItem(tr("System"), int(Preferences::Theme::System));
    mTheme->addItem(tr("Light"), int(Preferences::Theme::Light));
    mTheme->addItem(tr("Dark"), int(Preferences::Theme::Dark));
    mTheme->setCurrentIndex(mTheme->findData(int(p.theme())));
    lookForm->addRow(tr("&Theme:"), mTheme);
    mFont = new QFontComboBox(look);
    mFont->setObjectName(QStringLiteral("editorFontCombo"));
    mFont->setFontFilters(QFontComboBox::MonospacedFonts);
    mFont->setCurrentFont(p.editorFont());
    mFontSize = new QSpinBox(look);
    mFontSize->setObjectName(QStringLiteral("editorFontSize"));
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
    layout->addWidget(look);

    auto *work = new QGroupBox(tr("Defaults"), this);
    auto *workForm = new QFormLayout(work);
    mProvider = new QComboBox(work);
    mProvider->setObjectName(QStringLiteral("providerCombo"));
    mProvider->addItem(QStringLiteral("AWS"), QStringLiteral("aws"));
    mProvider->addItem(QStringLiteral("Microsoft Azure"), QStringLiteral("azure"));
    mProvider->addItem(QStringLiteral("Google Cloud"), QStringLiteral("gcp"));
    mProvider->addItem(QStringLiteral("Scaleway"), QStringLiteral("scaleway"));
    mProvider->setCurrentIndex(std::max(0, mProvider->findData(p.defaultProvider())));
    workForm->addRow(tr("&Provider:"), mProvider);
    mRegion = new QComboBox(work);
    mRegion->setObjectName(QStringLiteral("regionCombo"));
    mRegion->setEditable(true);
    mRegion->addItems({QStringLiteral("us-east-1"), QStringLiteral("us-west-2"), QStringLiteral("eu-west-1"),
                       QStringLiteral("eu-west-3"), QStringLiteral("eu-central-1"), QStringLiteral("ap-northeast-1")});
    mRegion->setCurrentText(p.defaultRegion());
    workForm->addRow(tr("&Region:"), mRegion);
    mIdle = new QSpinBox(work);
    mIdle->setObjectName(QStringLiteral("idleSpin"));
    mIdle->setRange(10, 3600);
    mIdle->setSuffix(tr(" s"));
    mIdle->setValue(p.idleInstanceSeconds());
    mIdle->setToolTip(tr("How long a function instance stays warm without invocations"));
    workForm->addRow(tr("&Idle instances end after:"), mIdle);
    mAutosave = new QSpinBox(work);
    mAutosave->setObjectName(QStringLiteral("autosaveSpin"));
    mAutosave->setRange(5, 3600);
    mAutosave->setSuffix(tr(" s"));
    mAutosave->setValue(p.autosaveSeconds());
    workForm->addRow(tr("&Autosave every:"), mAutosave);
    layout->addWidget(work);

    auto *cloud = new QGroupBox(tr("Local cloud"), this);
    auto *cloudForm = new QFormLayout(cloud);
    mCloudPort = new QSpinBox(cloud);
    mCloudPort->setObjectName(QStringLiteral("cloudPortSpin"));
    mCloudPort->setRange(1, 65535);
    mCloudPort->setValue(p.localCloudPort());
    cloudForm->addRow(tr("&Gateway port:"), mCloudPort);
    mAwsPort = new QSpinBox(cloud);
    mAwsPort->setObjectName(QStringLiteral("awsPortSpin"));
    mAwsPort->setRange(1, 65535);
    mAwsPort->setValue(p.awsEndpointPort());
    cloudForm->addRow(tr("AWS &endpoint port:"), mAwsPort);
    cloudForm->addRow(QString(),
                      new QLabel(tr("Another free port is used when one is taken; a running cloud keeps its ports "
                                    "until it is started again."),
                                 cloud));
    layout->addWidget(cloud);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    // Every change applies at once.
    connect(mLanguage, &QComboBox::currentIndexChanged, this, [this] {
        Preferences::instance().setLanguage(mLanguage->currentData().toString());
        mRestart->setVisible(true);
    });
    connect(mTheme, &QComboBox::currentIndexChanged, this,
            [this] { Preferences::instance().setTheme(Preferences::Theme(mTheme->currentData().toInt())); });
    auto applyFont = [this] {
        QFont font = mFont->currentFont();
        font.setPointSize(mFontSize->value());
        Preferences::instance().setEditorFont(font);
    };
    connect(mFont, &QFontComboBox::currentFontChanged, this, applyFont);
    connect(mFontSize, &QSpinBox::valueChanged, this, applyFont);
    connect(mProvider, &QComboBox::currentIndexChanged, this,
            [this] { Preferences::instance().setDefaultProvider(mProvider->currentData().toString()); });
    connect(mRegion, &QComboBox::currentTextChanged, this,
            [](const QString &region) { Preferences::instance().setDefaultRegion(region); });
    connect(mIdle, &QSpinBox::valueChanged, this, [](int s) { Preferences::instance().setIdleInstanceSeconds(s); });
    connect(mAutosave, &QSpinBox::valueChanged, this, [](int s) { Preferences::instance().setAutosaveSeconds(s); });
    connect(mCloudPort, &QSpinBox::valueChanged, this,
            [](int port) { Preferences::instance().setLocalCloudPort(port); });
    connect(mAwsPort, &QSpinBox::valueChanged, this,
            [](int port) { Preferences::instance().setAwsEndpointPort(port); });
}

} // namespace Nimbus
