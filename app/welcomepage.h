#pragma once

#include <QHash>
#include <QPixmap>
#include <QWidget>

class QBoxLayout;
class QListWidget;
class QPushButton;

namespace Nimbus {

// What the studio shows when no project is open: start a new project, open one, open
// an example (each with a thumbnail the canvas draws of it), or a recent project.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Re-reads the examples and the recent projects.
    void refresh(const QStringList &recentFiles);

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void newProjectRequested();
    void openRequested();
    void exampleRequested(const QString &name);
    void recentRequested(const QString &path);

private:
    // Examples and recent projects side by side when `available` pixels hold both, else
    // one under the other.
    void arrangeColumns(int available);

    QBoxLayout *mColumns;
    QPushButton *mNew;
    QPushButton *mOpen;
    QListWidget *mExamples;
    QListWidget *mRecent;
    // Thumbnails drawn once per example file and time it was written.
    QHash<QString, QPixmap> mThumbnails;
    QStringList mRecentFiles; // as last shown, for a redraw in another theme
};

} // namespace Nimbus
