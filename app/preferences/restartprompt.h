#pragma once

#include <QMessageBox>

#include <functional>

namespace Nimbus {

// Says that a new language applies once the studio starts again, and offers to restart
// now (the main window closes the usual way, asking to save a modified project, and the
// program starts again with its arguments) or later. Window-modal, it does not block.
class RestartPrompt : public QMessageBox
{
    Q_OBJECT

public:
    explicit RestartPrompt(QWidget *parent);

    // Starts the program again: by default a detached process, then the application quits.
    // Tests install one that records.
    using Launcher = std::function<void(const QString &program, const QStringList &arguments)>;
    static void setLauncher(Launcher launcher);

    // Closes the main window of `widget`; if it closed (the user did not cancel the save
    // prompt), saves the settings and starts the program again. Returns whether it did.
    static bool restart(QWidget *widget);

    QAbstractButton *restartButton() const { return mRestart; }

private:
    QAbstractButton *mRestart;
};

} // namespace Nimbus
