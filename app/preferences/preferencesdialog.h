#pragma once

#include "preferences.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QFontComboBox;
class QLabel;
class QSpinBox;

namespace Nimbus {

class RestartPrompt;

// Settings > Preferences: every change applies at once (no OK to press); the language at
// the next start, which the dialog says, offering to restart now.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

private:
    QWidget *createAppearance();
    QWidget *createDefaults();
    QWidget *createLocalCloud();
    // A spin box over a whole-number preference: its range, its value, applied at once.
    QSpinBox *numberBox(Preferences::Number which, const char *objectName, QWidget *parent);
    void languageChanged();

    QComboBox *mLanguage;
    QLabel *mRestart;
    QPointer<RestartPrompt> mRestartPrompt;
    QComboBox *mTheme;
    QComboBox *mProvider;
    QComboBox *mRegion;
    QSpinBox *mIdle;
    QSpinBox *mCloudPort;
    QSpinBox *mAwsPort;
    QSpinBox *mAutosave;
    QFontComboBox *mFont;
    QSpinBox *mFontSize;
};

} // namespace Nimbus
