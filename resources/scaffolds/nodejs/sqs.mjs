// {{function}}: processes a batch of queue messages. A message whose id is returned in
// batchItemFailures goes back to the queue; the others are deleted.
export const {{handler}} = async (event, context) => {
    const batchItemFailures = [];
    for (const record of event.Records) {
        try {
            const message = JSON.parse(record.body);
            console.log(`message ${record.messageId}`, JSON.stringify(message));
        } catch (err) {
            console.error(`message ${record.messageId} failed: ${err.message}`);
            batchItemFailures.push({ itemIdentifier: record.messageId });
        }
    }
    return { batchItemFailures };
};
