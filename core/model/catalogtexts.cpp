// The catalog's words (resources/catalog), for lupdate: kinds, categories, property labels,
// units and help, connection labels and meanings. The studio shows them through
// Catalog::text(); tst_translations fails when the catalog has one that is not here.

#include "catalog.h"

#include <QtGlobal>

#include <iterator>

namespace Nimbus {

namespace {

// One table rather than a function: data that lupdate reads, in the order of the catalog.
const char *const kSourceTexts[] = {
    // A bucket (S3) kind: its name, category, properties and help.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Bucket"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Services"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "An object store (S3): functions put and get objects; a connected function is notified of changes."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Notified events"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Which object changes invoke connected functions."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Key prefix filter"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Only keys starting with this text cause events."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Key suffix filter"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Only keys ending with this text cause events, for example .png."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Versioning"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Keep every version of each object."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Storage class"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "How objects are stored and billed: Standard, Standard-Infrequent Access or Glacier Instant Retrieval."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Throttle rate"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Share of SDK calls on the bucket the local cloud refuses with SlowDown (503), so that "
                      "the SDK's retries run."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "%"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Chaos"),
    // A function kind: its name, category, properties and help.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Function"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Compute"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "A function whose handler runs on Node.js or Python for each event it receives."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Runtime"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Language runtime of the handler. Java and .NET run locally on the JDK or .NET of that version, "
                      "with Lambda's runtime interface client for the language (the function's build brings it, or "
                      "the runtimes folder of Nimbus's data)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Custom runtime code"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "provided.al2023 and provided.al2 only: the code a new function is given, a Go program "
                      "(main.go and go.mod, built into its bootstrap) or a shell script that is the bootstrap itself "
                      "(curl against the Runtime API). Chosen while the function has no code yet."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Handler"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "The module (file without extension, relative to the source folder) and the exported function."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "module.function, for example index.handler or app.lambda_handler; Java "
                                         "package.Class::method; .NET Assembly::Namespace.Class::Method"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Source folder"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Folder of the function's code, relative to the project file."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "a folder relative to the project file"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Memory"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Memory available to the function; CPU share grows with it."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "MB"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Timeout"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Longest time an invocation may run before it is stopped."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "s"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Architecture"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Instruction set the function is billed and deployed for."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Environment"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Environment variables; a secret one is masked in the studio and exported as a parameter."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Reserved concurrency"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Most instances that may run at once; empty means no limit of its own."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "instances"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "In a VPC"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Place the function in a VPC: its internet traffic then goes through a NAT "
                                         "gateway, which the cost estimate counts."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Description"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "What the function does."),
    // An HTTP route kind: its name, category, properties and help.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "HTTP route"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Triggers"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "An HTTP method and path on the API gateway; each matching request invokes the connected function."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Method"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "HTTP method matched by this route; ANY matches every method."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Path"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Path template, for example /items/{id} or /files/{proxy+}."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "a path starting with '/', whose segments are literal text, {name} or a final {name+}"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Payload format"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "API Gateway event shape: 2.0 (HTTP API) or 1.0 (REST API)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "CORS"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Answer CORS preflight requests and add CORS headers to responses."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Fault rate"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Share of invocations the local cloud makes fail, to test retries and dead-letter queues; "
                      "the fault seed decides which."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Fault type"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "How an injected fault fails: a thrown Error, a timeout at the function's timeout, a "
                      "crashed worker (Runtime.ExitError) or an out-of-memory end (Runtime.OutOfMemory)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Added latency"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Time the local cloud waits before the handler runs, counted in the invocation's duration "
                      "and timeout."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "ms"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Share of invocations refused with TooManyRequestsException, as Lambda throttles; "
                      "asynchronous ones are retried."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Cold start every time"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Run every invocation on a fresh worker, so that each pays the cold start."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Logging"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Log format"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Text: log lines as written. JSON: each console.log or logging line becomes a JSON object "
                      "(timestamp, level, requestId, message), as Lambda's advanced logging controls write it."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Application log level"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "JSON format only: the handler's log lines below this level are dropped (AWS_LAMBDA_LOG_LEVEL)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "System log level"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "JSON format only: the runtime's own lines (START, END, REPORT) below this level are dropped."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Function URL"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Give the function an HTTPS endpoint of its own; locally the gateway serves "
                                         "it at /_url/<function>/ with the Function URL event (payload 2.0)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Auth type"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "AWS_IAM: requests must be signed with Signature Version 4 (unsigned ones get "
                                         "403). NONE: anyone may call the URL."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "CORS origins"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "Origins allowed to call the URL from a browser, separated by commas (* for any); empty for no CORS."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Invoke mode"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "BUFFERED: the answer is sent whole when the handler returns. RESPONSE_STREAM: chunks reach the "
                      "client as the handler writes them (awslambda.streamifyResponse)."),
    // A queue (SQS) kind: its name, category, properties and help.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Queue"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "A message queue (SQS): functions send messages; a connected function receives them in batches."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "FIFO"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "First-in-first-out delivery with exactly-once processing."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Visibility timeout"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "How long a received message stays hidden from other consumers."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Message retention"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "How long an unconsumed message is kept."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Delivery delay"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Delay before a new message becomes visible."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Physical name"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "empty, or 3 to 63 lowercase letters, digits, dots or hyphens, beginning and ending with a letter or digit"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The bucket's name once deployed (BucketName) and the name the local cloud "
                                         "serves it under; empty: the node's name."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "empty, or 1 to 80 letters, digits, hyphens or underscores (a FIFO queue's ending in .fifo)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The queue's name once deployed (QueueName) and the name the local cloud "
                                         "serves it under; empty: the node's name (with .fifo for a FIFO queue)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "empty, or 3 to 255 letters, digits, '_', '.' or '-'"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The table's name once deployed (TableName) and the name the local cloud "
                                         "serves it under; empty: the node's name."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "empty, or 1 to 256 letters, digits, hyphens or underscores (a FIFO topic's ending in .fifo)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The topic's name once deployed (TopicName) and the name the local cloud "
                                         "serves it under; empty: the node's name (with .fifo for a FIFO topic)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Content-based deduplication"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "FIFO only: messages with the same body within five minutes are delivered "
                                         "once, without a deduplication id from the sender."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Batch size"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Most messages delivered to a function in one event."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "messages"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Max receive count"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Deliveries of a message before it moves to the dead-letter queue."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Batching window"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "How long a batch waits for more messages, up to the batch size, before the "
                                         "function gets it; 0 delivers at once."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Maximum concurrency"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Most batches of this queue a function processes at once; empty: one at a "
                                         "time (a FIFO queue: one per message group, up to four)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Report batch item failures"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "A function's batchItemFailures answer returns only those messages to the "
                                         "queue and deletes the rest; off, a successful batch is deleted whole."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Filter criteria"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Up to five event patterns, as JSON, one of which a message must match to reach the function, "
                      "for example {\"body\": {\"total\": [{\"numeric\": [\">\", 100]}]}}; the others are "
                      "deleted. Empty filters nothing."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Share of SDK calls on the queue the local cloud refuses as throttled (RequestThrottled), "
                      "so that the SDK's retries run."),
    // A schedule (EventBridge) kind: its name, category, properties and help.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Schedule"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Runs the connected function at fixed times (cron) or intervals (rate), "
                                         "as an EventBridge rule does. Times are UTC."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Expression"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "cron(minutes hours day-of-month month day-of-week year) or rate(value "
                                         "unit), for example cron(0 2 * * ? *) or rate(1 hour)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Enabled"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "A disabled schedule never fires."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "What the schedule is for."),
    // A table (DynamoDB) kind: its name, category, properties and help.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Table"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "A key-value and document table (DynamoDB); a connected function receives its change stream."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Partition key"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Name of the partition (hash) key attribute."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "1 to 255 letters, digits, '_', '.' or '-'"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Partition key type"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "String, number or binary."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Sort key"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Name of the sort (range) key attribute; empty for none."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "empty, or 1 to 255 letters, digits, '_', '.' or '-'"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Sort key type"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Billing mode"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "On-demand or provisioned capacity."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Stream"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "What the change stream carries; a function connected to the table needs a stream."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Time to Live attribute"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The number attribute holding when an item expires (epoch seconds); the "
                                         "table deletes expired items. Empty for none."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Secondary indexes"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Global and local secondary indexes, as JSON, for example [{\"name\": \"byEmail\", "
                      "\"kind\": \"global\", \"partitionKey\": \"email\", \"partitionKeyType\": \"S\", "
                      "\"sortKey\": \"\", \"projection\": \"ALL\"}]; a local index has the table's partition key "
                      "and its own sort key; projection ALL, KEYS_ONLY or INCLUDE (with nonKeyAttributes). Query and "
                      "Scan read one by IndexName. Empty for none."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Up to five event patterns, as JSON, one of which a stream record must match to reach the "
                      "function, for example {\"eventName\": [\"INSERT\"]}; the others are skipped. Empty filters "
                      "nothing."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Take the function's batchItemFailures answer: the records before the first one it reports "
                      "are done, that one and those after it are retried. Off, an answer does not fail any record."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Share of SDK calls on the table the local cloud refuses with "
                                         "ProvisionedThroughputExceededException, so that the SDK's retries run."),
    // A topic (SNS) kind: its name, category, properties and help.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Topic"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "A publish/subscribe topic (SNS): every message reaches every subscribed function."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Ordered delivery with deduplication."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Display name"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Name shown to subscribers."),
    // The connections: their labels, meanings and what each one does.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "invokes"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The source delivers events that run the function."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "writes"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "The function puts data into the service; services that notify on change pass the write on as an event."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "reads"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The function reads from the service. Reading never causes an event."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "publishes"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The function publishes a message that every subscriber receives."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "calls"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The function invokes another function asynchronously."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "delivers"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Every message published to the topic that passes the connection's filter "
                                         "policy is sent to the queue, as an SNS subscription."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "sends each published message that passes the filter policy to the queue (an SNS subscription)"),
    // A subscription's properties (topic -> queue, topic -> function).
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Filter policy"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "An SNS filter policy as JSON ({\"store\": [\"example_corp\"]}): only the "
                                         "messages it matches are delivered; empty: every message."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Filter policy scope"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "What the filter policy is matched against: the message attributes, or the "
                                         "message itself as JSON."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Raw message delivery"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The queue gets the message alone, its attributes as the SQS message's; off: "
                                         "SNS's notification JSON (Type, MessageId, TopicArn, Message ...)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "each matching request runs the function (API Gateway event)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "runs the function at each scheduled time (EventBridge event)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "delivers messages in batches (SQS event)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "delivers each published message (SNS event)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "notifies object changes (S3 event)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "streams item changes (DynamoDB stream event)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "sends messages to the queue"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "puts and deletes objects"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "puts, updates and deletes items"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "gets and lists objects"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "gets, queries and scans items"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "receives and deletes messages itself"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "publishes messages to every subscriber"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "invokes the other function asynchronously"),
    // An event bus (EventBridge) kind: its name, category, properties and help.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Event bus"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "An event bus (EventBridge): functions put events on it; its rules route each "
                                         "event that matches their pattern to their targets."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Bus name"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "The bus's name in the cloud; \"default\" is the account's default event bus."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "at most 256 letters, digits, '.', '-', '_' or '/'"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "What the bus carries."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Archive"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Keep the events the bus receives in an archive named after the bus "
                                         "(<bus>-archive), from which a time range can be replayed onto the bus."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Archive retention"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "How long archived events are kept; empty keeps them indefinitely."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "days"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Archive pattern"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The event pattern, as JSON, of the events the archive keeps; empty keeps "
                                         "every event. Replayed events are never archived again."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Share of SDK calls on the topic the local cloud refuses as throttled (Throttled, 429), "
                      "so that the SDK's retries run."),
    // A rule (EventBridge) kind: its name, category, properties and help.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Rule"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "An event bus rule (EventBridge): each event on the connected bus that "
                                         "matches its pattern goes to its targets, as the rule's input says."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Event pattern"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "The EventBridge event pattern, as JSON, for example {\"detail-type\": [\"order placed\"], "
                      "\"detail\": {\"total\": [{\"numeric\": [\">\", 100]}]}}."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "A disabled rule matches no event."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Target input"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "What each target receives: the matched event, a constant JSON text (Input), a part of the event "
                      "(InputPath), or a template filled from the event (InputTransformer)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Constant input"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The JSON text every target receives when the target input is Input."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Input path"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The part of the event every target receives when the target input is "
                                         "InputPath, as a JSONPath such as $.detail."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Input paths"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "InputTransformer: a JSON object naming the values to take from the event, "
                                         "for example {\"id\": \"$.detail.id\"}."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Input template"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "InputTransformer: the text each target receives, with <name> replaced by the value of that input path."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Maximum retry attempts"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "How many times a failed delivery to a target is retried."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Maximum event age"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "How long an event is retried before it is dropped or sent to the dead-letter queue."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Dead-letter queue"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "The name of a queue on the canvas that receives the events that could not be delivered; empty for none."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "What the rule is for."),
    // The event bus's connections: their labels, meanings and what each one does.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "routes"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "The event bus offers each event it receives to the rule, which keeps those that match its pattern."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "targets"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The rule delivers each matching event to the target, as its input says."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "puts events on the bus"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "matches each event against the rule's pattern"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "invokes the function asynchronously with each matching event"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "sends each matching event to the queue as a message"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "publishes each matching event to the topic"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "puts each matching event on the other bus"),
    // Asynchronous invocations' destinations and settings, stream and bucket trigger settings.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "on success"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "After an asynchronous invocation succeeds, Lambda sends a record of it (the "
                                         "request and the function's answer) to this destination."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "on failure"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "After an asynchronous invocation fails every retry, or is too old to try again, Lambda sends a "
                      "record of it (the request and the error) to this destination."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "when an asynchronous invocation succeeds, sends the invocation record to the queue"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "when an asynchronous invocation succeeds, publishes the invocation record to the topic"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "when an asynchronous invocation succeeds, invokes the function with the invocation record"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "when an asynchronous invocation succeeds, puts the invocation record on the bus"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "when an asynchronous invocation fails, sends the invocation record to the queue"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "when an asynchronous invocation fails, publishes the invocation record to the topic"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "when an asynchronous invocation fails, invokes the function with the invocation record"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "when an asynchronous invocation fails, puts the invocation record on the bus"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "Up to five event patterns, as JSON, one of which an S3 event record must match to reach the function, for "
        "example {\"s3\": {\"object\": {\"size\": [{\"numeric\": [\">\", 1024]}]}}}. Empty filters nothing."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Asynchronous retries"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "How many times Lambda retries an asynchronous invocation (from a topic, a bucket, a bus, a "
                      "schedule or another function) that failed, after about one and then two minutes."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "How long Lambda keeps an asynchronous event it could not yet process; an "
                                         "older one goes to the on-failure destination, or is dropped."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "records"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Most stream records delivered to a function in one event."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "How long a batch waits for more records, up to the batch size, before the "
                                         "function gets it; 0 delivers at once."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Starting position"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Where a connected function starts reading the stream when the cloud starts: "
                                         "new records only, or every record of the last 24 hours."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Split batch on error"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "When the function fails, split the batch in two and retry each half, to isolate a bad record."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Retries of a failed batch before its records are skipped (and sent to the "
                                         "function's on-failure destination); empty: until the records expire."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Maximum record age"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Records older than this are skipped (and sent to the function's on-failure "
                                         "destination); empty: until they expire from the stream (24 hours)."),
    // A user pool (Cognito) kind, the HTTP route's authorization properties and the authorizes connection.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "User pool"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Security"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "A user directory (Cognito user pool) that signs in users and issues the tokens protected routes ask for. "
        "Locally it issues signed tokens for its test users; its signing key stays out of the project."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Test users"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The local test users' names, separated by commas, for example alice, bob."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Groups"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Groups of the test users, as user:group pairs separated by commas, for "
                                         "example alice:admins; they appear in the cognito:groups claim."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Scopes"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The scopes the pool's app client may grant, separated by spaces."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Token validity"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "How long an access or ID token is valid."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Callback URLs"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Where the hosted sign-in may send users back, separated by commas: https:// addresses, or "
                      "http://localhost for testing."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "min"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Authorization"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "JWT issuer"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "An identity provider's issuer URL (the iss claim): requests need a JSON Web Token it signed "
                      "(JWT authorizer). Empty when a user pool on the canvas authorizes the route, or for none."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "JWT audiences"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "The audiences (aud or client_id claim) a token must carry, separated by commas."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "JWKS"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Where the issuer's public keys are: an https URL fetched when a token arrives, or a JSON file "
                      "in the project folder. Empty: the issuer's /.well-known/jwks.json."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "A token must carry one of these scopes (space-separated); empty for any."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Identity source"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Lambda authorizer: the request values the authorizer receives and caches on, "
                                         "separated by commas; a request without them is refused with 401."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Authorizer cache"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "Lambda authorizer: how long its answer for the same identity is reused; 0 calls it for every request."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Simple responses"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "Lambda authorizer (payload 2.0): it answers {\"isAuthorized\": true} rather than an IAM policy."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "API key required"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "REST API (payload 1.0): requests need a key of the usage plan in x-api-key."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Usage plan rate"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "API key: the steady requests per second a key may make before 429 Too Many Requests."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "req/s"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Usage plan burst"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "API key: how many requests a key may make at once above the rate."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Usage plan quota"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "API key: the requests a key may make per day before 403 Limit Exceeded; 0 for no quota."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "req/day"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "authorizes"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Requests on the route must first be allowed: by a token the user pool "
                                         "issued, or by the function's answer (Lambda authorizer)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "each request needs a token the pool issued (JWT authorizer)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "each request is first given to the function, which allows or denies it (Lambda authorizer)"),
    // The secret and the parameter (Secrets Manager, Parameter Store) and their connections.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Secret"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "A secret (Secrets Manager) that connected functions read or write through the SDK or the "
                      "Parameters and Secrets extension. Its value stays out of the project: in the desktop's "
                      "keychain, or a file of the user's data folder only the user may read."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Secret name"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The secret's name in the cloud, for example prod/shop/db."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "at most 512 letters, digits or /_+=.@-"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "What the secret holds."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Generated"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "The cloud generates a random password as the secret's value when it is deployed "
                      "(GenerateSecretString); locally one is generated when the secret has no value yet."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Rotation"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "How the secret is rotated; rotation is not designed yet."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Parameter"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "A parameter (Systems Manager Parameter Store) that connected functions read or write. Its value stays out of "
        "the project: in the desktop's keychain, or a file of the user's data folder only the user may read."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Parameter name"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The parameter's name in the cloud; a hierarchy such as /shop/prod/url lets "
                                         "GetParametersByPath read a branch."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "at most 1011 letters, digits or /_.-"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Type"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "String, StringList (values separated by commas) or SecureString (encrypted "
                                         "in the cloud; CloudFormation cannot create one)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "What the parameter holds."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Tier"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Standard parameters hold up to 4 KB, advanced ones up to 8 KB."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "reads the secret's value"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "puts a new version of the secret's value"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "reads the parameter's value"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "puts a new version of the parameter's value"),
    // The state machine (Step Functions), its properties and its connections.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "State machine"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "A workflow (Step Functions state machine) written in the Amazon States Language: its Task "
                      "states invoke functions and write queues, topics and tables, with retries, branches, waits and "
                      "error handling; routes, schedules, queues, topics, rules and functions start its executions."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Standard workflows run up to a year, exactly once, billed per state transition; Express "
                      "workflows run up to five minutes, at least once, billed per request and duration."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Definition"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "The Amazon States Language file of the machine, relative to the project file. ${name} of a node "
                      "of the design stands for its ARN (a function, topic or state machine), URL (a queue) or name (a "
                      "table, a bus), as DefinitionSubstitutions in the exports."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "a .json file relative to the project file"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Machine name"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The state machine's name in the cloud."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "at most 80 letters, digits, '-' or '_'"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Longest time an execution may run; empty: the definition's TimeoutSeconds, "
                                         "else a year (Standard) or five minutes (Express)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Logging level"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Which execution events go to CloudWatch Logs once deployed (required above "
                                         "OFF for Express workflows to be observable)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "X-Ray tracing"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Trace executions with AWS X-Ray once deployed."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "What the workflow does."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "starts"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The source starts an execution of the state machine, with its event (or the "
                                         "function's call) as the execution's input."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "starts an execution with the request's body (API Gateway's StartExecution integration)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "starts an execution each time the schedule fires"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "starts an execution for each message (an EventBridge pipe)"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "starts an execution for each message published (through an EventBridge pipe or rule once deployed)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "starts an execution with each matching event"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "starts executions through the SDK (StartExecution)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "a Task state starts an execution of the other machine, and may wait for it (.sync)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "a Task state invokes the function"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "a Task state sends a message to the queue"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "a Task state publishes a message to the topic"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "a Task state puts, updates or deletes items"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "a Task state gets items"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "a Task state puts events on the bus"),
    // The layer (Lambda layers), its properties and the extends connection.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Layer"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "A Lambda layer: a folder of libraries, a custom runtime or tools that connected functions find "
                      "as if it were mounted at /opt (nodejs/node_modules, python, bin, lib), without bundling it."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Folder"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Folder of the layer's content, relative to the project file: what Lambda "
                                         "extracts into /opt (nodejs/node_modules, python, bin, lib ...)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Layer name"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "at most 64 letters, digits, '-' or '_'"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The layer's name in the cloud."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Compatible runtimes"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "runtime ids separated by commas, for example nodejs20.x, python3.12"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Runtimes the layer is built for, separated by commas; empty: any. A "
                                         "function on another runtime gets a warning."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Compatible architectures"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Instruction set the layer's binaries are built for; any: both (or no binaries)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "What the layer holds."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "License"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The layer's license: an SPDX identifier (MIT), a URL or its full text."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "extends"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The layer's content is available to the function as if mounted at /opt, "
                                         "after the layers connected before it (a later layer's file wins)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "the function finds the layer's libraries and tools as if they were in /opt"),
    // The container (serverless containers), its properties and connections.
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Container"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "A serverless container (Cloud Run, Knative, Scaleway Containers, Fargate): an HTTP server listening on PORT "
        "that routes and events reach, scaled from zero on demand and back after it idles."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Image"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The container image deployed, and run locally by podman or docker when one "
                                         "is installed; empty: the local command runs it."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "an image reference, for example ghcr.io/acme/orders:1.2 (or empty)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Port"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "The port the server listens on inside the container; it is given in PORT."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Concurrency"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "requests"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Requests one instance serves at once; above it another instance starts, up to the maximum."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "CPU"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "vCPU"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Virtual CPUs of each instance."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Memory of each instance."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Minimum instances"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Instances kept running when idle; 0 scales to zero."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Maximum instances"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "Most instances that may run at once; requests beyond their concurrency wait."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Idle timeout"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "How long an instance that serves nothing is kept before it stops (down to the minimum instances)."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Request timeout"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Longest time a request may take before the client gets 504."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "Local command"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "The command that runs the server on this machine when no container engine runs the image, for example node "
        "server.js; it is split into a program and its arguments, never given to a shell, and gets PORT."),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "Folder the local command runs in (the container's build context), relative to the project file."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "What the container does."),
    QT_TRANSLATE_NOOP("Nimbus::Catalog", "each matching request is proxied to the container as HTTP"),
    QT_TRANSLATE_NOOP(
        "Nimbus::Catalog",
        "POSTs the scheduled event to the container (a CloudEvent, as Cloud Scheduler and Eventarc push)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "POSTs each batch of messages to the container (a CloudEvent); a 2xx answer deletes them"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "POSTs each published message to the container (a CloudEvent, as a push subscription)"),
    QT_TRANSLATE_NOOP("Nimbus::Catalog",
                      "POSTs each matching event to the container (a CloudEvent, as an Eventarc trigger)"),
};

} // namespace

const QList<const char *> &Catalog::sourceTexts()
{
    static const QList<const char *> texts(std::begin(kSourceTexts), std::end(kSourceTexts));
    return texts;
}

} // namespace Nimbus
