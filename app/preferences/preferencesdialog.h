#pragma once

#include <QDialog>

class QComboBox;
class QFontComboBox;
class QLabel;
class QSpinBox;

namespace Nimbus {

// Settings > Preferences: every change applies at once (no OK to press); the language at
// the next start, which the dialog says.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

private:
    QComboBox *mLanguage;
    QLabel *mRestart;
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
