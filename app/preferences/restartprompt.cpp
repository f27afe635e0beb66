#include "restartprompt.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QProcess>
#include <QPushButton>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
RestartPrompt::Launcher &launcher()
{
    static RestartPrompt::Launcher launch = [](const QString &program, const QStringList &arguments) {
        QProcess::startDetached(program, arguments);
        QCoreApplication::quit();
    };
    return launch;
}
} // namespace

RestartPrompt::RestartPrompt(QWidget *parent) : QMessageBox(parent)
{
    setObjectName(u"restartPrompt"_s);
    setIcon(QMessageBox::Information);
    setWindowTitle(tr("Language Changed"));
    setText(tr("The new language applies when the studio starts again."));
    setInformativeText(tr("Restart now? A project with unsaved changes is offered to be saved first."));
    mRestart = addButton(tr("&Restart Now"), QMessageBox::AcceptRole);
    mRestart->setObjectName(u"restartNow"_s);
    QPushButton *later = addButton(tr("&Later"), QMessageBox::RejectRole);
    later->setObjectName(u"restartLater"_s);
    setDefaultButton(later);
    setEscapeButton(later);
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    connect(this, &QMessageBox::buttonClicked, this, [this](QAbstractButton *button) {
        if (button == mRestart)
            restart(parentWidget() ? parentWidget() : this);
    });
}

void RestartPrompt::setLauncher(Launcher launch)
{
    launcher() = std::move(launch);
}

bool RestartPrompt::restart(QWidget *widget)
{
    // The main window: the top of the chain of windows widget belongs to.
    QWidget *main = widget->window();
    while (main->parentWidget())
        main = main->parentWidget()->window();
    if (!main->close())
        return false;
    QSettings().sync();
    launcher()(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
    return true;
}

} // namespace Nimbus
