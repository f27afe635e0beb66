#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>

class QAction;

namespace Nimbus {

// The ids of the studio's actions: what code and tests ask the ActionManager for,
// instead of searching the window for an object name.
namespace ActionIds {
inline constexpr char New[] = "File.New";
inline constexpr char Open[] = "File.Open";
inline constexpr char Save[] = "File.Save";
inline constexpr char SaveProject[] = "File.SaveProject";
inline constexpr char SaveAs[] = "File.SaveAs";
inline constexpr char SaveAll[] = "File.SaveAll";
inline constexpr char CloseFile[] = "File.CloseFile";
inline constexpr char CloseProject[] = "File.CloseProject";
inline constexpr char ExportDiagram[] = "File.ExportDiagram";
inline constexpr char Export[] = "File.Export";
inline constexpr char Import[] = "File.Import";
inline constexpr char Quit[] = "File.Quit";
inline constexpr char OpenExample[] = "File.OpenExample."; // + the example's name
inline constexpr char OpenRecent[] = "File.OpenRecent."; // + the file's path
inline constexpr char ClearRecent[] = "File.ClearRecent";
inline constexpr char Undo[] = "Edit.Undo";
inline constexpr char Redo[] = "Edit.Redo";
inline constexpr char Cut[] = "Edit.Cut";
inline constexpr char Copy[] = "Edit.Copy";
inline constexpr char Paste[] = "Edit.Paste";
inline constexpr char Duplicate[] = "Edit.Duplicate";
inline constexpr char Delete[] = "Edit.Delete";
inline constexpr char Rename[] = "Edit.Rename";
inline constexpr char SelectAll[] = "Edit.SelectAll";
inline constexpr char Find[] = "Edit.Find";
inline constexpr char FindReplace[] = "Edit.FindReplace";
inline constexpr char FindNext[] = "Edit.FindNext";
inline constexpr char FindPrevious[] = "Edit.FindPrevious";
inline constexpr char GoToLine[] = "Edit.GoToLine";
inline constexpr char ToggleComment[] = "Edit.ToggleComment";
inline constexpr char Complete[] = "Edit.Complete";
inline constexpr char Invoke[] = "Run.Invoke";
inline constexpr char OpenCode[] = "Run.OpenCode";
inline constexpr char OpenWorkflow[] = "Run.OpenWorkflow."; // + the state machine's name
inline constexpr char ShowDesign[] = "Run.ShowDesign";
inline constexpr char LocalCloud[] = "Run.LocalCloud";
inline constexpr char RunScenarios[] = "Run.Scenarios";
inline constexpr char NewScenario[] = "Run.NewScenario";
inline constexpr char MintToken[] = "Run.MintToken";
inline constexpr char CompareCosts[] = "Cost.Compare";
inline constexpr char SaveCostReport[] = "Cost.SaveReport";
inline constexpr char UpdatePrices[] = "Cost.UpdatePrices";
inline constexpr char ZoomIn[] = "View.ZoomIn";
inline constexpr char ZoomOut[] = "View.ZoomOut";
inline constexpr char ActualSize[] = "View.ActualSize";
inline constexpr char FitToView[] = "View.FitToView";
inline constexpr char AutoLayout[] = "View.AutoLayout";
inline constexpr char SnapToGrid[] = "View.SnapToGrid";
inline constexpr char CommandPalette[] = "View.CommandPalette";
inline constexpr char ResetLayout[] = "View.ResetLayout";
inline constexpr char GoToDesign[] = "View.GoTo.Design";
inline constexpr char GoToDock[] = "View.GoTo."; // + the dock's object name
inline constexpr char ToggleDock[] = "View.Show."; // + the dock's object name
inline constexpr char Language[] = "Settings.Language."; // + the language code, "system" for the system's
inline constexpr char Preferences[] = "Settings.Preferences";
inline constexpr char Plugins[] = "Help.Plugins";
inline constexpr char About[] = "Help.About";
} // namespace ActionIds

// The studio's actions by id (Tiled's ActionManager): menus, the command palette, the
// demo driver and tests find an action here. An action leaves when it is destroyed.
class ActionManager : public QObject
{
    Q_OBJECT

public:
    explicit ActionManager(QObject *parent = nullptr);

    // Registers action under id; an id registered twice keeps the newer action.
    void registerAction(const QByteArray &id, QAction *action);
    // The action with id, nullptr when none.
    QAction *action(const QByteArray &id) const;
    QByteArray id(const QAction *action) const;
    // Every registered action, in the order they were registered.
    QList<QAction *> actions() const;

private:
    struct Entry
    {
        QByteArray id;
        QAction *action;
    };
    QList<Entry> mEntries;
};

} // namespace Nimbus
