<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>Nimbus::CanvasScene</name>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>already connected</source>
        <translation>déjà connecté</translation>
    </message>
    <message>
        <source>Cannot connect %1 to %2: %3</source>
        <translation>Impossible de connecter %1 à %2 : %3</translation>
    </message>
</context>
<context>
    <name>Nimbus::CanvasView</name>
    <message>
        <source>Canvas</source>
        <translation>Canevas</translation>
    </message>
    <message>
        <source>Auto Layout</source>
        <translation>Disposition automatique</translation>
    </message>
</context>
<context>
    <name>Nimbus::Catalog</name>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2 : %3</translation>
    </message>
    <message>
        <source>%1: the top level must be a JSON object</source>
        <translation>%1 : le niveau supérieur doit être un objet JSON</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a non-empty string</source>
        <translation>« %1 » doit être une chaîne non vide</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be true or false</source>
        <translation>« %1 » doit valoir true ou false</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a number</source>
        <translation>« %1 » doit être un nombre</translation>
    </message>
    <message>
        <source>&apos;format&apos; must be &quot;nimbus-catalog-kind&quot;</source>
        <translation>« format » doit valoir &quot;nimbus-catalog-kind&quot;</translation>
    </message>
    <message>
        <source>kind &apos;%1&apos; is defined twice</source>
        <translation>le type « %1 » est défini deux fois</translation>
    </message>
    <message>
        <source>&apos;properties&apos; must be an array</source>
        <translation>« properties » doit être un tableau</translation>
    </message>
    <message>
        <source>unknown type &apos;%1&apos;</source>
        <translation>type inconnu « %1 »</translation>
    </message>
    <message>
        <source>an enum needs a non-empty &apos;values&apos; list</source>
        <translation>une énumération exige une liste « values » non vide</translation>
    </message>
    <message>
        <source>&apos;pattern&apos; is not a valid regular expression</source>
        <translation>« pattern » n&apos;est pas une expression régulière valide</translation>
    </message>
    <message>
        <source>&apos;min&apos; is greater than &apos;max&apos;</source>
        <translation>« min » est supérieur à « max »</translation>
    </message>
    <message>
        <source>&apos;default&apos; is missing</source>
        <translation>« default » est absent</translation>
    </message>
    <message>
        <source>&apos;default&apos; is not a valid %1</source>
        <translation>« default » n&apos;est pas un %1 valide</translation>
    </message>
    <message>
        <source>defined twice</source>
        <translation>défini deux fois</translation>
    </message>
    <message>
        <source>capability &apos;code&apos; names unknown property &apos;%1&apos;</source>
        <translation>la capacité « code » désigne une propriété inconnue « %1 »</translation>
    </message>
    <message>
        <source>&apos;unique&apos; names unknown property &apos;%1&apos;</source>
        <translation>« unique » désigne une propriété inconnue « %1 »</translation>
    </message>
    <message>
        <source>&apos;format&apos; must be &quot;nimbus-catalog-edges&quot;</source>
        <translation>« format » doit valoir &quot;nimbus-catalog-edges&quot;</translation>
    </message>
    <message>
        <source>&apos;edgeTypes&apos; must list at least one type</source>
        <translation>« edgeTypes » doit lister au moins un type</translation>
    </message>
    <message>
        <source>unknown edge type &apos;%1&apos;</source>
        <translation>type de connexion inconnu « %1 »</translation>
    </message>
    <message>
        <source>%1: no node kinds found</source>
        <translation>%1 : aucun type de nœud trouvé</translation>
    </message>
    <message>
        <source>%1: a rule names unknown kind &apos;%2&apos;</source>
        <translation>%1 : une règle désigne un type inconnu « %2 »</translation>
    </message>
    <message>
        <source>%1: a rule requires unknown property &apos;%2&apos; of &apos;%3&apos;</source>
        <translation>%1 : une règle exige une propriété inconnue « %2 » de « %3 »</translation>
    </message>
    <message>
        <source>unknown node kind &apos;%1&apos;</source>
        <translation>type de nœud inconnu « %1 »</translation>
    </message>
    <message>
        <source>unknown connection type &apos;%1&apos;</source>
        <translation>type de connexion inconnu « %1 »</translation>
    </message>
    <message>
        <source>a %1 can only %2 a %3</source>
        <translation>un(e) %1 peut seulement %2 un(e) %3</translation>
    </message>
    <message>
        <source>a %1 has no outgoing connections</source>
        <translation>un(e) %1 n&apos;a aucune connexion sortante</translation>
    </message>
    <message>
        <source>a %1 cannot connect to a %2; it can: %3</source>
        <translation>un(e) %1 ne peut pas se connecter à un(e) %2 ; possibles : %3</translation>
    </message>
    <message>
        <source>event parameter &apos;%1&apos; must be a string</source>
        <translation>le paramètre d&apos;événement &apos;%1&apos; doit être une chaîne</translation>
    </message>
</context>
<context>
    <name>Nimbus::CodeEditor</name>
    <message>
        <source>Go to Line</source>
        <translation>Aller à la ligne</translation>
    </message>
    <message>
        <source>Line (1 - %1):</source>
        <translation>Ligne (1 - %1) :</translation>
    </message>
</context>
<context>
    <name>Nimbus::CommandLine</name>
    <message>
        <source>Check a project and list its problems</source>
        <translation>Vérifier un projet et lister ses problèmes</translation>
    </message>
    <message>
        <source>Describe a project: nodes, connections, functions</source>
        <translation>Décrire un projet : nœuds, connexions, fonctions</translation>
    </message>
    <message>
        <source>Write a project in the readable JSON form</source>
        <translation>Écrire un projet sous sa forme JSON lisible</translation>
    </message>
    <message>
        <source>Make a .nimbus project from the JSON form</source>
        <translation>Créer un projet .nimbus depuis la forme JSON</translation>
    </message>
    <message>
        <source>Usage: nimbus COMMAND [OPTIONS] ...</source>
        <translation>Usage : nimbus COMMANDE [OPTIONS] ...</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes :</translation>
    </message>
    <message>
        <source>Run &apos;nimbus COMMAND --help&apos; for the options of a command.</source>
        <translation>Lancez « nimbus COMMANDE --help » pour les options d&apos;une commande.</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>aucune commande indiquée</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>commande inconnue « %1 »</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
    <message numerus="yes">
        <source>expected %n argument(s); see --help</source>
        <translation>
            <numerusform>%n argument attendu ; voir --help</numerusform>
            <numerusform>%n arguments attendus ; voir --help</numerusform>
        </translation>
    </message>
    <message>
        <source>A .nimbus or .json project.</source>
        <translation>Un projet .nimbus ou .json.</translation>
    </message>
    <message>
        <source>Output format: text (default) or json.</source>
        <translation>Format de sortie : text (par défaut) ou json.</translation>
    </message>
    <message>
        <source>Checks the project against the node catalog: forbidden connections, property values, duplicate routes, schedules, handler files, functions nothing invokes and event loops. Exits with 1 when there is an error.</source>
        <translation>Vérifie le projet selon le catalogue des nœuds : connexions interdites, valeurs des propriétés, routes en double, planifications, fichiers des gestionnaires, fonctions que rien n&apos;invoque et boucles d&apos;événements. Sort avec 1 en cas d&apos;erreur.</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos;; use text or json</source>
        <translation>format inconnu « %1 » ; utilisez text ou json</translation>
    </message>
    <message>
        <source>%1: %2 node(s), %3 connection(s): %4 error(s), %5 warning(s)</source>
        <translation>%1 : %2 nœud(s), %3 connexion(s) : %4 erreur(s), %5 avertissement(s)</translation>
    </message>
    <message>
        <source>Describes a project: its nodes by kind, its connections and its functions.</source>
        <translation>Décrit un projet : ses nœuds par type, ses connexions et ses fonctions.</translation>
    </message>
    <message>
        <source>Project:      %1</source>
        <translation>Projet :      %1</translation>
    </message>
    <message>
        <source>File:         %1</source>
        <translation>Fichier :     %1</translation>
    </message>
    <message>
        <source>Schema:       %1</source>
        <translation>Schéma :      %1</translation>
    </message>
    <message>
        <source>Nodes:        %1 (%2)</source>
        <translation>Nœuds :       %1 (%2)</translation>
    </message>
    <message>
        <source>Connections:  %1</source>
        <translation>Connexions :  %1</translation>
    </message>
    <message>
        <source>Functions:</source>
        <translation>Fonctions :</translation>
    </message>
    <message>
        <source>%1 MB, %2 s</source>
        <translation>%1 Mo, %2 s</translation>
    </message>
    <message>
        <source>&lt;- %1</source>
        <translation>&lt;- %1</translation>
    </message>
    <message>
        <source>A .nimbus project.</source>
        <translation>Un projet .nimbus.</translation>
    </message>
    <message>
        <source>Write to FILE instead of standard output.</source>
        <translation>Écrire dans FICHIER au lieu de la sortie standard.</translation>
    </message>
    <message>
        <source>Writes the project as readable JSON (stable order, for review in git). Function code stays in its files.</source>
        <translation>Écrit le projet en JSON lisible (ordre stable, pour la relecture dans git). Le code des fonctions reste dans ses fichiers.</translation>
    </message>
    <message>
        <source>A project in the JSON form.</source>
        <translation>Un projet sous forme JSON.</translation>
    </message>
    <message>
        <source>The .nimbus file to write.</source>
        <translation>Le fichier .nimbus à écrire.</translation>
    </message>
    <message>
        <source>Replace OUTPUT if it exists.</source>
        <translation>Remplacer SORTIE si elle existe.</translation>
    </message>
    <message>
        <source>Makes a .nimbus project from the JSON form. Function folders are copied beside OUTPUT when it is in another folder.</source>
        <translation>Crée un projet .nimbus depuis la forme JSON. Les dossiers des fonctions sont copiés à côté de SORTIE quand elle est dans un autre dossier.</translation>
    </message>
    <message>
        <source>%1 is not a .json file</source>
        <translation>%1 n&apos;est pas un fichier .json</translation>
    </message>
    <message>
        <source>the output must be a .nimbus file</source>
        <translation>la sortie doit être un fichier .nimbus</translation>
    </message>
    <message>
        <source>%1 exists; use --force to replace it</source>
        <translation>%1 existe ; utilisez --force pour le remplacer</translation>
    </message>
    <message>
        <source>Run a function locally with an event</source>
        <translation>Exécuter une fonction en local avec un événement</translation>
    </message>
    <message>
        <source>Exit codes:
  0  success
  1  the project has errors (validate); the function failed or timed out (invoke)
  2  wrong usage: unknown command or option, missing argument
  3  the input cannot be read: missing, damaged, newer or not a project
  4  the output cannot be written
</source>
        <translation>Codes de sortie :
  0  succès
  1  le projet contient des erreurs (validate) ; la fonction a échoué ou dépassé son délai (invoke)
  2  mauvais usage : commande ou option inconnue, argument manquant
  3  l&apos;entrée est illisible : absente, endommagée, plus récente ou pas un projet
  4  la sortie ne peut pas être écrite
</translation>
    </message>
    <message>
        <source>The name of a function node.</source>
        <translation>Le nom d&apos;un nœud fonction.</translation>
    </message>
    <message>
        <source>Read the event from FILE (&apos;-&apos; for standard input).</source>
        <translation>Lire l&apos;événement dans FICHIER (« - » pour l&apos;entrée standard).</translation>
    </message>
    <message>
        <source>Invoke N times on the same pool: the first is a cold start, the rest warm.</source>
        <translation>Invoquer N fois sur le même pool : la première à froid, les suivantes à chaud.</translation>
    </message>
    <message>
        <source>Print one JSON object (an array with --repeat).</source>
        <translation>Afficher un objet JSON (un tableau avec --repeat).</translation>
    </message>
    <message>
        <source>Runs a function of the project on a local Node.js or Python worker, as Lambda would, and prints its result, its logs and the REPORT line. Exits with 1 when the function fails or times out.</source>
        <translation>Exécute une fonction du projet sur un worker Node.js ou Python local, comme Lambda, et affiche son résultat, ses journaux et la ligne REPORT. Sort avec 1 si la fonction échoue ou dépasse son délai.</translation>
    </message>
    <message>
        <source>--repeat needs a whole number from 1 to 100000</source>
        <translation>--repeat exige un nombre entier de 1 à 100000</translation>
    </message>
    <message>
        <source>the event is not valid JSON: %1</source>
        <translation>l&apos;événement n&apos;est pas du JSON valide : %1</translation>
    </message>
    <message>
        <source>no function named &apos;%1&apos;</source>
        <translation>aucune fonction nommée « %1 »</translation>
    </message>
    <message>
        <source>List the event templates, or generate an event</source>
        <translation>Lister les modèles d&apos;événements, ou générer un événement</translation>
    </message>
    <message>
        <source>--set needs key=value, not &apos;%1&apos;</source>
        <translation>--set exige clé=valeur, pas « %1 »</translation>
    </message>
    <message>
        <source>Generate the event from a template (see &apos;nimbus events list&apos;).</source>
        <translation>Générer l&apos;événement depuis un modèle (voir « nimbus events list »).</translation>
    </message>
    <message>
        <source>Set a parameter of the template (repeatable).</source>
        <translation>Fixer un paramètre du modèle (répétable).</translation>
    </message>
    <message>
        <source>use --event or --template, not both</source>
        <translation>utilisez --event ou --template, pas les deux</translation>
    </message>
    <message>
        <source>&apos;list&apos;, or &apos;generate&apos; followed by a template id.</source>
        <translation>« list », ou « generate » suivi de l&apos;identifiant d&apos;un modèle.</translation>
    </message>
    <message>
        <source>&apos;nimbus events list&apos; shows the event templates and their parameters; &apos;nimbus events generate KIND --set key=value ...&apos; prints an event.</source>
        <translation>« nimbus events list » montre les modèles d&apos;événements et leurs paramètres ; « nimbus events generate TYPE --set clé=valeur ... » affiche un événement.</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;; use list or generate</source>
        <translation>action inconnue « %1 » ; utilisez list ou generate</translation>
    </message>
</context>
<context>
    <name>Nimbus::Commands</name>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n connection(s)</source>
        <translation>
            <numerusform>Supprimer %n connexion</numerusform>
            <numerusform>Supprimer %n connexions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n node(s)</source>
        <translation>
            <numerusform>Supprimer %n nœud</numerusform>
            <numerusform>Supprimer %n nœuds</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Déplacer %1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>Déplacer %n nœud</numerusform>
            <numerusform>Déplacer %n nœuds</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>Connecter %1 à %2</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>Modifier %1 de %2</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Renommer %1 en %2</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n node(s)</source>
        <translation>
            <numerusform>Coller %n nœud</numerusform>
            <numerusform>Coller %n nœuds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::Diagnostic</name>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
</context>
<context>
    <name>Nimbus::DiagramExport</name>
    <message>
        <source>There is nothing to export.</source>
        <translation>Il n&apos;y a rien à exporter.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::EditorArea</name>
    <message>
        <source>Design</source>
        <translation>Conception</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>Impossible d&apos;ouvrir le fichier</translation>
    </message>
    <message>
        <source>Cannot Open Code</source>
        <translation>Impossible d&apos;ouvrir le code</translation>
    </message>
    <message>
        <source>Save the project first: its functions&apos; code is kept beside it.</source>
        <translation>Enregistrez d&apos;abord le projet : le code de ses fonctions est conservé à côté.</translation>
    </message>
    <message>
        <source>Cannot Create the Handler</source>
        <translation>Impossible de créer le gestionnaire</translation>
    </message>
    <message>
        <source>Created %1 for &apos;%2&apos; from the %3 template</source>
        <translation>%1 créé pour &apos;%2&apos; à partir du modèle %3</translation>
    </message>
    <message>
        <source>%1 changed on disk: reload it or keep your version before saving.</source>
        <translation>%1 a changé sur le disque : rechargez-le ou gardez votre version avant d&apos;enregistrer.</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>Fichier modifié sur le disque</translation>
    </message>
    <message>
        <source>%1 changed on disk since you opened it. Overwrite it with your version?</source>
        <translation>%1 a changé sur le disque depuis son ouverture. L&apos;écraser avec votre version ?</translation>
    </message>
    <message>
        <source>Cannot Save File</source>
        <translation>Impossible d&apos;enregistrer le fichier</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 contient des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
    <message>
        <source>Unsaved Files</source>
        <translation>Fichiers non enregistrés</translation>
    </message>
    <message>
        <source>These files have changes that are not saved: %1. Save them?</source>
        <translation>Ces fichiers contiennent des modifications non enregistrées : %1. Les enregistrer ?</translation>
    </message>
</context>
<context>
    <name>Nimbus::EditorPage</name>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>&amp;Keep My Version</source>
        <translation>&amp;Garder ma version</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>This file changed on disk, and you have unsaved changes. Reload it (losing your changes) or keep your version?</source>
        <translation>Ce fichier a changé sur le disque et vous avez des modifications non enregistrées. Le recharger (en perdant vos modifications) ou garder votre version ?</translation>
    </message>
    <message>
        <source>This file changed on disk. Reload it, or keep the version shown here?</source>
        <translation>Ce fichier a changé sur le disque. Le recharger, ou garder la version affichée ici ?</translation>
    </message>
    <message>
        <source>This file was deleted on disk. Keep your version (saving writes it back)?</source>
        <translation>Ce fichier a été supprimé du disque. Garder votre version (l&apos;enregistrer le recrée) ?</translation>
    </message>
</context>
<context>
    <name>Nimbus::EventTemplates</name>
    <message>
        <source>%1: not an event template (%2)</source>
        <translation>%1 : pas un modèle d&apos;événement (%2)</translation>
    </message>
    <message>
        <source>&apos;id&apos; or &apos;event&apos; missing</source>
        <translation>« id » ou « event » absent</translation>
    </message>
    <message>
        <source>no event template &apos;%1&apos;; the templates are: %2</source>
        <translation>aucun modèle d&apos;événement « %1 » ; les modèles sont : %2</translation>
    </message>
    <message>
        <source>the template &apos;%1&apos; has no parameter &apos;%2&apos;; it has: %3</source>
        <translation>le modèle « %1 » n&apos;a pas de paramètre « %2 » ; il a : %3</translation>
    </message>
    <message>
        <source>the parameter &apos;%1&apos; must be JSON: %2</source>
        <translation>le paramètre « %1 » doit être du JSON : %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::FindBar</name>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Remplacer par</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>E&amp;xpression régulière</translation>
    </message>
    <message>
        <source>&amp;Whole words</source>
        <translation>&amp;Mots entiers</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>Respecter la &amp;casse</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Tout remplacer</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>Expression régulière invalide : %1</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message numerus="yes">
        <source>%n replacement(s)</source>
        <translation>
            <numerusform>%n remplacement</numerusform>
            <numerusform>%n remplacements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::FunctionRunner</name>
    <message>
        <source>no project is open</source>
        <translation>aucun projet n&apos;est ouvert</translation>
    </message>
</context>
<context>
    <name>Nimbus::FunctionSpec</name>
    <message>
        <source>&apos;%1&apos; is not a function</source>
        <translation>« %1 » n&apos;est pas une fonction</translation>
    </message>
</context>
<context>
    <name>Nimbus::InspectorWidget</name>
    <message>
        <source>Select a node to see and edit its properties.</source>
        <translation>Sélectionnez un nœud pour voir et modifier ses propriétés.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Add Variable</source>
        <translation>Ajouter une variable</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>%1

Invalid: %2</source>
        <translation>%1

Invalide : %2</translation>
    </message>
    <message>
        <source>Code files</source>
        <translation>Fichiers de code</translation>
    </message>
    <message>
        <source>Double-click a file to edit it</source>
        <translation>Double-cliquez sur un fichier pour le modifier</translation>
    </message>
    <message>
        <source>Create Handler</source>
        <translation>Créer le gestionnaire</translation>
    </message>
    <message>
        <source>Open Handler</source>
        <translation>Ouvrir le gestionnaire</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>Nimbus::Instance</name>
    <message>
        <source>Init phase did not finish within %1 seconds</source>
        <translation>La phase d&apos;initialisation n&apos;a pas fini en %1 secondes</translation>
    </message>
    <message>
        <source>%1 is not installed: it is needed to run %2 functions</source>
        <translation>%1 n&apos;est pas installé : il faut pour exécuter les fonctions %2</translation>
    </message>
    <message>
        <source>the worker bootstrap %1 is missing</source>
        <translation>l&apos;amorce du worker %1 est absente</translation>
    </message>
    <message>
        <source>the source folder %1 does not exist</source>
        <translation>le dossier source %1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>cannot create the worker&apos;s channel: %1</source>
        <translation>impossible de créer le canal du worker : %1</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>impossible de lancer %1 : %2</translation>
    </message>
    <message>
        <source>Runtime exited with error: the function used %1 MB, more than its memory size of %2 MB</source>
        <translation>Runtime exited with error: la fonction a utilisé %1 Mo, plus que sa mémoire de %2 Mo</translation>
    </message>
    <message>
        <source>signal: the worker crashed</source>
        <translation>signal : le worker a planté</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>exit status %1</translation>
    </message>
    <message>
        <source>Runtime exited with error: %1</source>
        <translation>Runtime exited with error: %1</translation>
    </message>
    <message>
        <source>Runtime exited with error: the function started more than %1 processes</source>
        <translation>Runtime exited with error: la fonction a lancé plus de %1 processus</translation>
    </message>
</context>
<context>
    <name>Nimbus::InstancePool</name>
    <message>
        <source>Function not found: %1</source>
        <translation>Fonction introuvable : %1</translation>
    </message>
    <message>
        <source>Request must be smaller than %1 bytes for the InvokeFunction operation (this one is %2 bytes)</source>
        <translation>La requête doit faire moins de %1 octets pour l&apos;opération InvokeFunction (celle-ci fait %2 octets)</translation>
    </message>
    <message>
        <source>Rate Exceeded. %1 allows %2 concurrent invocations.</source>
        <translation>Rate Exceeded. %1 autorise %2 invocations simultanées.</translation>
    </message>
</context>
<context>
    <name>Nimbus::JsonInterchange</name>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <source>not a Nimbus project (expected &quot;format&quot;: &quot;nimbus-project&quot;)</source>
        <translation>pas un projet Nimbus (attendu : &quot;format&quot;: &quot;nimbus-project&quot;)</translation>
    </message>
    <message>
        <source>&apos;version&apos; must be a positive whole number</source>
        <translation>« version » doit être un entier positif</translation>
    </message>
    <message>
        <source>written by a newer version of Nimbus Studio (format %1; this version reads up to %2)</source>
        <translation>écrit par une version plus récente de Nimbus Studio (format %1 ; cette version lit jusqu&apos;au %2)</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>objet attendu</translation>
    </message>
    <message>
        <source>&apos;name&apos; must be a non-empty string</source>
        <translation>« name » doit être une chaîne non vide</translation>
    </message>
    <message>
        <source>&apos;kind&apos; must be a non-empty string</source>
        <translation>« kind » doit être une chaîne non vide</translation>
    </message>
    <message>
        <source>a node named &apos;%1&apos; already exists</source>
        <translation>un nœud nommé « %1 » existe déjà</translation>
    </message>
    <message>
        <source>&apos;position&apos; must be [x, y]</source>
        <translation>« position » doit être [x, y]</translation>
    </message>
    <message>
        <source>&apos;properties&apos; must be an object</source>
        <translation>« properties » doit être un objet</translation>
    </message>
    <message>
        <source>&apos;type&apos; must be a non-empty string</source>
        <translation>« type » doit être une chaîne non vide</translation>
    </message>
    <message>
        <source>&apos;from&apos; names no node: &apos;%1&apos;</source>
        <translation>« from » ne désigne aucun nœud : « %1 »</translation>
    </message>
    <message>
        <source>&apos;to&apos; names no node: &apos;%1&apos;</source>
        <translation>« to » ne désigne aucun nœud : « %1 »</translation>
    </message>
</context>
<context>
    <name>Nimbus::MainWindow</name>
    <message>
        <source>Nimbus projects (*.nimbus *.json);;Nimbus project files (*.nimbus);;JSON projects (*.json);;All files (*)</source>
        <translation>Projets Nimbus (*.nimbus *.json);;Fichiers de projet Nimbus (*.nimbus);;Projets JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Compare what this architecture costs serverless and on virtual machines here.</source>
        <translation>Comparez ici le coût de cette architecture en serverless et sur machines virtuelles.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>&amp;Ouvrir...</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>Open &amp;Example</source>
        <translation>Ouvrir un &amp;exemple</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;About Nimbus Studio</source>
        <translation>À &amp;propos de Nimbus Studio</translation>
    </message>
    <message>
        <source>About Nimbus Studio</source>
        <translation>À propos de Nimbus Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Nimbus Studio %1&lt;/h3&gt;&lt;p&gt;Design serverless architectures, run their functions locally, compare their cost and export them to the platform of your choice.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nimbus Studio %1&lt;/h3&gt;&lt;p&gt;Concevez des architectures serverless, exécutez leurs fonctions en local, comparez leur coût et exportez-les vers la plateforme de votre choix.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Cannot Open Project</source>
        <translation>Impossible d&apos;ouvrir le projet</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Cannot Open Example</source>
        <translation>Impossible d&apos;ouvrir l&apos;exemple</translation>
    </message>
    <message>
        <source>The example &apos;%1&apos; is not installed (looked in %2).</source>
        <translation>L&apos;exemple « %1 » n&apos;est pas installé (cherché dans %2).</translation>
    </message>
    <message>
        <source>Cannot copy %1.</source>
        <translation>Impossible de copier %1.</translation>
    </message>
    <message>
        <source>Opened the example &apos;%1&apos;; Save asks where to keep your copy.</source>
        <translation>Exemple « %1 » ouvert ; Enregistrer vous demandera où garder votre copie.</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Enregistrer le projet sous</translation>
    </message>
    <message>
        <source>Cannot Save Project</source>
        <translation>Impossible d&apos;enregistrer le projet</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The project &apos;%1&apos; has changes that are not saved. Save them?</source>
        <translation>Le projet « %1 » a des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
    <message>
        <source>%1[*] - Nimbus Studio</source>
        <translation>%1[*] - Nimbus Studio</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n nœud</numerusform>
            <numerusform>%n nœuds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connexion</numerusform>
            <numerusform>%n connexions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Vider la liste</translation>
    </message>
    <message>
        <source>No examples installed</source>
        <translation>Aucun exemple installé</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>Re&amp;nommer</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>Taille &amp;réelle</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>&amp;Ajuster à la vue</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>&amp;Magnétisme de la grille</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cou&amp;per</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>Auto &amp;Layout</source>
        <translation>&amp;Disposition automatique</translation>
    </message>
    <message>
        <source>Export &amp;Diagram...</source>
        <translation>Exporter le &amp;diagramme...</translation>
    </message>
    <message>
        <source>Export Selection as Diagram</source>
        <translation>Exporter la sélection en diagramme</translation>
    </message>
    <message>
        <source>Export Diagram</source>
        <translation>Exporter le diagramme</translation>
    </message>
    <message>
        <source>SVG image (*.svg);;PNG image (*.png)</source>
        <translation>Image SVG (*.svg);;Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot Export Diagram</source>
        <translation>Impossible d&apos;exporter le diagramme</translation>
    </message>
    <message>
        <source>Exported the diagram to %1</source>
        <translation>Diagramme exporté vers %1</translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>Récupérer les modifications non enregistrées</translation>
    </message>
    <message>
        <source>Nimbus Studio did not close properly. Recover the unsaved changes to &apos;%1&apos; from %2?</source>
        <translation>Nimbus Studio ne s&apos;est pas fermé correctement. Récupérer les modifications non enregistrées de « %1 » datant de %2 ?</translation>
    </message>
    <message>
        <source>Cannot Recover</source>
        <translation>Récupération impossible</translation>
    </message>
    <message>
        <source>Save the file being edited, or the project when the design is shown</source>
        <translation>Enregistrer le fichier en cours de modification, ou le projet quand la conception est affichée</translation>
    </message>
    <message>
        <source>Save &amp;Project</source>
        <translation>Enregistrer le &amp;projet</translation>
    </message>
    <message>
        <source>Save Project &amp;As...</source>
        <translation>Enregistrer le projet &amp;sous...</translation>
    </message>
    <message>
        <source>Save A&amp;ll</source>
        <translation>&amp;Tout enregistrer</translation>
    </message>
    <message>
        <source>&amp;Close File</source>
        <translation>&amp;Fermer le fichier</translation>
    </message>
    <message>
        <source>&amp;Find...</source>
        <translation>&amp;Rechercher...</translation>
    </message>
    <message>
        <source>Find and &amp;Replace...</source>
        <translation>Rechercher et &amp;remplacer...</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Rechercher le &amp;suivant</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Rechercher le pré&amp;cédent</translation>
    </message>
    <message>
        <source>&amp;Go to Line...</source>
        <translation>&amp;Aller à la ligne...</translation>
    </message>
    <message>
        <source>Toggle &amp;Comment</source>
        <translation>&amp;Commenter/décommenter</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Compléter</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Exécuter</translation>
    </message>
    <message>
        <source>&amp;Invoke Function</source>
        <translation>&amp;Invoquer la fonction</translation>
    </message>
    <message>
        <source>&amp;Open Function Code</source>
        <translation>&amp;Ouvrir le code de la fonction</translation>
    </message>
    <message>
        <source>Show &amp;Design</source>
        <translation>Afficher la &amp;conception</translation>
    </message>
    <message>
        <source>Wrote the handler %1</source>
        <translation>Gestionnaire %1 écrit</translation>
    </message>
    <message>
        <source>Select a function to invoke, or open its code.</source>
        <translation>Sélectionnez une fonction à invoquer, ou ouvrez son code.</translation>
    </message>
</context>
<context>
    <name>Nimbus::Migrations</name>
    <message>
        <source>upgrading to schema version %1: %2</source>
        <translation>mise à niveau vers la version de schéma %1 : %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::NodeItem</name>
    <message>
        <source>unknown kind</source>
        <translation>type inconnu</translation>
    </message>
</context>
<context>
    <name>Nimbus::PaletteWidget</name>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>Filter the palette</source>
        <translation>Filtrer la palette</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
</context>
<context>
    <name>Nimbus::ProblemsDock</name>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nœuds</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problèmes (%1)</translation>
    </message>
</context>
<context>
    <name>Nimbus::Project</name>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>unknown node kind &apos;%1&apos;</source>
        <translation>type de nœud inconnu « %1 »</translation>
    </message>
    <message>
        <source>no such node</source>
        <translation>nœud inexistant</translation>
    </message>
    <message>
        <source>%1 already %2 %3</source>
        <translation>%1 %2 déjà %3</translation>
    </message>
    <message>
        <source>%1 has no property &apos;%2&apos;</source>
        <translation>%1 n&apos;a pas de propriété « %2 »</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid name: start with a letter; use at most 64 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>« %1 » n&apos;est pas un nom valide : commencez par une lettre ; au plus 64 lettres, chiffres, « - » ou « _ »</translation>
    </message>
    <message>
        <source>another node is already named &apos;%1&apos;</source>
        <translation>un autre nœud s&apos;appelle déjà « %1 »</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>presse-papiers</translation>
    </message>
</context>
<context>
    <name>Nimbus::ProjectFile</name>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>pas un fichier</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>not a Nimbus project (it is not an SQLite database)</source>
        <translation>pas un projet Nimbus (ce n&apos;est pas une base SQLite)</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>ouverture impossible : %1</translation>
    </message>
    <message>
        <source>the file is damaged: %1</source>
        <translation>le fichier est endommagé : %1</translation>
    </message>
    <message>
        <source>not a Nimbus project (an SQLite database of another program)</source>
        <translation>pas un projet Nimbus (une base SQLite d&apos;un autre programme)</translation>
    </message>
    <message>
        <source>written by a newer version of Nimbus Studio (schema %1; this version reads up to %2). Update Nimbus Studio to open it.</source>
        <translation>écrit par une version plus récente de Nimbus Studio (schéma %1 ; cette version lit jusqu&apos;au %2). Mettez Nimbus Studio à jour pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>not a Nimbus project (no schema version)</source>
        <translation>pas un projet Nimbus (aucune version de schéma)</translation>
    </message>
    <message>
        <source>cannot create a temporary folder to upgrade the file</source>
        <translation>impossible de créer un dossier temporaire pour mettre le fichier à niveau</translation>
    </message>
    <message>
        <source>cannot copy the file to upgrade it</source>
        <translation>impossible de copier le fichier pour le mettre à niveau</translation>
    </message>
    <message>
        <source>cannot upgrade from schema %1: %2</source>
        <translation>mise à niveau impossible depuis le schéma %1 : %2</translation>
    </message>
    <message>
        <source>node &apos;%1&apos; (#%2): its properties are not a valid JSON object</source>
        <translation>nœud « %1 » (n° %2) : ses propriétés ne sont pas un objet JSON valide</translation>
    </message>
    <message>
        <source>cannot read the nodes: %1</source>
        <translation>lecture des nœuds impossible : %1</translation>
    </message>
    <message>
        <source>connection #%1 refers to a node that does not exist</source>
        <translation>la connexion n° %1 désigne un nœud inexistant</translation>
    </message>
    <message>
        <source>cannot read the connections: %1</source>
        <translation>lecture des connexions impossible : %1</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>impossible de créer le dossier</translation>
    </message>
    <message>
        <source>cannot copy the function code: %1</source>
        <translation>impossible de copier le code des fonctions : %1</translation>
    </message>
    <message>
        <source>cannot open for writing: %1</source>
        <translation>ouverture en écriture impossible : %1</translation>
    </message>
    <message>
        <source>not a Nimbus project; not overwriting it</source>
        <translation>pas un projet Nimbus ; il n&apos;est pas écrasé</translation>
    </message>
    <message>
        <source>written by a newer version of Nimbus Studio; not overwriting it</source>
        <translation>écrit par une version plus récente de Nimbus Studio ; il n&apos;est pas écrasé</translation>
    </message>
    <message>
        <source>cannot create a file: %1</source>
        <translation>impossible de créer un fichier : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>cannot clear the old content</source>
        <translation>impossible d&apos;effacer l&apos;ancien contenu</translation>
    </message>
    <message>
        <source>cannot write the project information</source>
        <translation>impossible d&apos;écrire les informations du projet</translation>
    </message>
    <message>
        <source>cannot write node &apos;%1&apos;</source>
        <translation>impossible d&apos;écrire le nœud « %1 »</translation>
    </message>
    <message>
        <source>cannot write connection #%1</source>
        <translation>impossible d&apos;écrire la connexion n° %1</translation>
    </message>
    <message>
        <source>cannot commit</source>
        <translation>validation de la transaction impossible</translation>
    </message>
    <message>
        <source>cannot replace the file: %1</source>
        <translation>impossible de remplacer le fichier : %1</translation>
    </message>
</context>
<context>
    <name>Nimbus::RunHistory</name>
    <message>
        <source>%1: cannot open the run history: %2</source>
        <translation>%1 : impossible d&apos;ouvrir l&apos;historique d&apos;exécution : %2</translation>
    </message>
    <message>
        <source>%1: not a Nimbus project this version can keep a run history in</source>
        <translation>%1 : pas un projet Nimbus où cette version peut tenir un historique d&apos;exécution</translation>
    </message>
</context>
<context>
    <name>Nimbus::RunPanel</name>
    <message>
        <source>Save Event...</source>
        <translation>Enregistrer l&apos;événement...</translation>
    </message>
    <message>
        <source>Keep this event with the function, under a name</source>
        <translation>Garder cet événement avec la fonction, sous un nom</translation>
    </message>
    <message>
        <source>Delete Event</source>
        <translation>Supprimer l&apos;événement</translation>
    </message>
    <message>
        <source>Invoke</source>
        <translation>Invoquer</translation>
    </message>
    <message>
        <source>Run the function with this event (Ctrl+Return)</source>
        <translation>Exécuter la fonction avec cet événement (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Function:</source>
        <translation>Fonction :</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Événement :</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Journaux</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>Relancer</translation>
    </message>
    <message>
        <source>Use Event</source>
        <translation>Reprendre l&apos;événement</translation>
    </message>
    <message>
        <source>Put this run&apos;s event in the event editor</source>
        <translation>Mettre l&apos;événement de cette exécution dans l&apos;éditeur d&apos;événement</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Select two runs to compare their results side by side</source>
        <translation>Sélectionnez deux exécutions pour comparer leurs résultats côte à côte</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Save Event</source>
        <translation>Enregistrer l&apos;événement</translation>
    </message>
    <message>
        <source>Name of the event:</source>
        <translation>Nom de l&apos;événement :</translation>
    </message>
    <message>
        <source>Select a function on the canvas, or open its code.</source>
        <translation>Sélectionnez une fonction sur le canevas, ou ouvrez son code.</translation>
    </message>
    <message>
        <source>From %1 (%2)</source>
        <translation>Depuis %1 (%2)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <translation>Modèle : %1</translation>
    </message>
    <message>
        <source>The event is empty; use {} for no data.</source>
        <translation>L&apos;événement est vide ; utilisez {} pour aucune donnée.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <source>The event is not valid JSON. %1</source>
        <translation>L&apos;événement n&apos;est pas du JSON valide. %1</translation>
    </message>
    <message>
        <source>Running...</source>
        <translation>En cours...</translation>
    </message>
    <message>
        <source>Cold start: new code</source>
        <translation>Démarrage à froid : nouveau code</translation>
    </message>
    <message>
        <source>Cold start</source>
        <translation>Démarrage à froid</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>À chaud</translation>
    </message>
    <message>
        <source>Duration %1 ms</source>
        <translation>Durée %1 ms</translation>
    </message>
    <message>
        <source>Billed %1 ms</source>
        <translation>Facturé %1 ms</translation>
    </message>
    <message>
        <source>Memory %1 of %2 MB</source>
        <translation>Mémoire %1 sur %2 Mo</translation>
    </message>
    <message>
        <source>Init %1 ms</source>
        <translation>Initialisation %1 ms</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>à froid</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>à chaud</translation>
    </message>
    <message>
        <source>Compare Runs</source>
        <translation>Comparer des exécutions</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 ms</source>
        <translation>%1 · %2 · %3 ms</translation>
    </message>
    <message>
        <source>// logs</source>
        <translation>// journaux</translation>
    </message>
    <message>
        <source>The results and logs are the same.</source>
        <translation>Les résultats et les journaux sont identiques.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) differ.</source>
        <translation>
            <numerusform>%n ligne diffère.</numerusform>
            <numerusform>%n lignes diffèrent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::Scaffold</name>
    <message>
        <source>&apos;%1&apos; has no handler that a scaffold can be written for (%2 on %3)</source>
        <translation>&apos;%1&apos; n&apos;a pas de gestionnaire pour lequel écrire un squelette (%2 sur %3)</translation>
    </message>
    <message>
        <source>no scaffold &apos;%1&apos; for %2</source>
        <translation>pas de squelette &apos;%1&apos; pour %2</translation>
    </message>
    <message>
        <source>%1 exists already</source>
        <translation>%1 existe déjà</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::ScheduleExpression</name>
    <message>
        <source>%1: &apos;%2&apos; has an invalid step</source>
        <translation>%1 : « %2 » a un pas invalide</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a range between %3 and %4</source>
        <translation>%1 : « %2 » n&apos;est pas un intervalle entre %3 et %4</translation>
    </message>
    <message>
        <source>%1: range &apos;%2&apos; runs backwards</source>
        <translation>%1 : l&apos;intervalle « %2 » est à l&apos;envers</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a value between %3 and %4</source>
        <translation>%1 : « %2 » n&apos;est pas une valeur entre %3 et %4</translation>
    </message>
    <message>
        <source>rate() needs a positive whole number and a unit, for example rate(5 minutes)</source>
        <translation>rate() exige un entier positif et une unité, par exemple rate(5 minutes)</translation>
    </message>
    <message>
        <source>rate(): use &apos;%1&apos; with %2</source>
        <translation>rate() : utilisez « %1 » avec %2</translation>
    </message>
    <message>
        <source>rate(): unknown unit &apos;%1&apos;; use minutes, hours or days</source>
        <translation>rate() : unité inconnue « %1 » ; utilisez minutes, hours ou days</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither cron(...) nor rate(...)</source>
        <translation>« %1 » n&apos;est ni cron(...) ni rate(...)</translation>
    </message>
    <message>
        <source>cron() needs 6 fields (minutes hours day-of-month month day-of-week year), found %1</source>
        <translation>cron() exige 6 champs (minutes heures jour-du-mois mois jour-de-la-semaine année), trouvé %1</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>day-of-month</source>
        <translation>jour du mois</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>day-of-week</source>
        <translation>jour de la semaine</translation>
    </message>
    <message>
        <source>year</source>
        <translation>année</translation>
    </message>
    <message>
        <source>cron(): exactly one of day-of-month and day-of-week must be &apos;?&apos;</source>
        <translation>cron() : exactement un des champs jour du mois et jour de la semaine doit valoir « ? »</translation>
    </message>
</context>
<context>
    <name>Nimbus::Validator</name>
    <message>
        <source>a value is required</source>
        <translation>une valeur est requise</translation>
    </message>
    <message>
        <source>expected text</source>
        <translation>texte attendu</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not %2</source>
        <translation>« %1 » n&apos;est pas %2</translation>
    </message>
    <message>
        <source>in the expected form</source>
        <translation>dans la forme attendue</translation>
    </message>
    <message>
        <source>expected a cron() or rate() expression</source>
        <translation>expression cron() ou rate() attendue</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of %2</source>
        <translation>« %1 » ne fait pas partie de %2</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true ou false attendu</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>nombre entier attendu</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>nombre attendu</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>%1%2 is outside %3 to %4%2</source>
        <translation>%1%2 est hors de l&apos;intervalle %3 à %4%2</translation>
    </message>
    <message>
        <source>%1%2 is below the minimum of %3%2</source>
        <translation>%1%2 est sous le minimum de %3%2</translation>
    </message>
    <message>
        <source>%1%2 is above the maximum of %3%2</source>
        <translation>%1%2 dépasse le maximum de %3%2</translation>
    </message>
    <message>
        <source>expected a list of variables</source>
        <translation>liste de variables attendue</translation>
    </message>
    <message>
        <source>variable %1 must have a name, a text value and an optional secret flag</source>
        <translation>la variable %1 doit avoir un nom, une valeur texte et éventuellement l&apos;indicateur secret</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid variable name</source>
        <translation>« %1 » n&apos;est pas un nom de variable valide</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is reserved by the runtime</source>
        <translation>« %1 » est réservé par l&apos;environnement d&apos;exécution</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is set twice</source>
        <translation>« %1 » est défini deux fois</translation>
    </message>
    <message>
        <source>node #%1</source>
        <translation>nœud n° %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is of unknown kind &apos;%2&apos;</source>
        <translation>« %1 » est d&apos;un type inconnu « %2 »</translation>
    </message>
    <message>
        <source>%1: a name starts with a letter and has at most 64 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>%1 : un nom commence par une lettre et compte au plus 64 lettres, chiffres, « - » ou « _ »</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1 : %2 : %3</translation>
    </message>
    <message>
        <source>%1: unknown property &apos;%2&apos; is kept but not used</source>
        <translation>%1 : la propriété inconnue « %2 » est conservée mais inutilisée</translation>
    </message>
    <message>
        <source>%1: handler &apos;%2&apos; does not name a module and a function for %3</source>
        <translation>%1 : le gestionnaire « %2 » ne désigne pas un module et une fonction pour %3</translation>
    </message>
    <message>
        <source>%1: source folder &apos;%2&apos; does not exist</source>
        <translation>%1 : le dossier source « %2 » n&apos;existe pas</translation>
    </message>
    <message>
        <source>%1: handler file not found (looked for %2)</source>
        <translation>%1 : fichier du gestionnaire introuvable (cherché : %2)</translation>
    </message>
    <message>
        <source>connection #%1 refers to a node that does not exist</source>
        <translation>la connexion n° %1 désigne un nœud inexistant</translation>
    </message>
    <message>
        <source>%1 cannot %2 %3: %4</source>
        <translation>%1 ne peut pas %2 %3 : %4</translation>
    </message>
    <message>
        <source>%1 %2 %3, but its %4 is %5, so nothing is delivered</source>
        <translation>%1 %2 %3, mais sa propriété %4 vaut %5 : rien n&apos;est livré</translation>
    </message>
    <message>
        <source>%1 %2 %3 twice</source>
        <translation>%1 %2 %3 deux fois</translation>
    </message>
    <message>
        <source>%1 and %2 have the same name</source>
        <translation>%1 et %2 ont le même nom</translation>
    </message>
    <message>
        <source>%1 and %2 have the same %3 (%4)</source>
        <translation>%1 et %2 ont les mêmes %3 (%4)</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>%1 is never invoked: connect a trigger, a service or another function to it</source>
        <translation>%1 n&apos;est jamais invoqué(e) : connectez-y un déclencheur, un service ou une autre fonction</translation>
    </message>
    <message>
        <source> %1 %2</source>
        <translation> %1 %2</translation>
    </message>
    <message>
        <source>, which %1 %2</source>
        <translation>, qui %1 %2</translation>
    </message>
    <message>
        <source>event loop: %1; every event causes another, without end</source>
        <translation>boucle d&apos;événements : %1 ; chaque événement en provoque un autre, sans fin</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Design, run, cost and export serverless architectures.</source>
        <translation>Concevoir, exécuter, chiffrer et exporter des architectures serverless.</translation>
    </message>
    <message>
        <source>A .nimbus or .json project to open.</source>
        <translation>Un projet .nimbus ou .json à ouvrir.</translation>
    </message>
    <message>
        <source>Open a working copy of a bundled example.</source>
        <translation>Ouvrir une copie de travail d&apos;un exemple fourni.</translation>
    </message>
    <message>
        <source>Render the window to a PNG file and exit.</source>
        <translation>Rendre la fenêtre dans un fichier PNG et quitter.</translation>
    </message>
    <message>
        <source>Select the node NAME (with --screenshot, to show its properties).</source>
        <translation>Sélectionner le nœud NOM (avec --screenshot, pour montrer ses propriétés).</translation>
    </message>
    <message>
        <source>Open the code of the function NAME in an editor tab.</source>
        <translation>Ouvrir le code de la fonction NAME dans un onglet d’éditeur.</translation>
    </message>
    <message>
        <source>Invoke the function shown in the Run panel once the window is up.</source>
        <translation>Invoquer la fonction affichée dans le panneau Exécuter une fois la fenêtre ouverte.</translation>
    </message>
</context>
</TS>
