#pragma once

#include "node.h"

#include <QString>

namespace Nimbus {

// The names queues, topics, tables and buckets have once deployed, which the exports write
// and the local cloud serves them under.

// A node's physicalName property (BucketName, QueueName, TableName, TopicName), empty
// when it has none.
QString physicalName(const Node &node);
// Its deployed name: the physical name, else the node's name; a FIFO queue's or topic's
// ends with ".fifo", as AWS requires.
QString deployedName(const Node &node);
// A queue's dead-letter queue's: the queue's deployed name with "-dlq" before ".fifo".
QString deadLetterName(const Node &queue);

} // namespace Nimbus
